// Baselines: findings already triaged are written once and then left out of reports, matched by rule, path and
// evidence (never the line), so edits that shift lines keep them matched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from './rule.js';
import { VERSION } from './version.js';

export const DEFAULT_BASELINE = '.ehcompat-baseline.json';
const FORMAT = 'ehcompat-baseline/v1';

interface Entry {
  ruleId: string;
  /** Relative to the baseline file's folder, with `/`, so the scan can run from any working directory. */
  path: string;
  /** Path-independent hash of the rule and the finding's evidence. */
  evidence: string;
  /** For people reading the file; not used to match. */
  line: number;
  message: string;
}

export interface BaselineFile {
  format: typeof FORMAT;
  tool: string;
  findings: Entry[];
}

export class BaselineError extends Error {}

function relativeTo(baselineFile: string, cwd: string, file: string): string {
  return path.relative(path.dirname(baselineFile), path.resolve(cwd, file)).split(path.sep).join('/');
}

function key(ruleId: string, file: string, evidence: string): string {
  return `${ruleId}\0${file}\0${evidence}`;
}

/** `baselineFile` is absolute; finding paths are relative to `cwd`. Sorted, so rewriting it gives a small diff. */
export function createBaseline(findings: readonly Finding[], baselineFile: string, cwd: string): string {
  const entries: Entry[] = findings.map((f) => ({
    ruleId: f.ruleId,
    path: relativeTo(baselineFile, cwd, f.location.file),
    evidence: f.evidence,
    line: f.location.line,
    message: f.message,
  }));
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
  const doc: BaselineFile = { format: FORMAT, tool: `ehcompat ${VERSION}`, findings: entries };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function readBaseline(baselineFile: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(baselineFile, 'utf8');
  } catch (e) {
    throw new BaselineError(`cannot read baseline ${baselineFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`baseline ${baselineFile} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const d = doc as Partial<BaselineFile> | null;
  if (!d || d.format !== FORMAT || !Array.isArray(d.findings)) {
    throw new BaselineError(`baseline ${baselineFile} is not an ehcompat baseline (expected "format": "${FORMAT}"); write one with 'ehcompat baseline'`);
  }
  for (const [i, e] of d.findings.entries()) {
    if (typeof e?.ruleId !== 'string' || typeof e.path !== 'string' || typeof e.evidence !== 'string') {
      throw new BaselineError(`baseline ${baselineFile}: entry ${i + 1} needs string ruleId, path and evidence`);
    }
  }
  return d as BaselineFile;
}

/**
 * Splits findings into new ones and baselined ones. Each baseline entry absorbs one finding, so a second copy of
 * the same problem in the same file is new.
 */
export function applyBaseline(findings: readonly Finding[], baseline: BaselineFile, baselineFile: string, cwd: string): { fresh: Finding[]; baselined: Finding[] } {
  const remaining = new Map<string, number>();
  for (const e of baseline.findings) {
    const k = key(e.ruleId, e.path, e.evidence);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const fresh: Finding[] = [];
  const baselined: Finding[] = [];
  for (const f of findings) {
    const k = key(f.ruleId, relativeTo(baselineFile, cwd, f.location.file), f.evidence);
    const n = remaining.get(k) ?? 0;
    if (n > 0) {
      remaining.set(k, n - 1);
      baselined.push(f);
    } else fresh.push(f);
  }
  return { fresh, baselined };
}
