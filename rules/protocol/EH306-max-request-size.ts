import { absenceAnchor, effectiveEntries, entriesOf, hasRole, intValue, shown, type ClientConfig, type Scope } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { MAX_MESSAGE_BYTES, MAX_REQUEST_BYTES, TIER_LABEL } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

/** Which settings reach a unit's producers (catalog EH306 absence): Connect tasks read only `producer.`. */
function producerScopes(config: ClientConfig): readonly Scope[] | undefined {
  if (!config.closed) return undefined;
  switch (config.library) {
    case 'java':
    case 'spring':
      return hasRole(config, 'producer') ? ['common', 'producer'] : undefined;
    case 'connect':
      return ['producer'];
    case 'mirrormaker':
      return ['common', 'producer'];
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'EH306',
  name: 'max-request-size',
  area: 'protocol',
  level: { basic: 'error', standard: 'error', premium: 'error', dedicated: 'warning' },
  precision: 'high',
  summary: 'The producer may send requests larger than Event Hubs accepts.',
  why: 'Event Hubs closes the connection when a Kafka request exceeds 1,046,528 bytes, so max.request.size must stay below it (Microsoft recommends 1000000). The Java default of 1048576 is above the limit. Publications are capped at 1 MB (256 KB on Basic); only self-serve scalable Dedicated clusters with large-message support (preview) allow more.',
  fix: 'Set max.request.size=1000000 (librdkafka: keep message.max.bytes at its 1000000 default) and keep batch.size below the limit.',
  reference: REF.configurations,
  messages: {
    tooLarge: '{spelling}={value} is at or above Event Hubs\' request limit of {limit} bytes, so larger requests close the connection; set max.request.size=1000000.',
    messageMaxBytes: '{spelling}={value} lets librdkafka build requests above Event Hubs\' limit of {limit} bytes; keep the default 1000000.',
    batchSize: '{spelling}={value} lets batches reach Event Hubs\' request limit of {limit} bytes; keep batch.size below it.',
    topicMax: '{spelling}={value} allows messages larger than the {tier} tier\'s {max}-byte publication limit.',
    absent: 'no max.request.size: the Java default 1048576 is above Event Hubs\' 1,046,528-byte request limit, so a full batch closes the connection; set max.request.size=1000000.',
  },
  check({ facts, tier, report }) {
    const limit = MAX_REQUEST_BYTES[tier];
    for (const { entry } of effectiveEntries(facts.configs, 'max.request.size')) {
      const n = intValue(entry);
      if (n !== undefined && n >= limit) report('tooLarge', entry.location, { spelling: entry.spelling, value: shown(entry), limit });
    }
    for (const { config, entry } of effectiveEntries(facts.configs, 'message.max.bytes')) {
      const n = intValue(entry);
      if (config.library === 'librdkafka' && n !== undefined && n > limit) report('messageMaxBytes', entry.location, { spelling: entry.spelling, value: shown(entry), limit });
    }
    for (const { entry } of effectiveEntries(facts.configs, 'batch.size')) {
      const n = intValue(entry);
      if (n !== undefined && n >= limit) report('batchSize', entry.location, { spelling: entry.spelling, value: shown(entry), limit });
    }
    for (const { entry } of effectiveEntries(facts.configs, 'max.message.bytes', { scopes: ['topic'] })) {
      const n = intValue(entry);
      if (n !== undefined && n > MAX_MESSAGE_BYTES[tier]) report('topicMax', entry.location, { spelling: entry.spelling, value: shown(entry), tier: TIER_LABEL[tier], max: MAX_MESSAGE_BYTES[tier] });
    }
    for (const config of facts.configs) {
      const scopes = producerScopes(config);
      if (scopes && entriesOf(config, 'max.request.size', { scopes }).length === 0) report('absent', absenceAnchor(config), {}, { level: 'warning' });
    }
  },
});
