import { callsOf } from '../../src/facts.js';
import { productionDependencies } from '../../src/kafka/libraries.js';
import { REF } from '../../src/kafka/references.js';
import { TIER_LABEL, TRANSACTIONS } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH601',
  name: 'kafka-streams',
  area: 'ecosystem',
  level: { basic: 'error', standard: 'error', premium: 'warning', dedicated: 'warning' },
  precision: 'high',
  summary: 'The application runs Kafka Streams, which Event Hubs offers only as a preview on Premium and Dedicated.',
  why: 'Kafka Streams is a public preview on the Premium and Dedicated tiers only. Its event hubs must use CreateTime timestamps, infinite-retention topics are truncated at 250 GB per partition, DeleteRecords is not implemented for them, the application needs Manage rights, and internal topics count toward the quotas.',
  fix: 'Use Premium or Dedicated with CreateTime event hubs (preview), or move the processing to Azure Stream Analytics, Flink or Spark.',
  reference: REF.streams,
  messages: {
    binder: '{name} builds Kafka Streams topologies, which {status}.',
    entry: '{call} starts a Kafka Streams application, which {status}.',
  },
  check({ facts, tier, report }) {
    const status = TRANSACTIONS[tier] === 'preview' ? 'Event Hubs offers only as a public preview' : `Event Hubs does not support on the ${TIER_LABEL[tier]} tier`;
    // The binder is the entry point (it builds the topology from Function<KStream, …> beans); a plain
    // kafka-streams dependency is not a finding by itself (catalog EH601).
    for (const c of callsOf(facts, ['streams.new', 'spring.enableKafkaStreams'])) report('entry', c.location, { call: c.spelling, status });
    for (const dep of productionDependencies(facts.dependencies, 'spring-cloud-stream-kafka-streams')) report('binder', dep.versionAt ?? dep.declaredAt, { name: dep.name, status });
  },
});
