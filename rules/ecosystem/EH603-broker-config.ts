import { intValue, type ConfigEntry } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { MAX_MESSAGE_BYTES, MAX_PARTITIONS, MAX_RETENTION_MS, TIER_LABEL } from '../../src/kafka/tiers.js';
import { defineRule, type Tier } from '../../src/rule.js';

const RETENTION_UNIT_MS: Record<string, number> = { 'log.retention.ms': 1, 'log.retention.minutes': 60_000, 'log.retention.hours': 3_600_000 };

/** What a broker file asks for that an Event Hubs namespace must provide instead (catalog EH603). */
function requirements(entries: readonly ConfigEntry[], tier: Tier): string[] {
  const out: string[] = [];
  const get = (key: string) => entries.filter((e) => e.key === key).at(-1);
  const partitions = intValue(get('num.partitions'));
  if (partitions !== undefined && partitions > MAX_PARTITIONS[tier]) out.push(`num.partitions=${partitions} (${TIER_LABEL[tier]} allows ${MAX_PARTITIONS[tier]} per event hub)`);
  for (const [key, unit] of Object.entries(RETENTION_UNIT_MS)) {
    const n = intValue(get(key));
    if (n !== undefined && (n < 0 || n * unit > MAX_RETENTION_MS[tier])) out.push(`${key}=${n} (${TIER_LABEL[tier]} keeps at most ${MAX_RETENTION_MS[tier] / 86_400_000} days)`);
  }
  const compression = get('compression.type')?.value?.trim().toLowerCase();
  if (compression && !['producer', 'gzip', 'none', 'uncompressed'].includes(compression)) out.push(`compression.type=${compression} (only gzip, on Premium and Dedicated)`);
  const maxBytes = intValue(get('message.max.bytes'));
  if (maxBytes !== undefined && maxBytes > MAX_MESSAGE_BYTES[tier]) out.push(`message.max.bytes=${maxBytes} (the publication limit is ${MAX_MESSAGE_BYTES[tier]} bytes)`);
  if (get('auto.create.topics.enable')?.value?.trim().toLowerCase() === 'true') out.push('auto.create.topics.enable=true (create event hubs up front)');
  if (get('authorizer.class.name') || get('super.users')) out.push('ACLs (use SAS policies or Azure RBAC)');
  const mechanisms = get('sasl.enabled.mechanisms')?.value ?? '';
  if (/SCRAM|GSSAPI/i.test(mechanisms)) out.push(`sasl.enabled.mechanisms=${mechanisms} (clients use PLAIN or OAUTHBEARER)`);
  if (entries.some((e) => e.key.startsWith('ssl.key') || e.key.startsWith('ssl.trust'))) out.push('broker TLS certificates (Event Hubs provides TLS)');
  if (get('zookeeper.connect')) out.push('zookeeper.connect (there is no ZooKeeper)');
  return out;
}

export default defineRule({
  id: 'EH603',
  name: 'broker-config',
  area: 'ecosystem',
  level: 'note',
  precision: 'high',
  summary: 'A Kafka broker configuration is in the repository; Event Hubs brokers are not configurable.',
  why: 'Event Hubs is fully managed: there are no brokers to configure. What a broker file sets (partitions, retention, compression, ACLs, listeners) has to be expressed as namespace and event hub settings instead.',
  fix: 'Translate the requirements into namespace and event hub settings (partitions, retention, tier); the broker file itself is not used on Event Hubs.',
  reference: REF.overview,
  messages: {
    broker: 'Kafka broker configuration: Event Hubs brokers are fully managed, so this file does not apply{requirements}.',
  },
  check({ facts, tier, report }) {
    for (const broker of facts.brokers) {
      const needs = requirements(broker.entries, tier);
      report('broker', broker.anchor, { requirements: needs.length > 0 ? `; carry over as event hub settings: ${needs.join('; ')}` : '' }, { evidence: 'broker' });
    }
  },
});
