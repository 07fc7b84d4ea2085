import { callsOf } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH604',
  name: 'quota-api',
  area: 'ecosystem',
  level: { basic: null, standard: 'warning', premium: 'warning', dedicated: 'warning' },
  precision: 'medium',
  summary: 'The application manages Kafka client quotas, which Event Hubs replaces with throughput, processing or capacity units.',
  why: 'Event Hubs capacity is governed by throughput units (Standard), processing units (Premium) or capacity units (Dedicated), and over-quota Kafka traffic is delayed through throttle_time_ms. Kafka client-quota management is not documented for Event Hubs.',
  fix: 'Size throughput, processing or capacity units (with auto-inflate on Standard) instead of setting per-client Kafka quotas.',
  reference: REF.quotas,
  messages: {
    call: '{call} manages Kafka client quotas; Event Hubs throttles by throughput, processing or capacity units instead, so size those (auto-inflate on Standard).',
  },
  check({ facts, report }) {
    for (const c of callsOf(facts, ['admin.alterClientQuotas', 'admin.describeClientQuotas'])) report('call', c.location, { call: c.spelling });
  },
});
