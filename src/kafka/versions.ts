import semver from 'semver';
import type { Dependency } from '../facts.js';

/** Compares dotted numeric versions (`0.10.2.1`, `1.0`); missing segments count as 0, qualifiers are ignored. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-_]/).map((s) => Number.parseInt(s, 10));
  const pb = b.split(/[.\-_]/).map((s) => Number.parseInt(s, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.isNaN(pa[i] ?? 0) ? 0 : (pa[i] ?? 0);
    const y = Number.isNaN(pb[i] ?? 0) ? 0 : (pb[i] ?? 0);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function isVersion(text: string): boolean {
  return /^\d+(\.\d+)*$/.test(text.trim());
}

/** `3.1` of `3.1.4.RELEASE`. */
function majorMinor(version: string): string | undefined {
  return /^(\d+)\.(\d+)/.exec(version.trim())?.slice(1, 3).join('.');
}

/** The table row of a version's major.minor line; undefined for a line the table does not know (newer, snapshots). */
export function lineRow<T>(table: ReadonlyArray<readonly [string, T]>, version: string): T | undefined {
  const line = majorMinor(version);
  return table.find(([v]) => v === line)?.[1];
}

/**
 * The tables hold what each x.y.0 release brings. For x.y.0 itself that is exact; for a patch release only the line
 * is known (`3.6.x`), since patches moved dependencies on: the scanner says so rather than guess.
 */
export function fromTable(value: string, release: string): string {
  if (/^\d+\.\d+\.0([.-][A-Za-z]\w*)?$/.test(release.trim()) || /^\d+\.\d+$/.test(release.trim())) return value;
  return `${majorMinor(value)}.x`;
}

/** spring-kafka x.y -> the kafka-clients it builds on (catalog §6.2: spring-kafka build.gradle `kafkaVersion`). */
export const SPRING_KAFKA_CLIENTS: ReadonlyArray<readonly [string, string]> = [
  ['1.0', '0.9.0.1'],
  ['1.1', '0.10.0.1'],
  ['1.2', '0.10.2.0'],
  ['1.3', '0.11.0.0'],
  ['2.0', '0.11.0.0'],
  ['2.1', '1.0.0'],
  ['2.2', '2.0.0'],
  ['2.3', '2.3.0'],
  ['2.4', '2.4.0'],
  ['2.5', '2.5.0'],
  ['2.6', '2.6.0'],
  ['2.7', '2.7.0'],
  ['2.8', '3.0.0'],
  ['2.9', '3.2.0'],
  ['3.0', '3.3.1'],
  ['3.1', '3.6.0'],
  ['3.2', '3.7.0'],
  ['3.3', '3.8.1'],
  ['4.0', '4.1.1'],
  ['4.1', '4.2.1'],
];

/**
 * Spring Boot x.y -> the spring-kafka and kafka-clients its dependency management picks (catalog §6.3, the
 * spring-boot BOM); `kafkaClients` undefined = not managed by Boot (1.5, 2.0: it comes through spring-kafka).
 * Boot 2.1+ reads the `kafka.version` property, so a project can override it.
 */
export const SPRING_BOOT_MANAGED: ReadonlyArray<readonly [string, { springKafka: string; kafkaClients?: string }]> = [
  ['1.5', { springKafka: '1.1.2' }],
  ['2.0', { springKafka: '2.1.4' }],
  ['2.1', { springKafka: '2.2.0', kafkaClients: '2.0.0' }],
  ['2.2', { springKafka: '2.3.1', kafkaClients: '2.3.0' }],
  ['2.3', { springKafka: '2.5.0', kafkaClients: '2.5.0' }],
  ['2.4', { springKafka: '2.6.3', kafkaClients: '2.6.0' }],
  ['2.5', { springKafka: '2.7.1', kafkaClients: '2.7.1' }],
  ['2.6', { springKafka: '2.8.0', kafkaClients: '3.0.0' }],
  ['2.7', { springKafka: '2.8.6', kafkaClients: '3.1.1' }],
  ['3.0', { springKafka: '3.0.0', kafkaClients: '3.3.1' }],
  ['3.1', { springKafka: '3.0.7', kafkaClients: '3.4.0' }],
  ['3.2', { springKafka: '3.1.0', kafkaClients: '3.6.0' }],
  ['3.3', { springKafka: '3.2.0', kafkaClients: '3.7.0' }],
  ['3.4', { springKafka: '3.3.0', kafkaClients: '3.8.1' }],
  ['3.5', { springKafka: '3.3.6', kafkaClients: '3.9.1' }],
  ['4.0', { springKafka: '4.0.0', kafkaClients: '4.1.1' }],
  ['4.1', { springKafka: '4.1.0', kafkaClients: '4.2.1' }],
];

/** node-rdkafka x.y -> bundled librdkafka (catalog §6.5, package.json "librdkafka" field of each x.y.0 tag). */
export const NODE_RDKAFKA_LIBRDKAFKA: ReadonlyArray<readonly [string, string]> = [
  ['2.5', '0.11.5'],
  ['2.6', '0.11.6'],
  ['2.7', '0.11.6'],
  ['2.8', '1.3.0'],
  ['2.9', '1.4.2'],
  ['2.10', '1.5.2'],
  ['2.11', '1.6.1'],
  ['2.12', '1.7.0'],
  ['2.13', '1.8.2'],
  ['2.14', '1.9.2'],
  ['2.15', '2.0.2'],
  ['2.16', '2.1.1'],
  ['2.17', '2.2.0'],
  ['2.18', '2.3.0'],
  ['3.0', '2.3.0'],
  ['3.1', '2.5.0'],
  ['3.2', '2.6.0'],
  ['3.3', '2.8.0'],
  ['3.4', '2.10.0'],
  ['3.5', '2.11.1'],
  ['3.6', '2.12.0'],
];

/** The librdkafka a node-rdkafka release bundles (`2.7.0` → `0.11.6`, a patch → `x.y.x`); undefined before the table. */
export function bundledLibrdkafka(nodeRdkafka: string): string | undefined {
  const row = lineRow(NODE_RDKAFKA_LIBRDKAFKA, nodeRdkafka);
  return row ? fromTable(row, nodeRdkafka) : undefined;
}

/**
 * The kafka-clients version an application runs with, from its dependencies: kafka-clients or kafka-streams
 * themselves, else what spring-kafka runs on (resolved by the build assembly). Undefined when not known.
 */
export function kafkaClientsVersion(dependencies: ReadonlyArray<Pick<Dependency, 'name' | 'resolved' | 'kafkaClients' | 'scope'>>): string | undefined {
  const production = dependencies.filter((d) => !/test/i.test(d.scope ?? ''));
  const direct = production.find((d) => /^org\.apache\.kafka:kafka-(clients|streams)$/.test(d.name) && d.resolved && isVersionLike(d.resolved));
  if (direct) return direct.resolved;
  return production.find((d) => d.name === 'org.springframework.kafka:spring-kafka' && d.kafkaClients?.value)?.kafkaClients?.value;
}

/**
 * Confluent's own kafka-clients builds (`6.2.0-ccs`, `7.4.1-ce`) carry the Confluent Platform version; the Apache
 * Kafka release they are built from is what defaults depend on (CP 5.y = AK 2.y, 6.y = 2.(y+6), 7.y = 3.y,
 * 8.y = 4.y; CP 4.0/4.1 = AK 1.0/1.1; CP 3.0-3.3 = AK 0.10.0-0.11.0). Other versions are returned as they are.
 */
export function apacheKafkaVersion(version: string): string {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?[^-]*-(ccs|ce)\b/i.exec(version.trim());
  if (!m) return version;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = m[3] ?? '0';
  if (major === 3) return minor <= 2 ? `0.10.${minor}.${patch}` : `0.11.0.${patch}`;
  if (major === 4) return `1.${minor}.${patch}`;
  if (major === 5) return `2.${minor}.${patch}`;
  if (major === 6) return `2.${minor + 6}.${patch}`;
  if (major === 7) return `3.${minor}.${patch}`;
  if (major === 8) return `4.${minor}.${patch}`;
  return version;
}

/** `3.6.0`, `2.8.0-ccs`, `1.3.11.RELEASE`: starts with a number; ranges and placeholders do not. */
export function isVersionLike(text: string): boolean {
  return /^\d+(\.\d+)*([.-][\w.-]*)?$/.test(text.trim());
}

/** True when every version an npm range allows is below `version` (`~2.3.3` below 2.10.0); false when unknown. */
export function rangeEntirelyBelow(range: string, version: string): boolean {
  return semver.validRange(range) !== null && !semver.intersects(range, `>=${version}`);
}
