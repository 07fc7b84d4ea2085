import { parse } from 'smol-toml';
import type { Location } from '../facts.js';
import type { LineIndex } from '../location.js';
import type { GradleBuild, GradleDependency, Located, VersionCatalog } from './build-types.js';

// ---------------------------------------------------------------------------------------------------- tokens

/** Token kinds; `broken` is a string without its closing quote, never taken for a value. */
const K = { id: 1, str: 2, broken: 3, num: 4, punct: 5, nl: 6 } as const;
type Kind = (typeof K)[keyof typeof K];

/**
 * Groovy/Kotlin tokens without comments, in parallel arrays: a 2 MB script has ~300k tokens, and an object for each
 * costs more in garbage collection than the whole scan.
 */
class Tokens {
  length = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** The token's text: a name, a number, one punctuation character, or a string's content as written. */
  textStart: Int32Array;
  textEnd: Int32Array;
  /** A double-quoted string with `$x` / `${…}` templates: not a literal value. */
  template: Uint8Array;

  constructor(readonly source: string) {
    const n = (source.length >> 2) + 16;
    this.kind = new Uint8Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.textStart = new Int32Array(n);
    this.textEnd = new Int32Array(n);
    this.template = new Uint8Array(n);
  }

  push(kind: Kind, start: number, end: number, textStart = start, textEnd = end, template = false): void {
    if (this.length === this.kind.length) {
      const n = this.length * 2;
      const widen = <T extends Uint8Array | Int32Array>(from: T, to: T): T => (to.set(from), to);
      this.kind = widen(this.kind, new Uint8Array(n));
      this.start = widen(this.start, new Int32Array(n));
      this.end = widen(this.end, new Int32Array(n));
      this.textStart = widen(this.textStart, new Int32Array(n));
      this.textEnd = widen(this.textEnd, new Int32Array(n));
      this.template = widen(this.template, new Uint8Array(n));
    }
    const k = this.length++;
    this.kind[k] = kind;
    this.start[k] = start;
    this.end[k] = end;
    this.textStart[k] = textStart;
    this.textEnd[k] = textEnd;
    this.template[k] = template ? 1 : 0;
  }

  text(k: number): string {
    return this.source.slice(this.textStart[k], this.textEnd[k]);
  }

  /** Token k is of this kind (and, when given, has this text) — compared in place, without slicing. */
  is(k: number, kind: Kind, text?: string): boolean {
    if (k < 0 || k >= this.length || this.kind[k] !== kind) return false;
    if (text === undefined) return true;
    const s = this.textStart[k]!;
    return this.textEnd[k]! - s === text.length && this.source.startsWith(text, s);
  }
}

const ID = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const NUM = /\d\w*(?:\.\d\w*)?/y;
const isAsciiWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;

/**
 * Where the string literal at `start` ends. `${…}` templates may hold code with strings and braces of their own, so
 * nesting is tracked with an explicit stack (no recursion a hostile file could exhaust). A `'…'`/`"…"` literal cannot
 * span lines: an unterminated one ends at its line end instead of swallowing the rest of the file.
 */
function scanString(text: string, start: number): { contentStart: number; contentEnd: number; end: number; template: boolean; unterminated?: true } {
  const q = text[start]!;
  const outer = text.startsWith(q + q + q, start) ? q + q + q : q;
  const stack: Array<{ quote: string; interp: boolean } | { braces: number }> = [{ quote: outer, interp: q === '"' }];
  const contentStart = start + outer.length;
  let template = false;
  let i = contentStart;
  while (i < text.length) {
    const c = text[i]!;
    if (outer.length === 1 && (c === '\n' || c === '\r')) return { contentStart, contentEnd: i, end: i, template, unterminated: true };
    const top = stack[stack.length - 1]!;
    if ('quote' in top) {
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (text.startsWith(top.quote, i)) {
        stack.pop();
        if (stack.length === 0) return { contentStart, contentEnd: i, end: i + top.quote.length, template };
        i += top.quote.length;
        continue;
      }
      if (c === '\n' || c === '\r') {
        if (top.quote.length === 1) stack.pop();
      } else if (top.interp && c === '$') {
        const next = text[i + 1] ?? '';
        if (next === '{') {
          template = true;
          stack.push({ braces: 0 });
          i += 2;
          continue;
        }
        if (/[\p{L}_]/u.test(next)) template = true;
      }
      i++;
      continue;
    }
    if (c === '{') top.braces++;
    else if (c === '}') {
      if (top.braces-- === 0) stack.pop();
    } else if (c === '"' || c === "'") {
      const quote = text.startsWith(c + c + c, i) ? c + c + c : c;
      stack.push({ quote, interp: c === '"' });
      i += quote.length;
      continue;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
      continue;
    }
    i++;
  }
  return { contentStart, contentEnd: text.length, end: text.length, template, unterminated: true };
}

/** Runs of line ends collapse into one `nl` token: statements end there. */
function tokenize(text: string): Tokens {
  const out = new Tokens(text);
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      if (out.kind[out.length - 1] !== K.nl) out.push(K.nl, i, i + 1);
      i++;
    } else if (c === ' ' || c === '\t' || c === '\f' || c === '\uFEFF') i++;
    else if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) i += text.startsWith('\r\n', i + 1) ? 3 : 2;
    else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
    } else if (c === '"' || c === "'") {
      const s = scanString(text, i);
      out.push(s.unterminated ? K.broken : K.str, i, s.end, s.contentStart, s.contentEnd, s.template);
      i = Math.max(s.end, i + 1);
    } else if (c === '`') {
      // Kotlin backticked name: `java-library`
      let e = i + 1;
      while (e < text.length && text[e] !== '`' && text[e] !== '\n' && text[e] !== '\r') e++;
      out.push(K.id, i, e + 1, i + 1, e);
      i = e + 1;
    } else {
      // ASCII names take the fast path; the Unicode-aware patterns are for the rest.
      let e = i;
      while (e < text.length && isAsciiWord(text.charCodeAt(e))) e++;
      let kind: Kind = c >= '0' && c <= '9' ? K.num : K.id;
      if (e === i || text.charCodeAt(e) > 127 || kind === K.num) {
        const re = kind === K.num ? NUM : ID;
        re.lastIndex = i;
        const m = re.exec(text);
        if (!m) kind = K.punct;
        e = i + (m ? m[0].length : 1);
      }
      out.push(kind, i, e);
      i = e;
    }
  }
  return out;
}

/** For each bracket token the index of its partner, -1 when unbalanced. */
function partners(t: Tokens): Int32Array {
  const partner = new Int32Array(t.length).fill(-1);
  const stacks: Record<string, number[]> = { ')': [], ']': [], '}': [] };
  const open: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (let k = 0; k < t.length; k++) {
    if (t.kind[k] !== K.punct) continue;
    const c = t.source[t.start[k]!]!;
    const closer = open[c];
    if (closer) stacks[closer]!.push(k);
    else if (c in stacks) {
      const o = stacks[c]!.pop();
      if (o !== undefined) {
        partner[o] = k;
        partner[k] = o;
      }
    }
  }
  return partner;
}

// ---------------------------------------------------------------------------------------------------- build scripts

/** A declaration never spans more tokens than this; bounds look-ahead on hostile input. */
const LIMIT = 400;
/** Blocks that do not change what their statements mean. */
const TRANSPARENT = new Set(['if', 'else', 'for', 'while', 'do', 'try', 'catch', 'finally', 'switch']);
/** Statement heads in a `dependencies {}` block that are not configurations. */
const NOT_CONFIGURATIONS = new Set(['val', 'var', 'def', 'if', 'else', 'for', 'while', 'return', 'println', 'print', 'assert', 'throw', 'fun', 'ext', 'extra', 'project', 'rootProject', 'add']);
const MODIFIERS = new Set(['private', 'internal', 'public', 'const', 'final', 'static']);

/**
 * Reads what a `build.gradle` / `build.gradle.kts` declares — dependencies, literal variables, plugins and BOMs — with
 * a comment- and string-aware token scan. Nothing is evaluated; anything not understood is skipped.
 */
export function readGradle(index: LineIndex): GradleBuild {
  const build: GradleBuild = { file: index.file, dependencies: [], variables: {}, plugins: [], boms: [] };
  const t = tokenize(index.text);
  const partner = partners(t);
  const loc = (start: number, end: number): Location => index.firstLineRange(start, end);
  const text = (k: number) => t.text(k);
  const isP = (k: number, p: string) => t.is(k, K.punct, p);
  const isId = (k: number, name?: string) => t.is(k, K.id, name);
  const isStr = (k: number) => t.is(k, K.str);
  /** A string without templates: a value as it is. */
  const isLiteral = (k: number) => isStr(k) && t.template[k] === 0;
  const isNl = (k: number) => t.is(k, K.nl);
  const isEnd = (k: number) => k >= t.length || isNl(k) || isP(k, ';') || isP(k, '}');
  const assign = (k: number) => isP(k, '=') && !isP(k + 1, '=');
  const span = (a: number, b: number) => loc(t.start[a]!, t.end[b - 1]!);

  /** `a.b.c` at k: the names and the index after them. */
  const chain = (k: number): { names: string[]; end: number } => {
    const names: string[] = [];
    while (isId(k) && names.length < 20) {
      names.push(text(k));
      if (!isP(k + 1, '.') || !isId(k + 2)) return { names, end: k + 1 };
      k += 2;
    }
    return { names, end: k };
  };
  const strLocated = (k: number): Located => ({ value: text(k), location: loc(t.textStart[k]!, t.textEnd[k]!) });
  /** A version argument in [a, b): a string as written, or a bare variable reference turned into the template `${name}`. */
  const versionAt = (a: number, b: number): Located | undefined => {
    if (isStr(a) && b === a + 1) return strLocated(a);
    const c = chain(a);
    if (c.names.length > 0 && c.end === b) return { value: `\${${c.names.join('.')}}`, location: span(a, b) };
    return undefined;
  };

  const setVariable = (name: string, k: number, until: (k: number) => boolean) => {
    if (!until(k + 1) || name === '__proto__') return;
    if (isLiteral(k)) build.variables[name] = strLocated(k);
    else if (t.is(k, K.num)) build.variables[name] = { value: text(k), location: span(k, k + 1) };
  };
  /** `name = value` where value is a literal or a Groovy map of literals (`[kafka: '3.6.0']` → `name.kafka`). */
  const assignVariable = (name: string, k: number) => {
    if (!isP(k, '[')) return setVariable(name, k, isEnd);
    const close = partner[k]!;
    if (close < 0 || close - k > LIMIT || !isEnd(close + 1)) return;
    for (let e = k + 1; e < close; e++) {
      while (isNl(e)) e++;
      if (!(isId(e) || isStr(e)) || !isP(e + 1, ':')) return;
      setVariable(`${name}.${text(e)}`, e + 2, (n) => isP(n, ',') || n === close || isNl(n));
      e += 3;
      while (isNl(e)) e++;
      if (e !== close && !isP(e, ',')) return;
    }
  };
  /** `set('name', value)` with its `(` at k. */
  const setCall = (k: number) => {
    if (isP(k, '(') && isLiteral(k + 1) && isP(k + 2, ',')) setVariable(text(k + 1), k + 3, (n) => isP(n, ')'));
  };

  const variable = (j: number, ctx: string) => {
    let k = j;
    for (let n = 0; n < 2 && (isId(k, 'project') || isId(k, 'rootProject')) && isP(k + 1, '.'); n++) k += 2;
    if (isId(k, 'ext') || isId(k, 'extra')) {
      if (isP(k + 1, '.') && isId(k + 2)) {
        if (isId(k + 2, 'set')) setCall(k + 3);
        else if (assign(k + 3)) assignVariable(text(k + 2), k + 4);
      } else if (isP(k + 1, '[') && isLiteral(k + 2) && isP(k + 3, ']') && assign(k + 4)) assignVariable(text(k + 2), k + 5);
      return;
    }
    if (k !== j) return;
    while (isId(k) && MODIFIERS.has(text(k))) k++;
    if (isId(k, 'def') && isId(k + 1) && assign(k + 2)) return assignVariable(text(k + 1), k + 3);
    if ((isId(k, 'val') || isId(k, 'var')) && isId(k + 1)) {
      let e = k + 2;
      if (isP(e, ':')) for (e++; e < k + 12 && !isEnd(e) && !assign(e) && !isId(e, 'by'); ) e++;
      if (assign(e)) return setVariable(text(k + 1), e + 1, isEnd);
      if (isId(e, 'by') && isId(e + 1, 'extra') && isP(e + 2, '(')) setVariable(text(k + 1), e + 3, (n) => isP(n, ')') && isEnd(n + 1));
      return;
    }
    if (ctx !== 'ext') return;
    if (isId(j, 'set')) setCall(j + 1);
    else if (isId(j) && assign(j + 1)) assignVariable(text(j), j + 2);
  };

  /** The string at k as `'g:a:v[:classifier][@ext]'`, with the version's offsets inside the string. */
  const coordinate = (k: number): { group: string; name: string; version?: Located } | undefined => {
    const s = text(k);
    const parts: Array<[string, number]> = [];
    let depth = 0;
    let from = 0;
    for (let i = 0; i <= s.length; i++) {
      const c = s[i];
      if (c === '$' && s[i + 1] === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (i === s.length || (c === ':' && depth === 0)) {
        parts.push([s.slice(from, i), from]);
        from = i + 1;
      }
    }
    if (parts.length < 2 || parts.length > 4) return undefined;
    const strip = (p: string) => p.replace(/@[^}]*$/, '');
    const group = parts[0]![0];
    const name = parts.length === 2 ? strip(parts[1]![0]) : parts[1]![0];
    if (!COORDINATE_PART.test(group) || !COORDINATE_PART.test(name)) return undefined;
    const v = parts[2];
    const value = v && (parts.length === 3 ? strip(v[0]) : v[0]);
    if (!v || !value) return { group, name };
    const start = t.textStart[k]! + v[1];
    return { group, name, version: { value, location: loc(start, start + value.length) } };
  };

  /** The arguments in [from, to), split at top-level commas, without surrounding line ends. */
  const splitArgs = (from: number, to: number): Array<[number, number]> => {
    const args: Array<[number, number]> = [];
    let a = from;
    for (let k = from; k <= to; k++) {
      if (k === to || isP(k, ',')) {
        let s = a;
        let e = k;
        while (s < e && isNl(s)) s++;
        while (e > s && isNl(e - 1)) e--;
        if (e > s) args.push([s, e]);
        a = k + 1;
      } else if ((isP(k, '(') || isP(k, '[') || isP(k, '{')) && partner[k]! > k) k = Math.min(partner[k]!, to - 1);
    }
    return args;
  };
  /** Where the arguments of a call start (k is the token after its name) and end; undefined when there are none. */
  const callArgs = (k: number): [number, number] | undefined => {
    if (isP(k, '(')) {
      const close = partner[k]!;
      return close > k && close - k <= LIMIT ? [k + 1, close] : undefined;
    }
    if (!isStr(k) && !isId(k)) return undefined;
    // Groovy command syntax: arguments run to the line end, past line ends that follow a comma.
    let e = k;
    for (; e < t.length && e - k < LIMIT; e++) {
      if (isNl(e) && !isP(e - 1, ',')) break;
      if (isP(e, ';') || isP(e, '}') || isP(e, '{')) break;
      if ((isP(e, '(') || isP(e, '[')) && partner[e]! > e) e = partner[e]!;
    }
    return [k, Math.min(e, t.length)];
  };

  const addDependency = (configuration: string, a: number, b: number) => {
    if (isStr(a)) {
      const c = coordinate(a);
      if (!c) return;
      const dep: GradleDependency = { configuration, group: c.group, name: c.name, declaredAt: span(a, a + 1) };
      if (b === a + 1) {
        if (c.version) dep.version = c.version;
      } else if (isP(a + 1, '+') && !c.version && text(a).endsWith(':')) {
        // 'g:a:' + kafkaVersion
        const v = versionAt(a + 2, b);
        if (v) dep.version = v;
      } else return;
      build.dependencies.push(dep);
    } else if ((isId(a, 'platform') || isId(a, 'enforcedPlatform')) && isP(a + 1, '(') && partner[a + 1] === b - 1) {
      const c = isStr(a + 2) && b === a + 4 ? coordinate(a + 2) : undefined;
      if (c) build.boms.push(c);
      else if (isId(a + 2, 'libs')) {
        // platform(libs.spring.boot.bom): the catalog says which BOM
        const lib = chain(a + 2);
        if (lib.end === b - 1 && lib.names.length > 1) build.boms.push({ group: '', name: '', catalogAlias: lib.names.slice(1).join('.') });
      }
    } else if (isId(a, 'libs')) {
      const c = chain(a);
      const alias = c.names.slice(1);
      if (c.end === b && alias.length > 0 && alias[0] !== 'versions' && alias[0] !== 'plugins') {
        build.dependencies.push({ configuration, group: '', name: '', catalogAlias: alias.join('.'), declaredAt: span(a, b) });
      }
    }
  };

  /** `group: 'g', name: 'a', version: '1'` (Groovy) or `group = "g", …` (Kotlin named arguments). */
  const addMapDependency = (configuration: string, args: Array<[number, number]>) => {
    const values = new Map<string, [number, number]>();
    for (const [a, b] of args) {
      if (!isId(a) || !(isP(a + 1, ':') || assign(a + 1)) || b <= a + 2) return;
      values.set(text(a), [a + 2, b]);
    }
    const literal = (r: [number, number] | undefined) => (r && r[1] === r[0] + 1 && isStr(r[0]) ? text(r[0]) : undefined);
    const group = literal(values.get('group'));
    const name = literal(values.get('name'));
    if (!group || !name) return;
    const dep: GradleDependency = { configuration, group, name, declaredAt: span(args[0]![0], args[args.length - 1]![1]) };
    const v = values.get('version');
    const version = v && versionAt(v[0], v[1]);
    if (version) dep.version = version;
    build.dependencies.push(dep);
  };

  const dependency = (j: number) => {
    let configuration: string;
    if (isId(j, 'add') && isP(j + 1, '(') && isLiteral(j + 2) && isP(j + 3, ',') && partner[j + 1]! > j) {
      // add('implementation', 'g:a:v')
      configuration = text(j + 2);
      for (const [a, b] of splitArgs(j + 4, partner[j + 1]!)) addDependency(configuration, a, b);
      return;
    }
    if (isId(j) && !NOT_CONFIGURATIONS.has(text(j))) configuration = text(j);
    else if (isLiteral(j) && isP(j + 1, '(')) configuration = text(j);
    else return;
    const range = callArgs(j + 1);
    if (!range) return;
    const args = splitArgs(...range);
    const first = args[0]?.[0] ?? range[0];
    if (isId(first) && (isP(first + 1, ':') || assign(first + 1))) return addMapDependency(configuration, args);
    for (const [a, b] of args) addDependency(configuration, a, b);
  };

  /** `'x'` or `('x')` at n: the string's index and the index after the argument. */
  const singleString = (n: number): [number, number] | undefined => {
    if (isStr(n)) return [n, n + 1];
    if (isP(n, '(') && isStr(n + 1) && isP(n + 2, ')')) return [n + 1, n + 3];
    return undefined;
  };
  const plugin = (j: number) => {
    if (isId(j, 'alias') && isP(j + 1, '(') && isId(j + 2, 'libs')) {
      // alias(libs.plugins.spring.boot): the catalog holds the id and version
      const c = chain(j + 2);
      if (c.names[1] === 'plugins' && c.names.length > 2 && isP(c.end, ')')) build.plugins.push({ id: '', catalogAlias: c.names.slice(2).join('.') });
      return;
    }
    if (!isId(j, 'id') && !isId(j, 'kotlin')) {
      // `java`, `` `java-library` ``
      if (isId(j) && isEnd(j + 1) && !isId(j, 'alias')) build.plugins.push({ id: text(j) });
      return;
    }
    const arg = singleString(j + 1);
    if (!arg || !isLiteral(arg[0])) return;
    const entry: { id: string; version?: Located } = { id: isId(j, 'kotlin') ? `org.jetbrains.kotlin.${text(arg[0])}` : text(arg[0]) };
    let k = arg[1];
    if (isP(k, '.')) k++;
    if (isId(k, 'version')) {
      // version '1.0' | version("1.0") | version springBootVersion | version(springBootVersion)
      const s = singleString(k + 1);
      const v = k + (isP(k + 1, '(') ? 2 : 1);
      const c = chain(v);
      const version = s ? strLocated(s[0]) : c.names.length > 0 && (v === k + 1 || isP(c.end, ')')) ? versionAt(v, c.end) : undefined;
      if (version) entry.version = version;
    }
    build.plugins.push(entry);
  };

  const mavenBom = (j: number) => {
    if (!isId(j, 'mavenBom')) return;
    const [first] = splitArgs(...(callArgs(j + 1) ?? [0, 0]));
    const c = first && first[1] === first[0] + 1 && isStr(first[0]) ? coordinate(first[0]) : undefined;
    if (c) build.boms.push(c);
  };
  /** `mavenBom('…') { bomProperty 'kafka.version', '3.1.2' }` overrides a property of the BOM like `ext[…]` does. */
  const bomProperty = (j: number) => {
    const range = isId(j, 'bomProperty') ? callArgs(j + 1) : undefined;
    const [key, value] = range ? splitArgs(...range) : [];
    if (key && value && key[1] === key[0] + 1 && isLiteral(key[0])) setVariable(text(key[0]), value[0], (n) => n === value[1]);
  };

  /** The name a `{` at k opens: `dependencies {`, `project(':a') {` → `project`; '' for a bare closure. */
  const blockName = (k: number): string => {
    let p = k - 1;
    while (isNl(p)) p--;
    if (isP(p, ')') && partner[p]! >= 0) p = partner[p]! - 1;
    if (!isId(p)) return '';
    const name = text(p);
    if ((name === 'apply' || name === 'run') && isP(p - 1, '.') && (isId(p - 2, 'extra') || isId(p - 2, 'ext'))) return 'ext';
    return name === 'extra' ? 'ext' : name;
  };

  const contexts: string[] = [];
  for (let j = 0; j < t.length; j++) {
    const kind = t.kind[j];
    if (kind === K.punct) {
      if (isP(j, '{')) {
        const parent = contexts[contexts.length - 1] ?? '';
        const name = blockName(j);
        contexts.push(TRANSPARENT.has(name) ? parent : name === 'dependencies' && parent === 'dependencyManagement' ? 'managed' : name);
      } else if (isP(j, '}')) contexts.pop();
      continue;
    }
    if (kind === K.nl) continue;
    // Declarations start a statement: first in the file, or after `;`, `{`, `}` or a line end that does not follow a
    // comma (Groovy argument lists go on after one).
    if (j > 0 && !(isNl(j - 1) && !isP(j - 2, ',')) && !isP(j - 1, ';') && !isP(j - 1, '{') && !isP(j - 1, '}')) continue;
    const ctx = contexts[contexts.length - 1] ?? '';
    variable(j, ctx);
    if (ctx === 'dependencies') dependency(j);
    else if (ctx === 'plugins') plugin(j);
    else if (ctx === 'imports') mavenBom(j);
    else if (ctx === 'mavenBom') bomProperty(j);
  }
  return build;
}

const COORDINATE_PART = /^[^\s'"/\\:@]+$/;

// ---------------------------------------------------------------------------------------------------- version catalogs

interface Span {
  keyStart: number;
  valueStart: number;
  valueEnd: number;
  /** For a string value: its raw content (between the quotes). */
  content?: [number, number];
}

/**
 * Positions of every key path in a TOML document that smol-toml has already accepted (so the text is well formed):
 * `[libraries.x]` headers, dotted keys and inline tables included. The first place a path is written wins.
 */
function tomlSpans(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  const n = text.length;
  let i = 0;
  const blank = (lines: boolean) => {
    for (;;) {
      while (i < n && (text[i] === ' ' || text[i] === '\t' || (lines && (text[i] === '\n' || text[i] === '\r')))) i++;
      if (!lines || text[i] !== '#') return;
      while (i < n && text[i] !== '\n') i++;
    }
  };
  const stringEnd = (from: number): number => {
    const q = text[from]!;
    const delim = text.startsWith(q + q + q, from) ? q + q + q : q;
    let e = from + delim.length;
    while (e < n && !text.startsWith(delim, e)) e += q === '"' && text[e] === '\\' ? 2 : 1;
    // A multi-line string may end with up to two extra quotes before the delimiter.
    while (delim.length === 3 && text[e + 3] === q) e++;
    return Math.min(e + delim.length, n);
  };
  const key = (): string[] => {
    const segments: string[] = [];
    for (;;) {
      blank(false);
      const c = text[i];
      if (c === '"' || c === "'") {
        const e = stringEnd(i);
        const raw = text.slice(i, e);
        let value = raw.slice(1, -1);
        if (c === '"') {
          try {
            value = JSON.parse(raw) as string;
          } catch {
            /* keep the raw text */
          }
        }
        segments.push(value);
        i = e;
      } else {
        const s = i;
        while (i < n && /[A-Za-z0-9_-]/.test(text[i]!)) i++;
        segments.push(text.slice(s, i));
        if (i === s) return segments;
      }
      blank(false);
      if (text[i] !== '.') return segments;
      i++;
    }
  };
  const register = (path: readonly string[], from: number, span: Span) => {
    for (let l = from; l <= path.length; l++) if (!spans.has(path.slice(0, l).join('\0'))) spans.set(path.slice(0, l).join('\0'), span);
  };
  /** The value at i of the key path written at keyStart; `from` is the shortest new prefix of path the key declares. */
  const value = (path: string[], keyStart: number, from: number, depth: number): void => {
    const span: Span = { keyStart, valueStart: i, valueEnd: i };
    register(path, from, span);
    const c = text[i];
    if (c === '"' || c === "'") {
      const e = stringEnd(i);
      const quote = text.startsWith(c + c + c, i) ? 3 : 1;
      span.content = [i + quote, e - quote];
      i = e;
    } else if ((c === '{' || c === '[') && depth < 50) {
      const close = c === '{' ? '}' : ']';
      i++;
      for (let guard = i; i < n; guard = i) {
        blank(true);
        if (text[i] === close) {
          i++;
          break;
        }
        if (text[i] === ',') i++;
        else if (c === '{') {
          const ks = i;
          const k = key();
          blank(false);
          if (text[i] === '=') {
            i++;
            blank(false);
            value([...path, ...k], ks, path.length + 1, depth + 1);
          }
        } else value([...path, '[]'], i, path.length + 1, depth + 1);
        if (i === guard) i++;
      }
    } else while (i < n && !/[\s,}\]#]/.test(text[i]!)) i++;
    span.valueEnd = i;
  };
  let table: string[] = [];
  for (let guard = -1; i < n; guard = i) {
    if (i === guard) i++;
    blank(true);
    if (i >= n) break;
    const start = i;
    if (text[i] === '[') {
      i += text[i + 1] === '[' ? 2 : 1;
      table = key();
      while (i < n && text[i] === ']') i++;
      register(table, 1, { keyStart: start, valueStart: start, valueEnd: i });
    } else {
      const k = key();
      blank(false);
      if (text[i] === '=') {
        i++;
        blank(false);
        value([...table, ...k], start, table.length + 1, 0);
      }
    }
    while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
  }
  return spans;
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * Reads `gradle/libs.versions.toml`: `[versions]`, `[libraries]` and `[plugins]`, each entry located where it is
 * written. smol-toml decides validity and values; a scan of the text finds the positions.
 */
export function readVersionCatalog(index: LineIndex): VersionCatalog | { error: { message: string; line: number; column: number } } {
  let doc: Table;
  try {
    doc = parse(index.text);
  } catch (e) {
    const err = e as { message?: unknown; line?: unknown; column?: unknown };
    const message = String(err.message ?? e).split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    return { error: { message, line: typeof err.line === 'number' ? err.line : 1, column: typeof err.column === 'number' ? err.column : 1 } };
  }
  const spans = tomlSpans(index.text);
  const span = (...path: string[]) => spans.get(path.join('\0'));
  const entryLocation = (...path: string[]): Location => {
    const s = span(...path);
    return s ? index.firstLineRange(s.keyStart, s.valueEnd) : index.firstLineRange(0, 0);
  };
  /** String value `s` from offset `from` on, located inside the string (the whole entry when escapes make the raw text differ). */
  const tail = (s: string, from: number, ...path: string[]): Located => {
    const content = span(...path)?.content;
    const value = s.slice(from);
    if (content && index.text.slice(content[0], content[1]) === s) return { value, location: index.firstLineRange(content[0] + from, content[1]) };
    return { value, location: entryLocation(...path) };
  };
  /** `version = "1"`, `version = { strictly/prefer/require = "1" }` (the one Gradle picks first), `version.ref = "x"`. */
  const version = (v: unknown, ...path: string[]): { version?: Located; versionRef?: string } => {
    if (typeof v === 'string') return { version: tail(v, 0, ...path) };
    if (!isTable(v)) return {};
    if (typeof v.ref === 'string') return { versionRef: v.ref };
    for (const k of ['strictly', 'prefer', 'require']) if (typeof v[k] === 'string') return { version: tail(v[k], 0, ...path, k) };
    return {};
  };
  const alias = (a: string) => a.replace(/[-_]/g, '.');

  const catalog: VersionCatalog = { file: index.file, versions: {}, libraries: {}, plugins: {} };
  const versions = isTable(doc.versions) ? doc.versions : {};
  for (const [name, v] of Object.entries(versions)) {
    const found = version(v, 'versions', name).version;
    if (found && name !== '__proto__') catalog.versions[name] = found;
  }
  const libraries = isTable(doc.libraries) ? doc.libraries : {};
  for (const [name, v] of Object.entries(libraries)) {
    const location = entryLocation('libraries', name);
    if (typeof v === 'string') {
      // "group:name[:version]"
      const [group, artifact, ver, ...rest] = v.split(':');
      if (!group || !artifact || rest.length > 0) continue;
      catalog.libraries[alias(name)] = { group, name: artifact, ...(ver ? { version: tail(v, group.length + artifact.length + 2, 'libraries', name) } : {}), location };
      continue;
    }
    if (!isTable(v)) continue;
    let group = typeof v.group === 'string' ? v.group : undefined;
    let artifact = typeof v.name === 'string' ? v.name : undefined;
    if (typeof v.module === 'string') [group, artifact] = v.module.split(':');
    if (!group || !artifact) continue;
    catalog.libraries[alias(name)] = { group, name: artifact, ...version(v.version, 'libraries', name, 'version'), location };
  }
  const plugins = isTable(doc.plugins) ? doc.plugins : {};
  for (const [name, v] of Object.entries(plugins)) {
    const location = entryLocation('plugins', name);
    if (typeof v === 'string') {
      // "id[:version]"
      const colon = v.indexOf(':');
      const id = colon < 0 ? v : v.slice(0, colon);
      if (id) catalog.plugins[alias(name)] = { id, ...(colon >= 0 && colon < v.length - 1 ? { version: tail(v, colon + 1, 'plugins', name) } : {}), location };
    } else if (isTable(v) && typeof v.id === 'string') {
      catalog.plugins[alias(name)] = { id: v.id, ...version(v.version, 'plugins', name, 'version'), location };
    }
  }
  return catalog;
}
