import { ALL_SCOPES, callsOf, effectiveEntries, effective, intValue, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { MAX_GROUP_ID_LENGTH, MAX_OFFSET_METADATA_BYTES } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

/** Event Hubs throttles offset commits to 4 per second per partition (D4, R1): an interval below 250 ms exceeds it. */
const MIN_COMMIT_INTERVAL_MS = 250;

export default defineRule({
  id: 'EH510',
  name: 'consumer-group-limits',
  area: 'client-config',
  level: { basic: null, standard: 'error', premium: 'error', dedicated: 'error' },
  precision: 'high',
  summary: 'A consumer group setting exceeds an Event Hubs limit.',
  why: 'Event Hubs accepts Kafka group ids of up to 256 characters and offset-commit metadata of up to 1024 bytes, and throttles offset commits to 4 calls per second per partition. Kafka consumer groups are namespace-wide and limited to 1000 per namespace.',
  fix: 'Keep group ids short and unique per application, and commit offsets per batch or on an interval rather than per record.',
  reference: REF.troubleshooting,
  messages: {
    groupTooLong: '{spelling} is {length} characters long; Event Hubs accepts Kafka group ids of up to 256 characters.',
    ackPerRecord: '{spelling}={value} commits offsets after every record; Event Hubs throttles offset commits to 4 per second per partition, so commit per batch (the default).',
    metadataTooLong: '{call} commits {bytes} bytes of offset metadata; Event Hubs stores at most 1024 bytes per commit.',
    commitPerRecord: '{call} runs once per record of the poll loop; Event Hubs throttles offset commits to 4 per second per partition, so commit once per poll (batch) instead.',
    ackModeCall: '{call} commits offsets record by record; Event Hubs throttles offset commits to 4 per second per partition, so use the default BATCH ack mode.',
    commitInterval: '{spelling}={value} commits offsets more often than Event Hubs\' 4 commits per second per partition; use 250 ms or more (default 5000).',
  },
  check({ facts, report }) {
    // Kafka Streams uses application.id as the group id of its consumers.
    for (const { config, entry } of effectiveEntries(facts.configs, ['group.id', 'application.id'], { scopes: ALL_SCOPES })) {
      if (entry.key === 'application.id' && config.library !== 'streams' && entry.scope !== 'streams') continue;
      if (entry.value !== undefined && entry.value.length > MAX_GROUP_ID_LENGTH) report('groupTooLong', entry.location, { spelling: entry.spelling, length: entry.value.length });
    }
    for (const { entry } of effectiveEntries(facts.configs, 'listener.ack-mode', { scopes: ['framework'] })) {
      if (entry.value?.trim().toLowerCase() === 'record') report('ackPerRecord', entry.location, { spelling: entry.spelling, value: shown(entry) }, { level: 'note' });
    }
    for (const c of callsOf(facts, ['consumer.offsetMetadata'])) {
      const bytes = Number(c.values?.bytes ?? 0);
      if (bytes > MAX_OFFSET_METADATA_BYTES) report('metadataTooLong', c.location, { call: c.spelling, bytes });
    }
    for (const c of callsOf(facts, ['consumer.commitPerRecord'])) report('commitPerRecord', c.location, { call: c.spelling }, { level: 'note' });
    for (const c of callsOf(facts, ['spring.ackMode'])) {
      if (c.values?.mode === 'RECORD' || c.values?.mode === 'MANUAL_IMMEDIATE') report('ackModeCall', c.location, { call: c.spelling }, { level: 'note' });
    }
    for (const { config, entry } of effectiveEntries(facts.configs, 'auto.commit.interval.ms')) {
      // Connect sink tasks never auto-commit, and Spring for Apache Kafka turns auto-commit off unless it is set
      // (spring-kafka 2.3+): there the interval only matters with enable.auto.commit=true.
      if (config.library === 'connect' || config.library === 'mirrormaker') continue;
      const auto = effective(config, 'enable.auto.commit', { scopes: ['common', 'consumer'] })?.value?.trim().toLowerCase();
      if (auto === 'false' || (auto !== 'true' && (config.library === 'spring' || config.library === 'spring-cloud-stream'))) continue;
      const n = intValue(entry);
      if (n !== undefined && n < MIN_COMMIT_INTERVAL_MS) report('commitInterval', entry.location, { spelling: entry.spelling, value: shown(entry) }, { level: 'note' });
    }
  },
});
