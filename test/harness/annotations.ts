// Reads the expectations written inside fixtures (STYLE.md §4.4): full-line comments in the file's own syntax,
// applying to the next non-blank, non-annotation line; JSON files use a sibling expect.json anchored by text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type AnnotationKind = 'expect' | 'ok' | 'todo-expect' | 'todo-ok';

export interface Annotation {
  kind: AnnotationKind;
  ruleId: string;
  /** Level the finding must have, when written as `EH101(warning)`. */
  level?: string;
  /** Repository-relative path with `/`. */
  file: string;
  /** 1-based line the annotation applies to. */
  line: number;
}

function commentPrefixes(file: string): RegExp | undefined {
  const base = path.basename(file).toLowerCase();
  const ext = path.extname(base);
  if (['.properties', '.yml', '.yaml', '.env', '.cfg', '.sh', '.toml'].includes(ext) || base === '.env' || base.startsWith('.env.') || base.startsWith('dockerfile')) return /^\s*[#!]\s*/;
  if (ext === '.conf' || ext === '.config') return /^\s*(#|!|\/\/)\s*/;
  if (['.java', '.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.gradle', '.kts', '.jaas'].includes(ext)) return /^\s*\/\/\s*/;
  return undefined;
}

/** `expect: EH101, EH501(warning) -- why` (`— why` in XML, where comments cannot hold `--`): ids, levels, a reason. */
const ANNOTATION = /^(todo-expect|todo-ok|expect|ok):\s*(.+?)(?:\s+(?:--|—)\s.*?)?\s*(-->)?\s*$/;

function parseIds(list: string): Array<{ ruleId: string; level?: string }> {
  return list
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((item) => {
      const m = /^(EH\d{3})(?:\((error|warning|note)\))?$/.exec(item);
      if (!m) throw new Error(`bad annotation item '${item}'`);
      return m[2] ? { ruleId: m[1]!, level: m[2] } : { ruleId: m[1]! };
    });
}

/** Annotations of one file (comment syntax) or of its folder's expect.json entries for it. */
export function annotationsOf(root: string, rel: string): Annotation[] {
  const abs = path.join(root, rel);
  const text = readFileSync(abs, 'utf8');
  const lines = text.split(/\r\n|\n|\r/);
  const out: Annotation[] = [];
  const xml = path.extname(rel) === '.xml';
  const prefix = commentPrefixes(rel);
  if (prefix || xml) {
    let pending: Array<Omit<Annotation, 'line'>> = [];
    lines.forEach((line, i) => {
      const body = xml ? /^\s*<!--\s*(.*?)\s*-->\s*$/.exec(line)?.[1] : prefix && prefix.test(line) ? line.replace(prefix, '') : undefined;
      const m = body !== undefined ? ANNOTATION.exec(body) : null;
      if (m) {
        for (const id of parseIds(m[2]!)) pending.push({ kind: m[1] as AnnotationKind, file: rel, ...id });
        return;
      }
      if (line.trim() === '' || pending.length === 0) return;
      out.push(...pending.map((p) => ({ ...p, line: i + 1 })));
      pending = [];
    });
    if (pending.length > 0) throw new Error(`${rel}: annotation at end of file has no target line`);
  }
  const expectJson = path.join(path.dirname(abs), 'expect.json');
  if (existsSync(expectJson)) {
    const items = JSON.parse(readFileSync(expectJson, 'utf8')) as Array<Partial<Record<AnnotationKind, string>> & { file: string; at: string }>;
    for (const item of items) {
      if (item.file !== path.basename(rel)) continue;
      const kind = (['expect', 'ok', 'todo-expect', 'todo-ok'] as const).find((k) => item[k] !== undefined)!;
      const hits = lines.map((l, i) => (l.includes(item.at) ? i + 1 : 0)).filter(Boolean);
      if (hits.length !== 1) throw new Error(`${rel}: expect.json anchor ${JSON.stringify(item.at)} matches ${hits.length} lines, needs exactly 1`);
      for (const id of parseIds(item[kind]!)) out.push({ kind, file: rel, line: hits[0]!, ...id });
    }
  }
  return out;
}

/** Files under a folder (repository-relative, sorted), skipping expect.json. */
export function filesUnder(root: string, dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (skip(child)) continue;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (name !== 'expect.json') out.push(child);
    }
  };
  walk(dir);
  return out;
}
