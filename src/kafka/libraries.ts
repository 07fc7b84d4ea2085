// Which dependencies are Kafka client libraries, and what they are (catalog §5 EH000/EH301/EH307/EH308/EH601/EH602, §6).
import type { Dependency } from '../facts.js';

export type LibraryKind =
  | 'kafka-clients'
  | 'kafka-streams'
  | 'kafka-scala'
  | 'spring-kafka'
  | 'spring-cloud-stream-kafka'
  | 'spring-cloud-stream-kafka-streams'
  | 'spark-kafka-0-8'
  | 'spark-kafka-0-10'
  | 'flink-kafka'
  | 'schema-registry'
  | 'ksqldb'
  | 'msk-iam'
  | 'spring-cloud-azure'
  | 'kafkajs'
  | 'node-rdkafka'
  | 'confluent-kafka-javascript'
  | 'kafka-node'
  | 'no-kafka'
  | 'other-client';

interface LibraryRule {
  kind: LibraryKind;
  ecosystem: 'jvm' | 'npm';
  /** Maven/Gradle `group:artifact` or npm name. */
  test: RegExp;
  /** A Kafka client library (inventory, EH000), as opposed to a support library. */
  client: boolean;
}

const RULES: readonly LibraryRule[] = [
  { kind: 'kafka-clients', ecosystem: 'jvm', test: /^org\.apache\.kafka:kafka-clients$/, client: true },
  { kind: 'kafka-streams', ecosystem: 'jvm', test: /^org\.apache\.kafka:kafka-streams(-scala_[\d.]+)?$/, client: true },
  { kind: 'kafka-scala', ecosystem: 'jvm', test: /^org\.apache\.kafka:kafka_2\.[\d.]+$/, client: true },
  { kind: 'spring-kafka', ecosystem: 'jvm', test: /^org\.springframework\.kafka:spring-kafka$/, client: true },
  { kind: 'spring-cloud-stream-kafka-streams', ecosystem: 'jvm', test: /^org\.springframework\.cloud:spring-cloud-stream-binder-kafka-streams$/, client: true },
  { kind: 'spring-cloud-stream-kafka', ecosystem: 'jvm', test: /^org\.springframework\.cloud:spring-cloud-(stream-binder-kafka|starter-stream-kafka)$/, client: true },
  // Spark 1.x named the 0.8 integration spark-streaming-kafka_2.1x (catalog §6.4: it depends on kafka_2.x 0.8.2.1).
  { kind: 'spark-kafka-0-8', ecosystem: 'jvm', test: /^org\.apache\.spark:spark-streaming-kafka(-0-8)?(-assembly)?_[\d.]+$/, client: true },
  { kind: 'spark-kafka-0-10', ecosystem: 'jvm', test: /^org\.apache\.spark:(spark-streaming-kafka-0-10|spark-sql-kafka-0-10)(-assembly)?_[\d.]+$/, client: true },
  { kind: 'flink-kafka', ecosystem: 'jvm', test: /^org\.apache\.flink:flink-(sql-)?connector-kafka(-0\.\d+)?(_[\d.]+)?$/, client: true },
  {
    kind: 'schema-registry',
    ecosystem: 'jvm',
    test: /^io\.confluent:(kafka-avro-serializer|kafka-protobuf-serializer|kafka-json-schema-serializer|kafka-streams-avro-serde|kafka-streams-protobuf-serde|kafka-streams-json-schema-serde|kafka-schema-registry-client|kafka-connect-avro-converter|kafka-connect-protobuf-converter|kafka-connect-json-schema-converter)$/,
    client: false,
  },
  { kind: 'ksqldb', ecosystem: 'jvm', test: /^io\.confluent\.ksql:/, client: false },
  { kind: 'msk-iam', ecosystem: 'jvm', test: /^software\.amazon\.msk:aws-msk-iam-auth$/, client: false },
  { kind: 'spring-cloud-azure', ecosystem: 'jvm', test: /^com\.azure\.spring:spring-cloud-azure-starter/, client: false },
  { kind: 'other-client', ecosystem: 'jvm', test: /^(io\.projectreactor\.kafka:reactor-kafka|io\.vertx:vertx-kafka-client|io\.smallrye\.reactive:smallrye-reactive-messaging-kafka|com\.typesafe\.akka:akka-stream-kafka_[\d.]+|org\.apache\.camel:camel-kafka|io\.micronaut\.kafka:micronaut-kafka|org\.springframework\.integration:spring-integration-kafka)$/, client: true },
  { kind: 'kafkajs', ecosystem: 'npm', test: /^kafkajs$/, client: true },
  { kind: 'node-rdkafka', ecosystem: 'npm', test: /^node-rdkafka$/, client: true },
  { kind: 'confluent-kafka-javascript', ecosystem: 'npm', test: /^@confluentinc\/kafka-javascript$/, client: true },
  { kind: 'kafka-node', ecosystem: 'npm', test: /^kafka-node$/, client: true },
  { kind: 'no-kafka', ecosystem: 'npm', test: /^no-kafka$/, client: true },
  { kind: 'other-client', ecosystem: 'npm', test: /^@platformatic\/kafka$/, client: true },
  { kind: 'schema-registry', ecosystem: 'npm', test: /^(@kafkajs\/confluent-schema-registry|@confluentinc\/schemaregistry)$/, client: false },
];

export function libraryKind(ecosystem: Dependency['ecosystem'], name: string): { kind: LibraryKind; client: boolean } | undefined {
  const eco = ecosystem === 'npm' ? 'npm' : 'jvm';
  const rule = RULES.find((r) => r.ecosystem === eco && r.test.test(name));
  return rule ? { kind: rule.kind, client: rule.client } : undefined;
}

/** npm names the scanner needs lockfile versions for. */
export const NPM_KAFKA_PACKAGES: ReadonlySet<string> = new Set([
  'kafkajs',
  'node-rdkafka',
  '@confluentinc/kafka-javascript',
  'kafka-node',
  'no-kafka',
  '@platformatic/kafka',
  '@kafkajs/confluent-schema-registry',
  '@confluentinc/schemaregistry',
]);

/**
 * Dependencies that do not reach production through this project: test and dev scopes, and npm peer dependencies
 * (the application that installs the package chooses the version).
 */
export function isTestScope(dependency: Pick<Dependency, 'scope'>): boolean {
  return /^(test|test[A-Z]\w*|\w*[tT]est\w*|devDependencies|peerDependencies)$/.test(dependency.scope ?? '');
}

/** The production dependencies of a kind (or every Kafka client with `'client'`): what rules about libraries judge. */
export function productionDependencies(dependencies: readonly Dependency[], kind: LibraryKind | 'client'): Dependency[] {
  return dependencies.filter((d) => {
    if (isTestScope(d)) return false;
    const lib = libraryKind(d.ecosystem, d.name);
    return kind === 'client' ? Boolean(lib?.client) : lib?.kind === kind;
  });
}
