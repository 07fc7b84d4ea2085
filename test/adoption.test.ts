// Turning the scanner on across repositories: inline suppressions, .ehcompat.yaml, baselines, --changed-since,
// the github and markdown formats, and the GitHub Action files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../rules/index.js';
import { applySuppressions, parseSuppressions, ruleIndex } from '../src/suppress.js';
import type { Finding } from '../src/rule.js';
import { cli, project } from './harness/cli.js';
import { ROOT } from './harness/fixture-scan.js';

const names = ruleIndex(RULES);

/** A closed producer config with exactly one problem (acks=0, EH201) besides what the lines below add. */
const CLEAN = 'bootstrap.servers=ns.servicebus.windows.net:9093\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nmax.request.size=1000000\nconnections.max.idle.ms=180000\nmetadata.max.age.ms=180000\n';

function repo(files: Record<string, string>): string {
  const dir = project(files);
  mkdirSync(path.join(dir, '.git'), { recursive: true }); // config and baseline lookups stop here
  return dir;
}

async function findings(dir: string, args: string[] = []) {
  const res = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none', ...args], { cwd: dir });
  const doc = JSON.parse(res.stdout);
  return { ...res, doc, ids: (doc.findings as Array<{ ruleId: string; path: string; line: number }>).map((f) => `${f.ruleId} ${f.path}:${f.line}`) };
}

describe('inline suppressions in every comment syntax', () => {
  const JAVA = `package com.acme;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
class Metrics {
  KafkaProducer<String, String> create() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "ns.servicebus.windows.net:9093");
    p.put("security.protocol", "SASL_SSL");
    p.put("sasl.mechanism", "PLAIN");
    p.put("max.request.size", "1000000");
    p.put("connections.max.idle.ms", "180000");
    p.put("metadata.max.age.ms", "180000");
    // ehcompat-ignore-next-line EH201 -- metrics are fire and forget
    p.put(ProducerConfig.ACKS_CONFIG, "0");
    p.put(ProducerConfig.RETRIES_CONFIG, 0); /* ehcompat-ignore-line retries-disabled */
    /*
     * ehcompat-ignore-next-line EH305 -- a block comment line
     */
    p.put("compression.type", "lz4");
    return new KafkaProducer<>(p);
  }
}
`;
  it('suppresses the findings it names in properties, YAML, XML, Java (// and /* */) files', async () => {
    const dir = repo({
      'a/client.properties': `${CLEAN}# ehcompat-ignore-next-line EH201 -- metrics\nacks=0\n! ehcompat-ignore-next-line EH305\ncompression.type=lz4\n`,
      'b/application.yml': 'spring:\n  kafka:\n    producer:\n      acks: 0 # ehcompat-ignore-line EH201\n      # ehcompat-ignore-next-line compression-codec -- decided in ADR-12\n      compression-type: lz4\n',
      'c/pom.xml': `<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version>
<dependencies>
  <!-- ehcompat-ignore-next-line EH301 — retired with the service in Q3 (XML comments cannot hold two hyphens) -->
  <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>0.10.2.1</version></dependency>
</dependencies></project>
`,
      'd/src/main/java/com/acme/Metrics.java': JAVA,
    });
    const { ids, doc } = await findings(dir);
    expect(doc.notifications).toEqual([]);
    expect(ids.filter((i) => /EH201|EH305|EH301|EH507/.test(i))).toEqual([]);
    expect(doc.summary.suppressed).toBe(8);
    // The same files without the comments do report them: the suppressions are what removed them.
    const { ids: all } = await findings(dir, ['--no-inline-suppressions']);
    expect(all.filter((i) => /EH201|EH305|EH301|EH507/.test(i)).length).toBe(8);
  });

  it.each([
    ['build.gradle', 'gradle', "dependencies {\n  // ehcompat-ignore-next-line EH301 -- legacy module\n  implementation 'org.apache.kafka:kafka-clients:0.10.2.1'\n}\n", 3],
    ['build.gradle.kts', 'gradle', 'dependencies {\n  implementation("org.apache.kafka:kafka-clients:0.10.2.1") /* ehcompat-ignore-line EH301 */\n}\n', 2],
    ['client.conf', 'conf', 'metadata.broker.list=k:9092\n# ehcompat-ignore-next-line EH508\nsocket.keepalive.enable=false\n', 3],
    ['kafka_client.jaas', 'jaas', 'KafkaClient {\n  // ehcompat-ignore-next-line EH105\n  org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";\n};\n', 3],
    ['.env', 'text', '# ehcompat-ignore-next-line EH107 -- local emulator\nEH_CONN=Endpoint=sb://x/;SharedAccessKeyName=a;SharedAccessKey=b\n', 2],
    ['app.ts', 'script', "import { Kafka } from 'kafkajs';\n// ehcompat-ignore-next-line EH101\nnew Kafka({ brokers: ['k:9092'] });\n", 3],
  ] as const)('%s: %s comments carry directives', (file, kind, text, target) => {
    const { suppressions, notifications } = parseSuppressions(file, kind, text, names);
    expect(notifications).toEqual([]);
    expect(suppressions.map((s) => s.target)).toEqual([target]);
  });

  it('a # after a value in a .properties or librdkafka file is part of the value: an error says so', () => {
    for (const [file, kind] of [['c.properties', 'properties'], ['c.conf', 'conf']] as const) {
      const { suppressions, notifications } = parseSuppressions(file, kind, 'acks=0 # ehcompat-ignore-line EH201\n', names);
      expect(suppressions).toEqual([]);
      expect(notifications.map((n) => [n.level, n.line, n.message.slice(0, 45)])).toEqual([['error', 1, 'in this file a # after a value is part of the']]);
    }
    const yaml = parseSuppressions('a.yml', 'yaml', 'acks: 0 # ehcompat-ignore-line EH201\nurl: "http://x#ehcompat-ignore-line EH201"\n', names);
    expect(yaml.suppressions.map((s) => s.line)).toEqual([1]);
  });

  it('ignores the marker inside Java strings after code and outside comments', () => {
    const text = 'class A {\n  String s = "ehcompat-ignore-line EH201";\n  // ehcompat-ignore-file EH101 -- all of it\n}\n';
    const { suppressions } = parseSuppressions('A.java', 'java', text, names);
    expect(suppressions).toEqual([{ file: 'A.java', line: 3, column: 6, kind: 'file', rules: ['EH101'], reason: 'all of it' }]);
  });

  it('prose that mentions a directive is not one', () => {
    const text = '/** Use ehcompat-ignore-next-line to silence a rule. */\n// see the docs for ehcompat-ignore-file usage\n# ehcompat-ignore-line in YAML\n';
    expect(parseSuppressions('A.java', 'java', text, names)).toEqual({ suppressions: [], notifications: [] });
  });

  it('an expiry date that is not on the calendar is an error', () => {
    const { notifications } = parseSuppressions('c.properties', 'properties', '# ehcompat-ignore-next-line EH201 exp:2026-02-30\nacks=0\n', names);
    expect(notifications.map((n) => n.message)).toEqual(['suppression expiry \'exp:2026-02-30\' is not a date; write exp:YYYY-MM-DD']);
  });

  it('stacks next-line directives and accepts rule names and comma lists', () => {
    const text = '# ehcompat-ignore-next-line EH201, compression-codec\n# ehcompat-ignore-next-line EH501 -- later\nacks=0\n';
    const { suppressions } = parseSuppressions('c.properties', 'properties', text, names);
    expect(suppressions.map((s) => [s.rules, s.target])).toEqual([
      [['EH201', 'EH305'], 3],
      [['EH501'], 3],
    ]);
  });

  it('ehcompat-ignore-file suppresses the rule anywhere in the file, and only that rule', async () => {
    const dir = repo({ 'client.properties': `# ehcompat-ignore-file EH201 -- metrics producers\n${CLEAN}acks=0\ncompression.type=lz4\n` });
    const { ids } = await findings(dir);
    expect(ids.some((i) => i.startsWith('EH201'))).toBe(false);
    expect(ids.some((i) => i.startsWith('EH305'))).toBe(true);
  });

  it('a directive without a rule id, with an unknown rule or a bad date is an error naming the line (exit 2)', async () => {
    for (const [line, message] of [
      ['# ehcompat-ignore-next-line -- why', /needs the rule id/],
      ['# ehcompat-ignore-next-line EH999', /unknown rule 'EH999'/],
      ['# ehcompat-ignore-next-line EH201 exp:2026-13-45', /not a date/],
      ['# ehcompat-ignore-nextline EH201', /unknown suppression 'ehcompat-ignore-nextline'/],
    ] as const) {
      const dir = repo({ 'client.properties': `${CLEAN}${line}\nacks=0\n` });
      const res = await cli(['scan', '.', '--format', 'compact'], { cwd: dir });
      expect(res.code, line).toBe(2);
      expect(res.stderr).toMatch(message);
      expect(res.stderr).toContain('client.properties:7:3');
      expect(res.stdout, 'the finding is still reported').toContain('EH201');
    }
  });

  it('an expired directive stops suppressing after its date and says so', () => {
    const f: Finding = { ruleId: 'EH201', ruleName: 'acks-zero', messageId: 'm', level: 'error', message: 'acks=0', location: { file: 'c.properties', line: 2, column: 1, endLine: 2, endColumn: 7 }, fingerprint: 'x:1', evidence: 'e' };
    const { suppressions } = parseSuppressions('c.properties', 'properties', '# ehcompat-ignore-next-line EH201 exp:2026-06-30 -- until the cut-over\nacks=0\n', names);
    const active = new Set(['EH201']);
    expect(applySuppressions([f], suppressions, '2026-06-30', active).kept).toEqual([]);
    const after = applySuppressions([f], suppressions, '2026-07-01', active);
    expect(after.kept).toEqual([f]);
    expect(after.expired.map((s) => s.expires)).toEqual(['2026-06-30']);
    expect(after.unused).toEqual([]);
  });

  it('--report-unused-suppressions warns about directives that suppress nothing and exits 1', async () => {
    const dir = repo({ 'client.properties': `${CLEAN}# ehcompat-ignore-next-line EH305 -- was lz4 once\nacks=1\n` });
    const quiet = await cli(['scan', '.', '--format', 'compact'], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const res = await cli(['scan', '.', '--format', 'compact', '--report-unused-suppressions'], { cwd: dir });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('client.properties:7:3: ehcompat-ignore-next-line EH305 suppresses nothing');
    // Asked for explicitly, so -q does not hide it.
    expect((await cli(['scan', '.', '-q', '--report-unused-suppressions'], { cwd: dir })).stderr).toContain('suppresses nothing');
  });

  it('SARIF leaves suppressed results out unless --include-suppressed, which marks them inSource', async () => {
    const dir = repo({ 'client.properties': `${CLEAN}# ehcompat-ignore-next-line EH201 -- metrics\nacks=0\n` });
    const plain = JSON.parse((await cli(['scan', '.', '--format', 'sarif', '--fail-on', 'none'], { cwd: dir })).stdout);
    expect(plain.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).not.toContain('EH201');
    expect(plain.runs[0].properties.suppressedResults).toBe(1);
    const all = JSON.parse((await cli(['scan', '.', '--format', 'sarif', '--fail-on', 'none', '--include-suppressed'], { cwd: dir })).stdout);
    const r = all.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'EH201');
    expect(r.suppressions).toEqual([{ kind: 'inSource', justification: 'metrics' }]);
  });
});

describe('.ehcompat.yaml', () => {
  const PROBLEMS = `${CLEAN.replace('metadata.max.age.ms=180000\n', '')}acks=0\ncompression.type=gzip\n`;

  it('is found by walking up from the scanned folder to the git root, and sets tier, rule levels and fail-on', async () => {
    const dir = repo({ '.ehcompat.yaml': 'tier: premium\nrules:\n  EH201: warning\n  metadata-max-age: off\nfailOn: warning\n', 'svc/client.properties': PROBLEMS });
    const res = await cli(['scan', 'svc', '--format', 'json'], { cwd: dir });
    const doc = JSON.parse(res.stdout);
    expect(doc.tier).toBe('premium');
    expect(doc.findings.map((f: { ruleId: string; level: string }) => `${f.ruleId}:${f.level}`)).toEqual(['EH201:warning']);
    expect(res.code).toBe(1); // failOn: warning
    // From inside the folder too.
    expect(JSON.parse((await cli(['scan', '.', '--format', 'json'], { cwd: path.join(dir, 'svc') })).stdout).tier).toBe('premium');
  });

  it('flags win over the file; --no-config and --config choose the file', async () => {
    const dir = repo({ '.ehcompat.yaml': 'tier: premium\nfailOn: warning\n', 'other.yml': 'tier: basic\n', 'client.properties': PROBLEMS });
    expect((await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse((await cli(['scan', '.', '--format', 'json', '--tier', 'dedicated'], { cwd: dir })).stdout).tier).toBe('dedicated');
    expect(JSON.parse((await cli(['scan', '.', '--format', 'json', '--no-config'], { cwd: dir })).stdout).tier).toBe('standard');
    expect(JSON.parse((await cli(['scan', '.', '--format', 'json', '--config', 'other.yml'], { cwd: dir })).stdout).tier).toBe('basic');
  });

  it('is not looked for above the git root', async () => {
    const outer = project({ '.ehcompat.yaml': 'tier: premium\n' });
    mkdirSync(path.join(outer, 'inner'));
    project({ 'client.properties': PROBLEMS }, path.join(outer, 'inner'));
    mkdirSync(path.join(outer, 'inner', '.git'));
    expect(JSON.parse((await cli(['scan', '.', '--format', 'json'], { cwd: path.join(outer, 'inner') })).stdout).tier).toBe('standard');
  });

  it('include and exclude patterns apply, and a bad pattern is one clear line with exit 2', async () => {
    const dir = repo({ '.ehcompat.yaml': 'exclude:\n  - legacy/\n', 'legacy/client.properties': PROBLEMS, 'app/client.properties': PROBLEMS });
    const { ids } = await findings(dir);
    expect(ids.every((i) => i.includes('app/'))).toBe(true);
    for (const bad of ['src/{a,b}/*.yml', 'src/[ab.yml', '../other']) {
      const res = await cli(['scan', '.', '--exclude', bad], { cwd: dir });
      expect(res.code, bad).toBe(2);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toContain(`'${bad}'`);
    }
  });

  it("config patterns are relative to the config file's folder, whatever folder is scanned; matching nothing is exit 2", async () => {
    const dir = repo({ '.ehcompat.yaml': 'include: [services/]\nexclude: [services/legacy/]\n', 'services/orders/client.properties': PROBLEMS, 'services/legacy/client.properties': PROBLEMS, 'tools/client.properties': PROBLEMS });
    for (const [cwd, target] of [[dir, '.'], [dir, 'services'], [path.join(dir, 'services'), '.']] as const) {
      const res = await cli(['scan', target, '--format', 'json', '--fail-on', 'none'], { cwd });
      const files = new Set(JSON.parse(res.stdout).findings.map((f: { path: string }) => f.path));
      expect([...files], `${cwd} ${target}`).toEqual(['services/orders/client.properties']);
    }
    const none = await cli(['scan', 'tools', '--format', 'sarif'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no file matches the include patterns (services/); config patterns are relative to');
  });

  it.each([
    ['rulez: {}\n', "unknown key 'rulez'"],
    ['tier: gold\n', "'tier' must be one of basic, standard, premium, dedicated"],
    ['rules:\n  EH9: off\n', "'rules.EH9' is not a rule"],
    ['rules:\n  EH201: fatal\n', "'rules.EH201' must be one of error, warning, note, off"],
    ['include: 3\n', "'include' must be a list"],
    ['tier: [premium\n', 'not valid YAML'],
    ['- tier\n', 'expected a mapping'],
  ])('invalid config %j is an error naming the key, exit 2', async (text, message) => {
    const dir = repo({ '.ehcompat.yaml': text, 'client.properties': PROBLEMS });
    const res = await cli(['scan', '.'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('.ehcompat.yaml');
    expect(res.stderr).toContain(message);
  });

  it('info is accepted for note, on the command line and in the file', async () => {
    const dir = repo({ '.ehcompat.yaml': 'rules:\n  EH201: info\nminSeverity: info\n', 'client.properties': `${CLEAN}acks=0\n` });
    const res = await cli(['scan', '.', '--format', 'json', '--fail-on', 'info'], { cwd: dir });
    expect(JSON.parse(res.stdout).findings.map((f: { ruleId: string; level: string }) => `${f.ruleId}:${f.level}`)).toEqual(['EH201:note']);
    expect(res.code).toBe(1);
  });

  it('--config naming a missing file is exit 2', async () => {
    const res = await cli(['scan', '.', '--config', 'nope.yaml'], { cwd: repo({}) });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('ehcompat: config file nope.yaml does not exist\n');
  });
});

describe('baseline', () => {
  it('round trip: findings in the baseline stay quiet across edits that shift lines; a new one is reported', async () => {
    const dir = repo({ 'svc/client.properties': `${CLEAN}acks=0\ncompression.type=lz4\n` });
    const first = await cli(['baseline', '.'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/wrote 2 findings to \.ehcompat-baseline\.json/);
    const base = JSON.parse(readFileSync(path.join(dir, '.ehcompat-baseline.json'), 'utf8'));
    expect(base.findings.map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`)).toEqual(['EH201 svc/client.properties', 'EH305 svc/client.properties']);

    const after = await cli(['scan', '.', '--format', 'compact'], { cwd: dir });
    expect(after.code).toBe(0);
    expect(after.stdout).toBe('');

    // Lines move, another key is edited, and one new problem appears.
    writeFileSync(path.join(dir, 'svc/client.properties'), `# Orders producer\n# owned by the payments team\n${CLEAN}linger.ms=20\nacks=0\ncompression.type=lz4\nretries=0\n`);
    const edited = await findings(dir);
    expect(edited.ids).toEqual(['EH507 svc/client.properties:12']);
    expect(edited.doc.summary.baselined).toBe(2);
    // From another working directory, the same baseline still matches.
    const fromSvc = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: path.join(dir, 'svc') });
    expect(JSON.parse(fromSvc.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['EH507']);
    // --no-baseline shows everything again.
    expect((await findings(dir, ['--no-baseline'])).ids).toHaveLength(3);
  });

  it('the config file names the baseline: not there yet is fine, ehcompat baseline writes it there', async () => {
    const dir = repo({ '.ehcompat.yaml': 'baseline: triage/ehcompat.json\n', 'client.properties': `${CLEAN}acks=0\n` });
    expect((await findings(dir)).ids).toEqual(['EH201 client.properties:7']);
    await cli(['baseline', '.'], { cwd: dir });
    expect(JSON.parse(readFileSync(path.join(dir, 'triage/ehcompat.json'), 'utf8')).findings).toHaveLength(1);
    expect((await findings(dir)).ids).toEqual([]);
  });

  it('an incomplete scan writes no baseline: the one there stays', async () => {
    const dir = repo({ 'client.properties': `${CLEAN}acks=0\n`, 'broken/pom.xml': '<project><dependencies>' });
    writeFileSync(path.join(dir, '.ehcompat-baseline.json'), '{"kept": true}');
    const res = await cli(['baseline', '.'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('the scan is incomplete, so .ehcompat-baseline.json was not written');
    expect(readFileSync(path.join(dir, '.ehcompat-baseline.json'), 'utf8')).toBe('{"kept": true}');
  });

  it('the same problem in another file is new', async () => {
    const dir = repo({ 'a/client.properties': `${CLEAN}acks=0\n` });
    await cli(['baseline', '.', '-o', 'triage/known.json'], { cwd: dir });
    project({ 'b/client.properties': `${CLEAN}acks=0\n` }, dir);
    const { ids } = await findings(dir, ['--baseline', 'triage/known.json']);
    expect(ids).toEqual(['EH201 b/client.properties:7']);
  });

  it('an unreadable or foreign baseline is one clear line and exit 2', async () => {
    const dir = repo({ 'client.properties': CLEAN, 'x.json': '{"findings": []}', 'bad.json': '{' });
    for (const [file, message] of [
      ['missing.json', /cannot read baseline .*missing\.json: ENOENT/],
      ['x.json', /is not an ehcompat baseline/],
      ['bad.json', /is not valid JSON/],
    ] as const) {
      const res = await cli(['scan', '.', '--baseline', file], { cwd: dir });
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(message);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('--changed-since', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@e', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

  it('reports findings only in files changed since the merge base, including uncommitted and untracked ones', async () => {
    const dir = project({ 'old/client.properties': `${CLEAN}acks=0\n`, 'edited/client.properties': CLEAN });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    git(dir, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(dir, 'edited/client.properties'), `${CLEAN}acks=0\n`);
    project({ 'new/client.properties': `${CLEAN}acks=0\n` }, dir);
    const { ids } = await findings(dir, ['--changed-since', 'main']);
    expect(ids).toEqual(['EH201 edited/client.properties:7', 'EH201 new/client.properties:7']);
    // From outside the repository, and from a subfolder (untracked files of other folders still count).
    expect((await cli(['scan', dir, '--format', 'json', '--fail-on', 'none', '--changed-since', 'main'], { cwd: path.dirname(dir) })).code).toBe(0);
    const sub = await cli(['scan', '..', '--format', 'json', '--fail-on', 'none', '--changed-since', 'main'], { cwd: path.join(dir, 'old') });
    expect(JSON.parse(sub.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['edited/client.properties', 'new/client.properties']);
    const bad = await cli(['scan', '.', '--changed-since', 'no-such-ref'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ehcompat: --changed-since: cannot compare with 'no-such-ref'/);
  });
});

describe('github and markdown formats', () => {
  it('machine formats use paths from the repository root, wherever the scan runs; text stays relative to the cwd', async () => {
    const dir = repo({ 'svc/a/client.properties': `${CLEAN}acks=0\n` });
    const cwd = path.join(dir, 'svc');
    const gh = await cli(['scan', '.', '--format', 'github', '--fail-on', 'none'], { cwd });
    expect(gh.stdout).toContain('file=svc/a/client.properties,');
    const sarif = JSON.parse((await cli(['scan', '.', '--format', 'sarif', '--fail-on', 'none'], { cwd })).stdout);
    const fromRoot = JSON.parse((await cli(['scan', 'svc', '--format', 'sarif', '--fail-on', 'none'], { cwd: dir })).stdout);
    const uri = (log: typeof sarif) => log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; partialFingerprints: Record<string, string> }) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.partialFingerprints['ehcompat/v1']]);
    expect(uri(sarif)).toEqual(uri(fromRoot));
    expect(uri(sarif)[0][0]).toBe('svc/a/client.properties');
    expect((await cli(['scan', '.', '--format', 'compact', '--fail-on', 'none'], { cwd })).stdout).toContain(path.join(dir, 'svc/a/client.properties'));
    expect((await cli(['scan', '.', '--no-color', '--fail-on', 'none'], { cwd })).stdout.startsWith('a/client.properties\n')).toBe(true);
  });

  it('github: workflow commands with escaped properties, most severe first, capped per level with an overflow notice', async () => {
    const files: Record<string, string> = { 'a,b:c/client.properties': `${CLEAN}acks=0\n` };
    for (let i = 10; i < 22; i++) files[`s${i}/client.properties`] = `${CLEAN}acks=0\n`;
    const dir = repo(files);
    const res = await cli(['scan', '.', '--format', 'github', '--fail-on', 'warning'], { cwd: dir });
    expect(res.code).toBe(1);
    const out = res.stdout.trim().split('\n');
    expect(out[0]).toBe('::warning file=a%2Cb%3Ac/client.properties,line=7,col=1,endColumn=7,endLine=7,title=EH201 acks-zero::acks=0: the producer never reads a response, so Event Hubs throttling and rejected writes are lost silently; use acks=all (or 1).');
    expect(out.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(out.at(-1)).toMatch(/^::notice title=ehcompat::3 more findings not annotated/);
    expect(out).toHaveLength(11);
  });

  it('markdown: readiness per client, findings per area and rule, libraries, and line links on GitHub', async () => {
    const dir = repo({
      'svc/client.properties': `bootstrap.servers=kafka:9092\nacks=0\n`,
      'svc/pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version><dependencies><dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>3.7.0</version></dependency></dependencies></project>\n',
    });
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const env = { GITHUB_REPOSITORY: 'acme/orders', GITHUB_SHA: 'abc123', GITHUB_SERVER_URL: 'https://github.com' };
    const res = await cli(['scan', '.', '--format', 'compact', '--markdown-output', summary], { cwd: dir, env });
    expect(res.code).toBe(0);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n## ehcompat · Azure Event Hubs readiness (Standard tier)')).toBe(true);
    expect(md).toContain('**0 errors · 5 warnings · 1 note** in 2 files scanned.');
    expect(md).toContain('| producer (java) | [svc/client.properties:1](https://github.com/acme/orders/blob/abc123/svc/client.properties#L1) | 🟡 changes needed | EH101, EH304, EH306, EH501, EH502, EH201 |');
    expect(md).toContain('`bootstrap.servers=NAMESPACE.servicebus.windows.net:9093`<br>`security.protocol=SASL_SSL`');
    expect(md).toMatch(/\| durability \| \[EH201 acks-zero\]\(https:\/\/learn\.microsoft\.com\/[^)]+\) \| warning \| 1 \|/);
    expect(md).toContain('| `svc/pom.xml` | `org.apache.kafka:kafka-clients` | 3.7.0 |');
  });
});

describe('GitHub Action', () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const workflow = parse(readFileSync(path.join(ROOT, 'docs/ci/github-workflow.yml'), 'utf8'));

  it('action.yml is a composite action whose steps declare a shell and never splice inputs into scripts', () => {
    expect(Object.keys(action).sort()).toEqual(['author', 'branding', 'description', 'inputs', 'name', 'outputs', 'runs'].sort());
    expect(action.runs.using).toBe('composite');
    for (const [name, input] of Object.entries<Record<string, unknown>>(action.inputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(typeof input.description).toBe('string');
      expect(Object.keys(input).every((k) => ['description', 'default', 'required', 'deprecationMessage'].includes(k))).toBe(true);
    }
    const ids = new Set<string>();
    for (const step of action.runs.steps as Array<Record<string, unknown>>) {
      expect('run' in step !== 'uses' in step, 'a step runs a script or uses an action').toBe(true);
      if (typeof step.id === 'string') ids.add(step.id);
      if ('run' in step) {
        expect(step.shell).toBe('bash');
        expect(String(step.run)).not.toMatch(/\$\{\{/); // inputs only through env
      }
      for (const ref of JSON.stringify(step).matchAll(/\$\{\{\s*(inputs|steps)\.([\w-]+)/g)) {
        if (ref[1] === 'inputs') expect(action.inputs, ref[2]).toHaveProperty(ref[2]!);
        else expect(ids.has(ref[2]!), `step ${ref[2]} is defined before use`).toBe(true);
      }
    }
    for (const out of Object.values<{ value: string }>(action.outputs)) expect(ids.has(/steps\.([\w-]+)\./.exec(out.value)![1]!)).toBe(true);
  });

  it('the action runs flags that exist', async () => {
    const script = (action.runs.steps as Array<{ id?: string; run?: string }>).find((s) => s.id === 'scan')!.run!;
    const help = (await cli(['scan', '--help'])).stdout;
    for (const flag of script.match(/--[a-z][a-z-]+/g) ?? []) expect(help, flag).toContain(flag);
    for (const value of [action.inputs['fail-on'].default, action.inputs.tier.default]) expect(help).toContain(value);
  });

  it('the example workflow uploads the SARIF the action writes, with the permissions upload-sarif needs', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const job = workflow.jobs.scan;
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write', actions: 'read' });
    const steps = job.steps as Array<{ uses?: string; with?: Record<string, unknown>; id?: string; if?: string; run?: string; 'continue-on-error'?: boolean }>;
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@v\d+$/);
    const scan = steps.find((s) => s.uses?.includes('/ehcompat@'))!;
    expect(scan['continue-on-error']).toBe(true);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.uses).toMatch(/@v4$/);
    expect(upload.with!.sarif_file).toBe(scan.with!['sarif-file']);
    expect(String(upload.with!.sarif_file)).toMatch(/\.sarif$/);
    expect(upload.if).toMatch(/always\(\)/);
    expect(steps.at(-1)!.if).toBe(`steps.${scan.id}.outcome == 'failure'`);
    for (const key of Object.keys(scan.with!)) expect(action.inputs).toHaveProperty(key);
  });
});

describe('progress', () => {
  it('is silent when stderr is not a TTY, in CI and with -q', async () => {
    const dir = repo({ 'client.properties': CLEAN });
    expect((await cli(['scan', '.'], { cwd: dir, stderrTTY: false })).stderr).toBe('');
    expect((await cli(['scan', '.'], { cwd: dir, stderrTTY: true, env: { CI: 'true' } })).stderr).toBe('');
    expect((await cli(['scan', '.', '-q'], { cwd: dir, stderrTTY: true })).stderr).toBe('');
  });
});
