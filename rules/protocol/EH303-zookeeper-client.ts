import { ALL_SCOPES, callsOf, effectiveEntries } from '../../src/facts.js';
import { ZOOKEEPER_CLIENT_KEYS } from '../../src/kafka/keys.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH303',
  name: 'zookeeper-client',
  area: 'protocol',
  level: 'error',
  precision: 'high',
  summary: 'The application uses ZooKeeper or the pre-1.0 Scala clients, which Event Hubs does not support.',
  why: 'Event Hubs exposes only the Kafka protocol endpoint on port 9093; there is no ZooKeeper. ZooKeeper settings belong to the pre-1.0 Scala clients and to tools that Kafka itself removed in 3.0.',
  fix: 'Use the modern clients and tools with bootstrap.servers=<namespace>.servicebus.windows.net:9093 (CLI: --bootstrap-server).',
  reference: REF.overview,
  messages: {
    import: '{call} is the pre-1.0 Scala client or ZooKeeper admin API; Event Hubs has no ZooKeeper and needs Kafka 1.0+ clients, so move to kafka-clients (KafkaProducer, KafkaConsumer, Admin) with bootstrap.servers=<namespace>.servicebus.windows.net:9093.',
    key: '{spelling} is a ZooKeeper setting of the pre-1.0 Scala clients; Event Hubs has no ZooKeeper, so use bootstrap.servers=<namespace>.servicebus.windows.net:9093 with a modern client.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, [...ZOOKEEPER_CLIENT_KEYS], { scopes: ALL_SCOPES })) {
      report('key', entry.location, { spelling: entry.spelling });
    }
    for (const c of callsOf(facts, ['scala.import', 'scala.use'])) report('import', c.location, { call: c.api === 'scala.import' ? `import ${c.spelling}` : c.spelling });
  },
});
