// Facts: what the extractors saw, as plain JSON-able data. Rules read only these.

/** 1-based line and column, end column exclusive, columns in UTF-16 code units (SARIF `utf16CodeUnits`). */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Which client family reads the configuration; decides defaults and which keys exist. */
export type Library =
  | 'java'
  | 'librdkafka'
  | 'spring'
  | 'spring-cloud-stream'
  | 'streams'
  | 'connect'
  | 'connect-connector'
  | 'mirrormaker'
  | 'jaas';

export type Role = 'producer' | 'consumer' | 'admin' | 'streams';

/**
 * Which client inside a unit an entry applies to. `common` applies to every client of the unit;
 * `worker` is a Connect worker's own clients; `topic` holds topic configs the client writes
 * (Streams `topic.`, binder `topic.properties.`); `framework` holds settings of Spring, Connect or
 * MirrorMaker themselves, under pseudo keys such as `listener.ack-mode`.
 */
export type Scope = 'common' | 'producer' | 'consumer' | 'admin' | 'streams' | 'worker' | 'topic' | 'framework';

export interface ConfigEntry {
  /** Canonical Kafka key (`acks`, `security.protocol`) or a framework pseudo key. */
  key: string;
  /** The key as written, with its prefix (`spring.kafka.producer.acks`). */
  spelling: string;
  /** The value text as written. May hold secrets: never print it unmasked. */
  raw: string;
  /** Resolved value in Kafka's own form; `undefined` when it cannot be known statically. */
  value: string | undefined;
  /** When `value` is unknown because of embedded placeholders: the text with them left in (for JAAS lines). */
  template?: string;
  /** How messages show the value when it was converted (`5s (5000 ms)`). */
  display?: string;
  /** The value is the literal fallback of a placeholder (`${X:lit}`). */
  fromDefault?: boolean;
  scope: Scope;
  location: Location;
}

export interface MirrorFlow {
  source: string;
  target: string;
  /** `undefined` when the `A->B.enabled` value is unknown. */
  enabled: boolean | undefined;
  location: Location;
}

export interface MirrorInfo {
  aliases: string[];
  /** Aliases whose bootstrap servers are Event Hubs namespaces. */
  ehAliases: string[];
  flows: MirrorFlow[];
}

/** A config unit: one set of settings that one or more Kafka clients run with. */
export interface ClientConfig {
  /** Stable within a scan: file plus unit label. */
  id: string;
  library: Library;
  roles: Role[];
  /** Where the unit is: construction, file or Spring document; absence findings go to its bootstrap entry first. */
  anchor: Location;
  /** Every entry is visible, so a missing key really is missing (ARCHITECTURE "Absence"). */
  closed: boolean;
  /** In precedence order: a later entry for the same key and scope overrides an earlier one. */
  entries: ConfigEntry[];
  /** Human label of the unit (`profile prod`), for messages. */
  label?: string;
  mirror?: MirrorInfo;
}

/** A Kafka broker or controller configuration file (server.properties and friends). */
export interface BrokerConfig {
  file: string;
  anchor: Location;
  entries: ConfigEntry[];
}

export interface Literal {
  kind: 'connection-string';
  /** The literal as written. A secret: mask before printing. */
  value: string;
  location: Location;
}

export interface Dependency {
  ecosystem: 'maven' | 'gradle' | 'npm';
  name: string;
  declared: string | undefined;
  resolved: string | undefined;
  location: Location;
}

export interface ApiCall {
  api: string;
  library: string;
  location: Location;
}

export interface Facts {
  configs: ClientConfig[];
  brokers: BrokerConfig[];
  literals: Literal[];
  dependencies: Dependency[];
  apiCalls: ApiCall[];
}

export function emptyFacts(): Facts {
  return { configs: [], brokers: [], literals: [], dependencies: [], apiCalls: [] };
}

const CLIENT_SCOPES: readonly Scope[] = ['common', 'producer', 'consumer', 'admin', 'streams', 'worker', 'topic'];
export const ALL_SCOPES: readonly Scope[] = [...CLIENT_SCOPES, 'framework'];

/** Scopes whose settings reach a client of the given role. */
export function scopesFor(role: Role): Scope[] {
  return ['common', role === 'streams' ? 'streams' : role];
}

interface EntryQuery {
  /** Restrict to these scopes; default: every client scope (not `framework`). */
  scopes?: readonly Scope[];
}

/** All entries for a key (or any of several keys), in precedence order. */
export function entriesOf(config: ClientConfig, key: string | readonly string[], query: EntryQuery = {}): ConfigEntry[] {
  const keys = typeof key === 'string' ? [key] : key;
  const scopes = query.scopes ?? CLIENT_SCOPES;
  return config.entries.filter((e) => keys.includes(e.key) && scopes.includes(e.scope));
}

export function hasKey(config: ClientConfig, key: string | readonly string[], query: EntryQuery = {}): boolean {
  return entriesOf(config, key, query).length > 0;
}

/** The entry that wins for a key: the last one written. */
export function effective(config: ClientConfig, key: string | readonly string[], query: EntryQuery = {}): ConfigEntry | undefined {
  return entriesOf(config, key, query).at(-1);
}

/**
 * The unit's bootstrap entry: the last one written at unit level (a Spring profile's own overrides the default
 * document's), else a per-client one (`consumer.bootstrap.servers` in a Connect worker).
 */
export function bootstrapOf(config: ClientConfig): ConfigEntry | undefined {
  const all = config.entries.filter((e) => e.key === 'bootstrap.servers' && e.scope !== 'framework');
  return all.filter((e) => e.scope === 'common' || e.scope === 'worker').at(-1) ?? all.at(-1);
}

/**
 * Where a finding about a missing setting goes: the effective bootstrap line, else the unit's anchor.
 * Extractors that place units themselves anchor them already: a Spring profile unit in its own document
 * (its bootstrap, else its first client key, §2.3), a MirrorMaker 2 file at its first judged alias (§2.2).
 */
export function absenceAnchor(config: ClientConfig): Location {
  if (config.library === 'mirrormaker' || config.library === 'spring') return config.anchor;
  return bootstrapOf(config)?.location ?? config.anchor;
}

export function hasRole(config: ClientConfig, role: Role): boolean {
  return config.roles.includes(role);
}

/** An entry's identity across units: Spring profile units share their default documents' entries. */
function entryId(entry: ConfigEntry): string {
  return `${entry.location.file}:${entry.location.line}:${entry.location.column}:${entry.key}`;
}

/** Unique entries across configs: Spring profile units share their default documents' entries. */
export function uniqueEntries(configs: readonly ClientConfig[]): Indexed[] {
  return allEntries(configs, undefined, { scopes: ALL_SCOPES });
}
/** Parses an integer-valued entry; `undefined` for unknown or non-numeric values. */
export function intValue(entry: ConfigEntry | undefined): number | undefined {
  const v = entry?.value?.trim();
  if (v === undefined || !/^[-+]?\d+$/.test(v)) return undefined;
  return Number(v);
}

export function boolValue(entry: ConfigEntry | undefined): boolean | undefined {
  const v = entry?.value?.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** The value as a message may show it: resolved value, else the text as written. Never use for secrets. */
export function shown(entry: ConfigEntry): string {
  return entry.display ?? entry.value ?? entry.raw;
}

interface Indexed {
  config: ClientConfig;
  entry: ConfigEntry;
}

/** Per config list, every entry once, by key: rules query it dozens of times per scan. */
const INDEX = new WeakMap<readonly ClientConfig[], { all: Indexed[]; byKey: Map<string, Indexed[]> }>();

function indexOf(configs: readonly ClientConfig[]): { all: Indexed[]; byKey: Map<string, Indexed[]> } {
  let index = INDEX.get(configs);
  if (index) return index;
  index = { all: [], byKey: new Map() };
  const seen = new Set<string>();
  for (const config of configs) {
    for (const entry of config.entries) {
      const id = entryId(entry);
      if (seen.has(id)) continue;
      seen.add(id);
      const item = { config, entry };
      index.all.push(item);
      const list = index.byKey.get(entry.key);
      if (list) list.push(item);
      else index.byKey.set(entry.key, [item]);
    }
  }
  INDEX.set(configs, index);
  return index;
}

/** Entries of every config for the given keys (all keys when `undefined`), each entry once. */
export function allEntries(configs: readonly ClientConfig[], key: string | readonly string[] | undefined, query: { scopes?: readonly Scope[] } = {}): Indexed[] {
  const index = indexOf(configs);
  const pool = key === undefined ? index.all : (typeof key === 'string' ? [key] : key).flatMap((k) => index.byKey.get(k) ?? []);
  const scopes = query.scopes ?? CLIENT_SCOPES;
  return pool.filter((i) => scopes.includes(i.entry.scope));
}
