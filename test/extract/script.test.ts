import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../src/facts.js';
import { extractScripts, type ScriptResult } from '../../src/extract/script/index.js';
import { resolveSpecifier } from '../../src/extract/script/analyze.js';
import { fileKind } from '../../src/extract/index.js';

async function facts(files: Record<string, string>): Promise<ScriptResult> {
  return extractScripts(Object.entries(files).map(([path, text]) => ({ path, text })));
}

const entries = (c: ClientConfig | undefined) => Object.fromEntries((c?.entries ?? []).map((e) => [e.key, e.value]));

/** The value a kafkajs `clientId`-free option resolves to: `brokers` of `new Kafka`, written as `expr`. */
async function brokers(expr: string, extra: Record<string, string> = {}, decls = ''): Promise<string | undefined> {
  const r = await facts({ 'src/app.ts': `import { Kafka } from 'kafkajs';\n${decls}\nconst kafka = new Kafka({ brokers: ${expr} });\n`, ...extra });
  return r.configs[0]?.entries.find((e) => e.key === 'bootstrap.servers')?.value;
}

describe('JS/TS files', () => {
  it('reads every script extension but never declarations or minified bundles', () => {
    for (const f of ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs']) expect(fileKind(f), f).toBe('script');
    for (const f of ['a.d.ts', 'a.d.mts', 'vendor.min.js']) expect(fileKind(f), f).toBeUndefined();
  });

  it('resolves relative specifiers the way TypeScript and Node do', () => {
    const files = new Set(['src/config.ts', 'src/lib/index.js', 'src/esm.mts']);
    const exists = (p: string) => files.has(p);
    expect(resolveSpecifier('src/app.ts', './config', exists)).toBe('src/config.ts');
    expect(resolveSpecifier('src/app.ts', './config.js', exists)).toBe('src/config.ts');
    expect(resolveSpecifier('src/app.ts', './lib', exists)).toBe('src/lib/index.js');
    expect(resolveSpecifier('src/app.ts', './esm.mjs', exists)).toBe('src/esm.mts');
    expect(resolveSpecifier('src/app.ts', '../nope', exists)).toBeUndefined();
  });

  it('never loads the parser for a project without Kafka imports', async () => {
    const r = await facts({ 'src/a.ts': "import https from 'https';\nconst agent = new https.Agent({ rejectUnauthorized: false });\n" });
    expect(r).toEqual({ configs: [], apiCalls: [], notifications: [] });
  });
});

describe('JS/TS value resolution', () => {
  it.each([
    ["['a:9092', 'b:9092']", 'a:9092,b:9092'],
    ["'a:9092'", 'a:9092'],
    ["[`${HOST}:9092`]", 'kafka:9092'],
    ["[HOST + ':' + PORT]", 'kafka:9093'],
    ["(process.env.BROKERS || 'x:9092').split(',')", 'x:9092'],
    ["[process.env.BROKER ?? 'y:9092']", 'y:9092'],
    ["[process.env.BROKER]", undefined],
    ['LIST', 'l1:9092,l2:9092'],
    ['[...LIST, "l3:9092"]', 'l1:9092,l2:9092,l3:9092'],
    ['CFG.kafka.brokers', 'c:9092'],
    ['CFG["kafka"].brokers', 'c:9092'],
    ['[Hosts.Primary]', 'p:9092'],
    ['[prod ? "p:9092" : "d:9092"]', undefined],
    ['[prod ? process.env.B : "d:9092"]', 'd:9092'],
    ['brokersOf("z")', 'z:9092'],
    ['[String(PORT)]', '9093'],
  ])('brokers: %s → %s', async (expr, expected) => {
    const decls = [
      "const HOST = 'kafka';",
      'const PORT = 9000 + 93;',
      "const LIST = ['l1:9092', 'l2:9092'];",
      "const CFG = { kafka: { brokers: ['c:9092'] } } as const;",
      "enum Hosts { Primary = 'p:9092' }",
      'declare const prod: boolean;',
      "function brokersOf(h: string) { return [h + ':9092']; }",
    ].join('\n');
    expect(await brokers(expr, {}, decls)).toBe(expected);
  });

  it('follows ESM imports, re-exports, default exports and CommonJS modules', async () => {
    const files = {
      'src/settings/kafka.ts': "export const BROKERS = ['esm:9092'];\nexport default { brokers: ['default:9092'] };\n",
      'src/settings/index.ts': "export { BROKERS as brokers } from './kafka';\nexport * from './more';\n",
      'src/settings/more.ts': "export const viaStar = ['star:9092'];\n",
      'lib/config.js': "module.exports = { brokers: ['cjs:9092'] };\n",
      'lib/named.js': "exports.brokers = ['exports:9092'];\n",
    };
    expect(await brokers('brokers', files, "import { brokers } from './settings';")).toBe('esm:9092');
    expect(await brokers('viaStar', files, "import { viaStar } from './settings/index.js';")).toBe('star:9092');
    expect(await brokers('cfg.brokers', files, "import cfg from './settings/kafka';")).toBe('default:9092');
    expect(await brokers('ns.BROKERS', files, "import * as ns from './settings/kafka';")).toBe('esm:9092');
    const cjs = await facts({ ...files, 'lib/app.js': "const { Kafka } = require('kafkajs');\nconst config = require('./config');\nconst { brokers } = require('./named');\nnew Kafka({ brokers: config.brokers });\nnew Kafka({ brokers });\n" });
    expect(cjs.configs.map((c) => entries(c)['bootstrap.servers'])).toEqual(['cjs:9092', 'exports:9092']);
  });

  it('an object changed after it is built is open: its later settings count, absence does not', async () => {
    const r = await facts({ 'a.js': "const { Kafka } = require('kafkajs');\nconst opts = { brokers: ['a:9092'] };\nopts.ssl = true;\nnew Kafka(opts);\n" });
    expect(r.configs[0]!.closed).toBe(false);
    expect(r.configs[0]!.entries.map((e) => [e.key, e.value])).toEqual([
      ['bootstrap.servers', 'a:9092'],
      ['security.protocol', 'SSL'],
    ]);
  });

  it('a reassigned let and a parameter are unknown', async () => {
    expect(await brokers('[b]', {}, "let b = 'a:9092';\nb = other();")).toBeUndefined();
    const r = await facts({ 'a.ts': "import { Kafka } from 'kafkajs';\nexport function make(brokers: string[]) { return new Kafka({ brokers }); }\n" });
    expect(r.configs[0]!.entries[0]).toMatchObject({ key: 'bootstrap.servers', value: undefined });
  });
});

describe('kafkajs', () => {
  const SRC = `import { Kafka as K, CompressionTypes as CT, logLevel } from 'kafkajs';
const kafka = new K({
  clientId: 'orders',
  brokers: ['ns.servicebus.windows.net:9093'],
  ssl: true,
  sasl: { mechanism: 'plain', username: '$ConnectionString', password: process.env.CS! },
  logLevel: logLevel.INFO,
});
export const producer = kafka.producer({ idempotent: true, transactionalId: 'tx-1' });
const consumer = kafka.consumer({ groupId: 'g', sessionTimeout: 30000, metadataMaxAge: 180000, readUncommitted: true });
export async function send() {
  await producer.send({ topic: 't', acks: 0, compression: CT.Snappy, messages: [] });
  const tx = await producer.transaction();
  await tx.sendOffsets({ consumerGroupId: 'g', topics: [] });
  await tx.abort();
}
`;
  it('new Kafka is a unit; ssl and sasl decide security.protocol; producer and consumer calls are their own units', async () => {
    const r = await facts({ 'src/kafka.ts': SRC });
    const [client, producer, consumer, send] = r.configs;
    expect(client).toMatchObject({ library: 'kafkajs', roles: [], closed: true });
    expect(entries(client)).toEqual({
      'bootstrap.servers': 'ns.servicebus.windows.net:9093',
      'sasl.mechanism': 'PLAIN',
      'sasl.username': '$ConnectionString',
      'sasl.password': undefined,
      'security.protocol': 'SASL_SSL',
    });
    expect(client!.entries.find((e) => e.key === 'security.protocol')).toMatchObject({ derived: 'ssl with sasl', location: { line: 5, column: 3 } });
    // Producer units do not inherit where the client connects: absence findings belong on the producer() call.
    expect(producer).toMatchObject({ roles: ['producer'], closed: true, anchor: { line: 9 } });
    expect(entries(producer)).toMatchObject({ 'enable.idempotence': 'true', 'transactional.id': 'tx-1', 'security.protocol': 'SASL_SSL' });
    expect(entries(producer)['bootstrap.servers']).toBeUndefined();
    expect(entries(consumer)).toMatchObject({ 'group.id': 'g', 'session.timeout.ms': '30000', 'metadata.max.age.ms': '180000', 'isolation.level': 'read_uncommitted' });
    expect(send).toMatchObject({ roles: ['producer'], closed: false, label: 'send()' });
    expect(send!.entries.map((e) => [e.key, e.value, e.display])).toEqual([
      ['acks', '0', undefined],
      ['compression.type', 'snappy', 'CT.Snappy'],
    ]);
    expect(r.apiCalls.map((c) => [c.api, c.location.line])).toEqual([
      ['producer.transaction', 13],
      ['transaction.sendOffsets', 14],
      ['transaction.abort', 15],
    ]);
  });

  it.each([
    ['ssl: true', 'SSL', 'ssl without sasl'],
    ["sasl: { mechanism: 'plain', username: 'u', password: 'p' }", 'SASL_PLAINTEXT', 'sasl without ssl'],
    ["ssl: false, sasl: { mechanism: 'plain', username: 'u', password: 'p' }", 'SASL_PLAINTEXT', 'sasl without ssl'],
    ["ssl: useTls, sasl: { mechanism: 'plain', username: 'u', password: 'p' }", undefined, 'ssl and sasl'],
  ])('%s → security.protocol %s', async (opts, value, derived) => {
    const r = await facts({ 'a.ts': `import { Kafka } from 'kafkajs';\ndeclare const useTls: boolean;\nnew Kafka({ brokers: ['b:9093'], ${opts} });\n` });
    expect(r.configs[0]!.entries.find((e) => e.key === 'security.protocol')).toMatchObject({ value, derived });
  });

  it('no ssl and no sasl: no security.protocol at all, so the plaintext absence rule applies', async () => {
    const r = await facts({ 'a.ts': "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: ['b:9093'], clientId: 'x' });\n" });
    expect(r.configs[0]).toMatchObject({ closed: true });
    expect(entries(r.configs[0])).toEqual({ 'bootstrap.servers': 'b:9093' });
  });

  it('follows clients through class fields, exports and TypeScript types', async () => {
    const r = await facts({
      'src/kafka.ts': "import { Kafka } from 'kafkajs';\nexport const kafka = new Kafka({ brokers: ['b:9093'] });\n",
      'src/service.ts': `import { kafka } from './kafka';
import type { Admin, Producer } from 'kafkajs';
export class Service {
  private producer = kafka.producer();
  private admin!: Admin;
  async run(p: Producer) {
    await this.producer.send({ topic: 't', acks: 0, messages: [] });
    await this.admin.createTopics({ topics: [{ topic: 'x', numPartitions: 40 }] });
    await p.transaction();
  }
}
`,
    });
    expect(r.configs.filter((c) => c.label === 'send()').map((c) => entries(c))).toEqual([{ acks: '0' }]);
    expect(r.apiCalls.map((c) => `${c.api}@${c.location.file}:${c.location.line}`)).toEqual(['admin.createTopics@src/service.ts:8', 'producer.transaction@src/service.ts:9']);
    const topic = r.configs.find((c) => c.label === 'x');
    expect(topic!.entries.map((e) => [e.key, e.value, e.scope])).toEqual([['partitions', '40', 'topic']]);
  });

  it('names decide nothing: a local producer() or a kafkaConfig object that reaches no client is no fact', async () => {
    const r = await facts({
      'a.ts': `import { Kafka } from 'kafkajs';
const kafkaConfig = { brokers: ['b:9092'], ssl: false, sasl: { mechanism: 'scram-sha-256' } };
function producer(o: object) { return o; }
producer({ acks: 0, idempotent: true });
const https = { Agent: class {} };
new https.Agent({ rejectUnauthorized: false });
export const k = Kafka;
`,
    });
    expect(r.configs).toEqual([]);
    expect(r.apiCalls).toEqual([]);
  });
});

describe('librdkafka family', () => {
  it('node-rdkafka: global and topic configuration of each handle, factories, admin topics', async () => {
    const r = await facts({
      'lib/config.js': "module.exports = {\n  global: { 'metadata.broker.list': 'ns.servicebus.windows.net:9093', 'security.protocol': 'SASL_SSL', 'socket.keepalive.enable': true },\n  topic: { 'request.required.acks': 0 },\n};\n",
      'lib/app.js': `const Kafka = require('node-rdkafka');
const { global, topic } = require('./config');
const producer = new Kafka.Producer(global, topic);
const stream = Kafka.KafkaConsumer.createReadStream({ ...global, 'group.id': 'g' }, {}, { topics: ['t'] });
const admin = Kafka.AdminClient.create(global);
admin.createTopic({ topic: 'audit', num_partitions: 48, replication_factor: 3, config: { 'cleanup.policy': 'compact' } }, () => {});
`,
    });
    const [p, c, a, t] = r.configs;
    expect(p).toMatchObject({ library: 'librdkafka', roles: ['producer'], closed: true });
    expect(p!.entries.map((e) => [e.key, e.spelling, e.value, e.scope])).toEqual([
      ['bootstrap.servers', 'metadata.broker.list', 'ns.servicebus.windows.net:9093', 'common'],
      ['security.protocol', 'security.protocol', 'SASL_SSL', 'common'],
      ['socket.keepalive.enable', 'socket.keepalive.enable', 'true', 'common'],
      ['acks', 'request.required.acks', '0', 'producer'],
    ]);
    expect(p!.entries[0]!.location).toMatchObject({ file: 'lib/config.js', line: 2 });
    expect(c).toMatchObject({ roles: ['consumer'], closed: true });
    expect(entries(c)['group.id']).toBe('g');
    expect(a).toMatchObject({ roles: ['admin'] });
    expect(t!.entries.map((e) => [e.key, e.value])).toEqual([['partitions', '48'], ['replication.factor', '3'], ['cleanup.policy', 'compact']]);
    expect(r.apiCalls.map((x) => x.api)).toEqual(['admin.createTopics']);
  });

  it('@confluentinc/kafka-javascript KafkaJS API: kafkaJS blocks and raw keys merge into librdkafka handles', async () => {
    const r = await facts({
      'src/cf.ts': `import { KafkaJS } from '@confluentinc/kafka-javascript';
const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: ['b:9093'], ssl: true, sasl: { mechanism: 'plain', username: '$ConnectionString', password: 'x' } }, 'metadata.max.age.ms': 180000 });
const producer = kafka.producer({ kafkaJS: { acks: 0, compression: KafkaJS.CompressionTypes.LZ4 }, 'socket.keepalive.enable': true });
`,
    });
    const p = r.configs.find((c) => c.roles.includes('producer'));
    expect(p).toMatchObject({ library: 'librdkafka', closed: true });
    expect(entries(p)).toMatchObject({ 'bootstrap.servers': 'b:9093', 'security.protocol': 'SASL_SSL', 'metadata.max.age.ms': '180000', acks: '0', 'compression.type': 'lz4', 'socket.keepalive.enable': 'true' });
  });

  it('kafka-node: only where it connects, whether it uses TLS and disabled verification', async () => {
    const r = await facts({ 'a.js': "const kafka = require('kafka-node');\nnew kafka.KafkaClient({ kafkaHost: 'k:9092', sslOptions: { rejectUnauthorized: false }, sasl: { mechanism: 'plain', username: 'u', password: 'p' }, requestTimeout: 1000 });\n" });
    expect(r.configs[0]).toMatchObject({ library: 'kafka-node' });
    expect(entries(r.configs[0])).toEqual({ 'bootstrap.servers': 'k:9092', 'enable.ssl.certificate.verification': 'false', 'security.protocol': 'SASL_SSL' });
  });
});

describe('JS/TS: code bases of their own kind', () => {
  it("a Kafka package's own repository: examples import it by path ('..', '../', '../index', its main file)", async () => {
    const roots = new Map([['.', 'node-rdkafka'], ['librdkafka', 'node-rdkafka']]);
    const src = (spec: string) => `const Kafka = require('${spec}');\nnew Kafka.Producer({ 'metadata.broker.list': 'k:9092' });\n`;
    for (const spec of ['..', '../', '../index', '../index.js', '../librdkafka', '../librdkafka.js']) {
      const r = await extractScripts([{ path: 'bench/p.js', text: src(spec) }], roots);
      expect(r.configs.map((c) => c.library), spec).toEqual(['librdkafka']);
    }
    const other = await extractScripts([{ path: 'bench/p.js', text: src('../lib/util') }], roots);
    expect(other.configs).toEqual([]);
  });

  it('a class field set to null in the constructor and to a client later is that client', async () => {
    const r = await facts({
      'transporter.js': `class T {
  constructor() { this.client = null; this.admin = null; }
  async connect() {
    let Kafka;
    try { Kafka = require('kafkajs').Kafka; } catch (e) { throw e; }
    this.client = new Kafka(this.opts);
    this.admin = this.client.admin();
  }
  async disconnect() { this.admin = null; }
  async topics(topics) { await this.admin.createTopics({ topics }); }
}
module.exports = T;
`,
    });
    expect(r.apiCalls.map((c) => `${c.api}:${c.location.line}`)).toEqual(['admin.createTopics:10']);
  });
});

describe('JS/TS bad input', () => {
  it('a syntax error is one notification with its position, and the file gives no facts', async () => {
    const r = await facts({ 'src/broken.ts': "import { Kafka } from 'kafkajs';\nconst k = new Kafka({ brokers: ['a:9092'], });\nconst x = {a: 1,, };\n" });
    expect(r.configs).toEqual([]);
    expect(r.notifications).toEqual([{ level: 'error', kind: 'unparsable', file: 'src/broken.ts', line: 3, column: 17, message: 'JavaScript/TypeScript syntax error: Property assignment expected.' }]);
  });

  it('survives import cycles and self-references', async () => {
    const r = await facts({
      'a.ts': "import { Kafka } from 'kafkajs';\nimport { b } from './b';\nexport const a: string[] = b;\nnew Kafka({ brokers: a });\n",
      'b.ts': "import { a } from './a';\nexport const b = a;\n",
      'c.ts': "import { Kafka } from 'kafkajs';\nconst x: any = { get y() { return x.y; } };\nconst self: any = self;\nnew Kafka({ brokers: [self, x.y] });\n",
    });
    expect(r.configs.map((c) => entries(c)['bootstrap.servers'])).toEqual([undefined, undefined]);
  });
});
