// Spring Boot `spring.kafka.*` and Spring Cloud Stream Kafka binder keys as facts (catalog §2.2, §2.3 Spring units).
import path from 'node:path';
import type { ClientConfig, ConfigEntry, Location, Role, Scope } from '../facts.js';
import {
  BINDER_KEYS,
  BINDING_PRODUCER_KEYS,
  kebab,
  lookup,
  SPRING_COMMON_KEYS,
  SPRING_SECTION_KEYS,
  SPRING_TEMPLATE_KEYS,
  STREAMS_PREFIXES,
  type ValueKind,
} from '../kafka/keys.js';
import type { RawDocument, RawEntry, SpringDocument } from './types.js';
import { dataSizeBytes, durationMs, resolveSpring } from './values.js';

const SECTIONS = ['producer', 'consumer', 'admin', 'streams'] as const;
type Section = (typeof SECTIONS)[number];

/** `spring.kafka.properties[sasl.mechanism]` and `…properties.[sasl.mechanism]` are `…properties.sasl.mechanism`. */
function unbracket(key: string): string {
  return key.replace(/\.?\[([^\]]*[^\d\]][^\]]*)\]/g, '.$1');
}

/** A file is a Spring configuration when it binds Kafka through Spring keys. */
export function isSpringKafkaFile(entries: readonly RawEntry[]): boolean {
  return entries.some((e) => /^spring\.(kafka\.|cloud\.stream\.(kafka\.|binders\.|bindings\.))/.test(e.key));
}

function convert(kind: ValueKind | undefined, value: string): string | undefined {
  switch (kind) {
    case 'duration':
      return durationMs(value);
    case 'datasize':
      return dataSizeBytes(value);
    case 'enum':
      return value.trim().toLowerCase().replace(/-/g, '_');
    case 'list':
      return value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(',');
    default:
      return value;
  }
}

function makeEntry(raw: RawEntry, key: string, scope: Scope, kind?: ValueKind): ConfigEntry {
  const resolved = resolveSpring(raw.value);
  const e: ConfigEntry = { key, spelling: raw.key, raw: raw.value, value: undefined, scope, location: raw.location };
  if (resolved.value !== undefined) {
    e.value = convert(kind, resolved.value);
    if ((kind === 'duration' || kind === 'datasize') && e.value !== undefined && e.value !== resolved.value.trim()) {
      e.display = `${resolved.value.trim()} (${e.value} ${kind === 'duration' ? 'ms' : 'bytes'})`;
    }
  }
  if (resolved.template !== undefined) e.template = resolved.template;
  if (resolved.fromDefault) e.fromDefault = true;
  return e;
}


/** Relaxed binding for the typed part of a key: each segment in kebab form. */
function kebabPath(p: string): string {
  return p.split('.').map(kebab).join('.');
}

/** Maps the part after `spring.kafka.`. */
function bootKey(raw: RawEntry, rest: string, doc: SpringDocument): void {
  const props = /^(?:([A-Za-z]+)\.)?properties\.(.+)$/.exec(rest);
  if (props) {
    const section = props[1] ? kebab(props[1]) : undefined;
    if (section === undefined || (SECTIONS as readonly string[]).includes(section)) {
      const key = props[2] ?? '';
      // Streams' own client and topic prefixes keep their meaning inside spring.kafka.streams.properties.
      const streamsPrefixed = section === 'streams' ? STREAMS_PREFIXES.find(([p]) => key.startsWith(p) && key.length > p.length) : undefined;
      const e = streamsPrefixed ? makeEntry(raw, key.slice(streamsPrefixed[0].length), streamsPrefixed[1]) : makeEntry(raw, key, (section as Section | undefined) ?? 'common');
      if (streamsPrefixed?.[2]) e.group = streamsPrefixed[2];
      // The `properties` map is applied after the typed keys of the same section, so it wins.
      e.precedence = 1;
      doc.boot.push(e);
      return;
    }
  }
  const k = kebabPath(rest);
  const sectionMatch = /^(producer|consumer|admin|streams)\.(.+)$/.exec(k);
  const section = sectionMatch?.[1] as Section | undefined;
  const inner = sectionMatch?.[2] ?? k;
  const scope: Scope = section ?? 'common';
  if (inner === 'ssl.bundle') {
    doc.bundleRefs.push({ name: resolveSpring(raw.value).value ?? '', scope, spelling: raw.key, raw: raw.value, location: raw.location });
    return;
  }
  const common = lookup(SPRING_COMMON_KEYS, inner);
  const specific = section ? lookup(SPRING_SECTION_KEYS[section], inner) : undefined;
  const known = common ?? specific;
  if (known) {
    doc.boot.push(makeEntry(raw, known.key, scope, known.kind));
    return;
  }
  const template = /^template\.(.+)$/.exec(k);
  const templateKey = template ? lookup(SPRING_TEMPLATE_KEYS, template[1] ?? '') : undefined;
  if (templateKey) {
    doc.boot.push(makeEntry(raw, templateKey.key, 'producer', templateKey.kind));
    return;
  }
  // JAAS option names are map keys: keep them as written.
  const jaasOption = /^jaas\.options\.(.+)$/i.exec(rest);
  doc.boot.push(makeEntry(raw, jaasOption ? `jaas.options.${jaasOption[1]}` : k, 'framework'));
}

/**
 * Maps `…bindings.<b>.producer|consumer.<rest>` and `…default.producer|consumer.<rest>`. Each binding is its own
 * client and topic (group `binding:<b>`); `default` applies to every binding.
 */
function bindingKey(raw: RawEntry, role: 'producer' | 'consumer', rest: string, doc: SpringDocument, binding?: string, streams = false): void {
  const push = (e: ConfigEntry) => {
    if (binding) e.group = `binding:${binding}`;
    (streams ? doc.streamsBinder : doc.binder).push(e);
  };
  const conf = /^configuration\.(.+)$/.exec(rest);
  if (conf) return push(makeEntry(raw, conf[1] ?? '', role));
  const topic = /^topic\.properties\.(.+)$/.exec(rest);
  if (topic) return push(makeEntry(raw, topic[1] ?? '', 'topic'));
  const k = kebabPath(rest);
  const known = role === 'producer' || k === 'topic.replication-factor' ? lookup(BINDING_PRODUCER_KEYS, k) : undefined;
  if (known) return push(makeEntry(raw, known.key, known.scope, known.kind));
  // The binding's ack mode is the listener's (KafkaConsumerProperties.ackMode).
  if (role === 'consumer' && k === 'ack-mode') return push(makeEntry(raw, 'listener.ack-mode', 'framework'));
  push(makeEntry(raw, `${role}.${k}`, 'framework'));
}

/** Maps the part after `spring.cloud.stream.kafka.[streams.]binder.`; the Kafka Streams binder's map is Streams config. */
function binderKey(raw: RawEntry, rest: string, doc: SpringDocument, streams: boolean): void {
  const target = streams ? doc.streamsBinder : doc.binder;
  const map = /^(configuration|producer-?properties|consumer-?properties|producerProperties|consumerProperties)\.(.+)$/i.exec(rest);
  if (map) {
    const kind = kebab(map[1] ?? '');
    const scope: Scope = kind.startsWith('producer') ? 'producer' : kind.startsWith('consumer') ? 'consumer' : streams ? 'streams' : 'common';
    return void target.push(makeEntry(raw, map[2] ?? '', scope));
  }
  // The binder's transactional producer is a client of its own.
  const txProducer = /^transaction\.producer\.(.+)$/i.exec(rest);
  if (txProducer) return bindingKey(raw, 'producer', txProducer[1] ?? '', doc, 'transaction-producer', streams);
  const jaasOption = /^jaas\.options\.(.+)$/i.exec(rest);
  if (jaasOption) return void target.push(makeEntry(raw, `jaas.options.${jaasOption[1]}`, 'framework'));
  const k = kebabPath(rest);
  const known = lookup(BINDER_KEYS, k);
  if (known) return void target.push(makeEntry(raw, known.key, known.scope, known.kind));
  target.push(makeEntry(raw, k, 'framework'));
}

function mapKey(raw: RawEntry, key: string, doc: SpringDocument): void {
  // Multi-binder setups: each binder's environment configures a binder of its own.
  const env = /^spring\.cloud\.stream\.binders\.([^.]+)\.environment\.(spring\..+)$/.exec(key);
  if (env) {
    const before = { boot: doc.boot.length, binder: doc.binder.length, streams: doc.streamsBinder.length };
    mapKey(raw, env[2] ?? '', doc);
    const added = [...doc.boot.slice(before.boot), ...doc.binder.slice(before.binder), ...doc.streamsBinder.slice(before.streams)];
    for (const e of added) e.group = `binder:${env[1]}${e.group ? `/${e.group}` : ''}`;
    return;
  }
  if (key.startsWith('spring.kafka.')) return bootKey(raw, key.slice('spring.kafka.'.length), doc);
  const binder = /^spring\.cloud\.stream\.kafka\.(streams\.)?binder\.(.+)$/.exec(key);
  if (binder) return binderKey(raw, binder[2] ?? '', doc, binder[1] !== undefined);
  const binding = /^spring\.cloud\.stream\.kafka\.(streams\.)?(?:bindings\.([^.]+)|default)\.(producer|consumer)\.(.+)$/.exec(key);
  if (binding) return bindingKey(raw, binding[3] as 'producer' | 'consumer', binding[4] ?? '', doc, binding[2], binding[1] !== undefined);
  const partitionCount = /^spring\.cloud\.stream\.bindings\.([^.]+)\.producer\.(partition-?count|partitionCount)$/i.exec(key);
  if (partitionCount) return bindingKey(raw, 'producer', 'partition-count', doc, partitionCount[1]);
  if (/^spring\.config\.import$/.test(key)) doc.imports = true;
  const bundle = /^spring\.ssl\.bundle\.(?:jks|pem)\.([^.]+)\.(keystore|truststore)\./.exec(key);
  if (bundle) {
    const b = (doc.bundles[bundle[1] ?? ''] ??= { keystore: false, truststore: false });
    b[bundle[2] as 'keystore' | 'truststore'] = true;
  }
}

/** Profile names a document is activated for: `spring.config.activate.on-profile` (Boot 2.4+) or legacy `spring.profiles`. */
function activation(entries: readonly RawEntry[]): string[] {
  const a = entries.find((e) => /^spring\.(config\.activate\.on-?profile|profiles)$/i.test(e.key));
  if (!a) return [];
  // Negated profiles (`!dev`) are active in the default run too; expressions contribute their names.
  return a.value
    .split(/[,|&()\s]+/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('!'));
}

function springGroup(file: string): { group: string; profile: string | undefined } {
  const base = path.posix.basename(file);
  const m = /^(application|bootstrap)(?:-([^.]+))?\.(properties|ya?ml)$/.exec(base);
  const dir = path.posix.dirname(file);
  if (m) return { group: `${dir}/${m[1]}`, profile: m[2] };
  return { group: file, profile: undefined };
}

/** The Spring documents of one file, keys mapped to canonical Kafka keys. */
export function springDocuments(file: string, docs: readonly RawDocument[]): SpringDocument[] {
  const { group, profile } = springGroup(file);
  return docs.map((d) => {
    const doc: SpringDocument = { file, group, profiles: [], boot: [], binder: [], streamsBinder: [], imports: false, bundles: {}, bundleRefs: [] };
    const activated = activation(d.entries);
    doc.profiles = [...new Set([...(profile ? [profile] : []), ...activated])];
    for (const raw of d.entries) mapKey(raw, unbracket(raw.key), doc);
    return doc;
  });
}

function rolesOf(entries: readonly ConfigEntry[]): Role[] {
  const roles = new Set<Role>();
  for (const e of entries) {
    if (e.scope === 'producer') roles.add('producer');
    if (e.scope === 'consumer') roles.add('consumer');
    if (e.scope === 'admin') roles.add('admin');
    if (e.scope === 'streams') roles.add('streams');
  }
  return [...roles];
}

/** Expands `ssl.bundle` references into the store keys the bundle stands for (Spring Boot 3.2+ SSL bundles). */
function bundleEntries(docs: readonly SpringDocument[], own: readonly SpringDocument[]): ConfigEntry[] {
  const bundles: Record<string, { keystore: boolean; truststore: boolean }> = {};
  for (const d of docs) for (const [name, b] of Object.entries(d.bundles)) {
    const prev = (bundles[name] ??= { keystore: false, truststore: false });
    prev.keystore ||= b.keystore;
    prev.truststore ||= b.truststore;
  }
  const out: ConfigEntry[] = [];
  for (const d of own) {
    for (const ref of d.bundleRefs) {
      const b = bundles[ref.name];
      const base = { spelling: ref.spelling, raw: ref.raw, value: ref.name, scope: ref.scope, location: ref.location };
      if (b?.keystore) out.push({ ...base, key: 'ssl.keystore.location' });
      if (b?.truststore) out.push({ ...base, key: 'ssl.truststore.location' });
      if (!b) out.push({ ...base, key: 'ssl.bundle', scope: 'framework' });
    }
  }
  return out;
}

/**
 * Binder `brokers` without a port use `defaultBrokerPort` (default 9092, KafkaBinderConfigurationProperties),
 * taken from the same document, else from the file's profile-less documents.
 */
function withDefaultBrokerPort(docs: readonly SpringDocument[]): void {
  const byFile = new Map<string, SpringDocument[]>();
  for (const d of docs) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const list of ['binder', 'streamsBinder'] as const) {
    const portIn = (d: SpringDocument) => d[list].filter((e) => e.key === 'default-broker-port').at(-1)?.value;
    for (const fileDocs of byFile.values()) {
      if (!fileDocs.some((d) => d[list].length > 0)) continue;
      const base = fileDocs.filter((d) => d.profiles.length === 0).map(portIn).filter(Boolean).at(-1);
      for (const d of fileDocs) withPort(d[list], portIn(d) ?? base ?? '9092');
    }
  }
}

function withPort(entries: ConfigEntry[], port: string): void {
  for (const e of entries) {
    if (e.key !== 'bootstrap.servers' || e.value === undefined || e.display !== undefined) continue;
    const withPorts = e.value
      .split(',')
      .map((h) => (/:\d+$/.test(h) || h.includes('://') ? h : `${h}:${port}`))
      .join(',');
    if (withPorts !== e.value) e.display = `${e.value} (port ${port})`;
    e.value = withPorts;
  }
}

function firstLocation(entries: readonly ConfigEntry[]): Location | undefined {
  return entries.find((e) => e.key === 'bootstrap.servers')?.location ?? entries.find((e) => e.scope !== 'framework')?.location ?? entries[0]?.location;
}

/**
 * Spring Boot units (§2.3): one per profile, built from the documents of one app. The default unit is every
 * profile-less document; a profile's unit adds the documents active for it. A unit is evaluated only when its
 * own documents hold a Kafka client key. The binder's settings are one never-closed unit per file.
 */
export function assembleSpring(documents: readonly SpringDocument[]): ClientConfig[] {
  const configs: ClientConfig[] = [];
  const groups = new Map<string, SpringDocument[]>();
  for (const d of documents) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  withDefaultBrokerPort(documents);
  for (const [group, docs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const base = docs.filter((d) => d.profiles.length === 0);
    const profiles = [...new Set(docs.flatMap((d) => d.profiles))].sort();
    const units: Array<{ label: string | undefined; own: SpringDocument[]; all: SpringDocument[] }> = [
      { label: undefined, own: base, all: base },
      ...profiles.map((p) => {
        const own = docs.filter((d) => d.profiles.includes(p));
        return { label: `profile ${p}`, own, all: [...base, ...own] };
      }),
    ];
    const suffix = (label: string | undefined) => (label ? `:${label}` : '');
    for (const u of units) {
      const own = u.own.flatMap((d) => d.boot);
      const ownClient = [...own, ...bundleEntries(u.all, u.own)].filter((e) => e.scope !== 'framework' || e.key === 'ssl.bundle');
      const anchor = firstLocation([...own, ...ownClient]);
      if (ownClient.length > 0 && anchor) {
        const config: ClientConfig = {
          id: `${group}#spring${suffix(u.label)}`,
          library: 'spring',
          roles: rolesOf(ownClient),
          anchor,
          // The binder merges Boot, binder and binding settings at run time, and spring.config.import brings in
          // files this scan does not read: either way the Boot settings are not all visible.
          closed: !u.all.some((d) => d.binder.length > 0 || d.streamsBinder.length > 0 || d.imports),
          entries: u.all.flatMap((d) => [...d.boot, ...bundleEntries(u.all, [d])]),
        };
        if (u.label) config.label = u.label;
        configs.push(config);
      }
      // Binder units follow the same profiles; they are never closed (catalog §2.3).
      for (const [list, name] of [['binder', 'spring-cloud-stream'], ['streamsBinder', 'spring-cloud-stream-streams']] as const) {
        const ownBinder = u.own.flatMap((d) => d[list]);
        if (ownBinder.length === 0) continue;
        const entries = u.all.flatMap((d) => d[list]);
        const config: ClientConfig = {
          id: `${group}#${name}${suffix(u.label)}`,
          library: 'spring-cloud-stream',
          roles: rolesOf(entries),
          anchor: firstLocation(ownBinder) ?? ownBinder[0]!.location,
          closed: false,
          entries,
        };
        if (u.label) config.label = u.label;
        configs.push(config);
      }
    }
  }
  return configs;
}
