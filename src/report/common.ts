import type { Level } from '../rule.js';
import type { ScanResult } from '../scan.js';

export interface WriteOptions {
  cwd: string;
  color: boolean;
  /** Findings only: no summary or rule list. */
  quiet: boolean;
}

export function counts(result: ScanResult): Record<Level, number> {
  const c: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of result.findings) c[f.level]++;
  return c;
}
