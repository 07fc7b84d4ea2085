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
  | 'ksqldb'
  | 'jaas'
  | 'kafkajs'
  | 'kafka-node';

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
  /**
   * Rank among entries of the same key and scope: higher wins whatever the order. Spring's `properties` maps
   * override its typed keys (KafkaProperties.build*Properties).
   */
  precedence?: number;
  /**
   * A client or topic the entry belongs to when a unit has several of one kind: a MirrorMaker 2 alias, a binder
   * binding, a connector's topic-creation group, a Streams main/restore/global consumer. Entries without one
   * apply to all of them; grouped entries never override each other across groups.
   */
  group?: string;
  /** How messages show the value when it was converted (`5s (5000 ms)`). */
  display?: string;
  /** The value is the literal fallback of a placeholder (`${X:lit}`). */
  fromDefault?: boolean;
  /**
   * Set when the client has no such key and the extractor derived the setting from options that decide it
   * (kafkajs `ssl` and `sasl` → security.protocol): how messages name what is written.
   */
  derived?: string;
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
  /** The npm package a Node client comes from (`node-rdkafka`): its version decides defaults. */
  package?: string;
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
  /** `group:artifact` for Maven and Gradle, the package name for npm. */
  name: string;
  /** The version as written in the declaration (`${kafka.version}`, `^2.3.3`); undefined when none is written. */
  declared: string | undefined;
  /** The concrete version when it can be known (properties, parents, BOMs, catalogs, lockfiles); never guessed. */
  resolved: string | undefined;
  /**
   * Where the version the user must change is written: the property, the parent or plugin version, the
   * dependency's own version, or the declaration when no version is written anywhere in the scan.
   */
  location: Location;
  /** The dependency declaration itself. */
  declaredAt: Location;
  /** The version written in the declaration itself (`<version>`, the version in `'g:a:v'`), when there is one. */
  versionAt?: Location;
  /**
   * For spring-kafka: the kafka-clients the application runs with and where that is decided — an explicit or
   * managed kafka-clients, Spring Boot's `kafka.version`, or what the spring-kafka release builds on.
   */
  kafkaClients?: { value: string; location: Location; via: string; explicit: boolean };
  /** How the version was found, for messages: `property kafka.version`, `Spring Boot 1.5.22`, `package-lock.json`. */
  via?: string;
  /** Maven scope, Gradle configuration or npm section: `test`, `testImplementation`, `devDependencies`. */
  scope?: string;
  /** The build file that declares it. */
  file: string;
}

/** A Kafka API call, construction, annotation or import that rules judge by itself (`admin.createAcls`, `streams.new`). */
export interface ApiCall {
  api: string;
  library: string;
  /** How messages name it: `initTransactions()`, `new KafkaStreams(…)`, `@EnableKafkaStreams`, `import kafka.javaapi.producer.Producer`. */
  spelling: string;
  location: Location;
  /** What rules need to know about its arguments (`{ bytes: '2048' }` for offset metadata). */
  values?: Record<string, string>;
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


/**
 * The entry in effect among candidates, seen by a client that reads `scopes` (most general first): a more
 * specific scope wins, then a grouped entry over a shared one (an alias, a binding, `main.consumer.`), then a
 * higher precedence, then the entry written last.
 */
function winner(candidates: readonly ConfigEntry[], scopes: readonly Scope[]): ConfigEntry | undefined {
  let best: ConfigEntry | undefined;
  let bestRank: number[] = [];
  for (const e of candidates) {
    const rank = [scopes.indexOf(e.scope), e.group === undefined ? 0 : 1, e.precedence ?? 0];
    if (rank[0]! < 0) continue;
    const cmp = rank.findIndex((r, i) => r !== (bestRank[i] ?? -1));
    if (!best || cmp < 0 || rank[cmp]! > (bestRank[cmp] ?? -1)) {
      best = e;
      bestRank = rank;
    }
  }
  return best;
}

/** The entry in effect for a key (or any of several) for a client reading `scopes`, the most general first. */
export function effective(config: ClientConfig, key: string | readonly string[], query: EntryQuery = {}): ConfigEntry | undefined {
  return winner(entriesOf(config, key, query), query.scopes ?? CLIENT_SCOPES);
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

/** Parses an integer-valued entry; `undefined` for unknown or non-numeric values. */
export function intValue(entry: ConfigEntry | undefined): number | undefined {
  const v = entry?.value?.trim();
  if (v === undefined || !/^[-+]?\d+$/.test(v)) return undefined;
  return Number(v);
}


/** The value as a message may show it: resolved value, else the text as written. Never use for secrets. */
export function shown(entry: ConfigEntry): string {
  return entry.display ?? entry.value ?? entry.raw;
}

interface Indexed {
  config: ClientConfig;
  entry: ConfigEntry;
}

/** What each client of a unit reads, the most general scope first. */
const VIEWS: ReadonlyArray<readonly Scope[]> = [
  ['common', 'producer'],
  ['common', 'consumer'],
  ['common', 'admin'],
  ['common', 'streams'],
  ['worker'],
  ['topic'],
  ['framework'],
];

/** Per config list, its entries by key: rules query it dozens of times per scan. */
const INDEX = new WeakMap<readonly ClientConfig[], Array<{ config: ClientConfig; byKey: Map<string, ConfigEntry[]> }>>();

function indexOf(configs: readonly ClientConfig[]) {
  let index = INDEX.get(configs);
  if (index) return index;
  index = configs.map((config) => {
    const byKey = new Map<string, ConfigEntry[]>();
    for (const e of config.entries) {
      const list = byKey.get(e.key);
      if (list) list.push(e);
      else byKey.set(e.key, [e]);
    }
    return { config, byKey };
  });
  INDEX.set(configs, index);
  return index;
}

/**
 * The entries in effect for the given keys (every key when `undefined`), each once: for every client of every
 * unit (and every MirrorMaker 2 alias), the entry that wins. An overridden setting is not a finding; one in
 * effect for any client is, once, on its own line (Spring profile units share their default documents).
 */
export function effectiveEntries(configs: readonly ClientConfig[], key: string | readonly string[] | undefined, query: EntryQuery = {}): Indexed[] {
  const allowed = new Set(query.scopes ?? CLIENT_SCOPES);
  const seen = new Set<string>();
  const out: Indexed[] = [];
  for (const { config, byKey } of indexOf(configs)) {
    const keys = key === undefined ? [...byKey.keys()] : typeof key === 'string' ? [key] : key;
    for (const k of keys) {
      const candidates = (byKey.get(k) ?? []).filter((e) => allowed.has(e.scope));
      if (candidates.length === 0) continue;
      // A key written once is in effect for whoever reads its scope: the common case, and the fast one.
      if (candidates.length === 1) {
        const e = candidates[0]!;
        const id = entryId(e);
        if (!seen.has(id)) {
          seen.add(id);
          out.push({ config, entry: e });
        }
        continue;
      }
      // Each group is its own client or topic; `undefined` stands for the clients that belong to no group.
      const groups = [undefined, ...new Set(candidates.map((e) => e.group).filter((g) => g !== undefined))];
      for (const group of groups) {
        const visible = candidates.filter((e) => e.group === undefined || e.group === group);
        for (const view of VIEWS) {
          const e = winner(visible, view);
          if (!e) continue;
          const id = entryId(e);
          if (seen.has(id)) continue;
          seen.add(id);
          out.push({ config, entry: e });
        }
      }
    }
  }
  return out;
}

/** The API calls of the given kinds, in source order. */
export function callsOf(facts: Facts, apis: readonly string[]): ApiCall[] {
  return facts.apiCalls.filter((c) => apis.includes(c.api));
}

/** Orders locations by file, line and column. */
export function compareLocations(a: Location, b: Location): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/**
 * The dependencies of the build files in a file's folder and above it: what an application configured by this file
 * is built with (Maven modules also inherit their parents' dependencies).
 */
export function dependenciesAbove(facts: Facts, file: string): Dependency[] {
  const dirs = new Set<string>();
  for (let d = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.'; ; d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '.') {
    dirs.add(d);
    if (d === '.' || !d.includes('/')) break;
  }
  dirs.add('.');
  return facts.dependencies.filter((dep) => dirs.has(dep.file.includes('/') ? dep.file.slice(0, dep.file.lastIndexOf('/')) : '.'));
}

/**
 * A Spring unit of an application that depends on Spring Cloud Azure's Event Hubs starters, which configure Kafka
 * authentication themselves: its missing security settings are not findings (catalog §2.3).
 */
export function configuredByAzureStarter(facts: Facts, config: ClientConfig): boolean {
  if (config.library !== 'spring' && config.library !== 'spring-cloud-stream') return false;
  return dependenciesAbove(facts, config.anchor.file).some((d) => d.name.startsWith('com.azure.spring:spring-cloud-azure-starter'));
}
