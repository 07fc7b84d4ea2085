import type { BrokerConfig, ClientConfig, ConfigEntry, Literal, Location, Scope } from '../facts.js';
import type { BuildFile } from './build-types.js';

/** A key/value pair as a format reader saw it, before any Kafka meaning is given to it. */
export interface RawEntry {
  /** Flattened key (`spring.kafka.producer.acks`); YAML nesting joined with dots. */
  key: string;
  /** Scalar value as text; YAML null is ''. Sequences of scalars are joined with ','. */
  value: string;
  /** Value text as written in the file. */
  raw: string;
  /** From the key's first character to the value's last, cut at the key's line. */
  location: Location;
  /** Offsets of the whole entry in the file, continuation lines and block values included. */
  span: [number, number];
}

/** One document of a file: a YAML `---` section or a properties `#---` section (Spring Boot 2.4+). */
export interface RawDocument {
  index: number;
  entries: RawEntry[];
}

export type NotificationLevel = 'error' | 'warning' | 'note';

export type NotificationKind =
  | 'unparsable'
  | 'binary'
  | 'too-large'
  | 'unreadable'
  | 'not-found'
  | 'not-regular'
  | 'broken-symlink'
  | 'symlink-loop'
  | 'encoding'
  | 'unsupported-format'
  | 'rule-error'
  | 'bad-suppression'
  | 'unused-suppression'
  | 'expired-suppression'
  | 'nothing-matched';

/** Something the user should know about the scan itself: a file skipped or only partly understood. */
export interface Notification {
  level: NotificationLevel;
  kind: NotificationKind;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** A Spring document after key mapping; units are assembled across the files of one folder. */
export interface SpringDocument {
  file: string;
  /** Directory plus base group (`application`) that the document's app is made of. */
  group: string;
  /** Profiles this document is active for; empty = the default (always active) document. */
  profiles: string[];
  /** Spring Boot `spring.kafka.*` entries. */
  boot: ConfigEntry[];
  /** Spring Cloud Stream Kafka binder entries. */
  binder: ConfigEntry[];
  /** Spring Cloud Stream Kafka Streams binder entries: a binder of its own, with its own JAAS settings. */
  streamsBinder: ConfigEntry[];
  /** `spring.config.import` brings in configuration this scan does not see. */
  imports: boolean;
  /** `spring.ssl.bundle.<type>.<name>.<keystore|truststore>` definitions: name -> which stores. */
  bundles: Record<string, { keystore: boolean; truststore: boolean }>;
  /** `spring.kafka[.<section>].ssl.bundle` references, expanded once the unit's bundles are known. */
  bundleRefs: Array<{ name: string; scope: Scope; spelling: string; raw: string; location: Location }>;
}

/** What one file contributed. */
export interface FileFacts {
  configs: ClientConfig[];
  brokers: BrokerConfig[];
  literals: Literal[];
  spring: SpringDocument[];
  /** A build file's raw contents; versions are resolved across files later. */
  build: BuildFile[];
  notifications: Notification[];
}

export function emptyFileFacts(): FileFacts {
  return { configs: [], brokers: [], literals: [], spring: [], build: [], notifications: [] };
}
