import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { compare, fixtureGroups, scanGroup } from './harness/fixture-scan.js';

describe.each(RULES.map((r) => [`${r.id} ${r.name}`, r] as const))('%s', (_, rule) => {
  const dir = `fixtures/${rule.area}/${rule.id}-${rule.name}`;
  const groups = fixtureGroups(dir);
  if (groups.length === 0) it(`has a fixture folder ${dir}`, () => expect(groups).not.toEqual([]));
  it.each(groups.map((g) => [`${g.dir.slice(dir.length + 1) || 'fixtures'} (${g.tier})`, g] as const))('%s', async (_, group) => {
    const { result, annotations } = await scanGroup(group);
    expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
    const c = compare(result.findings, annotations, rule.id);
    expect(c.actual, 'findings of this rule vs. expect: annotations').toEqual(c.expected);
    expect(c.wrongLevels, 'levels written as EHxxx(level)').toEqual([]);
    expect(c.staleTodoOk, 'todo-ok: the false positive is gone, promote it to ok:').toEqual([]);
    expect(c.fixedTodoExpect, 'todo-expect: the gap is fixed, promote it to expect:').toEqual([]);
  });
});
