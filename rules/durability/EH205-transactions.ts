import { ALL_SCOPES, callsOf, effectiveEntries, intValue, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { MAX_TRANSACTION_TIMEOUT_MS, TIER_LABEL, TRANSACTIONS } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

const TRANSACTION_APIS = [
  'producer.initTransactions',
  'producer.beginTransaction',
  'producer.sendOffsetsToTransaction',
  'producer.commitTransaction',
  'producer.abortTransaction',
  'template.executeInTransaction',
  'template.sendOffsetsToTransaction',
  'producerFactory.setTransactionIdPrefix',
  'spring.kafkaTransactionManager',
  // kafkajs and the KafkaJS-compatible API: the transaction and every call on it (catalog EH205).
  'producer.transaction',
  'transaction.send',
  'transaction.sendBatch',
  'transaction.sendOffsets',
  'transaction.commit',
  'transaction.abort',
];

export default defineRule({
  id: 'EH205',
  name: 'transactions',
  area: 'durability',
  level: { basic: 'error', standard: 'error', premium: 'warning', dedicated: 'warning' },
  precision: 'high',
  summary: 'The application uses Kafka transactions, which Event Hubs offers only as a preview on Premium and Dedicated.',
  why: 'Kafka transactions are a public preview on the Premium and Dedicated tiers and fail on Basic and Standard. Event Hubs aborts any transaction not finished within 15 minutes (max.transaction.timeout.ms=900000).',
  fix: 'On Standard, drop transactions for at-least-once delivery with idempotent consumers; on Premium or Dedicated accept the preview status and keep transaction.timeout.ms at or below 900000.',
  reference: REF.transactions,
  messages: {
    setting: '{spelling} {what} Kafka transactions, which {status}; {advice}',
    call: '{call} uses Kafka transactions, which {status}; {advice}',
    timeout: '{spelling}={value} is above Event Hubs\' 15-minute transaction limit (900000 ms), so longer transactions are aborted; set transaction.timeout.ms to 900000 or less.',
  },
  check({ facts, tier, report }) {
    const preview = TRANSACTIONS[tier] === 'preview';
    const status = preview ? 'Event Hubs supports only as a public preview' : `Event Hubs does not support on the ${TIER_LABEL[tier]} tier`;
    const advice = preview ? 'expect preview behaviour and the 15-minute transaction limit.' : 'use at-least-once delivery with idempotent consumers, or Premium/Dedicated (preview).';
    for (const { entry } of effectiveEntries(facts.configs, ['transactional.id', 'transaction.timeout.ms'])) {
      // Kafka rejects an empty transactional.id (NonEmptyString), so it never means transactions.
      if (entry.value?.trim() === '') continue;
      const ms = entry.key === 'transaction.timeout.ms' ? intValue(entry) : undefined;
      if (preview && ms !== undefined && ms > MAX_TRANSACTION_TIMEOUT_MS) report('timeout', entry.location, { spelling: entry.spelling, value: shown(entry) }, { level: 'error' });
      else report('setting', entry.location, { spelling: entry.spelling, what: entry.key === 'transactional.id' ? 'turns on' : 'configures', status, advice });
    }
    // One finding per transactional call or construction (catalog EH205), on a receiver known to be Kafka's.
    for (const c of callsOf(facts, TRANSACTION_APIS)) report('call', c.location, { call: c.spelling, status, advice });
    // Connect 3.3+ exactly-once source support runs the source tasks' producers transactionally.
    for (const { entry } of effectiveEntries(facts.configs, 'exactly.once.source.support', { scopes: ALL_SCOPES })) {
      if (entry.value?.trim().toLowerCase() === 'enabled') report('setting', entry.location, { spelling: `${entry.spelling}=enabled`, what: 'turns on', status, advice });
    }
  },
});
