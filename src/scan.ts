import os from 'node:os';
import path from 'node:path';
import { discover, type SourceFile } from './discover.js';
import { runRules } from './engine.js';
import { extractFile } from './extract/index.js';
import { extractJava, ParsePool, type JavaSource } from './extract/java/index.js';
import { assembleBuild } from './extract/build.js';
import { readLockfile } from './extract/lockfiles.js';
import type { BuildFile } from './extract/build-types.js';
import { assembleSpring } from './extract/spring.js';
import type { FileFacts, Notification } from './extract/types.js';
import { emptyFacts, type Facts } from './facts.js';
import { libraryKind, NPM_KAFKA_PACKAGES, type LibraryKind } from './kafka/libraries.js';
import { kafkaClientsVersion } from './kafka/versions.js';
import { DEFAULT_MAX_FILE_BYTES, readSource } from './read.js';
import type { Finding, Rule, Tier } from './rule.js';
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
  const rules = options.rules ?? RULES;
  const { files, notifications } = await discover({
    roots: options.paths.length > 0 ? options.paths : ['.'],
    cwd: options.cwd,
    includeTests: options.includeTests ?? false,
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    gitignore: options.gitignore ?? true,
  });
  // Parse threads start now, so java-parser loads while the other files are read.
  const javaFiles = files.filter((f) => f.kind === 'java').length;
  const pool = new ParsePool(options.jobs ?? defaultJobs(javaFiles));
  const javaSources: JavaSource[] = [];
  // Lockfiles are read later, and only when a package.json needs them.
  const perFile = files.filter((f) => f.kind !== 'lockfile').map((file): FileFacts | undefined => {
    const read = readSource(file.absolute, file.path, file.kind, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (read.notification) notifications.push(read.notification);
    if (read.text === undefined) return undefined;
    if (file.kind === 'java') javaSources.push({ path: file.path, text: read.text });
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
      const java = await extractJava(javaSources, pool);
      facts.configs.push(...java.configs);
      facts.apiCalls.push(...java.apiCalls);
      notifications.push(...java.notifications);
    } finally {
      await pool.close();
    }
  } else await pool.close();
  build.push(...readLockfiles(files, build, notifications));
  facts.dependencies.push(...assembleBuild(build));
  facts.configs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ran = runRules(rules, facts, options.tier);
  notifications.push(...ran.notifications);
  notifications.sort(compareNotifications);
  return { tier: options.tier, inventory: inventoryOf(facts), findings: ran.findings, notifications, facts, rules, filesScanned: files.length };
}
