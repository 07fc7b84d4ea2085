import { effectiveEntries, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH201',
  name: 'acks-zero',
  area: 'durability',
  level: 'warning',
  precision: 'high',
  summary: 'The producer sends with acks=0 and never sees throttling or failed writes.',
  why: 'Event Hubs throttles by delaying produce responses and answers PolicyViolation when the delay exceeds the request timeout. With acks=0 the producer never reads a response, so throttled or rejected records are lost silently. Microsoft recommends the default acks=all (or 1 for throughput).',
  fix: 'Use acks=all (the default in Java 3.x and librdkafka) or acks=1, and make consumers idempotent.',
  reference: REF.configurations,
  messages: {
    acksZero: '{spelling}={value}: the producer never reads a response, so Event Hubs throttling and rejected writes are lost silently; use acks=all (or 1).',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'acks')) {
      if (entry.value?.trim() === '0') report('acksZero', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
  },
});
