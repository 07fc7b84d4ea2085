import { effectiveEntries, intValue } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { MAX_RETENTION_MS, TIER_LABEL } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

const DAY_MS = 86_400_000;

/** `7 days`, `1 day`, `more than 7 days` (for 604800001 ms). */
function days(ms: number): string {
  const whole = Math.floor(ms / DAY_MS);
  const text = `${whole} day${whole === 1 ? '' : 's'}`;
  return ms % DAY_MS === 0 ? text : `more than ${text}`;
}

export default defineRule({
  id: 'EH204',
  name: 'retention-beyond-tier',
  area: 'durability',
  level: 'error',
  precision: 'high',
  summary: 'A topic retention exceeds what the Event Hubs tier keeps.',
  why: 'Event Hubs keeps events at most 1 day on Basic, 7 days on Standard and 90 days on Premium and Dedicated; older data disappears. Infinite retention exists only in the Kafka Streams preview on Premium and Dedicated, truncated at 250 GB per partition. Retention is set on the event hub in Azure, not through Kafka topic configs.',
  fix: 'Set the event hub retention in ARM, Bicep, Terraform, the CLI or the portal within the tier maximum, move to Premium or Dedicated, or archive with Capture.',
  reference: REF.quotas,
  messages: {
    tooLong: '{spelling}={value} ({duration}) exceeds the {tier} tier\'s maximum retention of {max}; set the event hub retention in Azure within the limit, or use a higher tier.',
    infinite: '{spelling}=-1 (infinite retention) {status}; set a finite retention on the event hub in Azure.',
  },
  check({ facts, tier, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'retention.ms', { scopes: ['topic'] })) {
      const ms = intValue(entry);
      if (ms === undefined) continue;
      if (ms === -1) {
        const preview = tier === 'premium' || tier === 'dedicated';
        report(
          'infinite',
          entry.location,
          { spelling: entry.spelling, status: preview ? 'exists only in the Kafka Streams preview on Premium and Dedicated, truncated at 250 GB per partition' : `is not available on the ${TIER_LABEL[tier]} tier` },
          { level: preview ? 'warning' : 'error' },
        );
      } else if (ms > MAX_RETENTION_MS[tier]) {
        report('tooLong', entry.location, { spelling: entry.spelling, value: String(ms), duration: days(ms), tier: TIER_LABEL[tier], max: days(MAX_RETENTION_MS[tier]) });
      }
    }
  },
});
