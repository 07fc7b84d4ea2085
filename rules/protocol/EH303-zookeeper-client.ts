import { ALL_SCOPES, effectiveEntries } from '../../src/facts.js';
import { ZOOKEEPER_CLIENT_KEYS } from '../../src/kafka/keys.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH303',
  name: 'zookeeper-client',
  area: 'protocol',
  level: 'error',
  precision: 'high',
  summary: 'A client configuration connects to ZooKeeper, which Event Hubs does not have.',
  why: 'Event Hubs exposes only the Kafka protocol endpoint on port 9093; there is no ZooKeeper. ZooKeeper settings belong to the pre-1.0 Scala clients and to tools that Kafka itself removed in 3.0.',
  fix: 'Use the modern clients and tools with bootstrap.servers=<namespace>.servicebus.windows.net:9093 (CLI: --bootstrap-server).',
  reference: REF.overview,
  messages: {
    key: '{spelling} is a ZooKeeper setting of the pre-1.0 Scala clients; Event Hubs has no ZooKeeper, so use bootstrap.servers=<namespace>.servicebus.windows.net:9093 with a modern client.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, [...ZOOKEEPER_CLIENT_KEYS], { scopes: ALL_SCOPES })) {
      report('key', entry.location, { spelling: entry.spelling });
    }
  },
});
