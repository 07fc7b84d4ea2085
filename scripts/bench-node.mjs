// A generated TypeScript monorepo for `npm run bench`: packages of ordinary modules (handlers, services, utils),
// a few of which talk to Kafka through kafkajs or node-rdkafka and import shared config modules, plus tests.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function rng(seed) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { rand, pick: (xs) => xs[Math.floor(rand() * xs.length)] };
}

/** An ordinary module of ~`size` lines: types, a class with methods, helpers. */
function plainModule(name, size, { pick, rand }, imports) {
  const lines = [...imports.map((m) => `import { helper as ${m.replace(/\W/g, '_')} } from './${m}';`), "import { EventEmitter } from 'node:events';", ''];
  lines.push(`export interface ${name}Options {`, '  limit: number;', '  label?: string;', '  tags: string[];', '}', '');
  lines.push(`export class ${name} extends EventEmitter {`, `  private readonly cache = new Map<string, number>();`, `  constructor(private readonly options: ${name}Options) { super(); }`);
  const methods = Math.max(1, Math.floor(size / 14));
  for (let m = 0; m < methods; m++) {
    lines.push(
      '',
      `  async process${m}(items: string[]): Promise<Record<string, number>> {`,
      '    const out: Record<string, number> = {};',
      '    for (const item of items) {',
      `      if (item.length > this.options.limit * ${1 + Math.floor(rand() * 9)}) continue;`,
      "      out[item.trim().toLowerCase()] = (out[item] ?? 0) + 1;",
      `      this.emit('${pick(['seen', 'counted', 'skipped'])}', item);`,
      '    }',
      '    return out;',
      '  }',
    );
  }
  lines.push('}', '', 'export function helper(x: number): number {', '  return x * 2 + 1;', '}', '');
  return lines.join('\n');
}

function configModule(i, { pick }) {
  return [
    `export const BROKERS = (process.env.KAFKA_BROKERS || '${pick(['kafka-1:9092,kafka-2:9092', 'ns.servicebus.windows.net:9093'])}').split(',');`,
    `export const GROUP = 'group-${i}';`,
    `export const SESSION_TIMEOUT = ${pick([30000, 45000, 400000])};`,
    `export const sasl = { mechanism: '${pick(['plain', 'scram-sha-512'])}' as const, username: '$ConnectionString', password: process.env.EH_CONN ?? '' };`,
    '',
  ].join('\n');
}

function kafkajsModule(i, { pick }) {
  return [
    "import { Kafka, CompressionTypes } from 'kafkajs';",
    "import { BROKERS, GROUP, SESSION_TIMEOUT, sasl } from './kafka-config';",
    '',
    `const kafka = new Kafka({ clientId: 'svc-${i}', brokers: BROKERS, ssl: ${pick(['true', 'false'])}, sasl });`,
    `export const producer = kafka.producer({ idempotent: ${pick(['true', 'false'])}, allowAutoTopicCreation: false });`,
    'export const consumer = kafka.consumer({ groupId: GROUP, sessionTimeout: SESSION_TIMEOUT, metadataMaxAge: 180000 });',
    '',
    'export async function publish(topic: string, value: string) {',
    `  await producer.send({ topic, acks: ${pick([-1, 1, 0])}, compression: CompressionTypes.${pick(['GZIP', 'None', 'Snappy'])}, messages: [{ value }] });`,
    '}',
    '',
  ].join('\n');
}

function rdkafkaModule(i, { pick }) {
  return [
    "const Kafka = require('node-rdkafka');",
    '',
    'const producer = new Kafka.Producer({',
    `  'metadata.broker.list': process.env.BROKERS || 'kafka-${i % 5}:9092',`,
    "  'security.protocol': 'sasl_ssl',",
    "  'sasl.mechanisms': 'PLAIN',",
    `  'socket.keepalive.enable': ${pick(['true', 'false'])},`,
    `}, { 'request.required.acks': ${pick([-1, 1, 0])} });`,
    '',
    'module.exports = { producer };',
    '',
  ].join('\n');
}

/** Writes `files` source files under `dir` (a fresh folder) in packages of ~50 files. */
export function generateNodeMonorepo(dir, { files, kafkaShare, testShare, seed = 7 }) {
  rmSync(dir, { recursive: true, force: true });
  const r = rng(seed);
  const write = (rel, text) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  };
  const packages = Math.max(1, Math.ceil(files / 50));
  write('package.json', JSON.stringify({ name: 'monorepo', private: true, workspaces: ['packages/*'] }, null, 2));
  let written = 0;
  for (let p = 0; p < packages && written < files; p++) {
    const pkg = `packages/pkg-${p}`;
    const kafka = r.rand() < kafkaShare * 10;
    write(`${pkg}/package.json`, JSON.stringify({ name: `@acme/pkg-${p}`, version: '1.0.0', dependencies: kafka ? { kafkajs: '^2.2.4', 'node-rdkafka': '^3.0.0' } : { express: '^4.19.0' } }, null, 2));
    const names = [];
    for (let f = 0; f < 50 && written < files; f++, written++) {
      const isTest = r.rand() < testShare;
      const name = `Module${p}x${f}`;
      if (kafka && f === 0) write(`${pkg}/src/kafka-config.ts`, configModule(p, r));
      else if (kafka && f === 1) write(`${pkg}/src/kafka.ts`, kafkajsModule(p, r));
      else if (kafka && f === 2) write(`${pkg}/src/rdkafka.js`, rdkafkaModule(p, r));
      else if (isTest) write(`${pkg}/src/${name}.test.ts`, `import { describe, it } from 'vitest';\nimport { ${name} } from './${name}';\ndescribe('${name}', () => { it('works', () => { new ${name}({ limit: 1, tags: [] }); }); });\n`);
      else {
        const imports = names.length > 0 && r.rand() < 0.5 ? [r.pick(names)] : [];
        write(`${pkg}/src/${name}.ts`, plainModule(name, 60 + Math.floor(r.rand() * 200), r, imports));
        names.push(name);
      }
    }
  }
}
