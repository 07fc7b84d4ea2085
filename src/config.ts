// `.ehcompat.yaml`: team defaults for a repository, found by walking up from the scan root to the git root.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { LEVELS, TIERS, type Level, type Tier } from './rule.js';
import type { RuleIndex } from './suppress.js';

export const CONFIG_NAMES = ['.ehcompat.yaml', '.ehcompat.yml', '.ehcompat.json'] as const;

export interface FileConfig {
  /** Absolute path of the file it came from. */
  file: string;
  tier?: Tier;
  /** Per rule: a level on every tier it reports on, or `off`. Keys are canonical ids. */
  rules?: Record<string, Level | 'off'>;
  include?: string[];
  exclude?: string[];
  includeTests?: boolean;
  failOn?: Level | 'none';
  minSeverity?: Level;
  /** Absolute path. */
  baseline?: string;
}

export class ConfigError extends Error {}

const KEYS = ['tier', 'rules', 'include', 'exclude', 'includeTests', 'failOn', 'minSeverity', 'baseline'] as const;

/** The nearest of `names` from `start` (a folder or file) up to the git root, or `/` outside a repository. */
export function findUp(start: string, names: readonly string[]): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The config file that applies to a scan of `start`. */
export function findConfig(start: string): string | undefined {
  return findUp(start, CONFIG_NAMES);
}

function oneOf<T extends string>(file: string, key: string, value: unknown, allowed: readonly T[]): T {
  // `info` is the other common name of SARIF's `note`.
  if (value === 'info' && (allowed as readonly string[]).includes('note')) return 'note' as T;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${file}: '${key}' must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

function patterns(file: string, key: string, value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((p) => typeof p !== 'string' || p.length === 0)) {
    throw new ConfigError(`${file}: '${key}' must be a list of gitignore-style patterns`);
  }
  return list as string[];
}

/** Reads and validates; every problem names the file and the key (the CLI exits 2 on it). */
export function loadConfig(file: string, rules: RuleIndex): FileConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let data: unknown;
  if (file.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(`${file}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      throw new ConfigError(`${file}:${err.linePos?.[0]?.line ?? 1}: not valid YAML: ${err.message.split('\n')[0]}`);
    }
    data = doc.toJS();
  }
  if (data === null || data === undefined) return { file };
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${file}: expected a mapping of settings at the top level`);
  const config: FileConfig = { file };
  const dir = path.dirname(file);
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    switch (key as (typeof KEYS)[number]) {
      case 'tier':
        config.tier = oneOf(file, key, value, TIERS);
        break;
      case 'failOn':
        config.failOn = oneOf(file, key, value, [...LEVELS, 'none'] as const);
        break;
      case 'minSeverity':
        config.minSeverity = oneOf(file, key, value, LEVELS);
        break;
      case 'includeTests':
        if (typeof value !== 'boolean') throw new ConfigError(`${file}: 'includeTests' must be true or false`);
        config.includeTests = value;
        break;
      case 'include':
      case 'exclude':
        config[key as 'include' | 'exclude'] = patterns(file, key, value);
        break;
      case 'baseline':
        if (typeof value !== 'string' || value.length === 0) throw new ConfigError(`${file}: 'baseline' must be a file path`);
        config.baseline = path.resolve(dir, value);
        break;
      case 'rules': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new ConfigError(`${file}: 'rules' must map rule ids to error, warning, note or off`);
        }
        const out: Record<string, Level | 'off'> = {};
        for (const [rule, level] of Object.entries(value)) {
          const id = rules.resolve(rule);
          if (!id) throw new ConfigError(`${file}: 'rules.${rule}' is not a rule; run 'ehcompat rules' for the list`);
          out[id] = oneOf(file, `rules.${rule}`, level, [...LEVELS, 'off'] as const);
        }
        config.rules = out;
        break;
      }
      default:
        throw new ConfigError(`${file}: unknown key '${key}' (known: ${KEYS.join(', ')})`);
    }
  }
  return config;
}
