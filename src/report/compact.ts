import path from 'node:path';
import type { Level } from '../rule.js';
import type { ScanResult } from '../scan.js';
import type { WriteOptions } from './common.js';

const COMPACT_SEVERITY: Record<Level, string> = { error: 'Error', warning: 'Warning', note: 'Info' };

/** ESLint's compact format with absolute paths: VS Code's `$eslint-compact` problem matcher parses it. */
export function writeCompact(result: ScanResult, options: WriteOptions): string {
  return result.findings
    .map((f) => `${path.resolve(options.cwd, f.location.file)}: line ${f.location.line}, col ${f.location.column}, ${COMPACT_SEVERITY[f.level]} - ${f.message} (${f.ruleId})\n`)
    .join('');
}
