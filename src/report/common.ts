import path from 'node:path';
import { fingerprintHash } from '../engine.js';
import type { Level } from '../rule.js';
import type { ScanResult } from '../scan.js';

export interface WriteOptions {
  cwd: string;
  color: boolean;
  /** Findings only: no summary or rule list. */
  quiet: boolean;
  /** SARIF: also emit inline-suppressed results, with `suppressions` (viewers hide them; GitHub would not). */
  includeSuppressed?: boolean;
  /** Markdown: `https://github.com/OWNER/REPO/blob/SHA/` so findings link to their line. */
  blobBase?: string;
  /** The repository root: SARIF, JSON, github and markdown paths are relative to it (text stays cwd-relative). */
  pathBase?: string;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function counts(result: ScanResult): Record<Level, number> {
  const c: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of result.findings) c[f.level]++;
  return c;
}

/**
 * The same result with paths relative to `base` (the repository root) instead of the working directory: what
 * SARIF, JSON, workflow commands and the job summary show (ECOSYSTEM.md §4.3), wherever the scan ran from.
 */
export function rebasePaths(result: ScanResult, cwd: string, base: string): ScanResult {
  if (path.resolve(cwd) === path.resolve(base)) return result;
  const move = (file: string) => path.relative(base, path.resolve(cwd, file)).split(path.sep).join('/');
  const finding = <F extends ScanResult['findings'][number]>(f: F): F => {
    const file = move(f.location.file);
    const n = f.fingerprint.slice(f.fingerprint.lastIndexOf(':') + 1);
    return { ...f, location: { ...f.location, file }, fingerprint: `${fingerprintHash(f.ruleId, file, f.evidence)}:${n}` };
  };
  return {
    ...result,
    findings: result.findings.map(finding),
    suppressed: result.suppressed.map(finding),
    notifications: result.notifications.map((n) => (n.file ? { ...n, file: move(n.file) } : n)),
    inventory: result.inventory.map((e) => ({ ...e, file: move(e.file) })),
  };
}
