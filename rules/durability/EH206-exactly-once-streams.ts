import { callsOf, effectiveEntries, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { TIER_LABEL, TRANSACTIONS } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

/** StreamsConfig values (S1): exactly_once (≤ 3.x), exactly_once_beta (2.6–3.x), exactly_once_v2 (3.0+). */
const EXACTLY_ONCE = new Set(['exactly_once', 'exactly_once_beta', 'exactly_once_v2']);

export default defineRule({
  id: 'EH206',
  name: 'exactly-once-streams',
  area: 'durability',
  level: { basic: 'error', standard: 'error', premium: 'warning', dedicated: 'warning' },
  precision: 'high',
  summary: 'Kafka Streams runs with exactly-once processing, which needs Kafka transactions.',
  why: 'processing.guarantee=exactly_once* runs on Kafka transactions; transactions and Kafka Streams are public previews on Premium and Dedicated only.',
  fix: 'Use processing.guarantee=at_least_once on Standard; on Premium or Dedicated exactly-once is a preview.',
  reference: REF.streams,
  messages: {
    eos: '{spelling}={value} runs on Kafka transactions, which {status}; use at_least_once{advice}.',
    flink: '{call} makes the Flink Kafka sink write in Kafka transactions, which {status}; use DeliveryGuarantee.AT_LEAST_ONCE{advice}.',
  },
  check({ facts, tier, report }) {
    const preview = TRANSACTIONS[tier] === 'preview';
    for (const c of callsOf(facts, ['flink.exactlyOnce'])) {
      report('flink', c.location, {
        call: c.spelling,
        status: preview ? 'Event Hubs offers only as a public preview' : `Event Hubs does not support on the ${TIER_LABEL[tier]} tier`,
        advice: preview ? ' or accept the preview' : ' or move to Premium/Dedicated (preview)',
      });
    }
    for (const { entry } of effectiveEntries(facts.configs, 'processing.guarantee')) {
      if (!EXACTLY_ONCE.has(entry.value?.trim().toLowerCase() ?? '')) continue;
      report('eos', entry.location, {
        spelling: entry.spelling,
        value: shown(entry),
        status: preview ? 'Event Hubs offers only as a public preview' : `Event Hubs does not support on the ${TIER_LABEL[tier]} tier`,
        advice: preview ? ' or accept the preview' : ' or move to Premium/Dedicated (preview)',
      });
    }
  },
});
