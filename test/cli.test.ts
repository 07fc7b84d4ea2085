import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { useColor } from '../src/cli.js';
import { cli, project } from './harness/cli.js';
import { VERSION } from '../src/version.js';
import { ROOT } from './harness/fixture-scan.js';

const WARNINGS_ONLY = { 'client.properties': 'bootstrap.servers=b.servicebus.windows.net:9093\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nmax.request.size=1000000\nconnections.max.idle.ms=180000\nmetadata.max.age.ms=180000\nacks=0\n' };
const WITH_ERROR = { 'client.properties': 'bootstrap.servers=kafka:9092\nsecurity.protocol=PLAINTEXT\n' };

describe('exit codes', () => {
  it('0 when nothing is found, 1 for findings at or above --fail-on, 2 for usage errors', async () => {
    expect((await cli(['scan', '.'], { cwd: project({ 'README.md': '# nothing\n' }) })).code).toBe(0);
    const warnings = project(WARNINGS_ONLY);
    expect((await cli(['scan', '.'], { cwd: warnings })).code).toBe(0);
    expect((await cli(['scan', '.', '--fail-on', 'warning'], { cwd: warnings })).code).toBe(1);
    const errors = project(WITH_ERROR);
    expect((await cli(['scan', '.'], { cwd: errors })).code).toBe(1);
    expect((await cli(['scan', '.', '--fail-on', 'none'], { cwd: errors })).code).toBe(0);
    expect((await cli(['.'], { cwd: errors })).code).toBe(1);
    const bad = await cli(['scan', '--no-such-flag']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option '--no-such-flag'/);
    expect((await cli(['scan', '--tier', 'gold'])).code).toBe(2);
    expect((await cli(['scan', '--format', 'xml'])).code).toBe(2);
  });

  it('2 when a path is missing (nothing written) or a file could not be scanned (findings still printed)', async () => {
    const dir = project({ 'client.properties': 'bootstrap.servers=kafka:9092\n' });
    const missing = await cli(['scan', 'does-not-exist', '--sarif-output', 'out.sarif'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("ehcompat: path 'does-not-exist' does not exist (commands: scan, baseline, rules, explain)\n");
    expect(missing.stdout).toBe('');
    expect(existsSync(path.join(dir, 'out.sarif')), 'no empty SARIF to upload').toBe(false);
    const bad = await cli(['scan', 'fixtures/bad-input', '--no-color']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('binary.properties');
    expect(bad.stdout).toContain('fixtures/bad-input/good/client.properties');
  });

  it('--min-severity hides findings below it from the report and the exit code', async () => {
    const dir = project(WARNINGS_ONLY);
    const all = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    const errorsOnly = await cli(['scan', '.', '--format', 'json', '--min-severity', 'error', '--fail-on', 'warning'], { cwd: dir });
    expect(JSON.parse(all.stdout).findings.length).toBeGreaterThan(0);
    expect(JSON.parse(errorsOnly.stdout).findings).toEqual([]);
    expect(errorsOnly.code).toBe(0);
  });
});

describe('formats and outputs', () => {
  it('text groups by file and ends with a summary; -q prints findings only', async () => {
    const dir = project(WITH_ERROR);
    const text = await cli(['scan', '.', '--no-color'], { cwd: dir });
    expect(text.stdout).toMatch(/^client\.properties\n {2}\d+:\d+ /);
    expect(text.stdout).toMatch(/^ {2}2:1 +error +EH101 {2}security\.protocol=PLAINTEXT connects without TLS.* {2}plaintext-transport$/m);
    expect(text.stdout).toMatch(/✖ \d+ problems \(1 error, \d+ warnings?, \d+ notes?\) in 1 file scanned · tier Standard/);
    expect(text.stdout).toContain('EH101 plaintext-transport');
    expect(text.stdout).not.toMatch(/\x1b\[/);
    const quiet = await cli(['scan', '.', '-q', '--no-color'], { cwd: dir });
    expect(quiet.stdout).not.toContain('✖');
    expect(quiet.stdout).toContain('EH101');
  });

  it('compact matches VS Code\'s $eslint-compact problem matcher, with absolute paths', async () => {
    const dir = project(WITH_ERROR);
    const { stdout } = await cli(['scan', '.', '--format', 'compact'], { cwd: dir });
    const matcher = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const m = matcher.exec(line);
      expect(m, line).not.toBeNull();
      expect(path.isAbsolute(m![1]!)).toBe(true);
      expect(m![6]).toMatch(/^EH\d{3}$/);
    }
    expect(lines.some((l) => l.includes(`${path.join(dir, 'client.properties')}: line 2, col 1, Error - `) && l.endsWith('(EH101)'))).toBe(true);
  });

  it('json and sarif are machine-readable; --output and --sarif-output write files atomically', async () => {
    const dir = project(WITH_ERROR);
    const json = JSON.parse((await cli(['scan', '.', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.tool).toEqual({ name: 'ehcompat', version: VERSION });
    expect(json.findings[0]).toMatchObject({ ruleId: expect.stringMatching(/^EH/), path: 'client.properties', line: expect.any(Number) });
    const res = await cli(['scan', '.', '--no-color', '--output', 'out/report.txt', '--sarif-output', 'out/ehcompat.sarif'], { cwd: dir });
    expect(res.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'out/report.txt'), 'utf8')).toContain('EH101');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out/ehcompat.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBe(json.findings.length);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['ehcompat.sarif', 'report.txt']);
  });

  it('--dump-facts prints the extracted facts with secrets masked', async () => {
    const key = 'FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake123=';
    const dir = project({
      'client.properties': `bootstrap.servers=ns.servicebus.windows.net:9093\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${key}";\nssl.truststore.password=hunter2hunter2\n`,
    });
    const { stdout, code } = await cli(['scan', '.', '--dump-facts'], { cwd: dir });
    expect(code).toBe(0);
    const facts = JSON.parse(stdout);
    expect(facts.configs[0].entries.map((e: { key: string }) => e.key)).toContain('sasl.jaas.config');
    expect(stdout).not.toContain(key);
    expect(stdout).not.toContain('hunter2hunter2');
  });
});

describe('colour', () => {
  it('follows --color/--no-color, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor(false, {}, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(useColor(undefined, {}, false)).toBe(false);
  });

  it('colours text on a terminal and never in files', async () => {
    const dir = project(WITH_ERROR);
    expect((await cli(['scan', '.'], { cwd: dir, tty: true })).stdout).toMatch(/\x1b\[/);
    await cli(['scan', '.', '--color', '-o', 'r.txt'], { cwd: dir, tty: true });
    expect(readFileSync(path.join(dir, 'r.txt'), 'utf8')).not.toMatch(/\x1b\[/);
  });
});

describe('rules, explain, version', () => {
  it('lists every rule with its levels per tier', async () => {
    const { stdout, code } = await cli(['rules']);
    expect(code).toBe(0);
    for (const r of RULES) expect(stdout).toContain(`${r.id}  ${r.name}`);
    expect(stdout).toContain('Basic error · Standard error · Premium warning · Dedicated warning');
    const json = JSON.parse((await cli(['rules', '--format', 'json'])).stdout);
    expect(json).toHaveLength(RULES.length);
    expect(json.find((r: { id: string }) => r.id === 'EH305').levels).toEqual({ basic: 'error', standard: 'error', premium: 'error', dedicated: 'error' });
  });

  it('explains one rule by id or name, and fails clearly on an unknown one', async () => {
    const byId = await cli(['explain', 'eh102']);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain('EH102 ssl-client-certificate');
    expect(byId.stdout).toContain('Fix: ');
    expect(byId.stdout).toContain('https://learn.microsoft.com/azure/event-hubs/');
    expect((await cli(['explain', 'acks-zero'])).stdout).toContain('EH201');
    const unknown = await cli(['explain', 'EH999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown rule 'EH999'");
  });

  it('-V prints the version', async () => {
    const { stdout, code } = await cli(['-V']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`ehcompat ${VERSION}`);
  });
});

describe('the installed binary', () => {
  const bin = path.join(ROOT, 'dist/src/bin.js');
  it('runs from dist (built by npm ci via prepare) and sets the exit code', () => {
    expect(existsSync(bin), 'dist/ is missing: run npm run build').toBe(true);
    const dir = project(WITH_ERROR);
    const res = spawnSync(process.execPath, [bin, 'scan', '.', '--format', 'compact'], { cwd: dir, encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('(EH101)');
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    // `npx ehcompat` in this checkout runs the file itself: tsc does not set the executable bit, the build does.
    const direct = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(direct.error, 'dist/src/bin.js is not executable').toBeUndefined();
    expect(direct.stdout).toMatch(/^ehcompat \d/);
    expect(help.stdout).toContain('Exit codes: 0');
  });
});

describe('Kafka library inventory', () => {
  it('lists the Kafka libraries of each build file in text, JSON and SARIF', async () => {
    const dir = project({
      'pom.xml':
        '<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>2.7.18</version></parent><artifactId>a</artifactId><dependencies><dependency><groupId>org.springframework.kafka</groupId><artifactId>spring-kafka</artifactId></dependency><dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version></dependency></dependencies></project>',
      'web/package.json': '{ "dependencies": { "kafkajs": "^2.2.4" }, "devDependencies": { "kafka-node": "5.0.0" } }',
      'web/package-lock.json': '{ "lockfileVersion": 3, "packages": { "": {}, "node_modules/kafkajs": { "version": "2.2.4" }, "node_modules/kafka-node": { "version": "5.0.0" } } }',
    });
    const text = (await cli(['scan', '.', '--no-color'], { cwd: dir })).stdout;
    expect(text).toContain('Kafka libraries\n  pom.xml\n    org.springframework.kafka:spring-kafka 2.8.x → kafka-clients 3.1.x  (Spring Boot 2.7.18)\n  web/package.json\n    kafkajs 2.2.4  (package-lock.json)\n    kafka-node 5.0.0  (package-lock.json, devDependencies)');
    const json = JSON.parse((await cli(['scan', '.', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.inventory.map((e: { file: string; libraries: Array<{ name: string }> }) => `${e.file}: ${e.libraries.map((l) => l.name).join(', ')}`)).toEqual([
      'pom.xml: org.springframework.kafka:spring-kafka',
      'web/package.json: kafkajs, kafka-node',
    ]);
    const sarif = JSON.parse((await cli(['scan', '.', '--format', 'sarif'], { cwd: dir })).stdout);
    expect(sarif.runs[0].properties.kafkaLibraries).toEqual(json.inventory);
    expect((await cli(['scan', '.', '-q', '--no-color'], { cwd: dir })).stdout).not.toContain('Kafka libraries');
  });
});
