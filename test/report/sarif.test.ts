import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { toSarif, writeSarif } from '../../src/report/sarif.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { ROOT } from '../harness/fixture-scan.js';
import { tempDir } from '../harness/tmp.js';

const schemaDir = path.join(ROOT, 'test/schemas');
const oasis = JSON.parse(readFileSync(path.join(schemaDir, 'sarif-schema-2.1.0.json'), 'utf8'));
const github = JSON.parse(readFileSync(path.join(schemaDir, 'github-codeql-action-sarif-schema.json'), 'utf8'));

// ajv ships CommonJS; require() sidesteps its default-export typing under NodeNext.
const require = createRequire(import.meta.url);
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
interface AjvLike {
  compile(schema: unknown): Validator;
}
const AjvDraft04 = require('ajv-draft-04') as new (o: object) => AjvLike;
const Ajv2020 = require('ajv/dist/2020') as new (o: object) => AjvLike;
const addFormats = require('ajv-formats') as (ajv: AjvLike) => void;
const draft04 = new AjvDraft04({ allErrors: true, strict: false });
addFormats(draft04);
const validateOasis = draft04.compile(oasis);
// GitHub's copy has `region.properties.anyOf` misplaced; upload-sarif's validator ignores it, so do we.
const ajv2020 = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv2020);
const validateGithub = ajv2020.compile(github);

/** Both schemas, then GitHub code scanning's ingestion rules (ECOSYSTEM.md §2.3, multitool GH10xx/GH2012). */
export function assertValidSarif(log: Sarif.Log): void {
  expect(validateOasis(log), JSON.stringify(validateOasis.errors?.slice(0, 5))).toBe(true);
  expect(validateGithub(log), JSON.stringify(validateGithub.errors?.slice(0, 5))).toBe(true);
  expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0]!;
  expect(run.tool.driver.name).toBe('ehcompat');
  expect(run.tool.driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
  expect(run.columnKind).toBe('utf16CodeUnits');
  expect(run.automationDetails).toBeUndefined();
  const rules = run.tool.driver.rules ?? [];
  expect(rules.length).toBeGreaterThan(0);
  for (const rule of rules) {
    expect(rule.name!.length).toBeLessThanOrEqual(255);
    expect(rule.shortDescription?.text.length).toBeGreaterThan(0);
    expect(rule.shortDescription!.text.length).toBeLessThanOrEqual(1024);
    expect(rule.fullDescription?.text.length).toBeGreaterThan(0);
    expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
    expect(rule.help?.text.length).toBeGreaterThan(0);
    expect(rule.help?.markdown).toContain('](https://learn.microsoft.com/');
    const tags = (rule.properties?.tags ?? []) as string[];
    expect(tags.length).toBeLessThanOrEqual(20);
    // security-severity only counts, and is only set, on rules tagged `security`.
    expect(tags.includes('security')).toBe(rule.properties?.['security-severity'] !== undefined);
  }
  const results = run.results ?? [];
  expect(results.length).toBeLessThanOrEqual(25_000);
  for (const r of results) {
    expect(r.message.text?.length).toBeGreaterThan(0);
    expect(rules[r.ruleIndex!]?.id).toBe(r.ruleId);
    expect(r.locations).toHaveLength(1);
    const loc = r.locations![0]!.physicalLocation!;
    const uri = loc.artifactLocation!.uri!;
    expect(uri).not.toMatch(/^([a-z]+:|\/|\.\/)/i);
    expect(encodeURI(decodeURI(uri))).toBe(uri);
    const region = loc.region!;
    expect(region.startLine).toBeGreaterThanOrEqual(1);
    expect(region.startColumn).toBeGreaterThanOrEqual(1);
    expect(region.endLine).toBeGreaterThanOrEqual(region.startLine!);
    if (region.endLine === region.startLine) expect(region.endColumn).toBeGreaterThan(region.startColumn!);
    expect(r.partialFingerprints?.['ehcompat/v1']).toMatch(/^[0-9a-f]{32}:\d+$/);
    expect(r.partialFingerprints?.primaryLocationLineHash).toBeUndefined();
  }
  expect(gzipSync(JSON.stringify(log)).length).toBeLessThan(10 * 1024 * 1024);
}

describe('SARIF of every fixture', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scan({ paths: ['fixtures'], cwd: ROOT, tier: 'standard' });
  });

  it('validates against the OASIS and GitHub schemas and GitHub ingestion rules', () => {
    expect(result.findings.length).toBeGreaterThan(100);
    assertValidSarif(toSarif(result));
  });

  it('validates with suppressed results and suppression notifications included', () => {
    const [first, second, ...rest] = result.findings;
    const withSuppressed: ScanResult = {
      ...result,
      findings: rest,
      suppressed: [first!, second!].map((f) => ({ ...f, suppression: { kind: 'inSource' as const, justification: 'metrics producer, ADR-12' } })),
      notifications: [...result.notifications, { level: 'error', kind: 'bad-suppression', file: first!.location.file, line: 1, column: 3, message: "suppression names unknown rule 'EH999'" }],
    };
    const log = toSarif(withSuppressed, { includeSuppressed: true });
    assertValidSarif(log);
    const suppressed = (log.runs[0]!.results ?? []).filter((r) => r.suppressions);
    expect(suppressed.map((r) => r.suppressions)).toEqual([
      [{ kind: 'inSource', justification: 'metrics producer, ADR-12' }],
      [{ kind: 'inSource', justification: 'metrics producer, ADR-12' }],
    ]);
    expect(log.runs[0]!.properties?.suppressedResults).toBe(2);
    expect(toSarif(withSuppressed).runs[0]!.results).toHaveLength(rest.length);
  });

  it('validates on every tier', async () => {
    for (const tier of ['basic', 'premium', 'dedicated'] as const) assertValidSarif(toSarif(await scan({ paths: ['fixtures'], cwd: ROOT, tier })));
  });

  it('lists every rule, in index order, with its default level and tags', () => {
    const rules = toSarif(result).runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const eh101 = rules.find((r) => r.id === 'EH101')!;
    expect(eh101.defaultConfiguration?.level).toBe('error');
    expect(eh101.properties?.['security-severity']).toBe('7.5');
    const eh102 = rules.find((r) => r.id === 'EH102')!;
    expect(eh102.properties?.tags).toContain('security-config');
    expect(eh102.properties?.tags).not.toContain('security');
    expect(rules.find((r) => r.id === 'EH000')!.defaultConfiguration?.level).toBe('error');
  });

  it('is deterministic', async () => {
    const again = await scan({ paths: ['fixtures'], cwd: ROOT, tier: 'standard' });
    expect(writeSarif(again)).toBe(writeSarif(result));
  });

  it('never contains a credential from the fixtures in full', () => {
    const sarif = writeSarif(result);
    const secrets = new Set<string>();
    for (const file of new Set(result.facts.literals.map((l) => l.location.file))) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/SharedAccessKey\s*=\s*([A-Za-z0-9+/]{43}=)/g)) secrets.add(m[1]!);
    }
    expect(secrets.size).toBeGreaterThan(0);
    for (const s of secrets) expect(sarif).not.toContain(s);
  });
});

describe('SARIF details', () => {
  it('reports files that could not be scanned as notifications and execution failure', async () => {
    const result = await scan({ paths: ['fixtures/bad-input'], cwd: ROOT, tier: 'standard' });
    const log = toSarif(result);
    assertValidSarif(log);
    const invocation = log.runs[0]!.invocations![0]!;
    expect(invocation.executionSuccessful).toBe(false);
    const notes = invocation.toolExecutionNotifications!;
    expect(notes.some((n) => n.level === 'error' && n.message.text?.includes('malformed.yml'))).toBe(true);
    expect(notes.every((n) => n.descriptor?.id?.startsWith('ehcompat/'))).toBe(true);
  });

  it('keeps fingerprints when lines move, and percent-encodes paths', async () => {
    const dir = tempDir('fp');
    const file = path.join(dir, 'my client.properties');
    writeFileSync(file, 'bootstrap.servers=kafka:9092\nacks=0\n');
    const before = toSarif(await scan({ paths: ['.'], cwd: dir, tier: 'standard' }));
    writeFileSync(file, '# moved down\n\n\nbootstrap.servers=kafka:9092\nacks=0\n');
    const after = toSarif(await scan({ paths: ['.'], cwd: dir, tier: 'standard' }));
    const fp = (log: Sarif.Log) => log.runs[0]!.results!.map((r) => `${r.ruleId} ${r.partialFingerprints!['ehcompat/v1']}`).sort();
    expect(fp(after)).toEqual(fp(before));
    const lines = (log: Sarif.Log) => log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.region!.startLine);
    expect(lines(after)).not.toEqual(lines(before));
    expect(after.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('my%20client.properties');
  });
});
