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
}

export function counts(result: ScanResult): Record<Level, number> {
  const c: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of result.findings) c[f.level]++;
  return c;
}
