import { compareLocations, dependenciesAbove, effective, hasRole, intValue, shown, type ConfigEntry } from '../../src/facts.js';
import { apacheKafkaVersion, compareVersions, kafkaClientsVersion } from '../../src/kafka/versions.js';
import { REF } from '../../src/kafka/references.js';
import { RECOMMENDED_REQUEST_TIMEOUT_MS } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

/** Below these, an idempotent producer can give up during an Event Hubs restart (issue I4: retries=1, 5 s timeout). */
const LOW_RETRIES = 10;
/** Java default delivery.timeout.ms (S1). */
const DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

export default defineRule({
  id: 'EH509',
  name: 'idempotence-timeout',
  area: 'client-config',
  level: { basic: null, standard: 'warning', premium: 'warning', dedicated: 'warning' },
  precision: 'medium',
  summary: 'An idempotent or transactional producer runs with short timeouts or few retries.',
  why: 'Event Hubs supports idempotent producers but asks for request.timeout.ms of at least 60000, a high retries and acks=all with them. With short timeouts and few retries, idempotent producers were seen stuck on InvalidPidMappingException after service restarts.',
  fix: 'With idempotence use request.timeout.ms=60000, the default retries and acks=all; recreate the producer on InvalidPidMappingException.',
  reference: REF.configurations,
  messages: {
    shortTimeouts:
      '{problems} on an idempotent producer ({idempotence}): Event Hubs needs request.timeout.ms of at least 60000 and a high retries for idempotent producers, or they can get stuck on InvalidPidMappingException; raise them.',
  },
  check({ facts, report }) {
    const scopes = ['common', 'producer'] as const;
    for (const config of facts.configs) {
      // A transactional producer is idempotent: Kafka turns idempotence on with transactional.id.
      const idempotence = effective(config, 'enable.idempotence', { scopes });
      const transactional = effective(config, 'transactional.id', { scopes });
      // Java clients 3.0+ are idempotent by default unless acks says otherwise (S1; KAFKA-13673).
      const version = ['java', 'spring', 'streams', 'connect'].includes(config.library) ? kafkaClientsVersion(dependenciesAbove(facts, config.anchor.file)) : undefined;
      const acks = effective(config, 'acks', { scopes })?.value?.trim().toLowerCase();
      // Only a client that produces is idempotent by default: a consumer's request.timeout.ms is its own business (EH503).
      const produces = config.roles.length === 0 || hasRole(config, 'producer') || hasRole(config, 'streams');
      const byDefault = produces && !idempotence && version !== undefined && compareVersions(apacheKafkaVersion(version), '3.0') >= 0 && (acks === undefined || acks === 'all' || acks === '-1');
      const on = idempotence ? idempotence.value?.trim().toLowerCase() === 'true' : Boolean(transactional?.value) || byDefault;
      if (!on) continue;
      const problems: ConfigEntry[] = [];
      const request = effective(config, 'request.timeout.ms', { scopes });
      const retries = effective(config, 'retries', { scopes });
      const delivery = effective(config, 'delivery.timeout.ms', { scopes });
      if ((intValue(request) ?? Infinity) < RECOMMENDED_REQUEST_TIMEOUT_MS) problems.push(request!);
      if ((intValue(retries) ?? Infinity) < LOW_RETRIES) problems.push(retries!);
      if ((intValue(delivery) ?? Infinity) < DEFAULT_DELIVERY_TIMEOUT_MS) problems.push(delivery!);
      if (problems.length === 0) continue;
      // The finding goes where the fix goes: the first short setting.
      problems.sort((a, b) => compareLocations(a.location, b.location));
      const first = problems[0]!;
      report(
        'shortTimeouts',
        first.location,
        {
          problems: problems.map((p) => `${p.spelling}=${shown(p)}`).join(', '),
          idempotence: idempotence ? `${idempotence.spelling}=true` : transactional?.value ? `${transactional.spelling} is set` : `kafka-clients ${version} is idempotent by default`,
        },
        { evidence: `${first.spelling}|${first.value ?? ''}` },
      );
    }
  },
});
