#!/usr/bin/env node
// npm run bench: scans a generated tree of Kafka configuration files and reports files/s and peak RSS,
// next to baselines measured in the same run (a Node read-everything pass, and ripgrep when installed).
// Usage: node scripts/bench.mjs [--files 10000] [--runs 3] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const bad = runs.find((r) => r.status !== 0 && r.status !== 1);
  if (bad) throw new Error(`${label} failed (${bad.status}): ${bad.stderr}`);
  return { label, ms: median(runs.map((r) => r.ms)), min: Math.min(...runs.map((r) => r.ms)), max: Math.max(...runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rssMb ?? 0)), last: runs.at(-1) };
}

generate();
const files = walk(tree);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(`ehcompat bench — ${os.cpus().length} cores, Node ${process.version}, ${RUNS} runs each (median, min–max)`);
console.log(`tree: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${path.relative(root, tree)}`);

const readAll = measure('node: walk + read every file', process.execPath, ['--import', RSS_PROBE, '-e', `
  const fs = require('fs'), path = require('path');
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else fs.readFileSync(p, 'utf8'); } };
  walk(${JSON.stringify(tree)});`]);
const rgAvailable = spawnSync('rg', ['--version']).status === 0;
const rg = rgAvailable ? measure('ripgrep: rg -c kafka', 'rg', ['-c', '--no-ignore', 'kafka', tree]) : undefined;
const out = path.join(os.tmpdir(), `ehcompat-bench-${process.pid}.json`);
const scan = measure('ehcompat scan (json)', process.execPath, ['--import', RSS_PROBE, cli, 'scan', tree, '--format', 'json', '--output', out]);
const report = JSON.parse(readFileSync(out, 'utf8'));
rmSync(out, { force: true });

generateBuilds();
const buildFiles = walk(buildTree);
const lockLines = readFileSync(path.join(buildTree, 'package-lock.json'), 'utf8').split('\n').length;
const buildScan = measure('ehcompat scan: build files', process.execPath, ['--import', RSS_PROBE, cli, 'scan', buildTree, '--format', 'json', '--output', out]);
const buildReport = JSON.parse(readFileSync(out, 'utf8'));
rmSync(out, { force: true });
const buildReadAll = measure('node: read the build tree', process.execPath, ['--import', RSS_PROBE, '-e', `
  const fs = require('fs'), path = require('path');
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else fs.readFileSync(p, 'utf8'); } };
  walk(${JSON.stringify(buildTree)});`]);

const rows = [readAll, rg, scan].filter(Boolean);
const fmt = (r) => `${r.label.padEnd(32)} ${(r.ms / 1000).toFixed(2).padStart(6)} s (${(r.min / 1000).toFixed(2)}–${(r.max / 1000).toFixed(2)})  ${r.rssMb ? `${r.rssMb.toFixed(0).padStart(5)} MB` : '     - MB'}  ${(files.length / (r.ms / 1000)).toFixed(0).padStart(7)} files/s`;
for (const r of rows) console.log(fmt(r));
console.log(`findings: ${report.findings.length} (${report.summary.error} errors, ${report.summary.warning} warnings, ${report.summary.note} notes)`);
console.log(`ratio: scan / node read-all = ${(scan.ms / readAll.ms).toFixed(2)}x${rg ? `; scan / ripgrep = ${(scan.ms / rg.ms).toFixed(1)}x` : ' (ripgrep not installed)'}`);
console.log(`target (issue 2): ${FILES} config files under 3 s on 2 cores -> ${scan.ms < 3000 ? 'met' : 'NOT met'} (${(scan.ms / 1000).toFixed(2)} s)`);
console.log('');
console.log(`build tree: ${MODULES} modules, ${buildFiles.length} files, package-lock.json of ${lockLines} lines`);
for (const r of [buildReadAll, buildScan]) console.log(fmt(r).replace(/ +\d+ files\/s$/, ''));
console.log(`dependencies found: ${buildReport.inventory.reduce((n, e) => n + e.libraries.length, 0)} Kafka libraries in ${buildReport.inventory.length} build files; findings: ${buildReport.findings.length}`);
console.log(`ratio: build scan / node read = ${(buildScan.ms / buildReadAll.ms).toFixed(2)}x`);
console.log(`target (issue 5): 200 modules + a 50,000-line lockfile under 2 s -> ${buildScan.ms < 2000 ? 'met' : 'NOT met'} (${(buildScan.ms / 1000).toFixed(2)} s)`);
if (!args.includes('--keep')) rmSync(path.join(root, '.bench'), { recursive: true, force: true });
