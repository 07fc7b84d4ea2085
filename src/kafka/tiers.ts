import type { Tier } from '../rule.js';

// Event Hubs tier limits (catalog §7: D8 tier-limits include 11/27/2023, D2 02/05/2026, D16 01/27/2026).

export const TIER_LABEL: Record<Tier, string> = {
  basic: 'Basic',
  standard: 'Standard',
  premium: 'Premium',
  dedicated: 'Dedicated',
};

/** Maximum event retention in ms: 1 day Basic, 7 days Standard, 90 days Premium and Dedicated (D8, D16). */
export const MAX_RETENTION_MS: Record<Tier, number> = {
  basic: 86_400_000,
  standard: 604_800_000,
  premium: 7_776_000_000,
  dedicated: 7_776_000_000,
};

/** Partitions per event hub (D8). */
export const MAX_PARTITIONS: Record<Tier, number> = {
  basic: 32,
  standard: 32,
  premium: 100,
  dedicated: 1024,
};

/**
 * Largest Kafka request the client may send: requests above 1,046,528 bytes close the connection (D1);
 * Basic publications are capped at 256 KB (D8).
 */
export const MAX_REQUEST_BYTES: Record<Tier, number> = {
  basic: 262_144,
  standard: 1_046_528,
  premium: 1_046_528,
  dedicated: 1_046_528,
};

/** Maximum publication (event or batch) size; Dedicated allows up to 20 MB only with large-message support (D8, D14). */
export const MAX_MESSAGE_BYTES: Record<Tier, number> = {
  basic: 262_144,
  standard: 1_048_576,
  premium: 1_048_576,
  dedicated: 1_048_576,
};

/** Kafka compression codecs the tier accepts: gzip on Premium and Dedicated only (D2 02/2026, I5). */
export const COMPRESSION_CODECS: Record<Tier, readonly string[]> = {
  basic: [],
  standard: [],
  premium: ['gzip'],
  dedicated: ['gzip'],
};

export type FeatureStatus = 'unsupported' | 'preview' | 'supported';

/** Transactions (D6) and Kafka Streams (D7): public preview on Premium and Dedicated. */
export const TRANSACTIONS: Record<Tier, FeatureStatus> = {
  basic: 'unsupported',
  standard: 'unsupported',
  premium: 'preview',
  dedicated: 'preview',
};

/** Azure closes TCP connections idle for more than 240 s (D1). */
export const IDLE_CONNECTION_MS = 240_000;
/** Event Hubs enforces a 20 s minimum request timeout; 60000 is recommended (D1, D5). */
export const REQUEST_TIMEOUT_FLOOR_MS = 20_000;
export const RECOMMENDED_REQUEST_TIMEOUT_MS = 60_000;
/** Permitted `session.timeout.ms` range (D1). */
export const SESSION_TIMEOUT_MIN_MS = 6_000;
export const SESSION_TIMEOUT_MAX_MS = 300_000;
/** Event Hubs aborts transactions not finished within 15 minutes (D6). */
export const MAX_TRANSACTION_TIMEOUT_MS = 900_000;
/** `group.id` length (D4, R1). */
export const MAX_GROUP_ID_LENGTH = 256;

/** Offset commit metadata Event Hubs stores per commit (D4, R1). */
export const MAX_OFFSET_METADATA_BYTES = 1024;
