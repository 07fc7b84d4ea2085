import os from 'node:os';
import path from 'node:path';
import { discover, type SourceFile } from './discover.js';
import { runRules } from './engine.js';
import { extractFile } from './extract/index.js';
import { extractJava, ParsePool, type JavaSource } from './extract/java/index.js';
import { extractScripts, kafkaPackageEntries, type ScriptSource } from './extract/script/index.js';
import { assembleBuild } from './extract/build.js';
import { readLockfile } from './extract/lockfiles.js';
import type { BuildFile } from './extract/build-types.js';
import { assembleSpring } from './extract/spring.js';
import type { FileFacts, Notification } from './extract/types.js';
import { emptyFacts, type Facts } from './facts.js';
import { libraryKind, NPM_KAFKA_PACKAGES, type LibraryKind } from './kafka/libraries.js';
import { kafkaClientsVersion } from './kafka/versions.js';
import { DEFAULT_MAX_FILE_BYTES, readSource } from './read.js';
import { levelOn, type Finding, type Level, type Rule, type Tier } from './rule.js';
import { applyBaseline, type BaselineFile } from './baseline.js';
import { applySuppressions, parseSuppressions, ruleIndex, type SuppressedFinding, type Suppression } from './suppress.js';
import { RULES } from '../rules/index.js';

export interface ScanOptions {
  paths: string[];
  cwd: string;
  tier: Tier;
  includeTests?: boolean;
  include?: string[];
  exclude?: string[];
  gitignore?: boolean;
  maxFileBytes?: number;
  rules?: readonly Rule[];
  /** Java parse threads; default: up to 2 when a project has enough Java to parse. */
  jobs?: number;
  /** include/exclude of a config file, relative to its folder. */
  scoped?: { base: string; include: string[]; exclude: string[] };
  /** Per-rule level on every tier it reports on, or `off` (config file `rules:`). */
  levels?: Readonly<Record<string, Level | 'off'>>;
  /** Honour `ehcompat-ignore-*` comments (default true; off for audits). */
  inlineSuppressions?: boolean;
  /** `YYYY-MM-DD` for suppression expiry; default: today (UTC). */
  today?: string;
  /** Findings already triaged; `file` is absolute (entry paths are relative to its folder). */
  baseline?: { file: string; data: BaselineFile };
  /** Only findings in these files (absolute paths) are reported: `--changed-since`. */
  onlyFiles?: ReadonlySet<string>;
  /** Called as files are read (`read`) and Java files parsed (`parse`). */
  onProgress?: (phase: 'read' | 'parse', done: number, total: number) => void;
}

/** The Kafka libraries a build file brings in: the first thing a migration lead asks about. */
export interface InventoryEntry {
  file: string;
  libraries: Array<{
    name: string;
    kind: LibraryKind;
    version: string | undefined;
    declared: string | undefined;
    via?: string;
    scope?: string;
    /** For spring-kafka: the kafka-clients it builds on (catalog §6.2). */
    kafkaClients?: string;
  }>;
}

export interface ScanResult {
  tier: Tier;
  inventory: InventoryEntry[];
  findings: Finding[];
  notifications: Notification[];
  facts: Facts;
  rules: readonly Rule[];
  filesScanned: number;
  /** Left out of `findings` by an inline comment; SARIF can carry them with `suppressions`. */
  suppressed: SuppressedFinding[];
  /** Left out of `findings` because the baseline has them. */
  baselined: number;
  /** Directives that suppressed nothing (for --report-unused-suppressions). */
  unusedSuppressions: Suppression[];
}

function compareNotifications(a: Notification, b: Notification): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message);
}

export function inventoryOf(facts: Facts): InventoryEntry[] {
  const byFile = new Map<string, InventoryEntry>();
  for (const d of facts.dependencies) {
    const kind = libraryKind(d.ecosystem, d.name)?.kind;
    if (!kind || kind === 'spring-cloud-azure') continue;
    const entry = byFile.get(d.file) ?? { file: d.file, libraries: [] };
    byFile.set(d.file, entry);
    const lib: InventoryEntry['libraries'][number] = { name: d.name, kind, version: d.resolved, declared: d.declared };
    if (d.via) lib.via = d.via;
    if (d.scope) lib.scope = d.scope;
    if (kind === 'spring-kafka' && d.resolved) {
      const clients = kafkaClientsVersion([d]);
      if (clients) lib.kafkaClients = clients;
    }
    entry.libraries.push(lib);
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Lockfiles can be large: only the ones next to or above a package.json that uses a Kafka library are read. */
const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;

function readLockfiles(files: readonly SourceFile[], build: readonly BuildFile[], notifications: Notification[]): BuildFile[] {
  const dirs = new Set<string>();
  for (const b of build) {
    if (b.kind !== 'npm' || !b.pkg.dependencies.some((d) => NPM_KAFKA_PACKAGES.has(d.name))) continue;
    for (let d = path.posix.dirname(b.pkg.file); ; d = path.posix.dirname(d)) {
      dirs.add(d);
      if (d === '.' || d === path.posix.dirname(d)) break;
    }
  }
  const out: BuildFile[] = [];
  for (const file of files) {
    if (file.kind !== 'lockfile' || !dirs.has(path.posix.dirname(file.path))) continue;
    const read = readSource(file.absolute, file.path, file.kind, MAX_LOCKFILE_BYTES);
    if (read.text === undefined) {
      notifications.push({ ...read.notification, level: 'warning', message: `${read.notification.message}; versions from it are not known` });
      continue;
    }
    const lock = readLockfile(file.path, read.text, NPM_KAFKA_PACKAGES);
    if ('error' in lock) notifications.push({ level: 'warning', kind: 'unparsable', file: file.path, ...(lock.line ? { line: lock.line } : {}), message: `lockfile not understood (${lock.error}); versions from it are not known` });
    else out.push({ kind: 'lockfile', lock });
  }
  return out;
}

/**
 * Worker threads pay ~1 s each to load java-parser, which then runs while the main thread reads the other files;
 * a second one gains little on 2 cores (PERFORMANCE.md: 1.0–1.3x) and only pays off on large code bases. A few
 * Java files are parsed on the main thread.
 */
function defaultJobs(javaFiles: number): number {
  if (javaFiles < 40) return 0;
  return javaFiles < 2000 ? 1 : Math.min(2, os.availableParallelism());
}

/** discover -> read -> extract -> assemble units -> rules; deterministic output. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const levels = options.levels ?? {};
  const allRules = options.rules ?? RULES;
  const rules = allRules.filter((r) => levels[r.id] !== 'off');
  const names = ruleIndex(allRules);
  const suppressions: Suppression[] = [];
  const inline = options.inlineSuppressions ?? true;
  const { files, notifications } = await discover({
    roots: options.paths.length > 0 ? options.paths : ['.'],
    cwd: options.cwd,
    includeTests: options.includeTests ?? false,
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    gitignore: options.gitignore ?? true,
    ...(options.scoped ? { scoped: options.scoped } : {}),
  });
  const includes = (options.include?.length ?? 0) + (options.scoped?.include.length ?? 0);
  if (includes > 0 && files.length === 0) {
    // An upload of an empty SARIF closes every open alert: a pattern that matches nothing must not pass quietly.
    notifications.push({ level: 'error', kind: 'nothing-matched', message: `no file matches the include patterns (${[...(options.include ?? []), ...(options.scoped?.include ?? [])].join(', ')})${options.scoped?.include.length ? `; config patterns are relative to ${options.scoped.base}` : ''}` });
  }
  // Parse threads start now, so java-parser loads while the other files are read.
  const javaFiles = files.filter((f) => f.kind === 'java').length;
  const pool = new ParsePool(options.jobs ?? defaultJobs(javaFiles));
  const javaSources: JavaSource[] = [];
  const scriptSources: ScriptSource[] = [];
  // A Kafka library's own repository: its examples import it by relative path.
  const kafkaPackageRoots = new Map<string, string>();
  // Lockfiles are read later, and only when a package.json needs them.
  const toRead = files.filter((f) => f.kind !== 'lockfile');
  const perFile = toRead.map((file, i): FileFacts | undefined => {
    options.onProgress?.('read', i, toRead.length);
    const read = readSource(file.absolute, file.path, file.kind, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (read.notification) notifications.push(read.notification);
    if (read.text === undefined) return undefined;
    if (inline) {
      const parsed = parseSuppressions(file.path, file.kind, read.text, names);
      suppressions.push(...parsed.suppressions);
      notifications.push(...parsed.notifications);
    }
    if (file.kind === 'java') javaSources.push({ path: file.path, text: read.text });
    if (file.kind === 'script') scriptSources.push({ path: file.path, text: read.text });
    if (file.kind === 'npm') for (const [key, name] of kafkaPackageEntries(file.path, read.text)) kafkaPackageRoots.set(key, name);
    try {
      return extractFile(file.path, file.kind, read.text);
    } catch (e) {
      notifications.push({ level: 'error', kind: 'unparsable', file: file.path, message: `internal error while reading the file: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    }
  });
  const facts = emptyFacts();
  const spring = [];
  const build: BuildFile[] = [];
  for (const f of perFile) {
    if (!f) continue;
    facts.configs.push(...f.configs);
    facts.brokers.push(...f.brokers);
    facts.literals.push(...f.literals);
    spring.push(...f.spring);
    build.push(...f.build);
    notifications.push(...f.notifications);
  }
  facts.configs.push(...assembleSpring(spring));
  if (javaSources.length > 0) {
    try {
      let parsedCount = 0;
      const java = await extractJava(javaSources, pool, () => options.onProgress?.('parse', ++parsedCount, javaSources.length));
      facts.configs.push(...java.configs);
      facts.apiCalls.push(...java.apiCalls);
      notifications.push(...java.notifications);
    } finally {
      await pool.close();
    }
  } else await pool.close();
  if (scriptSources.length > 0) {
    const scripts = await extractScripts(scriptSources, kafkaPackageRoots);
    facts.configs.push(...scripts.configs);
    facts.apiCalls.push(...scripts.apiCalls);
    notifications.push(...scripts.notifications);
  }
  build.push(...readLockfiles(files, build, notifications));
  facts.dependencies.push(...assembleBuild(build));
  facts.configs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ran = runRules(rules, facts, options.tier);
  notifications.push(...ran.notifications);
  let findings = ran.findings.map((f) => {
    const level = levels[f.ruleId];
    return level && level !== 'off' ? { ...f, level } : f;
  });
  if (options.onlyFiles) {
    const only = options.onlyFiles;
    findings = findings.filter((f) => only.has(path.resolve(options.cwd, f.location.file)));
  }
  const active = new Set(rules.filter((r) => levelOn(r, options.tier) !== null).map((r) => r.id));
  const applied = applySuppressions(findings, suppressions, options.today ?? new Date().toISOString().slice(0, 10), active);
  for (const s of applied.expired) {
    notifications.push({ level: 'warning', kind: 'expired-suppression', file: s.file, line: s.line, column: s.column, message: `suppression of ${s.rules.join(', ')} expired on ${s.expires}; the finding is reported again` });
  }
  let kept = applied.kept;
  let baselined = 0;
  if (options.baseline) {
    const split = applyBaseline(kept, options.baseline.data, options.baseline.file, options.cwd);
    kept = split.fresh;
    baselined = split.baselined.length;
  }
  notifications.sort(compareNotifications);
  return {
    tier: options.tier,
    inventory: inventoryOf(facts),
    findings: kept,
    notifications,
    facts,
    rules,
    filesScanned: files.length,
    suppressed: applied.suppressed,
    baselined,
    unusedSuppressions: applied.unused,
  };
}
