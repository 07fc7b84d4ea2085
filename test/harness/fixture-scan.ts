import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, Tier } from '../../src/rule.js';
import { TIERS } from '../../src/rule.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { annotationsOf, filesUnder, type Annotation } from './annotations.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface FixtureGroup {
  /** Repository-relative folder. */
  dir: string;
  tier: Tier;
  /** Sub-folders scanned as groups of their own (`tier-premium/`). */
  excluded: string[];
}

/** A folder is scanned on the standard tier; its `tier-<name>/` sub-folders on that tier. */
export function fixtureGroups(dir: string): FixtureGroup[] {
  if (!existsSync(path.join(ROOT, dir))) return [];
  const tierDirs = readdirSync(path.join(ROOT, dir))
    .filter((n) => /^tier-/.test(n) && statSync(path.join(ROOT, dir, n)).isDirectory())
    .map((n) => {
      const tier = n.slice('tier-'.length) as Tier;
      if (!TIERS.includes(tier)) throw new Error(`${dir}/${n}: unknown tier`);
      return { dir: `${dir}/${n}`, tier, excluded: [] };
    });
  return [{ dir, tier: 'standard', excluded: tierDirs.map((t) => t.dir) }, ...tierDirs];
}

export async function scanGroup(group: FixtureGroup): Promise<{ result: ScanResult; annotations: Annotation[] }> {
  const result = await scan({
    paths: [group.dir],
    cwd: ROOT,
    tier: group.tier,
    exclude: group.excluded.map((d) => `/${path.posix.relative(group.dir, d)}/`),
  });
  const files = filesUnder(ROOT, group.dir, (rel) => group.excluded.includes(rel));
  return { result, annotations: files.flatMap((f) => annotationsOf(ROOT, f)) };
}

const at = (file: string, line: number, ruleId: string) => `${file}:${line} ${ruleId}`;

/**
 * Compares findings with annotations. With `only`, just that rule is checked (rule folders); without it every
 * finding must be annotated (projects). Returns readable lists for `toEqual` and level mismatches.
 */
export function compare(findings: readonly Finding[], annotations: readonly Annotation[], only?: string) {
  const relevant = findings.filter((f) => !only || f.ruleId === only);
  const notes = annotations.filter((a) => !only || a.ruleId === only);
  const todoOk = new Set(notes.filter((a) => a.kind === 'todo-ok').map((a) => at(a.file, a.line, a.ruleId)));
  const actual = relevant.map((f) => at(f.location.file, f.location.line, f.ruleId)).filter((k) => !todoOk.has(k)).sort();
  const expected = notes.filter((a) => a.kind === 'expect').map((a) => at(a.file, a.line, a.ruleId)).sort();
  const present = new Set(relevant.map((f) => at(f.location.file, f.location.line, f.ruleId)));
  const staleTodoOk = [...todoOk].filter((k) => !present.has(k));
  const fixedTodoExpect = notes.filter((a) => a.kind === 'todo-expect' && present.has(at(a.file, a.line, a.ruleId))).map((a) => at(a.file, a.line, a.ruleId));
  const wrongLevels = notes
    .filter((a) => a.kind === 'expect' && a.level)
    .filter((a) => !relevant.some((f) => f.location.file === a.file && f.location.line === a.line && f.ruleId === a.ruleId && f.level === a.level))
    .map((a) => {
      const got = relevant.filter((f) => f.location.file === a.file && f.location.line === a.line && f.ruleId === a.ruleId).map((f) => f.level);
      return `${at(a.file, a.line, a.ruleId)} expected ${a.level}, got ${got.join('/') || 'nothing'}`;
    });
  return { actual, expected, staleTodoOk, fixedTodoExpect, wrongLevels, counts: { expect: expected.length, ok: notes.filter((a) => a.kind === 'ok').length } };
}
