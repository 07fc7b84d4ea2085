import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/index.js';
import { assembleSpring } from '../../src/extract/spring.js';
import type { ClientConfig } from '../../src/facts.js';

const props = (file: string, text: string) => extractFile(file, file.endsWith('.conf') ? 'conf' : 'properties', text);
const keys = (c: ClientConfig) => c.entries.map((e) => `${e.scope}:${e.key}=${e.value ?? '?'}`);

describe('plain client files', () => {
  it('are Kafka configs only when their keys say so', () => {
    expect(props('a/app.properties', 'server.port=8080\nspring.datasource.url=jdbc:postgresql://db/x?ssl=true\n').configs).toEqual([]);
    expect(props('a/client.properties', 'security.protocol=SSL\nssl.keystore.location=/k.jks\n').configs).toHaveLength(1);
    expect(props('a/other.properties', 'security.protocol=https\n').configs).toEqual([]);
    const [c] = props('a/producer.properties', 'bootstrap.servers=k:9092\nacks=0\n').configs;
    expect(c).toMatchObject({ library: 'java', roles: ['producer'], closed: true, anchor: { line: 1 } });
  });

  it('detects librdkafka by its keys and folds its aliases into canonical keys', () => {
    const [c] = props('x/client.properties', 'metadata.broker.list=k:9092\nsasl.mechanisms=PLAIN\ncompression.codec=lz4\nrequest.required.acks=0\n').configs;
    expect(c!.library).toBe('librdkafka');
    expect(keys(c!)).toEqual(['common:bootstrap.servers=k:9092', 'common:sasl.mechanism=PLAIN', 'common:compression.type=lz4', 'common:acks=0']);
    expect(c!.entries[0]!.spelling).toBe('metadata.broker.list');
    expect(props('x/kafka.conf', 'bootstrap.servers=k:9092\n').configs[0]!.library).toBe('librdkafka');
  });

  it('recognises broker files and reports nothing else from them', () => {
    const f = props('config/server.properties', 'listeners=PLAINTEXT://:9092\nbroker.id=0\nlog.dirs=/tmp\nzookeeper.connect=zk:2181\n');
    expect(f.configs).toEqual([]);
    expect(f.brokers).toHaveLength(1);
    expect(f.brokers[0]!.anchor.line).toBe(2);
  });

  it('scopes Connect worker keys: worker, task-client prefixes, framework settings', () => {
    const [c] = props('connect-distributed.properties', 'bootstrap.servers=k:9092\ngroup.id=g\nconfig.storage.topic=cfg\nsecurity.protocol=SASL_SSL\nproducer.security.protocol=SASL_SSL\nconsumer.max.poll.records=5\n').configs;
    expect(c!.library).toBe('connect');
    expect(keys(c!)).toEqual(['worker:bootstrap.servers=k:9092', 'worker:group.id=g', 'framework:config.storage.topic=cfg', 'worker:security.protocol=SASL_SSL', 'producer:security.protocol=SASL_SSL', 'consumer:max.poll.records=5']);
    expect(c!.anchor.line).toBe(3);
  });

  it('judges only the MirrorMaker 2 alias that points at Event Hubs', () => {
    const text = 'clusters = src, eh\nsrc.bootstrap.servers = kafka:9092\nsrc.sasl.mechanism = SCRAM-SHA-512\neh.bootstrap.servers = ns.servicebus.windows.net:9093\neh.producer.acks = 0\nsrc->eh.enabled = true\nsecurity.protocol = SASL_SSL\n';
    const [c] = props('connect-mirror-maker.properties', text).configs;
    expect(c!.mirror).toEqual({ aliases: ['src', 'eh'], ehAliases: ['eh'], flows: [expect.objectContaining({ source: 'src', target: 'eh', enabled: true })] });
    expect(keys(c!)).toEqual(['framework:clusters=src, eh', 'common:bootstrap.servers=ns.servicebus.windows.net:9093', 'producer:acks=0', 'framework:enabled=true', 'common:security.protocol=SASL_SSL']);
    expect(c!.anchor.line).toBe(4);
  });

  it('judges every alias when none points at Event Hubs', () => {
    const [c] = props('mm2.properties', 'clusters=a,b\na.bootstrap.servers=a:9092\nb.bootstrap.servers=b:9092\n').configs;
    expect(c!.entries.filter((e) => e.key === 'bootstrap.servers')).toHaveLength(2);
    expect(c!.anchor.line).toBe(2);
  });

  it('scopes Kafka Streams prefixes', () => {
    const [c] = props('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nproducer.acks=0\nmain.consumer.max.poll.records=1\ntopic.retention.ms=1\n').configs;
    expect(c!.library).toBe('streams');
    expect(keys(c!).slice(2)).toEqual(['producer:acks=0', 'consumer:max.poll.records=1', 'topic:retention.ms=1']);
  });

  it('reads JAAS KafkaClient sections and ignores broker sections', () => {
    const text = 'KafkaServer {\n  org.apache.kafka.common.security.plain.PlainLoginModule required username="admin";\n};\nKafkaClient {\n  org.apache.kafka.common.security.scram.ScramLoginModule required\n  username="alice";\n};\n';
    const f = extractFile('kafka_client_jaas.conf', 'conf', text);
    expect(f.configs).toHaveLength(1);
    expect(f.configs[0]!.entries[0]).toMatchObject({ key: 'sasl.jaas.config', location: { line: 5 } });
    expect(f.configs[0]!.entries[0]!.value).toContain('ScramLoginModule');
  });

  it('leaves HOCON and XML .conf/.config files alone', () => {
    expect(extractFile('application.conf', 'conf', 'akka.kafka.producer {\n  kafka-clients {\n    bootstrap.servers = "k:9092"\n  }\n}\n').notifications[0]?.kind).toBe('unsupported-format');
    expect(extractFile('app.config', 'conf', '<configuration><add key="bootstrap.servers" value="k:9092"/></configuration>').configs).toEqual([]);
  });

  it('finds connection strings in any scanned text', () => {
    const key = 'FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake123=';
    const f = extractFile('.env', 'text', `EH=Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${key}\n`);
    expect(f.literals).toHaveLength(1);
    expect(f.literals[0]!.location).toMatchObject({ line: 1, column: 4 });
  });
});

describe('Spring Boot and Spring Cloud Stream', () => {
  const spring = (files: Record<string, string>) =>
    assembleSpring(Object.entries(files).flatMap(([file, text]) => extractFile(file, file.endsWith('.properties') ? 'properties' : 'yaml', text).spring));

  it('maps typed keys with relaxed binding, brackets and converted durations', () => {
    const [c] = spring({
      'r/application.yml': 'spring:\n  kafka:\n    bootstrapServers: [a:9092, b:9092]\n    consumer:\n      heartbeat-interval: 5s\n      isolation-level: read-committed\n    properties[sasl.mechanism]: PLAIN\n    producer:\n      properties:\n        max.request.size: 1000000\n',
    });
    expect(keys(c!)).toEqual(['common:bootstrap.servers=a:9092,b:9092', 'consumer:heartbeat.interval.ms=5000', 'consumer:isolation.level=read_committed', 'common:sasl.mechanism=PLAIN', 'producer:max.request.size=1000000']);
    expect(c!.entries[1]!.display).toBe('5s (5000 ms)');
    expect(c!.roles.sort()).toEqual(['consumer', 'producer']);
  });

  it('builds one unit per profile from one folder, evaluated only with own Kafka keys', () => {
    const units = spring({
      'r/application.yml': 'spring.kafka.bootstrap-servers: k:9092\n---\nspring.config.activate.on-profile: prod\nspring.kafka.producer.acks: 0\n---\nspring.config.activate.on-profile: dev\nlogging.level.root: debug\n',
      'r/application-stage.properties': 'spring.kafka.security.protocol=SASL_SSL\n',
      'other/application.yml': 'spring.kafka.consumer.group-id: other\n',
    });
    expect(units.map((u) => `${u.id} ${u.entries.length}`)).toEqual(['other/application#spring 1', 'r/application#spring 1', 'r/application#spring:profile prod 2', 'r/application#spring:profile stage 2']);
    expect(units.every((u) => u.closed)).toBe(true);
  });

  it('ignores non-Kafka Spring keys (server.ssl, datasource, rabbitmq)', () => {
    const [c] = spring({ 'r/application.properties': 'server.ssl.key-store=ks.p12\nspring.rabbitmq.ssl.enabled=true\nspring.datasource.url=jdbc:x\nspring.kafka.bootstrap-servers=k:9092\n' });
    expect(keys(c!)).toEqual(['common:bootstrap.servers=k:9092']);
  });

  it('maps binder keys into a never-closed unit and opens the Boot unit next to them', () => {
    const units = spring({
      'r/application.yml':
        'spring.kafka.bootstrap-servers: k:9092\nspring.cloud.stream.kafka.binder:\n  brokers: k1,k2:9095\n  requiredAcks: 0\n  configuration:\n    security.protocol: SASL_SSL\nspring.cloud.stream.kafka.bindings.out.producer.topic.properties.retention.ms: 1\nspring.cloud.stream.bindings.out.producer.partitionCount: 40\n',
    });
    const boot = units.find((u) => u.library === 'spring')!;
    const binder = units.find((u) => u.library === 'spring-cloud-stream')!;
    expect(boot.closed).toBe(false);
    expect(binder.closed).toBe(false);
    expect(keys(binder)).toEqual(['common:bootstrap.servers=k1:9092,k2:9095', 'producer:acks=0', 'common:security.protocol=SASL_SSL', 'topic:retention.ms=1', 'topic:partitions=40']);
  });

  it('expands ssl.bundle references into the stores the bundle defines', () => {
    const [c] = spring({ 'r/application.yml': 'spring.ssl.bundle.jks.kafka.truststore.location: t.jks\nspring.kafka.ssl.bundle: kafka\n' });
    expect(c!.entries.map((e) => `${e.key}@${e.location.line}`)).toEqual(['ssl.truststore.location@2']);
  });

  it('uses placeholder fallbacks and keeps unknown values unknown', () => {
    const [c] = spring({ 'r/application.properties': 'spring.kafka.bootstrap-servers=${KAFKA:localhost:9092}\nspring.kafka.producer.acks=${ACKS}\n' });
    expect(c!.entries.map((e) => [e.value, e.fromDefault ?? false])).toEqual([
      ['localhost:9092', true],
      [undefined, false],
    ]);
  });
});

describe('hostile keys', () => {
  it('treats keys named like Object.prototype members as plain keys', () => {
    const text = 'metadata.broker.list=k:9092\nconstructor=x\n__proto__=y\ntoString=z\n';
    const [c] = extractFile('x.conf', 'conf', text).configs;
    expect(c!.entries.map((e) => e.key)).toEqual(['bootstrap.servers', 'constructor', '__proto__', 'toString']);
    const spring = extractFile('r/application.yml', 'yaml', 'spring.cloud.stream.kafka.binder.constructor: 1\nspring.kafka.producer.hasOwnProperty: 2\nspring.kafka.constructor: 3\n');
    const docs = spring.spring[0]!;
    expect([...docs.boot, ...docs.binder].map((e) => `${e.scope}:${e.key}`)).toEqual(['framework:producer.has-own-property', 'framework:constructor', 'framework:constructor']);
    expect(() => assembleSpring(spring.spring)).not.toThrow();
  });
});

describe('connector JSON', () => {
  it('reads REST bodies and bare config maps with exact positions', () => {
    const body = '{\n  "name": "sink",\n  "config": {\n    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",\n    "tasks.max": 2,\n    "producer.override.acks": "0",\n    "topics": ["a", "b"]\n  }\n}\n';
    const [c] = extractFile('sink.json', 'text', body).configs;
    expect(c!.library).toBe('connect-connector');
    expect(c!.entries.map((e) => `${e.location.line}:${e.location.column} ${e.scope}:${e.key}=${e.value}`)).toEqual([
      '4:5 framework:connector.class=io.confluent.connect.jdbc.JdbcSinkConnector',
      '5:5 framework:tasks.max=2',
      '6:5 producer:acks=0',
      '7:5 framework:topics=a,b',
    ]);
    const bare = extractFile('sink.config', 'conf', '{"connector.class": "x.Y", "consumer.override.max.poll.records": "5"}').configs[0]!;
    expect(bare.entries.map((e) => e.key)).toEqual(['connector.class', 'max.poll.records']);
  });

  it('skips files named like JSON that are not JSON, with a warning', () => {
    const f = extractFile('create.json', 'text', 'curl -X POST -d \'{"name": "x", "config": {"connector.class": "Y"}}\' http://connect:8083/connectors\n');
    expect(f.configs).toEqual([]);
    expect(f.notifications).toEqual([expect.objectContaining({ level: 'warning', kind: 'unsupported-format' })]);
  });
});
