import { effective, intValue, shown } from '../../src/facts.js';
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
  summary: 'An idempotent producer runs with short timeouts or few retries.',
  why: 'Event Hubs supports idempotent producers but asks for request.timeout.ms of at least 60000, a high retries and acks=all with them. With short timeouts and few retries, idempotent producers were seen stuck on InvalidPidMappingException after service restarts.',
  fix: 'With idempotence use request.timeout.ms=60000, the default retries and acks=all; recreate the producer on InvalidPidMappingException.',
  reference: REF.configurations,
  messages: {
    shortTimeouts: '{spelling}=true with {problems}: Event Hubs needs request.timeout.ms of at least 60000 and a high retries for idempotent producers, or they can get stuck on InvalidPidMappingException; raise them.',
  },
  check({ facts, report }) {
    for (const config of facts.configs) {
      const scopes = ['common', 'producer'] as const;
      const idempotence = effective(config, 'enable.idempotence', { scopes });
      if (idempotence?.value?.trim().toLowerCase() !== 'true') continue;
      const problems: string[] = [];
      const request = effective(config, 'request.timeout.ms', { scopes });
      const retries = effective(config, 'retries', { scopes });
      const delivery = effective(config, 'delivery.timeout.ms', { scopes });
      if ((intValue(request) ?? Infinity) < RECOMMENDED_REQUEST_TIMEOUT_MS) problems.push(`request.timeout.ms=${shown(request!)}`);
      if ((intValue(retries) ?? Infinity) < LOW_RETRIES) problems.push(`retries=${shown(retries!)}`);
      if ((intValue(delivery) ?? Infinity) < DEFAULT_DELIVERY_TIMEOUT_MS) problems.push(`delivery.timeout.ms=${shown(delivery!)}`);
      if (problems.length > 0) report('shortTimeouts', idempotence.location, { spelling: idempotence.spelling, problems: problems.join(', ') });
    }
  },
});
