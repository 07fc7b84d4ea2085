// Which Java files are worth parsing (java-parser runs at ~1 MB/s): the ones that construct a Kafka client or
// topic, use a Kafka config constant, call a Kafka API method, import the old Scala clients, or write a Kafka
// config key as a string. Comments are ignored (Javadoc names classes without using them). Derived from the tables
// the analysis uses, so a file the rules need is never skipped (tested on every fixture).
import { CLIENT_CONSTRUCTORS, CLIENT_FACTORIES, KAFKA_CALLS, KAFKA_NEWS, KAFKA_STRING_CONSTANTS } from '../../kafka/java.js';

const simple = (fqn: string) => fqn.slice(fqn.lastIndexOf('.') + 1);
const alternatives = (xs: Iterable<string>) => [...new Set(xs)].join('|');

const CONSTRUCTED = alternatives([
  ...Object.keys(CLIENT_CONSTRUCTORS).map(simple),
  ...Object.keys(KAFKA_NEWS).map(simple),
  'NewTopic',
  'ConfigEntry',
  'OffsetAndMetadata',
  'NewTopics',
]);
const FACTORY_OWNERS = alternatives(Object.keys(CLIENT_FACTORIES).map((f) => simple(f.slice(0, f.lastIndexOf('.')))));
const CONFIG_CLASSES = alternatives(Object.keys(KAFKA_STRING_CONSTANTS).map(simple));
const METHODS = alternatives([...Object.values(KAFKA_CALLS).flatMap((m) => Object.keys(m ?? {})), 'commitSync', 'commitAsync', 'setAckMode', 'setDeliveryGuarantee']);

const USES = new RegExp(
  [
    `\\bnew\\s+(?:[\\w.]+\\.)?(?:${CONSTRUCTED})\\b`,
    `\\b(?:${FACTORY_OWNERS})\\s*\\.\\s*create\\s*\\(`,
    `\\b(?:${CONFIG_CLASSES})\\s*\\.\\s*(?:[A-Z][A-Z0-9_]*\\b|\\w+Prefix\\s*\\()`,
    `\\bimport\\s+static\\s+[\\w.]+\\.(?:${CONFIG_CLASSES})\\.`,
    `\\.\\s*(?:${METHODS})\\s*\\(`,
    '\\b(?:TopicBuilder|NewPartitions|KafkaSource|KafkaSink|FlinkKafka\\w+)\\b',
    '@(?:EnableKafkaStreams|KafkaListener)\\b',
    '\\b(?:DeliveryGuarantee|Semantic)\\s*\\.\\s*EXACTLY_ONCE\\b',
    // The pre-1.0 Scala clients and ZooKeeper admin (EH303), imported or written fully qualified.
    '\\bimport\\s+(?:static\\s+)?(?:kafka\\.|org\\.I0Itec\\.)',
    '\\b(?:kafka\\.(?:javaapi|consumer|producer)\\.|kafka\\.admin\\.(?:AdminUtils|TopicCommand)\\b|kafka\\.utils\\.ZkUtils\\b|org\\.I0Itec\\.zkclient\\.)',
    // Spark's Kafka source and sink.
    '"kafka(?:\\.[a-z.]+)?"',
  ].join('|'),
);

/** Config keys as string literals: every key Kafka's config classes define, plus the undotted ones. */
const KEYS = new Set<string>(['acks', 'retries']);
for (const constants of Object.values(KAFKA_STRING_CONSTANTS)) for (const v of Object.values(constants)) if (/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(v)) KEYS.add(v);

const KEY_LITERAL = /"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)"/g;

/** Comments blanked, strings kept (a `//` inside a string is not a comment). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"/g, (m) => (m.startsWith('"') ? m : ' '));
}

export function javaNeedsParsing(text: string): boolean {
  const code = withoutComments(text);
  if (USES.test(code)) return true;
  for (const m of code.matchAll(KEY_LITERAL)) if (KEYS.has(m[1]!)) return true;
  return false;
}
