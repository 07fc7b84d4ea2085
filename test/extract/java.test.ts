import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../src/facts.js';
import { fromCst } from '../../src/extract/java/ast.js';
import { extractJava, ParsePool, type JavaResult } from '../../src/extract/java/index.js';
import { loadParser } from '../../src/extract/java/parse.js';
import { javaNeedsParsing } from '../../src/extract/java/prefilter.js';

const pool = new ParsePool(0);

/** Facts of a small project: `{ 'A.java': source }`; a source without `package` lands in `com.acme`. */
async function facts(files: Record<string, string>): Promise<JavaResult> {
  const sources = Object.entries(files).map(([name, text]) => ({ path: `src/main/java/com/acme/${name}`, text: text.includes('package ') ? text : `package com.acme;\n${text}` }));
  return extractJava(sources, pool);
}

/** One class body wrapped with the usual imports. */
function javaClass(body: string, imports = ''): string {
  return [
    'package com.acme;',
    'import java.util.*;',
    'import org.apache.kafka.clients.producer.*;',
    'import org.apache.kafka.clients.consumer.*;',
    'import org.apache.kafka.clients.admin.*;',
    'import org.apache.kafka.clients.CommonClientConfigs;',
    'import org.apache.kafka.common.config.*;',
    imports,
    'public class App {',
    body,
    '}',
  ].join('\n');
}

/** Line of the first occurrence of `needle` in a source (1-based). */
function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i).split('\n').length;
}

const entries = (c: ClientConfig | undefined) => Object.fromEntries((c?.entries ?? []).map((e) => [e.key, e.value]));
const clientUnits = (r: JavaResult) => r.configs.filter((c) => c.roles.length > 0);

async function evaluate(expr: string, extra: Record<string, string> = {}, decls = ''): Promise<string | undefined> {
  const src = javaClass(`${decls}\n  void m() { Properties p = new Properties(); p.put("client.id", ${expr}); new KafkaProducer<>(p); }`);
  const r = await facts({ 'App.java': src, ...extra });
  return clientUnits(r)[0]?.entries.find((e) => e.key === 'client.id')?.value;
}

describe('Java syntax tree', () => {
  it('rebuilds operator precedence from java-parser\'s flat binary expressions', async () => {
    expect(await evaluate('String.valueOf(1 + 2 * 3 - 4 / 2)')).toBe('5');
    expect(await evaluate('String.valueOf(7 * 24 * 60 * 60 * 1000L)')).toBe('604800000');
    expect(await evaluate('String.valueOf((1 + 2) * 3)')).toBe('9');
    expect(await evaluate('"a" + 1 + 2')).toBe('a12');
    expect(await evaluate('String.valueOf(1 + 2) + "a"')).toBe('3a');
  });

  it('reads literals as Java does: escapes, underscores, hex, long suffixes, text blocks', async () => {
    expect(await evaluate('"tab\\there \\u0041"')).toBe('tab\there A');
    expect(await evaluate('String.valueOf(1_000_000)')).toBe('1000000');
    expect(await evaluate('String.valueOf(0x10)')).toBe('16');
    expect(await evaluate('String.valueOf(Integer.MAX_VALUE)')).toBe('2147483647');
    expect(await evaluate('"""\n      abc\n        def"""')).toBe('abc\n  def');
  });

  it('keeps positions of calls at the method name, in UTF-16 columns', async () => {
    const parse = await loadParser();
    const file = fromCst(parse('class A { void m() { String s = "é😀"; producer\n    .initTransactions(); } }'));
    const body = file.classes[0]!.methods[0]!.body!;
    const call = body[1]!.k === 'expr' && body[1]!.e.k === 'call' ? body[1]!.e : undefined;
    expect(call?.at).toEqual({ line: 2, column: 6, endLine: 2, endColumn: 24 });
    expect(call?.start.line).toBe(1);
  });
});

describe('Java value resolution', () => {
  it('keeps the known text of a partly unknown string as a template, never as a value', async () => {
    const src = javaClass(`void m(String user, String secret) {
        Properties p = new Properties();
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"" + user + "\\" password=\\"" + secret + "\\";");
        p.put("client.id", String.format("svc-%s-%d%%", user, 7));
        p.put("group.id", user + secret);
        new KafkaProducer<>(p);
      }`);
    const unit = clientUnits(await facts({ 'App.java': src }))[0]!;
    const byKey = Object.fromEntries(unit.entries.map((e) => [e.key, [e.value, e.template]]));
    expect(byKey['sasl.jaas.config']).toEqual([undefined, 'org.apache.kafka.common.security.scram.ScramLoginModule required username="${…}" password="${…}";']);
    expect(byKey['client.id']).toEqual([undefined, 'svc-${…}-7%']);
    expect(byKey['group.id']).toEqual([undefined, undefined]);
  });

  it('resolves Kafka constants through imports, static imports and fully qualified names', async () => {
    const src = javaClass(
      `void m() {
        Properties p = new Properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(BOOTSTRAP_SERVERS_CONFIG, "b:9092");
        p.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(SaslConfigs.SASL_MECHANISM, SaslConfigs.GSSAPI_MECHANISM);
        new KafkaProducer<String, String>(p);
      }`,
      'import static org.apache.kafka.clients.producer.ProducerConfig.*;',
    );
    const r = await facts({ 'App.java': src });
    expect(entries(clientUnits(r)[0])).toEqual({ acks: 'all', 'bootstrap.servers': 'b:9092', 'linger.ms': '5', 'sasl.mechanism': 'GSSAPI' });
  });

  it('follows constants across files: interfaces, nested classes, inheritance, chains of constants', async () => {
    const r = await facts({
      'App.java': javaClass(`void m() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, Settings.Kafka.SERVERS);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, Names.CLIENT);
        new KafkaProducer<>(p);
      }`),
      'Settings.java': 'public class Settings { public static class Kafka { public static final String SERVERS = Hosts.BROKER + ":" + Hosts.PORT; } }',
      'Hosts.java': 'public interface Hosts extends Ports { String BROKER = "kafka.internal"; }',
      'Ports.java': 'public interface Ports { int PORT = 9092; }',
      'Names.java': 'public final class Names { private Names() {} public static final String CLIENT = "orders-" + "svc"; }',
    });
    expect(entries(clientUnits(r)[0])).toEqual({ 'bootstrap.servers': 'kafka.internal:9092', 'client.id': 'orders-svc' });
  });

  it('evaluates enums, class literals, durations, time units and string helpers', async () => {
    const imports = 'import org.apache.kafka.common.security.auth.SecurityProtocol;\nimport org.apache.kafka.common.record.CompressionType;\nimport org.apache.kafka.common.serialization.StringSerializer;\nimport java.time.Duration;\nimport java.util.concurrent.TimeUnit;';
    const src = javaClass(
      `void m() {
        Properties p = new Properties();
        p.put("security.protocol", SecurityProtocol.SASL_SSL.name);
        p.put("sasl.mechanism", SecurityProtocol.SSL.name());
        p.put("compression.type", CompressionType.LZ4.name);
        p.put("compression.codec", CompressionType.GZIP.name().toLowerCase());
        p.put("key.serializer", StringSerializer.class);
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("request.timeout.ms", (int) Duration.ofSeconds(30).toMillis());
        p.put("metadata.max.age.ms", String.valueOf(TimeUnit.MINUTES.toMillis(3)));
        p.put("client.id", String.format("%s-%d", "app", 7));
        p.put("bootstrap.servers", String.join(",", List.of("a:9092", "b:9092")));
        new KafkaProducer<>(p);
      }`,
      imports,
    );
    const r = await facts({ 'App.java': src });
    expect(entries(clientUnits(r)[0])).toEqual({
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': 'SSL',
      'compression.type': 'lz4',
      'compression.codec': 'gzip',
      'key.serializer': 'org.apache.kafka.common.serialization.StringSerializer',
      'value.serializer': 'org.apache.kafka.common.serialization.StringSerializer',
      'request.timeout.ms': '30000',
      'metadata.max.age.ms': '180000',
      'client.id': 'app-7',
      'bootstrap.servers': 'a:9092,b:9092',
    });
  });

  it('records literal fallbacks of environment lookups and @Value, and leaves the rest unknown', async () => {
    const src = javaClass(
      `@Value("\${kafka.servers:localhost:9092}") private String servers;
      @Value("\${kafka.group}") private String group;
      void m(String param) {
        String fromEnv = System.getenv("KAFKA_SASL");
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        p.put("group.id", group);
        p.put("security.protocol", System.getenv().getOrDefault("KAFKA_SECURITY", "PLAINTEXT"));
        p.put("sasl.mechanism", Optional.ofNullable(System.getenv("MECH")).orElse("PLAIN"));
        p.put("client.id", System.getProperty("client.id", "local"));
        p.put("acks", param);
        p.put("sasl.jaas.config", fromEnv);
        p.put("linger.ms", fromEnv != null ? fromEnv : "5");
        p.put("retries", Env.optional("KAFKA_RETRIES", "3"));
        new KafkaConsumer<>(p);
      }`,
      'import org.springframework.beans.factory.annotation.Value;',
    );
    const r = await facts({ 'App.java': src, 'Env.java': 'public class Env { static String optional(String n, String d) { return d; } }' });
    const unit = clientUnits(r)[0]!;
    expect(entries(unit)).toEqual({
      'bootstrap.servers': 'localhost:9092',
      'group.id': undefined,
      'security.protocol': 'PLAINTEXT',
      'sasl.mechanism': 'PLAIN',
      'client.id': 'local',
      acks: undefined,
      'sasl.jaas.config': undefined,
      'linger.ms': '5',
      retries: '3',
    });
    expect(unit.entries.filter((e) => e.fromDefault).map((e) => e.key)).toEqual(['bootstrap.servers', 'security.protocol', 'sasl.mechanism', 'client.id', 'linger.ms', 'retries']);
    expect(unit.entries.find((e) => e.key === 'acks')?.raw).toBe('param');
  });

  it('treats reassigned locals and non-final fields set elsewhere as unknown', async () => {
    const src = javaClass(`private String servers = "a:9092";
      void configure(String s) { servers = s; }
      void m(boolean x) {
        String acks = "1";
        if (x) acks = "0";
        Properties p = new Properties();
        p.put("acks", acks);
        p.put("bootstrap.servers", servers);
        new KafkaProducer<>(p);
      }`);
    const r = await facts({ 'App.java': src });
    expect(entries(clientUnits(r)[0])).toEqual({ acks: undefined, 'bootstrap.servers': undefined });
  });
});

describe('Java client configurations', () => {
  it('builds a closed unit from Properties, anchored at the client construction, entries at their keys', async () => {
    const src = javaClass(`KafkaProducer<String, String> create() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");
        props.setProperty("acks", "0");
        return new KafkaProducer<>(props);
      }`);
    const r = await facts({ 'App.java': src });
    expect(r.configs).toHaveLength(1);
    const unit = r.configs[0]!;
    expect(unit).toMatchObject({ library: 'java', roles: ['producer'], closed: true, label: 'KafkaProducer' });
    expect(unit.anchor.line).toBe(lineOf(src, 'new KafkaProducer'));
    expect(unit.entries.map((e) => [e.key, e.spelling, e.location.line, e.location.column])).toEqual([
      ['bootstrap.servers', 'ProducerConfig.BOOTSTRAP_SERVERS_CONFIG', lineOf(src, 'props.put('), 19],
      ['acks', 'acks', lineOf(src, 'setProperty'), 27],
    ]);
  });

  it('reads Map.of, Map.ofEntries, double-brace maps and copies', async () => {
    const src = javaClass(`void m() {
        new KafkaProducer<>(Map.of("bootstrap.servers", "a:9092", "acks", "1"));
        new KafkaConsumer<>(Map.ofEntries(Map.entry("bootstrap.servers", "b:9092"), Map.entry("group.id", "g")));
        Map<String, Object> base = new HashMap<>() {{ put("bootstrap.servers", "c:9092"); put("linger.ms", 5); }};
        Map<String, Object> copy = new HashMap<>(base);
        copy.put("acks", "all");
        Admin.create(copy);
      }`);
    const r = await facts({ 'App.java': src });
    expect(clientUnits(r).map((u) => [u.roles.join(), u.closed, entries(u)])).toEqual([
      ['producer', true, { 'bootstrap.servers': 'a:9092', acks: '1' }],
      ['consumer', true, { 'bootstrap.servers': 'b:9092', 'group.id': 'g' }],
      ['admin', true, { 'bootstrap.servers': 'c:9092', 'linger.ms': '5', acks: 'all' }],
    ]);
  });

  it('is open when it merges an unknown map, loads a file, or has a key it cannot read', async () => {
    const src = javaClass(`void a(Map<String, Object> extra) { Properties p = new Properties(); p.put("bootstrap.servers", "a:9092"); p.putAll(extra); new KafkaProducer<>(p); }
      void b() throws Exception { Properties p = new Properties(); p.load(new java.io.FileInputStream("x")); p.put("acks", "1"); new KafkaProducer<>(p); }
      void c(String key) { Properties p = new Properties(); p.put(key, "x"); p.put("acks", "1"); new KafkaProducer<>(p); }
      void d() { Properties p = new Properties(); p.putAll(Map.of("acks", "1")); new KafkaProducer<>(p); }`);
    const r = await facts({ 'App.java': src });
    expect(clientUnits(r).map((u) => u.closed)).toEqual([false, false, false, true]);
  });

  it('follows helpers that return a config, and a wrapper that hands the map to a client through a field', async () => {
    const r = await facts({
      'App.java': javaClass(`
        Properties base() { Properties p = new Properties(); p.put("bootstrap.servers", "a:9092"); return p; }
        void plain() { new KafkaConsumer<>(base()); }
        void extended() { Properties p = base(); p.put("group.id", "g"); new KafkaConsumer<>(p); }
        void wrapped() { Properties p = new Properties(); p.put("bootstrap.servers", "w:9092"); new SimpleProducer("t", p).connect(); }`),
      'SimpleProducer.java': `import org.apache.kafka.clients.producer.KafkaProducer; import java.util.Properties;
        public class SimpleProducer {
          private final Properties props; private final String topic;
          public SimpleProducer(String topic, Properties props) { this.topic = topic; this.props = props; }
          public void connect() { new KafkaProducer<String, String>(props); }
        }`,
    });
    const units = clientUnits(r).map((u) => [u.roles.join(), u.closed, entries(u)]);
    expect(units).toContainEqual(['consumer', true, { 'bootstrap.servers': 'a:9092' }]);
    expect(units).toContainEqual(['consumer', false, { 'bootstrap.servers': 'a:9092', 'group.id': 'g' }]);
    expect(units).toContainEqual(['producer', true, { 'bootstrap.servers': 'w:9092' }]);
  });

  it('reads Spring factories, their @Bean config helpers, and KafkaProperties-based maps as open', async () => {
    const src = `package com.acme;
      import java.util.*;
      import org.apache.kafka.clients.producer.ProducerConfig;
      import org.springframework.context.annotation.Bean;
      import org.springframework.kafka.core.*;
      import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
      public class KafkaConfig {
        @Bean public Map<String, Object> producerConfigs() {
          Map<String, Object> props = new HashMap<>();
          props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");
          return props;
        }
        @Bean public ProducerFactory<String, String> producerFactory() { return new DefaultKafkaProducerFactory<>(producerConfigs()); }
        @Bean public ConsumerFactory<String, String> consumerFactory(KafkaProperties boot) {
          Map<String, Object> props = boot.buildConsumerProperties(null);
          props.put("max.poll.records", 10);
          return new DefaultKafkaConsumerFactory<>(props);
        }
      }`;
    const r = await facts({ 'KafkaConfig.java': src });
    expect(clientUnits(r).map((u) => [u.roles.join(), u.closed, u.label, entries(u)])).toEqual([
      ['producer', true, 'DefaultKafkaProducerFactory', { 'bootstrap.servers': 'kafka:9092' }],
      ['consumer', false, 'DefaultKafkaConsumerFactory', { 'max.poll.records': '10' }],
    ]);
  });

  it('keeps a map written with config constants as an open unit even without a client in sight', async () => {
    const src = javaClass(`public static Properties props() { Properties p = new Properties(); p.put(ProducerConfig.ACKS_CONFIG, "0"); return p; }
      static final Map<String, String> MAPPING = new HashMap<>();
      static { MAPPING.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "transactional_id"); }
      void plain() { Map<String, String> m = new HashMap<>(); m.put("acks", "0"); }`);
    const r = await facts({ 'App.java': src });
    expect(r.configs.map((u) => [u.roles.join(), u.closed, entries(u)])).toEqual([['producer', false, { acks: '0' }]]);
  });

  it('splits Kafka Streams prefixes into client scopes', async () => {
    const src = javaClass(
      `void m(Topology t) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "0");
        p.put(StreamsConfig.mainConsumerPrefix("max.poll.records"), 5);
        p.put("topic.retention.ms", "1000");
        new KafkaStreams(t, p);
      }`,
      'import org.apache.kafka.streams.*;',
    );
    const r = await facts({ 'App.java': src });
    const unit = clientUnits(r)[0]!;
    expect(unit.library).toBe('streams');
    expect(unit.entries.map((e) => [e.key, e.scope, e.group])).toEqual([
      ['application.id', 'common', undefined],
      ['acks', 'producer', undefined],
      ['max.poll.records', 'consumer', 'main-consumer'],
      ['retention.ms', 'topic', undefined],
    ]);
    expect(r.apiCalls.map((c) => c.api)).toEqual(['streams.new']);
  });

  it('reads Spark kafka options and Flink Kafka builders', async () => {
    const src = `package com.acme;
      import org.apache.flink.connector.kafka.sink.KafkaSink;
      import org.apache.flink.connector.base.DeliveryGuarantee;
      public class Job {
        void spark(org.apache.spark.sql.SparkSession spark) {
          spark.readStream().format("kafka").option("kafka.bootstrap.servers", "s:9092").option("subscribe", "t").option("kafka.security.protocol", "PLAINTEXT").load();
        }
        void flink() {
          KafkaSink.<String>builder().setBootstrapServers("f:9092").setProperty("acks", "0").setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build();
        }
      }`;
    const r = await facts({ 'Job.java': src });
    expect(clientUnits(r).map((u) => [u.roles.join(), u.label, entries(u)])).toEqual([
      ['consumer', 'Spark Kafka source', { 'bootstrap.servers': 's:9092', 'security.protocol': 'PLAINTEXT' }],
      ['producer', 'Flink KafkaSink', { 'bootstrap.servers': 'f:9092', acks: '0' }],
    ]);
    expect(r.apiCalls.map((c) => [c.api, c.spelling])).toEqual([['flink.exactlyOnce', 'DeliveryGuarantee.EXACTLY_ONCE']]);
  });
});

describe('Java API calls', () => {
  it('finds calls on receivers known to be Kafka objects, never on look-alikes', async () => {
    const src = javaClass(
      `private final KafkaTemplate<String, String> template;
      App(KafkaTemplate<String, String> template) { this.template = template; }
      void m(Properties props, Session session, java.sql.Connection jdbc) throws Exception {
        Producer<String, String> producer = new KafkaProducer<>(props);
        producer.initTransactions();
        producer.beginTransaction();
        session.beginTransaction();
        jdbc.commit();
        template.executeInTransaction(t -> t.send("t", "v"));
        try (Admin admin = Admin.create(props)) {
          admin.createAcls(List.of());
          admin.listTopics();
          admin.createTopics(List.of(new NewTopic("t", 1, (short) 1)));
        }
        AdminClient.create(props).deleteTopics(List.of("t"));
        var consumer = new KafkaConsumer<String, String>(props);
        for (ConsumerRecord<String, String> r : consumer.poll(java.time.Duration.ofSeconds(1))) consumer.commitSync();
        consumer.commitSync();
      }`,
      'import org.hibernate.Session;\nimport org.springframework.kafka.core.KafkaTemplate;',
    );
    const r = await facts({ 'App.java': src });
    expect(r.apiCalls.map((c) => [c.api, c.spelling, c.location.line])).toEqual([
      ['producer.initTransactions', 'initTransactions()', lineOf(src, 'initTransactions')],
      ['producer.beginTransaction', 'beginTransaction()', lineOf(src, 'producer.beginTransaction')],
      ['template.executeInTransaction', 'executeInTransaction()', lineOf(src, 'executeInTransaction')],
      ['admin.createAcls', 'createAcls()', lineOf(src, 'createAcls')],
      ['admin.createTopics', 'createTopics()', lineOf(src, 'createTopics')],
      ['admin.deleteTopics', 'deleteTopics()', lineOf(src, 'deleteTopics')],
      ['consumer.commitPerRecord', 'commitSync()', lineOf(src, 'for (ConsumerRecord')],
    ]);
  });

  it('turns NewTopic and TopicBuilder into topic units, each setting at its own line', async () => {
    const src = javaClass(
      `@Bean public NewTopic orders() {
        return TopicBuilder.name("orders")
            .partitions(64)
            .replicas(3)
            .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30L * 24 * 60 * 60 * 1000))
            .compact()
            .build();
      }
      @Bean public NewTopic audit() { return new NewTopic("audit", Optional.of(3), Optional.empty()); }`,
      'import org.springframework.context.annotation.Bean;\nimport org.springframework.kafka.config.TopicBuilder;',
    );
    const r = await facts({ 'App.java': src });
    expect(r.configs.map((c) => [c.label, c.roles, c.entries.map((e) => [e.key, e.value, e.scope, e.location.line])])).toEqual([
      [
        'topic orders',
        [],
        [
          ['partitions', '64', 'topic', lineOf(src, '.partitions(')],
          ['replication.factor', '3', 'topic', lineOf(src, '.replicas(')],
          ['retention.ms', '2592000000', 'topic', lineOf(src, 'RETENTION_MS_CONFIG')],
          ['cleanup.policy', 'compact', 'topic', lineOf(src, '.compact(')],
        ],
      ],
      ['topic audit', [], [['partitions', '3', 'topic', lineOf(src, 'new NewTopic')]]],
    ]);
    expect(r.apiCalls.map((c) => [c.api, c.location.line])).toEqual([
      ['spring.topicBean', lineOf(src, 'TopicBuilder.name')],
      ['spring.topicBean', lineOf(src, 'new NewTopic')],
    ]);
  });

  it('reports imports of the old Scala clients and ZooKeeper admin, not other kafka.* helpers', async () => {
    const src = 'package com.acme;\nimport kafka.javaapi.producer.Producer;\nimport kafka.consumer.*;\nimport kafka.utils.ZkUtils;\nimport static kafka.admin.AdminUtils.createTopic;\nimport kafka.utils.Json;\nimport kafka.serializer.StringEncoder;\npublic class Old {}';
    const r = await facts({ 'Old.java': src });
    expect(r.apiCalls.map((c) => [c.spelling, c.location.line])).toEqual([
      ['kafka.javaapi.producer.Producer', 2],
      ['kafka.consumer.*', 3],
      ['kafka.utils.ZkUtils', 4],
      ['static kafka.admin.AdminUtils.createTopic', 5],
    ]);
  });

  it('finds annotations and constructions that are facts by themselves', async () => {
    const src = `package com.acme;
      import org.springframework.kafka.annotation.EnableKafkaStreams;
      import org.springframework.kafka.transaction.KafkaTransactionManager;
      import io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
      @EnableKafkaStreams
      public class Config {
        Object tx(Object pf) { return new KafkaTransactionManager<>(pf); }
        Object registry() { return new CachedSchemaRegistryClient("http://registry:8081", 100); }
      }`;
    const r = await facts({ 'Config.java': src });
    expect(r.apiCalls.map((c) => [c.api, c.spelling])).toEqual([
      ['spring.enableKafkaStreams', '@EnableKafkaStreams'],
      ['spring.kafkaTransactionManager', 'new KafkaTransactionManager(…)'],
      ['schemaRegistry.client', 'new CachedSchemaRegistryClient(…)'],
    ]);
  });
});

describe('Java bad input and prefilter', () => {
  it('reports a file java-parser cannot parse with its position and scans the others', async () => {
    const r = await facts({
      'Broken.java': 'public class Broken { void m() { new KafkaProducer<>(p; } }',
      'App.java': javaClass('void m() { new KafkaProducer<>(Map.of("acks", "0")); }'),
    });
    expect(r.notifications).toEqual([{ level: 'error', kind: 'unparsable', file: 'src/main/java/com/acme/Broken.java', line: 2, column: 55, message: "Java syntax error: expected ')' but found ';'" }]);
    expect(clientUnits(r)).toHaveLength(1);
  });

  it('says a Velocity template named .java is not Java, as a warning', async () => {
    const r = await facts({ 'Template.java': 'package ${package};\nimport org.apache.kafka.streams.KafkaStreams;\npublic class A { void m() { new KafkaStreams(t, p).start(); } }' });
    expect(r.notifications).toMatchObject([{ level: 'warning', kind: 'unsupported-format' }]);
  });

  it('parses only files that can matter', () => {
    expect(javaNeedsParsing('class A { void m() { new KafkaProducer<>(p); } }')).toBe(true);
    expect(javaNeedsParsing('class A { String k = "bootstrap.servers"; }')).toBe(true);
    expect(javaNeedsParsing('class A { void m(Consumer<String, String> c) { c.commitSync(); } }')).toBe(true);
    expect(javaNeedsParsing('import org.apache.kafka.clients.consumer.Consumer; /** Uses {@link KafkaProducer}. */ class A {}')).toBe(false);
    expect(javaNeedsParsing('import kafka.javaapi.producer.Producer;')).toBe(true);
    expect(javaNeedsParsing('class A { java.util.function.Consumer<String> c; String s = "spring.datasource.url"; }')).toBe(false);
    expect(javaNeedsParsing('class A { String url = "http://x//y"; void m() { p.put("bootstrap.servers", url); } }')).toBe(true);
  });
});

describe('Java slicing of large files', () => {
  const keepKafka = (body: string) => /KafkaProducer|bootstrap/.test(body);
  const SOURCE = [
    'package com.acme;',
    '@SuppressWarnings({"unchecked", "rawtypes"})',
    'public class Big {',
    '  private final Map<String, Object> m = new HashMap<>() {{ put("x", 1); }};',
    '  static { System.out.println("init"); }',
    '  public Big(Properties p) { this.p = p; }',
    '  /** {@link KafkaProducer} in a comment { */',
    '  public void unrelated(int a) throws java.io.IOException {',
    '    String s = "}{ not a brace";',
    '    for (int i = 0; i < a; i++) { System.out.println(i); }',
    '  }',
    '  public void start() { producer = new KafkaProducer<>(config()); }',
    '  Properties config() { Properties p = new Properties(); p.put("bootstrap.servers", "a:9092"); return p; }',
    '  void run() {',
    '    helper();',
    '    start();',
    '  }',
    '  void helper() {',
    '    System.out.println("no kafka here at all");',
    '  }',
    '  class Inner { void x() { System.out.println("inner method body"); } }',
    '}',
  ].join('\n');

  it('blanks only the bodies of methods that cannot matter, keeping every position', async () => {
    const { blankMethodBodies, ELIDED } = await import('../../src/extract/java/slice.js');
    const out = blankMethodBodies(SOURCE, keepKafka);
    expect(out.length).toBe(SOURCE.length);
    expect(out.split('\n').length).toBe(SOURCE.split('\n').length);
    const lines = out.split('\n');
    expect(lines[3]).toBe(SOURCE.split('\n')[3]); // field initializer kept
    expect(lines[4]).toBe(SOURCE.split('\n')[4]); // static initializer kept
    expect(lines[5]).toBe(SOURCE.split('\n')[5]); // constructor kept
    expect(lines[8]!.trim()).toBe(`${ELIDED}();`); // unrelated(): first long line carries the marker
    expect(lines[9]!.trim()).toBe('');
    expect(lines[11]).toBe(SOURCE.split('\n')[11]); // uses KafkaProducer
    expect(lines[12]).toBe(SOURCE.split('\n')[12]); // writes a key
    expect(lines[14]).toBe(SOURCE.split('\n')[14]); // run() calls start(), which is kept
    expect(lines[18]!.trim()).toBe(`${ELIDED}();`); // helper()
    expect(lines[20]).toContain(ELIDED); // a nested class's method
  });

  it('keeps enum constants with a body: their body is a class body, not a method body', async () => {
    const { blankMethodBodies } = await import('../../src/extract/java/slice.js');
    const src = ['enum State {', '  NEW, INITIALIZING() {', '    @Override boolean ready() { return false; }', '  },', '  DONE("d") { boolean ready() { return true; } };', '  boolean ready() { return true; }', '}'].join('\n');
    const out = blankMethodBodies(src, () => false).split('\n');
    expect(out[1]).toBe('  NEW, INITIALIZING() {');
    expect(out[2]).toBe('    @Override boolean ready() { return false; }');
    expect(out[4]).toBe('  DONE("d") { boolean ready() { return true; } };');
  });

  it('leaves a file it cannot follow untouched', async () => {
    const { blankMethodBodies } = await import('../../src/extract/java/slice.js');
    expect(blankMethodBodies('class A { void m() { if (x) { }', () => false)).toBe('class A { void m() { if (x) { }');
  });

  it('treats a method whose body was not parsed as unknown: maps handed to it are open, fields it may set unknown', async () => {
    const filler = Array.from({ length: 600 }, (_, i) => `  void pad${i}() { System.out.println("padding line number ${i}"); }`).join('\n');
    const src = javaClass(`private String acks = "1";
      void addExtras(Properties p) {
        for (String k : EXTRA.keySet()) p.setProperty(k, EXTRA.get(k));
      }
      void setAcks(String a) { System.out.println("setting acks to a new value"); acks = a; }
      void m() {
        Properties p = new Properties();
        p.put("bootstrap.servers", "a:9092");
        p.put("acks", acks);
        addExtras(p);
        new KafkaProducer<>(p);
      }
${filler}`);
    expect(src.length).toBeGreaterThan(16 * 1024);
    const r = await facts({ 'App.java': src });
    const unit = clientUnits(r)[0]!;
    expect(unit.closed).toBe(false);
    expect(entries(unit)).toEqual({ 'bootstrap.servers': 'a:9092', acks: undefined });
  });
});
