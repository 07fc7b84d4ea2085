import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { AREAS, levelOn, TIERS, type Rule, type Tier } from '../src/rule.js';
import { scan } from '../src/scan.js';
import { annotationsOf, filesUnder } from './harness/annotations.js';
import { fixtureGroups, ROOT } from './harness/fixture-scan.js';

const ruleFiles = AREAS.flatMap((area) =>
  existsSync(path.join(ROOT, 'rules', area))
    ? readdirSync(path.join(ROOT, 'rules', area))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `${area}/${f}`)
    : [],
);
const fixtureDir = (r: Rule) => `fixtures/${r.area}/${r.id}-${r.name}`;

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (_, rule) => {
  it('has an id whose hundreds digit is its area, and a kebab-case name', () => {
    expect(rule.id).toMatch(/^EH[0-6]\d\d$/);
    // EH000 (tier applicability) sits with the ecosystem rules; the others repeat the area in the id.
    if (rule.id !== 'EH000') expect(Number(rule.id[2])).toBe(AREAS.indexOf(rule.area) + 1);
    expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('lives at rules/<area>/<id>-<name>.ts', () => {
    expect(ruleFiles).toContain(`${rule.area}/${rule.id}-${rule.name}.ts`);
  });

  it('describes itself completely', () => {
    expect(rule.summary).toMatch(/^[A-Z].*\.$/);
    expect(rule.summary.split(/\.\s/).length).toBe(1);
    expect(rule.why.length).toBeGreaterThan(40);
    expect(rule.fix.length).toBeGreaterThan(10);
    expect(rule.reference).toMatch(/^https:\/\/learn\.microsoft\.com\/azure\/event-hubs\//);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    // Placeholders are `{word}`; any other brace is a typo that would print literally.
    for (const template of Object.values<string>(rule.messages)) expect(template.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
    if (rule.securitySeverity) {
      expect(Number(rule.securitySeverity)).toBeGreaterThan(0);
      expect(rule.area).toBe('security');
    }
  });

  it('imports nothing but src/rule, src/facts and src/kafka (rules never see syntax)', () => {
    const text = readFileSync(path.join(ROOT, 'rules', rule.area, `${rule.id}-${rule.name}.ts`), 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) expect(spec).toMatch(/^\.\.\/\.\.\/src\/(rule|facts|kafka\/[\w-]+)\.js$/);
  });

  it('has a fixture folder with at least one expect: and one ok:', () => {
    const dir = fixtureDir(rule);
    expect(existsSync(path.join(ROOT, dir)), `create ${dir}/`).toBe(true);
    const notes = filesUnder(ROOT, dir).flatMap((f) => annotationsOf(ROOT, f)).filter((a) => a.ruleId === rule.id);
    expect(notes.some((a) => a.kind === 'expect'), `${dir}: add a positive case (expect: ${rule.id})`).toBe(true);
    expect(notes.some((a) => a.kind === 'ok'), `${dir}: add a negative case (ok: ${rule.id})`).toBe(true);
  });
});

describe('rules/index.ts', () => {
  it('lists every rule file exactly once, sorted by id', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULES.map((r) => `${r.area}/${r.id}-${r.name}.ts`).sort()).toEqual([...ruleFiles].sort());
  });

  it('has a rule folder for every fixture folder', () => {
    const known = new Set(RULES.map(fixtureDir));
    for (const area of AREAS) {
      if (!existsSync(path.join(ROOT, 'fixtures', area))) continue;
      for (const dir of readdirSync(path.join(ROOT, 'fixtures', area))) expect(known, `fixtures/${area}/${dir} has no rule`).toContain(`fixtures/${area}/${dir}`);
    }
  });
});

describe('every message template is exercised by a fixture', () => {
  const fired = new Set<string>();
  beforeAll(async () => {
    for (const rule of RULES) {
      for (const group of fixtureGroups(fixtureDir(rule))) {
        const { findings } = await scan({ paths: [group.dir], cwd: ROOT, tier: group.tier, exclude: group.excluded.map((d) => `/${path.posix.relative(group.dir, d)}/`) });
        for (const f of findings) fired.add(`${f.ruleId}:${f.messageId}`);
      }
    }
  });
  it.each(RULES.flatMap((r) => Object.keys(r.messages).map((m) => [`${r.id}:${m}`] as const)))('%s', (key) => {
    expect(fired, `no fixture of ${key.split(':')[0]} produces message '${key.split(':')[1]}'`).toContain(key);
  });
});

// The rule specification's level table (CATALOG.md §10), vendored so that CI checks it too; the original lives
// beside the project in ../shared and, where it is reachable, the copy must still match it.
const vendoredTable = path.join(ROOT, 'test/catalog/levels.md');
const catalogPath = path.resolve(ROOT, '../shared/rules/CATALOG.md');

function tableRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (/^EH\d{3}$/.test(cells[1] ?? '')) rows.set(cells[1]!, cells.slice(2, 9));
  }
  return rows;
}

describe('CATALOG.md §10 level table', () => {
  const rows = tableRows(readFileSync(vendoredTable, 'utf8'));

  it.skipIf(!existsSync(catalogPath))('the vendored copy matches the catalog', () => {
    expect([...rows]).toEqual([...tableRows(readFileSync(catalogPath, 'utf8'))]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s matches its row: name, level per tier, security severity', (_, rule) => {
    const row = rows.get(rule.id);
    expect(row, `${rule.id} is not in the catalog`).toBeDefined();
    const [name, b, s, p, d, severity] = row!;
    expect(name?.replace(/\s*\(NEW\)/, '')).toBe(rule.name);
    const cells: Record<Tier, string | undefined> = { basic: b, standard: s, premium: p, dedicated: d };
    for (const tier of TIERS) {
      const cell = cells[tier] ?? '';
      const level = (c: string) => (c.startsWith('—') ? null : (/^(error|warning|note)/.exec(c)?.[1] ?? null));
      // 'same as P' repeats the Premium cell; a bare 'same' repeats the Standard cell.
      const expected = cell.startsWith('same as') ? level(p ?? '') : cell.startsWith('same') ? level(s ?? '') : level(cell);
      expect(levelOn(rule, tier), `${rule.id} on ${tier}: catalog says '${cell}'`).toBe(expected);
    }
    const score = /^(\d+(\.\d+)?)/.exec(severity ?? '')?.[1];
    expect(rule.securitySeverity ?? null).toBe(score ?? null);
  });
});
