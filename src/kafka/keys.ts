// Canonical Kafka keys and every spelling that maps to them: the one home of key normalization
// (catalog §2.2 contexts, §3 constants, §3b non-Java spellings).
import type { Library, Scope } from '../facts.js';

/** Keys that say where a client connects (catalog §2.2 context signals). */
export const BOOTSTRAP_KEYS = ['bootstrap.servers', 'metadata.broker.list'] as const;

/**
 * librdkafka aliases of Java keys (librdkafka CONFIGURATION.md, S2): the same setting under another name.
 * The canonical key is the Java one so one rule covers both families.
 */
export const LIBRDKAFKA_ALIASES: Readonly<Record<string, string>> = {
  'metadata.broker.list': 'bootstrap.servers',
  'sasl.mechanisms': 'sasl.mechanism',
  'request.required.acks': 'acks',
  'compression.codec': 'compression.type',
  'message.send.max.retries': 'retries',
  'queue.buffering.max.ms': 'linger.ms',
};

/** Keys only librdkafka understands: their presence makes an ambiguous `.conf`/`.properties` a librdkafka config. */
export const LIBRDKAFKA_ONLY_KEYS: ReadonlySet<string> = new Set([
  'metadata.broker.list',
  'sasl.mechanisms',
  'sasl.username',
  'sasl.password',
  'sasl.kerberos.keytab',
  'sasl.kerberos.principal',
  'sasl.oauthbearer.method',
  'socket.keepalive.enable',
  'socket.timeout.ms',
  'api.version.request',
  'api.version.fallback.ms',
  'broker.version.fallback',
  'enable.ssl.certificate.verification',
  'ssl.ca.location',
  'ssl.ca.pem',
  'ssl.certificate.location',
  'ssl.certificate.pem',
  'ssl.key.location',
  'ssl.key.pem',
  'compression.codec',
  'queue.buffering.max.ms',
  'queue.buffering.max.messages',
  'queue.buffering.max.kbytes',
  'message.send.max.retries',
  'message.timeout.ms',
  'request.required.acks',
  'topic.metadata.refresh.interval.ms',
  'batch.num.messages',
  'statistics.interval.ms',
  'enable.partition.eof',
  'fetch.wait.max.ms',
  'log.connection.close',
  'debug',
]);

/** Keys only the Java client understands. */
export const JAVA_ONLY_KEYS: ReadonlySet<string> = new Set([
  'sasl.jaas.config',
  'sasl.login.callback.handler.class',
  'sasl.client.callback.handler.class',
  'key.serializer',
  'value.serializer',
  'key.deserializer',
  'value.deserializer',
  'max.request.size',
  'buffer.memory',
  'max.block.ms',
  'ssl.truststore.location',
  'ssl.truststore.password',
  'ssl.truststore.type',
  'ssl.keystore.type',
  'interceptor.classes',
  'partitioner.class',
]);

/** Keys that only make sense in a Kafka client configuration, for files without a bootstrap key (`--command-config` files). */
export const KAFKA_EVIDENT_KEYS: ReadonlySet<string> = new Set([
  'security.protocol',
  'sasl.jaas.config',
  'sasl.mechanism',
  'sasl.mechanisms',
  'sasl.login.callback.handler.class',
  'sasl.client.callback.handler.class',
  'key.serializer',
  'value.serializer',
  'key.deserializer',
  'value.deserializer',
]);

/** Values `security.protocol` can take (case-insensitive); guards KAFKA_EVIDENT_KEYS against other tools' `security.protocol`. */
export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;

/** Keys only producers read: a client file holding one is a producer config (catalog EH306). */
export const PRODUCER_KEYS: ReadonlySet<string> = new Set([
  'acks',
  'compression.type',
  'batch.size',
  'linger.ms',
  'buffer.memory',
  'key.serializer',
  'value.serializer',
  'enable.idempotence',
  'transactional.id',
  'transaction.timeout.ms',
  'delivery.timeout.ms',
  'max.request.size',
  'max.in.flight.requests.per.connection',
  'partitioner.class',
  'message.timeout.ms',
  'batch.num.messages',
]);

/** Keys only consumers read. */
export const CONSUMER_KEYS: ReadonlySet<string> = new Set([
  'group.id',
  'group.instance.id',
  'key.deserializer',
  'value.deserializer',
  'auto.offset.reset',
  'enable.auto.commit',
  'auto.commit.interval.ms',
  'isolation.level',
  'max.poll.records',
  'max.poll.interval.ms',
  'session.timeout.ms',
  'heartbeat.interval.ms',
  'fetch.min.bytes',
  'fetch.max.bytes',
  'fetch.max.wait.ms',
  'partition.assignment.strategy',
  'allow.auto.create.topics',
  'enable.partition.eof',
]);

/**
 * A `.properties` file holding one of these is a Kafka broker or KRaft controller configuration (catalog EH603).
 * `listeners`, `zookeeper.connect` and `num.partitions` alone are not enough: Connect workers and old clients use them.
 */
export const BROKER_DETECTION_KEYS: ReadonlySet<string> = new Set([
  'broker.id',
  'node.id',
  'process.roles',
  'log.dirs',
  'log.dir',
  'controller.quorum.voters',
]);

/** Old ZooKeeper-based client keys (catalog EH303). */
export const ZOOKEEPER_CLIENT_KEYS: ReadonlySet<string> = new Set([
  'zookeeper.connect',
  'zk.connect',
  'zookeeper.session.timeout.ms',
  'zookeeper.sync.time.ms',
]);

/** Keys of the pre-1.0 Scala clients that, next to `zookeeper.connect`, mark an old client config. */
export const OLD_SCALA_CLIENT_KEYS: ReadonlySet<string> = new Set([
  'group.id',
  'consumer.id',
  'consumer.timeout.ms',
  'auto.commit.enable',
  'auto.offset.reset',
  'metadata.broker.list',
  'serializer.class',
  'producer.type',
  'request.required.acks',
]);

/** Kafka Streams client prefixes (StreamsConfig, S1); the main, restore and global consumers are separate clients. */
export const STREAMS_PREFIXES: ReadonlyArray<readonly [string, Scope, string?]> = [
  ['main.consumer.', 'consumer', 'main-consumer'],
  ['restore.consumer.', 'consumer', 'restore-consumer'],
  ['global.consumer.', 'consumer', 'global-consumer'],
  ['producer.', 'producer'],
  ['consumer.', 'consumer'],
  ['admin.', 'admin'],
  ['topic.', 'topic'],
];

/** Kafka Connect worker prefixes for the connector tasks' clients. */
export const CONNECT_CLIENT_PREFIXES: ReadonlyArray<readonly [string, Scope]> = [
  ['producer.', 'producer'],
  ['consumer.', 'consumer'],
  ['admin.', 'admin'],
];

/** Connector config prefixes: per-connector client overrides and source-connector topic creation (KIP-458, KIP-158). */
export const CONNECTOR_PREFIXES: ReadonlyArray<readonly [string, Scope]> = [
  ['producer.override.', 'producer'],
  ['consumer.override.', 'consumer'],
  ['admin.override.', 'admin'],
];

/** Worker settings that belong to Connect itself, not to a Kafka client (Connect DistributedConfig/WorkerConfig). */
export const CONNECT_WORKER_PATTERNS: readonly RegExp[] = [
  /^(config|offset|status)\.storage\./,
  /^offset\.storage\.file\.filename$/,
  /^offset\.flush\./,
  /^(key|value|header)\.converter(\.|$)/,
  /^(internal\.)?(key|value)\.converter/,
  /^plugin\.(path|discovery)$/,
  /^rest\./,
  /^listeners(\.|$)/,
  /^admin\.listeners/,
  /^connector\.client\.config\.override\.policy$/,
  /^config\.providers(\.|$)/,
  /^exactly\.once\.source\.support$/,
  /^topic\.creation\.enable$/,
  /^task\.shutdown\.graceful\.timeout\.ms$/,
  /^scheduled\.rebalance\.max\.delay\.ms$/,
  /^worker\./,
  /^access\.control\./,
  /^response\.http\.headers\.config$/,
];

/** A worker file has one of these (catalog EH605 triggers). */
export const CONNECT_WORKER_SIGNALS = [
  'config.storage.topic',
  'offset.storage.topic',
  'status.storage.topic',
  'offset.storage.file.filename',
  'plugin.path',
] as const;

/** MirrorMaker 2 settings that are not client keys (MirrorMakerConfig, MirrorSourceConfig, MirrorCheckpointConfig; S1). */
export const MIRROR_FRAMEWORK_PATTERNS: readonly RegExp[] = [
  /^clusters$/,
  /->/,
  /^(replication\.factor|replication\.policy\.)/,
  /^tasks\.max$/,
  /^topics(\.|$)/,
  /^groups(\.|$)/,
  /^(sync|emit|refresh)\./,
  /^(checkpoints|heartbeats|offset-syncs)\.topic\./,
  /^(config|offset|status)\.storage\./,
  /^dedicated\.mode\./,
  /^offset\.lag\.max$/,
  /^config\.properties\.(exclude|blacklist)$/,
  /^(topic|group)\.filter\.class$/,
  /^config\.providers(\.|$)/,
  /^(key|value|header)\.converter(\.|$)/,
  /^(source|target)\.cluster\.alias$/,
];

/** Framework settings that are written by the client side and judged like the Kafka key they stand for. */
export const PSEUDO_KEYS = {
  /** Partition count of topics the client or framework creates. */
  partitions: 'partitions',
} as const;

// ---------------------------------------------------------------------------------------------
// Spring Boot (spring-boot KafkaProperties, S4) and Spring Cloud Stream Kafka binder (S4).

export type ValueKind = 'string' | 'duration' | 'datasize' | 'enum' | 'list';

export interface TypedKey {
  key: string;
  kind?: ValueKind;
}

/** Typed keys every Spring client section accepts (`spring.kafka.`, `.producer.`, `.consumer.`, `.admin.`, `.streams.`). */
export const SPRING_COMMON_KEYS: Readonly<Record<string, TypedKey>> = {
  'bootstrap-servers': { key: 'bootstrap.servers', kind: 'list' },
  'client-id': { key: 'client.id' },
  'security.protocol': { key: 'security.protocol' },
  'ssl.key-password': { key: 'ssl.key.password' },
  'ssl.key-store-location': { key: 'ssl.keystore.location' },
  'ssl.key-store-password': { key: 'ssl.keystore.password' },
  'ssl.key-store-type': { key: 'ssl.keystore.type' },
  'ssl.key-store-key': { key: 'ssl.keystore.key' },
  'ssl.key-store-certificate-chain': { key: 'ssl.keystore.certificate.chain' },
  'ssl.trust-store-location': { key: 'ssl.truststore.location' },
  'ssl.trust-store-password': { key: 'ssl.truststore.password' },
  'ssl.trust-store-type': { key: 'ssl.truststore.type' },
  'ssl.trust-store-certificates': { key: 'ssl.truststore.certificates' },
  'ssl.protocol': { key: 'ssl.protocol' },
};

export const SPRING_SECTION_KEYS: Readonly<Record<'producer' | 'consumer' | 'admin' | 'streams', Readonly<Record<string, TypedKey>>>> = {
  producer: {
    acks: { key: 'acks' },
    'batch-size': { key: 'batch.size', kind: 'datasize' },
    'buffer-memory': { key: 'buffer.memory', kind: 'datasize' },
    'compression-type': { key: 'compression.type', kind: 'enum' },
    'key-serializer': { key: 'key.serializer' },
    'value-serializer': { key: 'value.serializer' },
    retries: { key: 'retries' },
    'transaction-id-prefix': { key: 'transactional.id' },
  },
  consumer: {
    'auto-commit-interval': { key: 'auto.commit.interval.ms', kind: 'duration' },
    'auto-offset-reset': { key: 'auto.offset.reset' },
    'enable-auto-commit': { key: 'enable.auto.commit' },
    'fetch-max-wait': { key: 'fetch.max.wait.ms', kind: 'duration' },
    'fetch-min-size': { key: 'fetch.min.bytes', kind: 'datasize' },
    'group-id': { key: 'group.id' },
    'heartbeat-interval': { key: 'heartbeat.interval.ms', kind: 'duration' },
    'isolation-level': { key: 'isolation.level', kind: 'enum' },
    'key-deserializer': { key: 'key.deserializer' },
    'value-deserializer': { key: 'value.deserializer' },
    'max-poll-records': { key: 'max.poll.records' },
    'max-poll-interval': { key: 'max.poll.interval.ms', kind: 'duration' },
  },
  admin: {},
  streams: {
    'application-id': { key: 'application.id' },
    'replication-factor': { key: 'replication.factor' },
    'state-dir': { key: 'state.dir' },
    'cache-max-size-buffering': { key: 'cache.max.bytes.buffering', kind: 'datasize' },
    'state-store-cache-max-size': { key: 'statestore.cache.max.bytes', kind: 'datasize' },
  },
};

/** `spring.kafka.template.*` keys that configure the producer. */
export const SPRING_TEMPLATE_KEYS: Readonly<Record<string, TypedKey>> = {
  'transaction-id-prefix': { key: 'transactional.id' },
};

/** Kafka binder typed keys (`spring.cloud.stream.kafka.binder.*`, KafkaBinderConfigurationProperties). */
export const BINDER_KEYS: Readonly<Record<string, TypedKey & { scope: Scope }>> = {
  brokers: { key: 'bootstrap.servers', kind: 'list', scope: 'common' },
  'required-acks': { key: 'acks', scope: 'producer' },
  'replication-factor': { key: 'replication.factor', scope: 'topic' },
  'min-partition-count': { key: PSEUDO_KEYS.partitions, scope: 'topic' },
  'transaction.transaction-id-prefix': { key: 'transactional.id', scope: 'producer' },
};

/** Per-binding producer typed keys (KafkaProducerProperties) and the core `partition-count`. */
export const BINDING_PRODUCER_KEYS: Readonly<Record<string, TypedKey & { scope: Scope }>> = {
  'compression-type': { key: 'compression.type', kind: 'enum', scope: 'producer' },
  'topic.replication-factor': { key: 'replication.factor', scope: 'topic' },
  'partition-count': { key: PSEUDO_KEYS.partitions, scope: 'topic' },
};

/** Spring relaxed binding: `bootstrapServers`, `bootstrap_servers` and `bootstrap-servers` are one key. */
export function kebab(segment: string): string {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

/** A table entry for a key the user wrote: own properties only, so `constructor` or `__proto__` find nothing. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Canonical key for a raw client key written in a Kafka context (librdkafka aliases folded). */
export function canonicalKey(raw: string): string {
  return lookup(LIBRDKAFKA_ALIASES, raw) ?? raw;
}

/** How messages name a unit's client family. */
export const LIBRARY_LABEL: Readonly<Record<Library, string>> = {
  java: 'Java client',
  librdkafka: 'librdkafka client',
  spring: 'Spring Boot',
  'spring-cloud-stream': 'Spring Cloud Stream binder',
  streams: 'Kafka Streams',
  connect: 'Kafka Connect worker',
  'connect-connector': 'Kafka Connect connector',
  mirrormaker: 'MirrorMaker 2',
  ksqldb: 'ksqlDB',
  jaas: 'JAAS',
  kafkajs: 'kafkajs client',
  'kafka-node': 'kafka-node client',
};

/** `the Java client configuration`, `the Spring Boot configuration (profile prod)`. */
export function unitName(config: { library: Library; label?: string }): string {
  return `the ${LIBRARY_LABEL[config.library]} configuration${config.label && !/^(streams|mirrormaker|connect worker|connector)$/.test(config.label) ? ` (${config.label})` : ''}`;
}
