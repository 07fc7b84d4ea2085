// Node.js Kafka clients: package names, their exports, and how their options spell canonical Kafka keys
// (catalog §3b, §2.3 kafkajs and librdkafka units, §6.5).
import type { Role } from '../facts.js';

/** Which API a value from a package belongs to. `cfkjs` is @confluentinc/kafka-javascript's KafkaJS-compatible API. */
export type Family = 'kafkajs' | 'rdkafka' | 'cfkjs' | 'kafka-node' | 'schema-registry';

/** Packages whose import makes a file worth parsing, and the family of their top-level exports. */
export const NODE_PACKAGES: Readonly<Record<string, Family>> = {
  kafkajs: 'kafkajs',
  'node-rdkafka': 'rdkafka',
  '@confluentinc/kafka-javascript': 'rdkafka',
  'kafka-node': 'kafka-node',
  '@kafkajs/confluent-schema-registry': 'schema-registry',
  '@confluentinc/schemaregistry': 'schema-registry',
};

/** Source file extensions read as JavaScript or TypeScript; `.d.ts` files declare, they don't configure. */
export const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isScriptFile(name: string): boolean {
  const lower = name.toLowerCase();
  if (/\.d\.[mc]?ts$/.test(lower) || /\.min\.[mc]?js$/.test(lower)) return false;
  return SCRIPT_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** A text test that a file imports or requires one of the packages (comments are not excluded: it only gates parsing). */
export const NODE_PACKAGE_PATTERN = /(?:from\s*|require\s*\(\s*|import\s*\(\s*|import\s+)['"](kafkajs|node-rdkafka|@confluentinc\/kafka-javascript|kafka-node|@kafkajs\/confluent-schema-registry|@confluentinc\/schemaregistry)(?:\/[^'"]*)?['"]/;

/** An option of a kafkajs-style object and the canonical key it sets. */
export interface OptionKey {
  key: string;
  /** How the JS value becomes the Kafka value. */
  convert?: 'bool' | 'mechanism' | 'isolation' | 'compression' | 'list';
}

/** `new Kafka({...})` (kafkajs and the KafkaJS-compatible API's `kafkaJS` block). `ssl` and `sasl` are read apart. */
export const KAFKAJS_CLIENT_OPTIONS: Readonly<Record<string, OptionKey>> = {
  brokers: { key: 'bootstrap.servers', convert: 'list' },
  requestTimeout: { key: 'request.timeout.ms' },
  'retry.retries': { key: 'retries' },
};

/** `kafka.producer({...})`. */
export const KAFKAJS_PRODUCER_OPTIONS: Readonly<Record<string, OptionKey>> = {
  idempotent: { key: 'enable.idempotence', convert: 'bool' },
  transactionalId: { key: 'transactional.id' },
  transactionTimeout: { key: 'transaction.timeout.ms' },
  allowAutoTopicCreation: { key: 'allow.auto.create.topics', convert: 'bool' },
  metadataMaxAge: { key: 'metadata.max.age.ms' },
  maxInFlightRequests: { key: 'max.in.flight.requests.per.connection' },
  'retry.retries': { key: 'retries' },
  // The KafkaJS-compatible API takes these at producer creation instead of per send().
  acks: { key: 'acks' },
  compression: { key: 'compression.type', convert: 'compression' },
  timeout: { key: 'request.timeout.ms' },
};

/** `kafka.consumer({...})`. `rebalanceTimeout` is kafkajs' analogue of max.poll.interval.ms (catalog EH505). */
export const KAFKAJS_CONSUMER_OPTIONS: Readonly<Record<string, OptionKey>> = {
  groupId: { key: 'group.id' },
  sessionTimeout: { key: 'session.timeout.ms' },
  heartbeatInterval: { key: 'heartbeat.interval.ms' },
  rebalanceTimeout: { key: 'max.poll.interval.ms' },
  metadataMaxAge: { key: 'metadata.max.age.ms' },
  allowAutoTopicCreation: { key: 'allow.auto.create.topics', convert: 'bool' },
  readUncommitted: { key: 'isolation.level', convert: 'isolation' },
};

/** `producer.send({...})` / `sendBatch({...})`. */
export const KAFKAJS_SEND_OPTIONS: Readonly<Record<string, OptionKey>> = {
  acks: { key: 'acks' },
  compression: { key: 'compression.type', convert: 'compression' },
  timeout: { key: 'request.timeout.ms' },
};

/** `ssl: {...}` options: verification, custom CA, client certificate material. */
export const KAFKAJS_SSL_OPTIONS: Readonly<Record<string, OptionKey>> = {
  rejectUnauthorized: { key: 'enable.ssl.certificate.verification', convert: 'bool' },
  ca: { key: 'ssl.truststore.certificates' },
  cert: { key: 'ssl.keystore.certificate.chain' },
  key: { key: 'ssl.keystore.key' },
  pfx: { key: 'ssl.keystore.location' },
  passphrase: { key: 'ssl.key.password' },
};

export const KAFKAJS_SASL_OPTIONS: Readonly<Record<string, OptionKey>> = {
  mechanism: { key: 'sasl.mechanism', convert: 'mechanism' },
  username: { key: 'sasl.username' },
  password: { key: 'sasl.password' },
};

/** kafka-node `new KafkaClient({...})`: only where it connects and whether it uses TLS (catalog §3b). */
export const KAFKA_NODE_CLIENT_OPTIONS: Readonly<Record<string, OptionKey>> = {
  kafkaHost: { key: 'bootstrap.servers' },
};

/** kafkajs mechanism names → Kafka's. */
export function kafkaMechanism(value: string): string {
  const v = value.trim().toLowerCase();
  return v === 'aws' ? 'AWS_MSK_IAM' : v.toUpperCase();
}

/** kafkajs `CompressionTypes` member names and their numeric codes → Kafka's compression.type values. */
const COMPRESSION_NAMES: Readonly<Record<string, string>> = { None: 'none', GZIP: 'gzip', Snappy: 'snappy', LZ4: 'lz4', ZSTD: 'zstd' };
const COMPRESSION_CODES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

export function compressionName(member: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(COMPRESSION_NAMES, member) ? COMPRESSION_NAMES[member] : undefined;
}

export function compressionCode(code: number): string | undefined {
  return COMPRESSION_CODES[code];
}

/** Handles: what a value from a Kafka package is, by export path. */
export type HandleKind = 'kafka' | 'producer' | 'consumer' | 'admin' | 'transaction' | 'client';

/** Constructors (`new X(...)`) by family and export path. */
export const NODE_CONSTRUCTORS: Readonly<Record<string, { kind: HandleKind; role?: Role; family: Family }>> = {
  'kafkajs:Kafka': { kind: 'kafka', family: 'kafkajs' },
  'cfkjs:Kafka': { kind: 'kafka', family: 'cfkjs' },
  'rdkafka:Producer': { kind: 'producer', role: 'producer', family: 'rdkafka' },
  'rdkafka:HighLevelProducer': { kind: 'producer', role: 'producer', family: 'rdkafka' },
  'rdkafka:KafkaConsumer': { kind: 'consumer', role: 'consumer', family: 'rdkafka' },
  // node-rdkafka's deprecated alias (lib/index.js).
  'rdkafka:Consumer': { kind: 'consumer', role: 'consumer', family: 'rdkafka' },
  'kafka-node:KafkaClient': { kind: 'client', family: 'kafka-node' },
};

/** Factory calls that create a librdkafka handle: export path → role. */
export const RDKAFKA_FACTORIES: Readonly<Record<string, Role>> = {
  'AdminClient.create': 'admin',
  'Producer.createWriteStream': 'producer',
  'HighLevelProducer.createWriteStream': 'producer',
  'KafkaConsumer.createReadStream': 'consumer',
  // Module-level shortcuts node-rdkafka exports (lib/index.js).
  createReadStream: 'consumer',
  createWriteStream: 'producer',
};

/** Schema registry clients (catalog EH307). */
export const SCHEMA_REGISTRY_CLASSES: ReadonlySet<string> = new Set(['SchemaRegistry', 'SchemaRegistryClient']);

/** TypeScript types that mark a parameter or field as a Kafka handle. */
export const NODE_TYPES: Readonly<Record<string, HandleKind>> = {
  'kafkajs:Kafka': 'kafka',
  'kafkajs:Producer': 'producer',
  'kafkajs:Consumer': 'consumer',
  'kafkajs:Admin': 'admin',
  'kafkajs:Transaction': 'transaction',
  'cfkjs:Kafka': 'kafka',
  'cfkjs:Producer': 'producer',
  'cfkjs:Consumer': 'consumer',
  'cfkjs:Admin': 'admin',
  'rdkafka:Producer': 'producer',
  'rdkafka:HighLevelProducer': 'producer',
  'rdkafka:KafkaConsumer': 'consumer',
  'rdkafka:IAdminClient': 'admin',
};

/** Admin calls that rules judge (kafkajs and KafkaJS-API names, node-rdkafka names) → canonical API. */
export const NODE_ADMIN_CALLS: Readonly<Record<string, string>> = {
  createTopics: 'admin.createTopics',
  createTopic: 'admin.createTopics',
  deleteTopics: 'admin.deleteTopics',
  deleteTopic: 'admin.deleteTopics',
  alterConfigs: 'admin.alterConfigs',
  incrementalAlterConfigs: 'admin.incrementalAlterConfigs',
  deleteTopicRecords: 'admin.deleteRecords',
  alterPartitionReassignments: 'admin.alterPartitionReassignments',
  createPartitions: 'admin.createPartitions',
  createAcls: 'admin.createAcls',
  describeAcls: 'admin.describeAcls',
  deleteAcls: 'admin.deleteAcls',
};

/** Calls on the object `producer.transaction()` returns (catalog EH205: one finding per call). */
export const TRANSACTION_CALLS: ReadonlySet<string> = new Set(['send', 'sendBatch', 'sendOffsets', 'commit', 'abort']);
