// Generated Java projects for `npm run bench`: a service of a few hundred files, or a large code base, with the
// shape of real ones (most files are not about Kafka; a share sits under src/test and is skipped by default).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function rng(seed) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { rand, pick: (xs) => xs[Math.floor(rand() * xs.length)] };
}

const FIELD_TYPES = ['String', 'long', 'int', 'boolean', 'java.math.BigDecimal', 'java.time.Instant', 'java.util.List<String>'];

/** An ordinary class: fields, accessors and a few methods with loops and conditions, ~`size` lines. */
function plainClass(pkg, name, size, { pick, rand }) {
  const fields = Array.from({ length: Math.max(3, Math.floor(size / 12)) }, (_, i) => ({ type: pick(FIELD_TYPES), name: `field${i}` }));
  const lines = [`package ${pkg};`, '', 'import java.util.*;', 'import java.util.stream.Collectors;', '', `public class ${name} {`];
  for (const f of fields) lines.push(`  private ${f.type} ${f.name};`);
  lines.push('', `  public ${name}() {}`, '');
  for (const f of fields) {
    const cap = f.name[0].toUpperCase() + f.name.slice(1);
    lines.push(`  public ${f.type} get${cap}() { return ${f.name}; }`, `  public void set${cap}(${f.type} v) { this.${f.name} = v; }`);
  }
  const methods = Math.max(1, Math.floor(size / 25));
  for (let m = 0; m < methods; m++) {
    lines.push(
      '',
      `  public Map<String, Integer> summarize${m}(List<String> items, int limit) {`,
      '    Map<String, Integer> counts = new HashMap<>();',
      '    for (String item : items) {',
      `      if (item == null || item.length() > limit * ${1 + Math.floor(rand() * 9)}) continue;`,
      '      counts.merge(item.trim().toLowerCase(Locale.ROOT), 1, Integer::sum);',
      '    }',
      '    return counts.entrySet().stream()',
      '        .filter(e -> e.getValue() > 1)',
      '        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));',
      '  }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

const KAFKA_CLASSES = [
  (pkg, name, { pick }) => `package ${pkg};

import java.util.Properties;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.StringSerializer;

public class ${name} {
  private final KafkaProducer<String, String> producer;

  public ${name}(String servers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(ProducerConfig.ACKS_CONFIG, "${pick(['all', '1', '0'])}");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "${pick(['none', 'gzip', 'snappy', 'lz4'])}");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.LINGER_MS_CONFIG, ${pick([0, 5, 20])});
    this.producer = new KafkaProducer<>(props);
  }

  public void send(String topic, String key, String value) {
    producer.send(new ProducerRecord<>(topic, key, value), (meta, e) -> {
      if (e != null) System.err.println(e.getMessage());
    });
  }
}
`,
  (pkg, name, { pick }) => `package ${pkg};

import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.common.serialization.StringDeserializer;

public class ${name} implements Runnable {
  private final KafkaConsumer<String, String> consumer;

  public ${name}() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-${pick([1, 2, 3])}.internal:9092");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "${name.toLowerCase()}");
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, ${pick([3000, 10000, 45000])});
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumer = new KafkaConsumer<>(config);
  }

  @Override
  public void run() {
    consumer.subscribe(List.of("orders"));
    while (!Thread.currentThread().isInterrupted()) {
      ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
      for (ConsumerRecord<String, String> record : records) {
        handle(record.key(), record.value());
        consumer.commitSync();
      }
    }
  }

  private void handle(String key, String value) {
    if (key == null) return;
    System.out.println(key + "=" + value);
  }
}
`,
  (pkg, name, { pick }) => `package ${pkg};

import java.util.*;
import org.apache.kafka.clients.admin.*;

public class ${name} {
  public void ensureTopics(Properties props) throws Exception {
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      if (!existing.contains("orders")) missing.add(new NewTopic("orders", ${pick([6, 12, 48])}, (short) 3));
      admin.createTopics(missing).all().get();
    }
  }
}
`,
];

/**
 * Writes `files` Java files under `dir`: `kafkaShare` of them Kafka clients, `testShare` under src/test (skipped
 * by a default scan), the rest ordinary classes of 40–400 lines.
 */
export function generateJavaProject(dir, { files, kafkaShare = 0.1, testShare = 0.35, seed = 7 }) {
  rmSync(dir, { recursive: true, force: true });
  const r = rng(seed);
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const module = `module-${i % 20}`;
    const test = r.rand() < testShare;
    const kafka = !test && r.rand() < kafkaShare;
    const pkg = `com.acme.${module.replace('-', '')}.${kafka ? 'messaging' : r.pick(['api', 'domain', 'service', 'repository', 'util'])}`;
    const name = test ? `Generated${i}Test` : kafka ? `Kafka${i}${r.pick(['Publisher', 'Listener', 'Topics'])}` : `Generated${i}`;
    const text = kafka ? r.pick(KAFKA_CLASSES)(pkg, name, r) : plainClass(pkg, name, 40 + Math.floor(r.rand() * 360), r);
    const file = path.join(dir, module, 'src', test ? 'test' : 'main', 'java', ...pkg.split('.'), `${name}.java`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += text.length;
  }
  return { files, bytes };
}
