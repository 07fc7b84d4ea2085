// Reads npm, yarn and pnpm lockfiles for the versions installed for the project. Line-based readers for the YAML
// formats: the `yaml` package needs over 2 s for a 50,000-line pnpm lockfile, and only a few sections matter.
import path from 'node:path';
import semver from 'semver';
import type { Lockfile } from './build-types.js';

/** A Lockfile with what `resolvedVersion` needs to answer for one package.json range or workspace. */
export type LockDetail = Lockfile;

export type LockfileError = { error: string; line?: number };

class LockError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

// Null-prototype maps: package names such as `constructor` must not hit Object.prototype.
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
const own = <T>(map: Record<string, T> | undefined, key: string): T | undefined => (map && Object.hasOwn(map, key) ? map[key] : undefined);

/**
 * `file` is repository-relative; its basename picks the format. With `wanted`, only those package names are kept.
 * Never throws: anything malformed gives `{ error, line? }`.
 */
export function readLockfile(file: string, text: string, wanted?: ReadonlySet<string>): LockDetail | LockfileError {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const base = path.posix.basename(file).toLowerCase();
  try {
    if (base === 'package-lock.json' || base === 'npm-shrinkwrap.json') return readNpm(file, body, wanted);
    if (base === 'yarn.lock') return readYarn(file, body, wanted);
    if (base === 'pnpm-lock.yaml') return readPnpm(file, body, wanted);
    return { error: `${base} is not a known lockfile` };
  } catch (e) {
    if (e instanceof LockError) return e.line === undefined ? { error: e.message } : { error: e.message, line: e.line };
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The version installed for `name` as package.json at `dir` (relative to the lockfile's directory) declares it with
 * `range`. yarn.lock is keyed by range: a range with no entry resolves only when every entry agrees. npm and pnpm
 * lockfiles are keyed by location: the workspace's own copy, else the root's.
 */
export function resolvedVersion(lock: Lockfile, name: string, range?: string, dir = ''): string | undefined {
  const { ranges, workspaces } = lock as LockDetail;
  const byRange = own(ranges, name);
  if (byRange && range !== undefined) {
    const exact = own(byRange, range) ?? own(byRange, `npm:${range}`);
    if (exact) return exact;
    const distinct = new Set(Object.values(byRange));
    return distinct.size === 1 ? [...distinct][0] : undefined;
  }
  const d = path.posix.normalize(dir || '.').replace(/\/+$/, '');
  return (d === '.' ? undefined : own(own(workspaces, d), name)) ?? own(lock.versions, name);
}

/**
 * The version in a locked value. Peer suffixes are cut (`1.2.3(react@18.0.0)`, `1.2.3_react@18.0.0`); aliases give the
 * aliased package's version (`npm:kafkajs@2.2.4`, `/kafkajs/2.2.4`, `/kafkajs@2.2.4`); links, files, git and tarballs none.
 */
const LOCKED = /^(?:(\d+\.\d+\.\d+[^(_\s]*)|(?:npm:|\/)?(?:@[^@/(]+\/[^@/(]+|[^@/(]+)[@/](\d+\.\d+\.\d+[^(_\s]*))(?:[(_].*)?$/;
const lockedVersion = (raw: string): string | undefined => {
  const m = LOCKED.exec(raw);
  return m?.[1] ?? m?.[2];
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function set(lock: LockDetail, dir: string, name: string, raw: string): void {
  const version = lockedVersion(raw);
  if (!version) return;
  if (dir === '' || dir === '.') lock.versions[name] = version;
  else ((lock.workspaces ??= dict())[dir] ??= dict())[name] = version;
}

// ---------------------------------------------------------------------------------------------------- npm

function readNpm(file: string, text: string, wanted: ReadonlySet<string> | undefined): LockDetail {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(message);
    throw new LockError(message, at ? lineAt(text, Number(at[1])) : undefined);
  }
  if (!isObject(doc)) throw new LockError('not a JSON object');
  const lock: LockDetail = { file, kind: 'package-lock', versions: dict() };
  const entry = (key: string, value: unknown): Record<string, unknown> => {
    if (!isObject(value)) throw new LockError(`entry "${key}" is not an object`);
    return value;
  };
  if (doc.packages !== undefined) {
    // lockfileVersion 2 and 3: keyed by install path. Copies nested under other packages are not the project's.
    if (!isObject(doc.packages)) throw new LockError('"packages" is not an object');
    for (const [key, value] of Object.entries(doc.packages)) {
      const at = key.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const name = key.slice(at + 'node_modules/'.length);
      if (wanted && !wanted.has(name)) continue;
      const dir = key.slice(0, at).replace(/\/$/, '');
      if (dir.split('/').includes('node_modules')) continue;
      const { version } = entry(key, value);
      if (typeof version === 'string') set(lock, dir, name, version);
    }
  } else if (doc.dependencies !== undefined) {
    // lockfileVersion 1 and pre-npm-5 shrinkwraps: a tree whose first level is what the project sees.
    if (!isObject(doc.dependencies)) throw new LockError('"dependencies" is not an object');
    for (const [name, value] of Object.entries(doc.dependencies)) {
      if (wanted && !wanted.has(name)) continue;
      const { version } = entry(name, value);
      if (typeof version === 'string') set(lock, '', name, version);
    }
  } else if (doc.lockfileVersion === undefined) throw new LockError('no lockfileVersion, packages or dependencies');
  return lock;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------------- YAML-ish lines

function unquote(s: string): string {
  if (s.length >= 2 && s[0] === "'" && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  if (s.length >= 2 && s[0] === '"' && s.endsWith('"')) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  return s;
}

/** `key: value`, `key:` or `'quoted key': value` in block YAML as yarn Berry and pnpm write it. */
function keyValue(s: string): [string, string] | undefined {
  let end: number;
  const q = s[0];
  if (q === '"' || q === "'") {
    // `''` escapes a quote inside single quotes, `\"` inside double quotes.
    for (end = 1; end < s.length; end++) {
      if (q === '"' && s[end] === '\\') end++;
      else if (s[end] === q && !(q === "'" && s[end + 1] === "'")) break;
      else if (s[end] === q) end++;
    }
    if (s[++end] !== ':' || (end + 1 < s.length && s[end + 1] !== ' ')) return undefined;
  } else {
    end = s.search(/:(?: |$)/);
    if (end <= 0) return undefined;
  }
  return [unquote(s.slice(0, end)), unquote(s.slice(end + 1).trim())];
}

const CONFLICT = /^(?:<<<<<<<|=======|>>>>>>>)/;

function* contentLines(text: string): Generator<[string, number]> {
  let start = 0;
  for (let n = 1; start <= text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (CONFLICT.test(line)) throw new LockError('unresolved merge conflict', n);
    yield [line, n];
  }
}

// ---------------------------------------------------------------------------------------------------- yarn

interface YarnEntry {
  line: number;
  descriptors: Array<{ name: string; range: string }>;
  root: boolean;
  version?: string;
  section?: string;
}

function readYarn(file: string, text: string, wanted: ReadonlySet<string> | undefined): LockDetail {
  const ranges = dict<Record<string, string>>();
  const rootRanges = dict<string>();
  let entry: YarnEntry | undefined;
  let metadata = false;
  const finish = () => {
    if (!entry) return;
    if (entry.version === undefined) throw new LockError('entry has no version', entry.line);
    for (const { name, range } of entry.descriptors) if (!range.startsWith('workspace:')) (ranges[name] ??= dict())[range] = entry.version;
    entry = undefined;
  };
  for (const [line, n] of contentLines(text)) {
    if (line[0] !== ' ') {
      finish();
      if (!line.endsWith(':')) throw new LockError('expected an entry such as `"name@range":`', n);
      const header = line.slice(0, -1);
      metadata = header === '__metadata';
      if (metadata) continue;
      const descriptors: YarnEntry['descriptors'] = [];
      let root = false;
      for (const d of header.split(/,\s*/).map((s) => s.replace(/^"|"$/g, ''))) {
        const at = d.indexOf('@', 1);
        if (at < 1) throw new LockError(`"${d}" is not a name@range descriptor`, n);
        const name = d.slice(0, at);
        const range = d.slice(at + 1);
        // Berry's root workspace lists the project's own ranges: the way to its direct versions.
        if (range === 'workspace:.') root = true;
        if (!wanted || wanted.has(name)) descriptors.push({ name, range });
      }
      entry = { line: n, descriptors, root };
      continue;
    }
    if (metadata) continue;
    if (!entry) throw new LockError('indented line outside an entry', n);
    if (line[2] !== ' ') {
      // Classic writes `version "1.2.3"`, Berry `version: 1.2.3`.
      const field = /^ {2}([^\s:]+):?(?:\s+(.*))?$/.exec(line);
      if (!field) throw new LockError('expected a field', n);
      entry.section = field[2] === undefined ? field[1] : undefined;
      if (field[1] === 'version') entry.version = unquote(field[2]?.trim() ?? '');
    } else if (entry.root && entry.section === 'dependencies' && line[4] !== ' ') {
      const kv = keyValue(line.slice(4));
      if (!kv) throw new LockError('expected "name: range"', n);
      if (!wanted || wanted.has(kv[0])) rootRanges[kv[0]] = kv[1];
    }
  }
  finish();
  const lock: LockDetail = { file, kind: 'yarn', versions: dict(), ranges };
  for (const [name, byRange] of Object.entries(ranges)) {
    const direct = own(rootRanges, name);
    const version = direct === undefined ? undefined : (own(byRange, direct) ?? own(byRange, `npm:${direct}`));
    const found = version ?? highest(Object.values(byRange));
    if (found) lock.versions[name] = found;
  }
  return lock;
}

/** Classic yarn.lock does not say which copy is the project's own: without a range, the highest stands in. */
function highest(versions: string[]): string | undefined {
  const valid = [...new Set(versions)].filter((v) => semver.valid(v));
  return valid.sort(semver.rcompare)[0] ?? versions[0];
}

// ---------------------------------------------------------------------------------------------------- pnpm

const PNPM_SECTIONS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);

/**
 * Reads the root sections (lockfile 5.x and 6.0) and `importers` (5.x workspaces, 6.0, 9.0); `packages` and
 * `snapshots`, most of the file, are only checked for their top-level shape.
 */
function readPnpm(file: string, text: string, wanted: ReadonlySet<string> | undefined): LockDetail {
  const lock: LockDetail = { file, kind: 'pnpm', versions: dict() };
  let lockfileVersion: string | undefined;
  let top = '';
  const keys: string[] = [];
  const indents: number[] = [];
  for (const [line, n] of contentLines(text)) {
    if (line === '---') {
      top = '';
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (line.slice(0, indent).includes('\t')) throw new LockError('tab in indentation', n);
    if (indent === 0) {
      const kv = /^[A-Za-z]\w*:/.test(line) ? keyValue(line) : undefined;
      if (!kv) throw new LockError('expected a top-level `key:`', n);
      top = kv[0];
      if (top === 'lockfileVersion') lockfileVersion = kv[1];
      keys.length = indents.length = 0;
      continue;
    }
    if (top !== 'importers' && !PNPM_SECTIONS.has(top)) continue;
    const kv = keyValue(line.slice(indent));
    if (!kv) throw new LockError('expected `key: value`', n);
    while (indents.length && indents[indents.length - 1]! >= indent) {
      indents.pop();
      keys.pop();
    }
    indents.push(indent);
    keys.push(kv[0]);
    // [dir, section, name] under importers, [name] under a root section; 6.0+ nests `version:` one level deeper.
    const [dir, section, name, field] = top === 'importers' ? keys : ['', top, ...keys];
    if (section === undefined || name === undefined || !PNPM_SECTIONS.has(section) || (wanted && !wanted.has(name))) continue;
    if (field === undefined ? kv[1] !== '' : field === 'version' && keys.length === (top === 'importers' ? 4 : 2)) set(lock, dir ?? '', name, kv[1]);
  }
  if (lockfileVersion === undefined) throw new LockError('no lockfileVersion');
  return lock;
}
