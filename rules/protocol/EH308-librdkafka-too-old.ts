import { isTestScope } from '../../src/kafka/libraries.js';
import { REF } from '../../src/kafka/references.js';
import { bundledLibrdkafka, compareVersions, rangeEntirelyBelow } from '../../src/kafka/versions.js';
import { defineRule } from '../../src/rule.js';

/** node-rdkafka 2.10.0 is the first to bundle librdkafka 1.5.2 (catalog §6.5). */
const FIRST_GOOD = '2.10.0';

export default defineRule({
  id: 'EH308',
  name: 'librdkafka-too-old',
  area: 'protocol',
  level: 'warning',
  precision: 'high',
  summary: 'The client bundles a librdkafka older than 1.5.2.',
  why: 'Before librdkafka 1.5.2, request.timeout.ms defaulted to 5000 ms (below Event Hubs\' 20-second floor) and retries to 2, so producers time out against Event Hubs; before 2.0 hostname verification was off. Microsoft advises librdkafka users to upgrade past 1.5.2.',
  fix: 'Upgrade to a client that bundles librdkafka 1.5.2 or later (node-rdkafka 2.10.0+, ideally librdkafka 2.x), or set request.timeout.ms=60000 explicitly.',
  reference: REF.troubleshooting,
  messages: {
    resolved: '{name} {version}{origin} bundles librdkafka {librdkafka} (5-second request timeout, 2 retries); upgrade to node-rdkafka 2.10.0 or later.',
    range: '{name} "{range}" only allows versions before 2.10.0, which bundle librdkafka older than 1.5.2; upgrade to node-rdkafka 2.10.0 or later.',
  },
  check({ facts, report }) {
    for (const dep of facts.dependencies) {
      if (dep.name !== 'node-rdkafka' || isTestScope(dep)) continue;
      if (dep.resolved) {
        if (compareVersions(dep.resolved, FIRST_GOOD) < 0) {
          // Releases before the table's first line (2.5) bundle even older librdkafka.
          const bundled = bundledLibrdkafka(dep.resolved);
          const librdkafka = bundled ? `${bundled}, older than 1.5.2` : 'older than 0.11.5';
          report('resolved', dep.location, { name: dep.name, version: dep.resolved, librdkafka, origin: dep.via ? ` (${dep.via})` : '' });
        }
      } else if (dep.declared && rangeEntirelyBelow(dep.declared, FIRST_GOOD)) {
        // Without a lockfile only a range is known: it is a finding only when every version it allows is too old.
        report('range', dep.location, { name: dep.name, range: dep.declared });
      }
    }
  },
});
