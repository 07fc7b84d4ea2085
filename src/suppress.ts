// Inline suppressions: `ehcompat-ignore-next-line|line|file RULES [exp:YYYY-MM-DD] [-- reason]` in a comment of the
// file's own syntax (ECOSYSTEM.md §4.3).
import type { FileKind } from './extract/index.js';
import type { Notification } from './extract/types.js';
import type { Finding, Rule } from './rule.js';

export type SuppressionKind = 'next-line' | 'line' | 'file';

export interface Suppression {
  file: string;
  /** Line and column of the directive itself. */
  line: number;
  column: number;
  kind: SuppressionKind;
  /** Rule ids, canonical (`EH101`). */
  rules: string[];
  /** Last day it suppresses, `YYYY-MM-DD`. */
  expires?: string;
  reason?: string;
  /** For `next-line` and `line`: the line it applies to. */
  target?: number;
}

export interface SuppressedFinding extends Finding {
  suppression: { kind: 'inSource' | 'external'; justification: string };
}

/** How a file kind writes comments; kinds without comments (package.json, lockfiles) have no suppressions. */
type Syntax = 'hash-line' | 'hash' | 'slash' | 'xml';

const SYNTAX: Partial<Record<FileKind, Syntax>> = {
  // java.util.Properties: only a line starting with # or ! is a comment; a # after a value is part of the value.
  properties: 'hash-line',
  'gradle-properties': 'hash-line',
  // librdkafka config files read like Java properties: `#` starts a comment only at the start of a line.
  conf: 'hash-line',
  yaml: 'hash',
  text: 'hash',
  'version-catalog': 'hash',
  jaas: 'slash',
  java: 'slash',
  script: 'slash',
  gradle: 'slash',
  maven: 'xml',
};

export const MARKER = 'ehcompat-ignore-';
/** What comes right before a directive: the comment's opener in the file's syntax. */
const OPENER: Record<Syntax, RegExp> = {
  'hash-line': /^\s*[#!]\s*$/,
  hash: /(^|\s)#\s*$/,
  slash: /(\/\/|\/\*+|^\s*\*)\s*$/,
  xml: /<!--\s*$/,
};
const DIRECTIVE = /ehcompat-ignore-([a-z-]+)(.*)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Which character offsets of each line are inside a comment, for the syntaxes that have block comments. */
function commentStarts(text: string, syntax: Syntax): (line: string, lineIndex: number) => (index: number) => boolean {
  if (syntax === 'hash-line') return (line) => { const t = line.trimStart(); const inside = t.startsWith('#') || t.startsWith('!'); return () => inside; };
  if (syntax === 'hash') {
    return (line) => (index) => {
      for (let i = line.indexOf('#'); i !== -1 && i < index; i = line.indexOf('#', i + 1)) if (i === 0 || /\s/.test(line[i - 1]!)) return true;
      return false;
    };
  }
  // Block comments span lines: record, per line, whether it starts inside one.
  const open = syntax === 'xml' ? '<!--' : '/*';
  const close = syntax === 'xml' ? '-->' : '*/';
  const startsInside: boolean[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    startsInside.push(inside);
    let i = 0;
    while (i < line.length) {
      if (inside) {
        const end = line.indexOf(close, i);
        if (end === -1) break;
        inside = false;
        i = end + close.length;
      } else {
        const lineComment = syntax === 'slash' ? line.indexOf('//', i) : -1;
        const start = line.indexOf(open, i);
        if (start === -1 || (lineComment !== -1 && lineComment < start)) break;
        inside = true;
        i = start + open.length;
      }
    }
  }
  return (line, lineIndex) => (index) => {
    let inBlock = startsInside[lineIndex] ?? false;
    let i = 0;
    while (i < index) {
      if (inBlock) {
        const end = line.indexOf(close, i);
        if (end === -1 || end >= index) return true;
        inBlock = false;
        i = end + close.length;
      } else {
        const lineComment = syntax === 'slash' ? line.indexOf('//', i) : -1;
        const start = line.indexOf(open, i);
        if (lineComment !== -1 && lineComment < index && (start === -1 || lineComment < start)) return true;
        if (start === -1 || start >= index) return false;
        inBlock = true;
        i = start + open.length;
      }
    }
    return inBlock;
  };
}

export interface RuleIndex {
  /** `EH101`, `eh101`, `plaintext-transport` and `EH101-plaintext-transport` all name EH101. */
  resolve(idOrName: string): string | undefined;
}

export function ruleIndex(rules: readonly Pick<Rule, 'id' | 'name'>[]): RuleIndex {
  const byName = new Map<string, string>();
  for (const r of rules) {
    byName.set(r.id.toLowerCase(), r.id);
    byName.set(r.name.toLowerCase(), r.id);
    byName.set(`${r.id}-${r.name}`.toLowerCase(), r.id);
  }
  return { resolve: (s) => byName.get(s.toLowerCase()) };
}

/** A line that holds nothing but comments with directives, so stacked `next-line` directives reach past each other. */
function onlyDirective(line: string): boolean {
  return line.includes(MARKER) && /^\s*(#|!|\/\/|\/\*|\*|<!--)/.test(line);
}

/**
 * Reads the directives of one file. A directive without a rule id, with an unknown rule or a bad date is a
 * notification (an error: a typo must not silently suppress nothing).
 */
export function parseSuppressions(file: string, kind: FileKind, text: string, rules: RuleIndex): { suppressions: Suppression[]; notifications: Notification[] } {
  const suppressions: Suppression[] = [];
  const notifications: Notification[] = [];
  const syntax = SYNTAX[kind];
  if (!syntax || !text.includes(MARKER)) return { suppressions, notifications };
  const lines = text.split('\n');
  const inComment = commentStarts(text, syntax);
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const at = line.indexOf(MARKER);
    if (at === -1) return;
    const problem = (message: string) => notifications.push({ level: 'error', kind: 'bad-suppression', file, line: i + 1, column: at + 1, message });
    if (!inComment(line, i)(at)) {
      // `acks=0 # ehcompat-ignore-line EH201` in a .properties file: the directive became part of the value.
      if (syntax === 'hash-line' && /#\s*$/.test(line.slice(0, at)) && DIRECTIVE.test(line.slice(at))) {
        problem('in this file a # after a value is part of the value, so this directive is not a comment (and changes the value); put ehcompat-ignore-next-line on the line before');
      }
      return;
    }
    // A directive starts its comment; prose that mentions one (`/** Use ehcompat-ignore-next-line … */`) is not one.
    if (!OPENER[syntax].test(line.slice(0, at))) return;
    const m = DIRECTIVE.exec(line.slice(at));
    if (!m) return;
    const kindText = m[1]!;
    if (kindText !== 'next-line' && kindText !== 'line' && kindText !== 'file') {
      problem(`unknown suppression 'ehcompat-ignore-${kindText}'; use ehcompat-ignore-next-line, ehcompat-ignore-line or ehcompat-ignore-file`);
      return;
    }
    // Comment closers end the directive.
    let rest = m[2]!.replace(/\s*(\*\/|-->).*$/, '');
    let reason: string | undefined;
    // `--` cannot appear inside an XML comment, so ` - ` and an em dash separate the reason too.
    const dashes = rest.search(/(^|\s)(--|—|-)(\s|$)/);
    if (dashes !== -1) {
      reason = rest.slice(dashes).replace(/^\s*(--|—|-)\s*/, '').trim() || undefined;
      rest = rest.slice(0, dashes);
    }
    let expires: string | undefined;
    const ids: string[] = [];
    for (const token of rest.split(/[\s,]+/).filter(Boolean)) {
      if (token.startsWith('exp:')) {
        const date = token.slice(4);
        // Round-tripped: Date.parse accepts 2026-02-30 as 2 March.
        if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
          problem(`suppression expiry '${token}' is not a date; write exp:YYYY-MM-DD`);
          return;
        }
        expires = date;
        continue;
      }
      const id = rules.resolve(token);
      if (!id) {
        problem(`suppression names unknown rule '${token}'; run 'ehcompat rules' for the list`);
        return;
      }
      ids.push(id);
    }
    if (ids.length === 0) {
      problem(`ehcompat-ignore-${kindText} needs the rule id(s) it suppresses, e.g. 'ehcompat-ignore-${kindText} EH101 -- reason'`);
      return;
    }
    const s: Suppression = { file, line: i + 1, column: at + 1, kind: kindText, rules: [...new Set(ids)] };
    if (expires) s.expires = expires;
    if (reason) s.reason = reason;
    if (kindText === 'line') s.target = i + 1;
    if (kindText === 'next-line') {
      // In a block comment that goes on, the next line is the one after the comment closes.
      let j = i + 1;
      const close = syntax === 'xml' ? '-->' : syntax === 'slash' ? '*/' : undefined;
      const lineComment = syntax === 'slash' && line.lastIndexOf('//', at) !== -1;
      if (close && !lineComment && !line.includes(close, at) && inComment(line, i)(line.length)) {
        while (j < lines.length && !lines[j]!.includes(close)) j++;
        j++;
      }
      while (j < lines.length && onlyDirective(lines[j]!)) j++;
      s.target = j + 1;
    }
    suppressions.push(s);
  });
  return { suppressions, notifications };
}

export interface Applied {
  kept: Finding[];
  suppressed: SuppressedFinding[];
  /** Directives that suppressed nothing among the rules that ran (for --report-unused-suppressions). */
  unused: Suppression[];
  /** Directives past their expiry date that would otherwise have suppressed a finding. */
  expired: Suppression[];
}

/** `today` is `YYYY-MM-DD`; a directive suppresses through its expiry day. */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], today: string, activeRules: ReadonlySet<string>): Applied {
  const byFile = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    const list = byFile.get(s.file) ?? [];
    list.push(s);
    byFile.set(s.file, list);
  }
  const used = new Set<Suppression>();
  const expired = new Set<Suppression>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const candidates = (byFile.get(f.location.file) ?? []).filter(
      (s) => s.rules.includes(f.ruleId) && (s.kind === 'file' || s.target === f.location.line),
    );
    const live = candidates.find((s) => !s.expires || s.expires >= today);
    for (const s of candidates) if (s.expires && s.expires < today) expired.add(s);
    if (!live) {
      kept.push(f);
      continue;
    }
    used.add(live);
    const justification = live.reason ?? `ehcompat-ignore-${live.kind} at line ${live.line}`;
    suppressed.push({ ...f, suppression: { kind: 'inSource', justification } });
  }
  const unused = suppressions.filter((s) => !used.has(s) && !expired.has(s) && s.rules.some((r) => activeRules.has(r)));
  return { kept, suppressed, unused, expired: [...expired] };
}
