import { describe, expect, it } from 'vitest';
import { runRules } from '../src/engine.js';
import { emptyFacts, type ClientConfig, type Location } from '../src/facts.js';
import { defineRule } from '../src/rule.js';

const at = (file: string, line = 1): Location => ({ file, line, column: 1, endLine: line, endColumn: 2 });
const unit = (file: string): ClientConfig => ({ id: file, library: 'java', roles: [], anchor: at(file), closed: true, entries: [] });

const fragile = defineRule({
  id: 'EH999',
  name: 'fragile',
  area: 'ecosystem',
  level: { basic: null, standard: 'warning', premium: 'warning', dedicated: 'warning' },
  precision: 'high',
  summary: 'Test rule.',
  why: 'Exercises the engine.',
  fix: 'None.',
  reference: 'https://learn.microsoft.com/azure/event-hubs/',
  messages: { seen: 'saw {file}', broken: 'missing {nothing}' },
  check({ facts, report }) {
    for (const c of facts.configs) {
      if (c.anchor.file === 'b.properties') throw new Error('boom');
      if (c.anchor.file === 'c.properties') report('broken', c.anchor, {});
      report('seen', c.anchor, { file: c.anchor.file });
    }
  },
});

describe('engine', () => {
  it('isolates a rule that throws: the failing files become notifications, the others keep their findings', () => {
    const facts = emptyFacts();
    facts.configs.push(unit('a.properties'), unit('b.properties'), unit('c.properties'), unit('d.properties'));
    const { findings, notifications } = runRules([fragile], facts, 'standard');
    expect(findings.map((f) => f.location.file)).toEqual(['a.properties', 'd.properties']);
    expect(notifications).toEqual([
      expect.objectContaining({ level: 'error', kind: 'rule-error', file: 'b.properties', message: 'rule EH999 (fragile) failed: boom' }),
      expect.objectContaining({ level: 'error', kind: 'rule-error', file: 'c.properties', message: 'rule EH999 (fragile) failed: message placeholder {nothing} has no value' }),
    ]);
  });

  it('skips rules that do not report on the tier, and sorts and fingerprints findings', () => {
    const facts = emptyFacts();
    facts.configs.push(unit('z.properties'), unit('a.properties'));
    expect(runRules([fragile], facts, 'basic').findings).toEqual([]);
    const { findings } = runRules([fragile, fragile], { ...facts, configs: [unit('z.properties'), unit('a.properties')] }, 'premium');
    expect(findings.map((f) => f.location.file)).toEqual(['a.properties', 'z.properties']);
    expect(findings.every((f) => /^[0-9a-f]{32}:1$/.test(f.fingerprint))).toBe(true);
  });
});
