// Plain Kafka configuration files (client, Streams, Connect worker, connector, MirrorMaker 2, broker) as facts
// (catalog §2.2 contexts and scoping, §2.3 units, EH603 broker detection).
import type { BrokerConfig, ClientConfig, ConfigEntry, Library, Location, MirrorFlow, Role, Scope } from '../facts.js';
import { pointsAtEventHubs } from '../kafka/hosts.js';
import {
  BOOTSTRAP_KEYS,
  BROKER_DETECTION_KEYS,
  canonicalKey,
  CONNECT_CLIENT_PREFIXES,
  CONNECT_WORKER_PATTERNS,
  CONNECT_WORKER_SIGNALS,
  CONNECTOR_PREFIXES,
  CONSUMER_KEYS,
  JAVA_ONLY_KEYS,
  KAFKA_EVIDENT_KEYS,
  LIBRDKAFKA_ONLY_KEYS,
  MIRROR_FRAMEWORK_PATTERNS,
  OLD_SCALA_CLIENT_KEYS,
  PRODUCER_KEYS,
  PSEUDO_KEYS,
  SECURITY_PROTOCOLS,
  STREAMS_PREFIXES,
  ZOOKEEPER_CLIENT_KEYS,
} from '../kafka/keys.js';
import type { RawEntry } from './types.js';
import { resolvePlain } from './values.js';

export interface FileContext {
  file: string;
  /** Lower-case file name, for role hints (`producer.properties`). */
  basename: string;
  /** `.properties`, `.conf`, … : decides the library when no key does. */
  extension: string;
}

function entry(raw: RawEntry, key: string, scope: Scope): ConfigEntry {
  const resolved = resolvePlain(raw.value);
  const e: ConfigEntry = { key, spelling: raw.key, raw: raw.value, value: resolved.value, scope, location: raw.location };
  if (resolved.template !== undefined) e.template = resolved.template;
  return e;
}

function stripPrefix(key: string, prefixes: ReadonlyArray<readonly [string, Scope, string?]>): [string, Scope, string?] | undefined {
  for (const [prefix, scope, group] of prefixes) if (key.startsWith(prefix) && key.length > prefix.length) return [key.slice(prefix.length), scope, group];
  return undefined;
}

const isBootstrap = (key: string) => (BOOTSTRAP_KEYS as readonly string[]).includes(key);

function hasKafkaEvidence(entries: readonly RawEntry[]): boolean {
  return entries.some((e) => {
    if (!KAFKA_EVIDENT_KEYS.has(e.key)) return false;
    if (e.key === 'security.protocol') return (SECURITY_PROTOCOLS as readonly string[]).includes(e.value.trim().toUpperCase()) || e.value.includes('${');
    if (e.key.endsWith('serializer') || e.key.endsWith('deserializer')) return /kafka|confluent|serial/i.test(e.value);
    return true;
  });
}

function isOldScalaClient(entries: readonly RawEntry[]): boolean {
  return entries.some((e) => ZOOKEEPER_CLIENT_KEYS.has(e.key)) && entries.some((e) => OLD_SCALA_CLIENT_KEYS.has(e.key));
}

/**
 * Java-only keys win over librdkafka-only ones: Java configs often carry a librdkafka key copied from the Event
 * Hubs docs (socket.keepalive.enable), which the Java client ignores. A name like `librdkafka.config` is a hint.
 */
function clientLibrary(entries: readonly RawEntry[], ctx: FileContext): Library {
  if (entries.some((e) => JAVA_ONLY_KEYS.has(e.key))) return 'java';
  if (entries.some((e) => LIBRDKAFKA_ONLY_KEYS.has(e.key)) || /rdkafka/.test(ctx.basename)) return 'librdkafka';
  return ctx.extension === '.conf' || ctx.extension === '.cfg' ? 'librdkafka' : 'java';
}

function clientRoles(ctx: FileContext, entries: readonly ConfigEntry[]): Role[] {
  const roles = new Set<Role>();
  if (/^producer/.test(ctx.basename)) roles.add('producer');
  if (/^consumer/.test(ctx.basename)) roles.add('consumer');
  if (/^admin/.test(ctx.basename)) roles.add('admin');
  for (const e of entries) {
    if (PRODUCER_KEYS.has(e.key)) roles.add('producer');
    if (CONSUMER_KEYS.has(e.key)) roles.add('consumer');
  }
  return [...roles];
}

function firstLocation(entries: readonly RawEntry[], keys: Iterable<string>): Location | undefined {
  const set = new Set(keys);
  return entries.find((e) => set.has(e.key))?.location;
}

function unit(ctx: FileContext, library: Library, roles: Role[], entries: ConfigEntry[], closed: boolean, raw: readonly RawEntry[], label?: string): ClientConfig {
  const anchor = entries.find((e) => e.key === 'bootstrap.servers')?.location ?? raw[0]?.location ?? { file: ctx.file, line: 1, column: 1, endLine: 1, endColumn: 2 };
  const config: ClientConfig = { id: `${ctx.file}#${label ?? library}`, library, roles, anchor, closed, entries };
  if (label) config.label = label;
  return config;
}

function brokerConfig(ctx: FileContext, raw: readonly RawEntry[]): BrokerConfig {
  const anchor = firstLocation(raw, BROKER_DETECTION_KEYS) ?? raw[0]!.location;
  return { file: ctx.file, anchor, entries: raw.map((r) => entry(r, r.key, 'framework')) };
}

function connectWorker(ctx: FileContext, raw: readonly RawEntry[]): ClientConfig {
  const entries = raw.map((r) => {
    if (CONNECT_WORKER_PATTERNS.some((p) => p.test(r.key))) return entry(r, r.key, 'framework');
    const prefixed = stripPrefix(r.key, CONNECT_CLIENT_PREFIXES);
    if (prefixed) return entry(r, prefixed[0], prefixed[1]);
    return entry(r, r.key, 'worker');
  });
  const config = unit(ctx, 'connect', ['producer', 'consumer', 'admin'], entries, true, raw, 'connect worker');
  config.anchor = firstLocation(raw, CONNECT_WORKER_SIGNALS) ?? config.anchor;
  return config;
}

/**
 * A MirrorMaker 2 connector config (MirrorSourceConnector & co.): `source.cluster.*` and `target.cluster.*` are
 * the two clusters' client settings (catalog §2.2); only the side on Event Hubs is judged when one is.
 */
function mirrorConnector(ctx: FileContext, raw: readonly RawEntry[]): ClientConfig {
  const alias = (side: 'source' | 'target') => raw.find((r) => r.key === `${side}.cluster.alias`)?.value.trim() || side;
  const sides = ['source', 'target'] as const;
  const bootstrap = (side: string) => raw.find((r) => r.key === `${side}.cluster.bootstrap.servers`);
  const onEventHubs = sides.filter((s) => pointsAtEventHubs(bootstrap(s)?.value));
  const judged = new Set<string>(onEventHubs.length > 0 ? onEventHubs : sides);
  const entries: ConfigEntry[] = [];
  for (const r of raw) {
    const side = sides.find((s) => r.key.startsWith(`${s}.cluster.`) && r.key !== `${s}.cluster.alias`);
    if (!side) {
      // Connector-level client overrides (KIP-458) apply to the connector's own producer/consumer/admin.
      const override = stripPrefix(r.key, CONNECTOR_PREFIXES);
      entries.push(override ? entry(r, override[0], override[1]) : entry(r, r.key, 'framework'));
      continue;
    }
    if (!judged.has(side)) continue;
    const rest = r.key.slice(`${side}.cluster.`.length);
    const prefixed = stripPrefix(rest, CONNECT_CLIENT_PREFIXES);
    const e = prefixed ? entry(r, prefixed[0], prefixed[1]) : entry(r, rest, 'common');
    e.group = alias(side);
    entries.push(e);
  }
  const connectorClass = raw.find((r) => r.key === 'connector.class');
  const config = unit(ctx, 'mirrormaker', ['producer', 'consumer', 'admin'], entries, false, raw, 'mirrormaker connector');
  config.anchor = connectorClass?.location ?? config.anchor;
  const flows: MirrorFlow[] = /MirrorSourceConnector$/.test(connectorClass?.value.trim() ?? '')
    ? [{ source: alias('source'), target: alias('target'), enabled: true, location: config.anchor }]
    : [];
  config.mirror = { aliases: sides.map(alias), ehAliases: onEventHubs.map(alias), flows };
  return config;
}

function connector(ctx: FileContext, raw: readonly RawEntry[]): ClientConfig {
  const entries: ConfigEntry[] = [];
  for (const r of raw) {
    const prefixed = stripPrefix(r.key, CONNECTOR_PREFIXES);
    if (prefixed) entries.push(entry(r, prefixed[0], prefixed[1]));
    else {
      // Source-connector topic creation (KIP-158): `topic.creation.<group>.<topic config>`, plus the
      // partition count and replication factor of the topics it creates.
      const topic = /^topic\.creation\.([^.]+)\.(.+)$/.exec(r.key);
      const setting = topic?.[2] ?? '';
      if (topic && !/^(include|exclude)$/.test(setting)) {
        const e = entry(r, setting === 'partitions' ? PSEUDO_KEYS.partitions : setting, 'topic');
        // Each topic-creation group is its own set of topics; `default` is what the others fall back to.
        if (topic[1] !== 'default') e.group = `topic-group:${topic[1]}`;
        entries.push(e);
      } else entries.push(entry(r, r.key, 'framework'));
    }
  }
  const config = unit(ctx, 'connect-connector', [], entries, false, raw, 'connector');
  config.anchor = firstLocation(raw, ['connector.class']) ?? config.anchor;
  return config;
}

function streams(ctx: FileContext, raw: readonly RawEntry[]): ClientConfig {
  const entries = raw.map((r) => {
    const prefixed = stripPrefix(r.key, STREAMS_PREFIXES);
    const e = prefixed ? entry(r, prefixed[0], prefixed[1]) : entry(r, r.key, 'common');
    if (prefixed?.[2]) e.group = prefixed[2];
    return e;
  });
  return unit(ctx, 'streams', ['streams', 'producer', 'consumer', 'admin'], entries, true, raw, 'streams');
}

function mirrorMaker(ctx: FileContext, raw: readonly RawEntry[]): ClientConfig | undefined {
  const clusters = raw.find((r) => r.key === 'clusters');
  if (!clusters) return undefined;
  const aliases = clusters.value.split(/[,\s]+/).filter(Boolean);
  if (aliases.length === 0) return undefined;
  const bootstrapOf = (alias: string) => raw.find((r) => r.key === `${alias}.bootstrap.servers`);
  const ehAliases = aliases.filter((a) => pointsAtEventHubs(bootstrapOf(a)?.value));
  // §2.2: when an alias points at Event Hubs only it is judged; the others are source clusters.
  const judged = new Set(ehAliases.length > 0 ? ehAliases : aliases);
  const entries: ConfigEntry[] = [];
  const flows: MirrorFlow[] = [];
  for (const r of raw) {
    const flow = /^([^.]+)->([^.]+)\.enabled$/.exec(r.key);
    if (flow) {
      const v = r.value.trim().toLowerCase();
      flows.push({ source: flow[1] ?? '', target: flow[2] ?? '', enabled: v === 'true' ? true : v === 'false' ? false : undefined, location: r.location });
    }
    if (r.key.includes('->')) {
      const rest = r.key.slice(r.key.indexOf('.') + 1);
      entries.push(entry(r, rest, 'framework'));
      continue;
    }
    const alias = aliases.find((a) => r.key.startsWith(`${a}.`));
    if (alias) {
      if (!judged.has(alias)) continue;
      const rest = r.key.slice(alias.length + 1);
      const prefixed = stripPrefix(rest, CONNECT_CLIENT_PREFIXES);
      const e = prefixed ? entry(r, prefixed[0], prefixed[1]) : entry(r, rest, 'common');
      e.group = alias;
      entries.push(e);
      continue;
    }
    if (MIRROR_FRAMEWORK_PATTERNS.some((p) => p.test(r.key))) {
      entries.push(entry(r, r.key, 'framework'));
      continue;
    }
    const prefixed = stripPrefix(r.key, CONNECT_CLIENT_PREFIXES);
    entries.push(prefixed ? entry(r, prefixed[0], prefixed[1]) : entry(r, r.key, 'common'));
  }
  const config = unit(ctx, 'mirrormaker', ['producer', 'consumer', 'admin'], entries, true, raw, 'mirrormaker');
  config.anchor = raw.find((r) => [...judged].some((a) => r.key === `${a}.bootstrap.servers`))?.location ?? clusters.location;
  config.mirror = { aliases, ehAliases, flows };
  return config;
}

function plainClient(ctx: FileContext, raw: readonly RawEntry[]): ClientConfig {
  const library = clientLibrary(raw, ctx);
  const entries = raw.map((r) => entry(r, library === 'librdkafka' ? canonicalKey(r.key) : r.key, 'common'));
  // Configs of the pre-1.0 Scala clients are not units: EH303 covers them as a whole (catalog §2.3).
  return unit(ctx, library, clientRoles(ctx, entries), entries, !isOldScalaClient(raw), raw);
}

/** Gives a file's key/value pairs their Kafka meaning, or none when the file is not a Kafka configuration. */
export function kafkaFileFacts(ctx: FileContext, raw: readonly RawEntry[]): { configs: ClientConfig[]; brokers: BrokerConfig[] } {
  const none = { configs: [], brokers: [] };
  if (raw.length === 0) return none;
  const keys = new Set(raw.map((r) => r.key));
  if ([...BROKER_DETECTION_KEYS].some((k) => keys.has(k))) return { configs: [], brokers: [brokerConfig(ctx, raw)] };
  const bootstrap = raw.some((r) => isBootstrap(r.key));
  if (keys.has('clusters') && raw.some((r) => r.key.endsWith('.bootstrap.servers'))) {
    const mm2 = mirrorMaker(ctx, raw);
    return mm2 ? { configs: [mm2], brokers: [] } : none;
  }
  // ksqlDB server and ksql-migrations configs: the product itself cannot run on Event Hubs (EH602), so their
  // Kafka client settings are judged when written but missing ones are not (an open unit).
  if (raw.some((r) => r.key.startsWith('ksql.'))) {
    const entries = raw.map((r) => entry(r, r.key, r.key.startsWith('ksql.') ? 'framework' : 'common'));
    const ksql = unit(ctx, 'ksqldb', [], entries, false, raw, 'ksqldb');
    ksql.anchor = raw.find((r) => r.key.startsWith('ksql.'))!.location;
    return { configs: [ksql], brokers: [] };
  }
  if (keys.has('connector.class')) {
    const mirror = /^org\.apache\.kafka\.connect\.mirror\./.test(raw.find((r) => r.key === 'connector.class')?.value.trim() ?? '');
    return { configs: [mirror ? mirrorConnector(ctx, raw) : connector(ctx, raw)], brokers: [] };
  }
  // A worker file without bootstrap (filled in from the environment, as container images do) is a worker too, but open.
  const workerSignal = CONNECT_WORKER_SIGNALS.some((k) => keys.has(k)) || (keys.has('group.id') && keys.has('key.converter'));
  if (workerSignal && (bootstrap || keys.has('group.id') || keys.has('key.converter') || keys.has('plugin.path'))) {
    const worker = connectWorker(ctx, raw);
    worker.closed = bootstrap;
    return { configs: [worker], brokers: [] };
  }
  if (bootstrap && keys.has('application.id')) return { configs: [streams(ctx, raw)], brokers: [] };
  if (bootstrap || hasKafkaEvidence(raw) || isOldScalaClient(raw)) return { configs: [plainClient(ctx, raw)], brokers: [] };
  return none;
}
