import { effectiveEntries } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH404',
  name: 'auto-topic-creation',
  area: 'partitioning',
  level: { basic: 'warning', standard: 'warning', premium: 'note', dedicated: 'note' },
  precision: 'high',
  summary: 'The client explicitly lets topics be created on first use.',
  why: 'Event Hubs honours the auto-create flag, but auto-created event hubs count against the namespace quota (10 event hubs on Basic and Standard) and take service defaults for partition count and retention, which usually differ from what the application needs.',
  fix: 'Create every event hub up front with ARM, Bicep, Terraform or the CLI, with the partition count and retention it needs, and set allow.auto.create.topics=false.',
  reference: REF.quotas,
  messages: {
    explicit: '{spelling}=true lets clients create topics on first use; on Event Hubs they count against the namespace quota and get default partitions and retention, so create event hubs up front.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'allow.auto.create.topics')) {
      if (entry.value?.trim().toLowerCase() === 'true') report('explicit', entry.location, { spelling: entry.spelling });
    }
  },
});
