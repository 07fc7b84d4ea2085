// Microsoft Learn pages the catalog's facts come from (catalog §0, tags D1–D17).
const LEARN = 'https://learn.microsoft.com/azure/event-hubs/';

export const REF = {
  /** D1: client configuration constraints and recommended values. */
  configurations: `${LEARN}apache-kafka-configurations`,
  /** D2: Kafka on Event Hubs overview: tiers, authentication, compression, transactions, Streams. */
  overview: `${LEARN}azure-event-hubs-apache-kafka-overview`,
  /** D4: troubleshooting guide (throttling, unsupported features, API versions). */
  troubleshooting: `${LEARN}apache-kafka-troubleshooting-guide`,
  /** D5: migration guide (connection settings, sovereign clouds). */
  migration: `${LEARN}apache-kafka-migration-guide`,
  /** D6: transactions (preview, Premium and Dedicated). */
  transactions: `${LEARN}apache-kafka-transactions`,
  /** D7: Kafka Streams (preview, Premium and Dedicated). */
  streams: `${LEARN}apache-kafka-streams`,
  /** D8: quotas and tier limits. */
  quotas: `${LEARN}event-hubs-quotas`,
  /** D10: log compaction. */
  compaction: `${LEARN}log-compaction`,
  /** D12: Kafka Connect tutorial (preview, not eligible for support). */
  connect: `${LEARN}event-hubs-kafka-connect-tutorial`,
  /** D13: Entra ID authorization. */
  entra: `${LEARN}authorize-access-azure-active-directory`,
  /** D15: Kafka FAQ (consumer groups). */
  faq: `${LEARN}apache-kafka-frequently-asked-questions`,
} as const;
