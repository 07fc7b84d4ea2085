import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSarif } from '../src/report/sarif.js';
import { compare, ROOT, scanGroup } from './harness/fixture-scan.js';

const projects = readdirSync(path.join(ROOT, 'fixtures/projects')).filter((n) => statSync(path.join(ROOT, 'fixtures/projects', n)).isDirectory());

describe.each(projects)('fixtures/projects/%s (strict: every finding annotated)', (name) => {
  it('reports exactly the annotated findings, with their levels', async () => {
    const { result, annotations } = await scanGroup({ dir: `fixtures/projects/${name}`, tier: 'standard', excluded: [] });
    expect(result.notifications.filter((n) => n.level !== 'note')).toEqual([]);
    const c = compare(result.findings, annotations);
    expect(c.actual).toEqual(c.expected);
    expect(c.wrongLevels).toEqual([]);
    expect(c.staleTodoOk).toEqual([]);
    expect(c.fixedTodoExpect).toEqual([]);
    await expect(writeSarif(result)).toMatchFileSnapshot(`__snapshots__/${name}.sarif`);
  });
});
