import { absenceAnchor, effectiveEntries, entriesOf, intValue, shown, type Library } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { IDLE_CONNECTION_MS } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

/** metadata.max.age.ms defaults: Java 300000 (S1), librdkafka 900000 = 3 × topic.metadata.refresh.interval.ms (S2). */
const DEFAULT_MS: Partial<Record<Library, number>> = {
  java: 300_000,
  spring: 300_000,
  streams: 300_000,
  connect: 300_000,
  mirrormaker: 300_000,
  librdkafka: 900_000,
  kafkajs: 300_000,
};

export default defineRule({
  id: 'EH501',
  name: 'metadata-max-age',
  area: 'client-config',
  level: 'warning',
  precision: 'medium',
  summary: 'Metadata is refreshed less often than Azure\'s 240-second idle-connection limit.',
  why: 'Azure closes connections idle for more than 240 seconds. Event Hubs asks for metadata.max.age.ms below that (180000 recommended) so clients refresh metadata, and keep connections alive, before the cut. The Java default is 300000 ms and librdkafka\'s 900000 ms.',
  fix: 'Set metadata.max.age.ms=180000.',
  reference: REF.configurations,
  messages: {
    tooHigh: '{spelling}={value} is at or above Azure\'s 240-second idle-connection limit; set metadata.max.age.ms=180000.',
    refreshTooHigh: '{spelling}={value} makes librdkafka\'s metadata.max.age.ms {effective} ms (3 × the interval), above Azure\'s 240-second idle limit; set metadata.max.age.ms=180000.',
    absent: 'no metadata.max.age.ms: the {library} default of {default} ms is above Azure\'s 240-second idle-connection limit; set metadata.max.age.ms=180000.',
    absentKafkajs: 'no metadataMaxAge: the kafkajs default of 300000 ms is above Azure\'s 240-second idle-connection limit; set metadataMaxAge: 180000 in this {role}() call.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'metadata.max.age.ms')) {
      const n = intValue(entry);
      if (n !== undefined && n >= IDLE_CONNECTION_MS) report('tooHigh', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
    for (const { config, entry } of effectiveEntries(facts.configs, 'topic.metadata.refresh.interval.ms')) {
      const n = intValue(entry);
      if (n !== undefined && n > 0 && 3 * n >= IDLE_CONNECTION_MS && entriesOf(config, 'metadata.max.age.ms').length === 0) {
        report('refreshTooHigh', entry.location, { spelling: entry.spelling, value: shown(entry), effective: 3 * n });
      }
    }
    for (const config of facts.configs) {
      const fallback = DEFAULT_MS[config.library];
      if (!config.closed || fallback === undefined) continue;
      // kafkajs: each producer()/consumer() is the unit; new Kafka() has no metadataMaxAge and admins refresh always.
      if (config.library === 'kafkajs' && !config.roles.some((r) => r === 'producer' || r === 'consumer')) continue;
      if (entriesOf(config, ['metadata.max.age.ms', 'topic.metadata.refresh.interval.ms']).length > 0) continue;
      if (config.library === 'kafkajs') report('absentKafkajs', absenceAnchor(config), { role: config.roles.includes('producer') ? 'producer' : 'consumer' });
      else report('absent', absenceAnchor(config), { library: config.library === 'librdkafka' ? 'librdkafka' : 'Java client', default: fallback });
    }
  },
});
