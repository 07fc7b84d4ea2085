import { effectiveEntries, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule, type Tier } from '../../src/rule.js';

const LIMIT: Record<Tier, string> = {
  basic: 'log compaction is not available on the Basic tier',
  standard: 'compacted event hubs hold at most 1 GB per partition on Standard',
  premium: 'compacted event hubs hold up to 250 GB per partition on Premium',
  dedicated: 'compacted event hubs hold up to 250 GB per partition on Dedicated',
};

export default defineRule({
  id: 'EH406',
  name: 'compacted-topic',
  area: 'partitioning',
  level: { basic: 'error', standard: 'warning', premium: 'note', dedicated: 'note' },
  precision: 'high',
  summary: 'A topic is created with log compaction, which Event Hubs limits by tier.',
  why: 'Log compaction is not available on Basic; a compacted event hub holds at most 1 GB per partition on Standard and 250 GB on Premium and Dedicated. Compaction runs non-deterministically, so duplicates can stay visible for a while.',
  fix: 'Use Standard or higher for compacted topics, size partitions under the tier cap, and create compacted event hubs in Azure (cleanupPolicy Compact).',
  reference: REF.compaction,
  messages: {
    compact: '{setting}: {limit}; create the compacted event hub in Azure (cleanupPolicy Compact) and size it under the cap.',
  },
  check({ facts, tier, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'cleanup.policy', { scopes: ['topic'] })) {
      if (entry.value?.toLowerCase().includes('compact')) report('compact', entry.location, {
          spelling: entry.spelling,
          value: shown(entry),
          // TopicBuilder's compact() says it all; `compact()=compact` would not read well.
          setting: entry.spelling.endsWith('()') ? entry.spelling : `${entry.spelling}=${shown(entry)}`,
          limit: LIMIT[tier],
        });
    }
  },
});
