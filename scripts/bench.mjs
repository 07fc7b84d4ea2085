#!/usr/bin/env node
// npm run bench: scans generated trees (Kafka configuration files; build files with a large lockfile; Java
// projects) and reports time and peak RSS next to baselines measured in the same run (a Node read-everything
// pass, and ripgrep when installed).
// Usage: node scripts/bench.mjs [--cases configs,builds,java,node] [--files 10000] [--runs 3] [--keep]
//        [--java-corpus DIR]  a real large Java code base (e.g. an apache/kafka checkout) instead of a generated one
//        (also EHCOMPAT_BENCH_JAVA_CORPUS=DIR)
//        [--node-corpus DIR]  a real Node Kafka code base (e.g. a kafkajs or confluent-kafka-javascript checkout)
//        (also EHCOMPAT_BENCH_NODE_CORPUS=DIR)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJavaProject } from './bench-java.mjs';
import { generateNodeMonorepo } from './bench-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FILES = opt('files', 10_000);
const MODULES = opt('modules', 200);
const LOCK_LINES = opt('lock-lines', 50_000);
const RUNS = opt('runs', 3);
const JAVA_SERVICE = opt('java-service', 300);
const JAVA_LARGE = opt('java-large', 5000);
const casesArg = args.indexOf('--cases');
const CASES = new Set((casesArg >= 0 ? args[casesArg + 1] : 'configs,builds,java,node').split(','));
const NODE_FILES = opt('node-files', 2000);
const nodeCorpusArg = args.indexOf('--node-corpus');
const NODE_CORPUS = nodeCorpusArg >= 0 ? path.resolve(args[nodeCorpusArg + 1]) : process.env.EHCOMPAT_BENCH_NODE_CORPUS;
const corpusArg = args.indexOf('--java-corpus');
const JAVA_CORPUS = corpusArg >= 0 ? path.resolve(args[corpusArg + 1]) : process.env.EHCOMPAT_BENCH_JAVA_CORPUS;
const cli = path.join(root, 'dist/src/bin.js');
const tree = path.join(root, '.bench', `configs-${FILES}`);
const buildTree = path.join(root, '.bench', `builds-${MODULES}`);

// Deterministic pseudo-random choices so every run scans the same tree.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const TEMPLATES = [
  // plain Java client
  (i) => ({
    name: `producer-${i}.properties`,
    text: `# producer ${i}\nbootstrap.servers=kafka-${i % 7}.prod.internal:9092\nsecurity.protocol=${pick(['SASL_SSL', 'PLAINTEXT', 'SSL'])}\nsasl.mechanism=${pick(['PLAIN', 'SCRAM-SHA-512'])}\nacks=${pick(['all', '1', '0'])}\ncompression.type=${pick(['none', 'gzip', 'snappy', 'lz4'])}\nlinger.ms=${i % 50}\nbatch.size=16384\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\nvalue.serializer=org.apache.kafka.common.serialization.StringSerializer\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n  username="$ConnectionString" password="\${env:EH_CONN}";\n`,
  }),
  // librdkafka
  (i) => ({
    name: `client-${i}.conf`,
    text: `metadata.broker.list=kafka-${i % 5}:9092\nsecurity.protocol=sasl_ssl\nsasl.mechanisms=PLAIN\nsasl.username=$ConnectionString\nsasl.password=\${EH}\nsocket.keepalive.enable=${pick(['true', 'false'])}\nrequest.timeout.ms=${pick([5000, 30000, 60000])}\ngroup.id=group-${i}\nsession.timeout.ms=${pick([5000, 30000, 45000])}\n`,
  }),
  // Spring Boot properties
  (i) => ({
    name: `svc-${i}/application.properties`,
    text: `server.port=8080\nserver.ssl.key-store=classpath:ks.p12\nspring.datasource.url=jdbc:postgresql://db/x\nspring.kafka.bootstrap-servers=\${KAFKA:kafka:9092}\nspring.kafka.producer.acks=${pick(['all', '0'])}\nspring.kafka.consumer.group-id=svc-${i}\nspring.kafka.consumer.heartbeat-interval=${pick(['3s', '10s'])}\nspring.kafka.properties.metadata.max.age.ms=${pick([180000, 300000])}\n`,
  }),
  // Spring Boot YAML with profiles
  (i) => ({
    name: `app-${i}/application.yml`,
    text: `spring:\n  application:\n    name: app-${i}\n  kafka:\n    bootstrap-servers:\n      - kafka-1:9092\n      - kafka-2:9092\n    security:\n      protocol: SASL_SSL\n    properties:\n      sasl.mechanism: PLAIN\n      sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="\${EH}";\n    producer:\n      compression-type: ${pick(['gzip', 'none', 'zstd'])}\n      acks: all\n    consumer:\n      group-id: app-${i}\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  kafka:\n    bootstrap-servers: ns-${i}.servicebus.windows.net:9093\n`,
  }),
  // Kubernetes manifest (YAML without Kafka keys: read, not parsed)
  (i) => ({
    name: `deploy/app-${i}.yaml`,
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: ${1 + (i % 3)}\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry/app:${i}\n          env:\n            - name: KAFKA_BOOTSTRAP\n              valueFrom:\n                secretKeyRef: { name: kafka, key: bootstrap }\n`,
  }),
  // Connect worker
  (i) => ({
    name: `connect-${i}/connect-distributed.properties`,
    text: `bootstrap.servers=kafka:9092\ngroup.id=connect-${i}\nconfig.storage.topic=c\noffset.storage.topic=o\nstatus.storage.topic=s\noffset.storage.partitions=${pick([25, 50])}\nkey.converter=org.apache.kafka.connect.json.JsonConverter\nsecurity.protocol=SASL_SSL\nproducer.security.protocol=SASL_SSL\n`,
  }),
];

function generate() {
  rmSync(tree, { recursive: true, force: true });
  for (let i = 0; i < FILES; i++) {
    const { name, text } = TEMPLATES[i % TEMPLATES.length](i);
    const file = path.join(tree, `team-${i % 40}`, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** A multi-module repository: Maven, Gradle and npm modules, and one large package-lock.json at the root. */
function generateBuilds() {
  rmSync(buildTree, { recursive: true, force: true });
  const write = (rel, text) => {
    const file = path.join(buildTree, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const modules = [];
  for (let i = 0; i < MODULES; i++) {
    const name = `module-${i}`;
    modules.push(name);
    const kind = i % 3;
    if (kind === 0) {
      write(`${name}/pom.xml`, `<project>\n  <parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1.0</version><relativePath>../pom.xml</relativePath></parent>\n  <artifactId>${name}</artifactId>\n  <dependencies>\n    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>\${kafka.version}</version></dependency>\n    <dependency><groupId>org.springframework.kafka</groupId><artifactId>spring-kafka</artifactId></dependency>\n    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>2.17.0</version></dependency>\n  </dependencies>\n</project>\n`);
    } else if (kind === 1) {
      write(`${name}/build.gradle`, `plugins { id 'java' }\next { kafkaVersion = '${pick(['0.10.2.1', '2.8.1', '3.6.0'])}' }\ndependencies {\n  implementation "org.apache.kafka:kafka-clients:\$kafkaVersion"\n  implementation libs.spring.kafka\n  testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0'\n}\n`);
    } else {
      write(`${name}/package.json`, JSON.stringify({ name, version: '1.0.0', dependencies: { kafkajs: '^2.2.4', 'node-rdkafka': pick(['^2.3.3', '2.9.0', '^3.0.0']), express: '^4.18.0' }, devDependencies: { vitest: '^4.0.0' } }, null, 2));
    }
  }
  write('pom.xml', `<project><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1.0</version><packaging>pom</packaging>\n<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>2.7.18</version></parent>\n<properties><kafka.version>3.1.2</kafka.version></properties></project>\n`);
  write('gradle/libs.versions.toml', `[versions]\nspring-kafka = "2.9.13"\n[libraries]\nspring-kafka = { module = "org.springframework.kafka:spring-kafka", version.ref = "spring-kafka" }\n`);
  write('package.json', JSON.stringify({ name: 'monorepo', private: true, workspaces: modules.filter((_, i) => i % 3 === 2) }, null, 2));
  // package-lock.json v3 with LOCK_LINES lines: many packages, each entry ~8 lines.
  const packages = { '': { name: 'monorepo', workspaces: [] } };
  for (let i = 0; (Object.keys(packages).length - 1) * 8 < LOCK_LINES; i++) {
    packages[`node_modules/dep-${i}`] = { version: `1.${i % 50}.0`, resolved: `https://registry.npmjs.org/dep-${i}/-/dep-${i}-1.0.0.tgz`, integrity: 'sha512-AAAA', dependencies: { [`dep-${i + 1}`]: '^1.0.0' } };
  }
  packages['node_modules/kafkajs'] = { version: '2.2.4' };
  packages['node_modules/node-rdkafka'] = { version: '2.9.0' };
  write('package-lock.json', JSON.stringify({ name: 'monorepo', lockfileVersion: 3, requires: true, packages }, null, 2));
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const RSS_PROBE = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nBENCH_MAXRSS_KB="+process.resourceUsage().maxRSS+"\\n"))';

function timed(command, argv) {
  const start = process.hrtime.bigint();
  const res = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /BENCH_MAXRSS_KB=(\d+)/.exec(res.stderr ?? '')?.[1];
  return { ms, status: res.status, rssMb: rss ? Number(rss) / 1024 : undefined, stdout: res.stdout, stderr: res.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(label, command, argv) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(timed(command, argv));
  // 2 = a file could not be scanned (real code bases have some): still a complete measurement.
  const bad = runs.find((r) => r.status !== 0 && r.status !== 1 && r.status !== 2);
  if (bad) throw new Error(`${label} failed (${bad.status}): ${bad.stderr}`);
  return { label, ms: median(runs.map((r) => r.ms)), min: Math.min(...runs.map((r) => r.ms)), max: Math.max(...runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rssMb ?? 0)), last: runs.at(-1) };
}

console.log(`ehcompat bench — ${os.cpus().length} cores, Node ${process.version}, ${RUNS} runs each (median, min–max)`);
const rgAvailable = spawnSync('rg', ['--version']).status === 0;
const out = path.join(os.tmpdir(), `ehcompat-bench-${process.pid}.json`);
const fmt = (r, count) =>
  `${r.label.padEnd(36)} ${(r.ms / 1000).toFixed(2).padStart(6)} s (${(r.min / 1000).toFixed(2)}–${(r.max / 1000).toFixed(2)})  ${r.rssMb ? `${r.rssMb.toFixed(0).padStart(5)} MB` : '     - MB'}${count ? `  ${(count / (r.ms / 1000)).toFixed(0).padStart(7)} files/s` : ''}`;
const readAll = (label, dir) =>
  measure(label, process.execPath, ['--import', RSS_PROBE, '-e', `
  const fs = require('fs'), path = require('path');
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else fs.readFileSync(p, 'utf8'); } };
  walk(${JSON.stringify(dir)});`]);
const scanJson = (label, dir) => {
  const r = measure(label, process.execPath, ['--import', RSS_PROBE, cli, 'scan', dir, '--format', 'json', '--output', out]);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return { ...r, report };
};
const verdict = (ok) => (ok ? 'met' : 'NOT met');

if (CASES.has('configs')) {
  generate();
  const files = walk(tree);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`\nconfig tree: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${path.relative(root, tree)}`);
  const base = readAll('node: walk + read every file', tree);
  const rg = rgAvailable ? measure('ripgrep: rg -c kafka', 'rg', ['-c', '--no-ignore', 'kafka', tree]) : undefined;
  const scan = scanJson('ehcompat scan (json)', tree);
  for (const r of [base, rg, scan].filter(Boolean)) console.log(fmt(r, files.length));
  const s = scan.report.summary;
  console.log(`findings: ${scan.report.findings.length} (${s.error} errors, ${s.warning} warnings, ${s.note} notes)`);
  console.log(`ratio: scan / node read-all = ${(scan.ms / base.ms).toFixed(2)}x${rg ? `; scan / ripgrep = ${(scan.ms / rg.ms).toFixed(1)}x` : ' (ripgrep not installed)'}`);
  console.log(`target (issue 2): ${FILES} config files under 3 s on 2 cores -> ${verdict(scan.ms < 3000)} (${(scan.ms / 1000).toFixed(2)} s)`);
}

if (CASES.has('builds')) {
  generateBuilds();
  const buildFiles = walk(buildTree);
  const lockLines = readFileSync(path.join(buildTree, 'package-lock.json'), 'utf8').split('\n').length;
  console.log(`\nbuild tree: ${MODULES} modules, ${buildFiles.length} files, package-lock.json of ${lockLines} lines`);
  const base = readAll('node: read the build tree', buildTree);
  const scan = scanJson('ehcompat scan: build files', buildTree);
  for (const r of [base, scan]) console.log(fmt(r));
  console.log(`dependencies found: ${scan.report.inventory.reduce((n, e) => n + e.libraries.length, 0)} Kafka libraries in ${scan.report.inventory.length} build files; findings: ${scan.report.findings.length}`);
  console.log(`ratio: build scan / node read = ${(scan.ms / base.ms).toFixed(2)}x`);
  console.log(`target (issue 5): 200 modules + a 50,000-line lockfile under 2 s -> ${verdict(scan.ms < 2000)} (${(scan.ms / 1000).toFixed(2)} s)`);
}

/**
 * A code tree: the scan next to reading it all and to ripgrep finding the files that matter, measured in the
 * same run. `kind` names the files counted and the issue whose target is checked.
 */
function codeCase(label, dir, { kind, match, rgArgs, issue }, target) {
  const files = walk(dir).filter((f) => match.test(f) && !f.includes(`${path.sep}node_modules${path.sep}`));
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`\n${label}: ${files.length} ${kind} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${dir.startsWith(root) ? path.relative(root, dir) : dir}`);
  const base = readAll('node: walk + read every file', dir);
  const rg = rgAvailable ? measure(`ripgrep: ${kind} files that matter`, 'rg', [...rgArgs, dir]) : undefined;
  const scan = scanJson('ehcompat scan (json)', dir);
  for (const r of [base, rg, scan].filter(Boolean)) console.log(fmt(r, files.length));
  const s = scan.report.summary;
  console.log(`findings: ${scan.report.findings.length} (${s.error} errors, ${s.warning} warnings, ${s.note} notes); notifications: ${scan.report.notifications?.length ?? 0}`);
  console.log(`ratio: scan / node read-all = ${(scan.ms / base.ms).toFixed(1)}x${rg ? `; scan / ripgrep = ${(scan.ms / rg.ms).toFixed(1)}x` : ' (ripgrep not installed)'}`);
  const ok = scan.ms < target.ms && (!target.rssMb || scan.rssMb < target.rssMb);
  console.log(`target (issue ${issue}): ${target.text} -> ${verdict(ok)} (${(scan.ms / 1000).toFixed(2)} s, ${scan.rssMb.toFixed(0)} MB)`);
}

const JAVA = {
  kind: 'Java',
  match: /\.java$/,
  rgArgs: ['-l', '--no-ignore', '-t', 'java', '-e', 'KafkaProducer|KafkaConsumer|ProducerConfig|ConsumerConfig|AdminClient|initTransactions|NewTopic|bootstrap.servers'],
  issue: 3,
};
const javaCase = (label, dir, target) => codeCase(label, dir, JAVA, target);

if (CASES.has('java')) {
  const service = path.join(root, '.bench', `java-service-${JAVA_SERVICE}`);
  generateJavaProject(service, { files: JAVA_SERVICE, kafkaShare: 0.12, testShare: 0.3 });
  javaCase('Java service (generated)', service, { ms: 2000, text: `a ${JAVA_SERVICE}-file service under 2 s` });
  let large = JAVA_CORPUS;
  let label = 'large Java code base';
  if (!large) {
    large = path.join(root, '.bench', `java-large-${JAVA_LARGE}`);
    generateJavaProject(large, { files: JAVA_LARGE, kafkaShare: 0.05, testShare: 0.35, seed: 11 });
    label += ' (generated; pass --java-corpus DIR for a real one such as an apache/kafka checkout)';
  }
  javaCase(label, large, { ms: 10_000, rssMb: 1536, text: 'under 10 s with peak RSS under 1.5 GB' });
}
const NODE = {
  kind: 'JS/TS',
  match: /\.(m|c)?[jt]sx?$/,
  rgArgs: ['-l', '--no-ignore', '-g', '*.{js,ts,mjs,cjs,jsx,tsx}', '-e', "(from|require\\().['\"](kafkajs|node-rdkafka|@confluentinc/kafka-javascript|kafka-node)"],
  issue: 4,
};
const nodeCase = (label, dir, target) => codeCase(label, dir, NODE, target);

if (CASES.has('node')) {
  const mono = path.join(root, '.bench', `node-monorepo-${NODE_FILES}`);
  generateNodeMonorepo(mono, { files: NODE_FILES, kafkaShare: 0.05, testShare: 0.25 });
  nodeCase('TypeScript monorepo (generated)', mono, { ms: 10_000, rssMb: 1024, text: `a ${NODE_FILES}-file monorepo under 10 s, peak RSS under 1 GB` });
  if (NODE_CORPUS) nodeCase('Node Kafka code base', NODE_CORPUS, { ms: 3000, rssMb: 1024, text: 'a kafkajs-repository-sized code base under 3 s, peak RSS under 1 GB' });
  else console.log('\n(pass --node-corpus DIR for a real Node Kafka code base, e.g. a kafkajs or confluent-kafka-javascript checkout)');
}

if (!args.includes('--keep')) rmSync(path.join(root, '.bench'), { recursive: true, force: true });
