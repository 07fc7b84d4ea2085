import { effectiveEntries, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { COMPRESSION_CODECS, TIER_LABEL } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

const CODECS = new Set(['gzip', 'snappy', 'lz4', 'zstd']);

export default defineRule({
  id: 'EH305',
  name: 'compression-codec',
  area: 'protocol',
  level: 'error',
  precision: 'high',
  summary: 'The producer compresses with a codec the Event Hubs tier does not accept.',
  why: 'Kafka compression works on Event Hubs only on Premium and Dedicated, and only with gzip. snappy, lz4 and zstd fail on every tier, and gzip fails on Basic and Standard, with errors such as UNSUPPORTED_FOR_MESSAGE_FORMAT.',
  fix: 'Set compression.type=none (or gzip on Premium/Dedicated), or compress payloads in the application.',
  reference: REF.overview,
  messages: {
    codec: '{spelling}={value}: {support}; {fix} or compress payloads in the application.',
  },
  check({ facts, tier, report }) {
    const allowed = COMPRESSION_CODECS[tier];
    for (const { entry } of effectiveEntries(facts.configs, 'compression.type')) {
      const codec = entry.value?.trim().toLowerCase();
      if (!codec || !CODECS.has(codec) || allowed.includes(codec)) continue;
      report('codec', entry.location, {
        spelling: entry.spelling,
        value: shown(entry),
        support: codec === 'gzip' ? `Event Hubs accepts gzip only on Premium and Dedicated, not on ${TIER_LABEL[tier]}` : 'Event Hubs accepts only gzip compression, and only on Premium and Dedicated',
        // kafkajs and the KafkaJS-compatible API spell it `compression: CompressionTypes.X`.
        fix:
          entry.spelling === 'compression'
            ? `use CompressionTypes.None${allowed.includes('gzip') ? ' (or CompressionTypes.GZIP)' : ''}`
            : `set compression.type=none${allowed.includes('gzip') ? ' (or gzip)' : ''}`,
      });
    }
  },
});
