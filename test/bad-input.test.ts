import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan.js';
import { ROOT } from './harness/fixture-scan.js';
import { tempDir } from './harness/tmp.js';

const byFile = (notes: Array<{ file?: string; level: string; kind: string }>) => Object.fromEntries(notes.map((n) => [n.file, `${n.level} ${n.kind}`]));

describe('bad input never stops the scan', () => {
  it('reports each broken file once and still scans the others', async () => {
    const result = await scan({ paths: ['fixtures/bad-input'], cwd: ROOT, tier: 'standard' });
    expect(byFile(result.notifications)).toEqual({
      'fixtures/bad-input/binary.properties': 'error binary',
      'fixtures/bad-input/broken-catalog/gradle/libs.versions.toml': 'error unparsable',
      'fixtures/bad-input/broken-lock/package-lock.json': 'warning unparsable',
      'fixtures/bad-input/broken-npm/package.json': 'error unparsable',
      'fixtures/bad-input/broken-pom/pom.xml': 'error unparsable',
      'fixtures/bad-input/chart/templates/configmap.yaml': 'warning unsupported-format',
      'fixtures/bad-input/invalid-utf8.yml': 'error encoding',
      'fixtures/bad-input/latin1-client.properties': 'warning encoding',
      'fixtures/bad-input/malformed.yml': 'error unparsable',
    });
    const malformed = result.notifications.find((n) => n.file?.endsWith('malformed.yml'))!;
    expect(malformed.line).toBe(4); // where the parser notices the unclosed `[` of line 3
    // No partial findings from files that could not be read; full findings from the rest.
    const files = new Set(result.findings.map((f) => f.location.file));
    expect(files.has('fixtures/bad-input/malformed.yml')).toBe(false);
    expect(files.has('fixtures/bad-input/binary.properties')).toBe(false);
    expect(result.findings.some((f) => f.location.file === 'fixtures/bad-input/good/client.properties' && f.ruleId === 'EH201')).toBe(true);
    // A lockfile that cannot be read leaves versions unknown: the package.json is still reported on.
    expect(result.facts.dependencies.find((d) => d.file === 'fixtures/bad-input/broken-lock/package.json')).toMatchObject({ name: 'kafkajs', resolved: undefined });
    // Latin-1 .properties is what Java reads: scanned, with positions intact.
    const latin = result.findings.find((f) => f.location.file === 'fixtures/bad-input/latin1-client.properties' && f.ruleId === 'EH201');
    expect(latin?.location.line).toBe(3);
  });

  it('skips oversized files with a notification', async () => {
    const dir = tempDir('big');
    writeFileSync(path.join(dir, 'huge.properties'), `bootstrap.servers=kafka:9092\n${'# padding\n'.repeat(2000)}`);
    writeFileSync(path.join(dir, 'small.properties'), 'bootstrap.servers=kafka:9092\nacks=0\n');
    const result = await scan({ paths: ['.'], cwd: dir, tier: 'standard', maxFileBytes: 1024 });
    expect(byFile(result.notifications)).toEqual({ 'huge.properties': 'error too-large' });
    expect(result.findings.some((f) => f.location.file === 'small.properties')).toBe(true);
  });

  it('survives symlink loops, broken links and missing paths', async () => {
    const dir = tempDir('links');
    mkdirSync(path.join(dir, 'conf'));
    writeFileSync(path.join(dir, 'conf/client.properties'), 'bootstrap.servers=kafka:9092\nacks=0\n');
    symlinkSync('..', path.join(dir, 'conf/loop'));
    symlinkSync('missing.properties', path.join(dir, 'conf/dangling.properties'));
    symlinkSync('client.properties', path.join(dir, 'conf/alias.properties'));
    const result = await scan({ paths: ['.', 'nope'], cwd: dir, tier: 'standard' });
    expect(byFile(result.notifications)).toEqual({
      'conf/dangling.properties': 'warning broken-symlink',
      'conf/loop': 'warning symlink-loop',
      nope: 'error not-found',
    });
    // The link to a file inside the scan is not scanned twice.
    expect(result.findings.filter((f) => f.ruleId === 'EH201').map((f) => f.location.file)).toEqual(['conf/client.properties']);
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable files (skipped as root, who can read anything)', async () => {
    const { chmodSync } = await import('node:fs');
    const dir = tempDir('perm');
    writeFileSync(path.join(dir, 'secret.properties'), 'bootstrap.servers=kafka:9092\n');
    chmodSync(path.join(dir, 'secret.properties'), 0o000);
    const result = await scan({ paths: ['.'], cwd: dir, tier: 'standard' });
    expect(byFile(result.notifications)).toEqual({ 'secret.properties': 'error unreadable' });
  });
});
