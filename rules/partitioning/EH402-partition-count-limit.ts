import { ALL_SCOPES, effectiveEntries, intValue, shown } from '../../src/facts.js';
import { PSEUDO_KEYS } from '../../src/kafka/keys.js';
import { REF } from '../../src/kafka/references.js';
import { MAX_PARTITIONS, TIER_LABEL } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

/** Connect internal topics whose partition count the worker sets (defaults 25 and 5). */
const CONNECT_INTERNAL = ['offset.storage.partitions', 'status.storage.partitions'];

export default defineRule({
  id: 'EH402',
  name: 'partition-count-limit',
  area: 'partitioning',
  level: 'error',
  precision: 'high',
  summary: 'A topic is created with more partitions than the Event Hubs tier allows per event hub.',
  why: 'An event hub holds at most 32 partitions on Basic and Standard, 100 on Premium (200 per processing unit per namespace) and 1024 on Dedicated (2000 per capacity unit).',
  fix: 'Reduce the partition count to the tier maximum or choose Premium or Dedicated.',
  reference: REF.quotas,
  messages: {
    partitions: '{spelling}={value} asks for more partitions than the {tier} tier allows per event hub ({max}); reduce it or choose a higher tier.',
  },
  check({ facts, tier, report }) {
    const max = MAX_PARTITIONS[tier];
    for (const { config, entry } of effectiveEntries(facts.configs, [PSEUDO_KEYS.partitions, ...CONNECT_INTERNAL], { scopes: ALL_SCOPES })) {
      if (entry.key !== PSEUDO_KEYS.partitions && config.library !== 'connect') continue;
      const n = intValue(entry);
      if (n !== undefined && n > max) report('partitions', entry.location, { spelling: entry.spelling, value: shown(entry), tier: TIER_LABEL[tier], max });
    }
  },
});
