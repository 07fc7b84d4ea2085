import type { Dependency } from '../../src/facts.js';
import { isTestScope, libraryKind } from '../../src/kafka/libraries.js';
import { REF } from '../../src/kafka/references.js';
import { apacheKafkaVersion, compareVersions, isVersionLike } from '../../src/kafka/versions.js';
import { defineRule, type Level } from '../../src/rule.js';

/** Below 0.11 the produce/fetch protocol is under Event Hubs' floor: error; 0.11.x works but is unsupported: warning. */
function levelFor(written: string): Level | undefined {
  const clients = apacheKafkaVersion(written);
  if (compareVersions(clients, '1.0') >= 0) return undefined;
  return compareVersions(clients, '0.11') >= 0 ? 'warning' : 'error';
}

/** ` (property kafka.version, used by app/pom.xml)`: how the version was found and where else it is used. */
function origin(deps: readonly Dependency[]): string {
  const users = [...new Set(deps.map((d) => d.file).filter((f) => f !== deps[0]!.location.file))].sort();
  const parts = [deps[0]!.via, users.length > 0 ? `used by ${users.join(', ')}` : undefined].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

const key = (d: Dependency) => `${d.location.file}\0${d.location.line}\0${d.location.column}\0${d.resolved}`;

export default defineRule({
  id: 'EH301',
  name: 'client-below-1-0',
  area: 'protocol',
  level: 'error',
  precision: 'high',
  summary: 'The project depends on a Kafka client older than 1.0, which Event Hubs does not support.',
  why: 'Event Hubs supports Kafka clients 1.0 and later. Clients 0.9 and older cannot authenticate (no SASL PLAIN), and Event Hubs answers only the 0.11+ produce and fetch protocol. kafka-node and no-kafka speak only the 0.9–0.11 protocol.',
  fix: 'Upgrade to kafka-clients 1.0 or later (a current 3.x/4.x), spring-kafka 2.1 or later; replace kafka-node and no-kafka with kafkajs, @confluentinc/kafka-javascript or node-rdkafka, spark-streaming-kafka-0-8 with spark-sql-kafka-0-10, and versioned Flink connectors with the universal flink-connector-kafka.',
  reference: REF.overview,
  messages: {
    clients: '{name} {version}{origin} is below Kafka 1.0, which Event Hubs requires; upgrade to a current kafka-clients.',
    clientsShared: '{names} {version}{origin} are below Kafka 1.0, which Event Hubs requires; upgrade to a current kafka-clients here.',
    springKafka: '{name} {version} runs on kafka-clients {clients} ({how}), below Kafka 1.0, which Event Hubs requires; {fix}',
    legacy: '{name} speaks only the pre-1.0 Kafka protocol, which Event Hubs does not support; {fix}',
  },
  check({ facts, report }) {
    // One version written once (a property, a parent's dependencyManagement) is one change: one finding for all its users.
    const clients = new Map<string, Dependency[]>();
    for (const dep of facts.dependencies) {
      if (isTestScope(dep)) continue;
      const kind = libraryKind(dep.ecosystem, dep.name)?.kind;
      const version = dep.resolved && isVersionLike(dep.resolved) ? dep.resolved : undefined;
      if ((kind === 'kafka-clients' || kind === 'kafka-streams' || kind === 'kafka-scala') && version) {
        if (levelFor(version)) clients.set(key(dep), [...(clients.get(key(dep)) ?? []), dep]);
      } else if (kind === 'spring-kafka' && version && dep.kafkaClients && !dep.kafkaClients.explicit) {
        // An explicit kafka-clients decides the runtime version and is judged itself; otherwise the finding goes
        // where the kafka-clients version is decided (Boot's kafka.version, the Boot or spring-kafka version).
        const level = levelFor(dep.kafkaClients.value);
        if (level) {
          const fix = dep.kafkaClients.via.startsWith('property kafka.version over')
            ? 'raise kafka.version to a current kafka-clients, or remove it to take the one Spring Boot manages.'
            : 'upgrade to spring-kafka 2.1 or later with a current kafka-clients.';
          report('springKafka', dep.kafkaClients.location, { name: dep.name, version, clients: dep.kafkaClients.value, how: dep.kafkaClients.via, fix }, { level, evidence: `${dep.file}|${dep.name}|${version}` });
        }
      } else if (kind === 'spark-kafka-0-8') {
        report('legacy', dep.versionAt ?? dep.declaredAt, { name: dep.name, fix: 'replace it with spark-sql-kafka-0-10.' });
      } else if (kind === 'flink-kafka') {
        const pinned = /flink-connector-kafka-0\.(\d+)/.exec(dep.name)?.[1];
        if (pinned) report('legacy', dep.versionAt ?? dep.declaredAt, { name: dep.name, fix: 'use the universal flink-connector-kafka.' }, { level: pinned === '11' ? 'warning' : 'error' });
      } else if (kind === 'kafka-node' || kind === 'no-kafka') {
        report('legacy', dep.versionAt ?? dep.declaredAt, { name: dep.name, fix: 'replace it with kafkajs, @confluentinc/kafka-javascript or node-rdkafka.' });
      }
    }
    for (const deps of clients.values()) {
      const first = deps[0]!;
      const version = first.resolved!;
      const names = [...new Set(deps.map((d) => d.name))].sort();
      const options = { level: levelFor(version), evidence: `${names.join(',')}|${version}|${first.via ?? ''}` };
      if (names.length === 1) report('clients', first.location, { name: names[0]!, version, origin: origin(deps) }, options);
      else report('clientsShared', first.location, { names: `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`, version, origin: origin(deps) }, options);
    }
  },
});
