import { ALL_SCOPES, callsOf, effectiveEntries } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { TIER_LABEL } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH403',
  name: 'repartitioning',
  area: 'partitioning',
  level: { basic: 'error', standard: 'error', premium: 'note', dedicated: 'note' },
  precision: 'high',
  summary: 'The application adds partitions to existing topics, which Event Hubs allows only on Premium and Dedicated.',
  why: 'The partition count of an event hub can be increased after creation only on Premium and Dedicated; on Basic and Standard it is fixed. Where it is allowed, adding partitions changes which partition each key maps to, so ordering for keyed data changes.',
  fix: 'Create each event hub with enough partitions up front (Standard cannot change it later), or use Premium or Dedicated and accept the key re-mapping.',
  reference: REF.quotas,
  messages: {
    autoAdd: '{spelling}=true lets the binder add partitions to existing topics; {status}',
    call: '{call} adds partitions to existing topics; {status}',
  },
  check({ facts, tier, report }) {
    const status =
      tier === 'premium' || tier === 'dedicated'
        ? `${TIER_LABEL[tier]} allows it, but keyed records then map to different partitions.`
        : `the ${TIER_LABEL[tier]} tier cannot add partitions after creation, so create event hubs with enough partitions.`;
    // NewPartitions.increaseTo(n) is a fact only where no createPartitions call of the same method takes it.
    for (const c of callsOf(facts, ['admin.createPartitions', 'partitions.increaseTo'])) report('call', c.location, { call: c.spelling, status });
    for (const { entry } of effectiveEntries(facts.configs, 'auto-add-partitions', { scopes: ALL_SCOPES })) {
      if (entry.value?.trim().toLowerCase() === 'true') report('autoAdd', entry.location, { spelling: entry.spelling, status });
    }
  },
});
