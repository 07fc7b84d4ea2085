import { discover } from './discover.js';
import { runRules } from './engine.js';
import { extractFile } from './extract/index.js';
import { assembleSpring } from './extract/spring.js';
import type { FileFacts, Notification } from './extract/types.js';
import { emptyFacts, type Facts } from './facts.js';
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
}

export interface ScanResult {
  tier: Tier;
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
  const perFile = files.map((file): FileFacts | undefined => {
    const read = readSource(file.absolute, file.path, file.kind, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (read.notification) notifications.push(read.notification);
    if (read.text === undefined) return undefined;
    try {
      return extractFile(file.path, file.kind, read.text);
    } catch (e) {
      notifications.push({ level: 'error', kind: 'unparsable', file: file.path, message: `internal error while reading the file: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    }
  });
  const facts = emptyFacts();
  const spring = [];
  for (const f of perFile) {
    if (!f) continue;
    facts.configs.push(...f.configs);
    facts.brokers.push(...f.brokers);
    facts.literals.push(...f.literals);
    spring.push(...f.spring);
    notifications.push(...f.notifications);
  }
  facts.configs.push(...assembleSpring(spring));
  facts.configs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ran = runRules(rules, facts, options.tier);
  notifications.push(...ran.notifications);
  notifications.sort(compareNotifications);
  return { tier: options.tier, findings: ran.findings, notifications, facts, rules, filesScanned: files.length };
}
