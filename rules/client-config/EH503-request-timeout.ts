import { effectiveEntries, intValue, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { REQUEST_TIMEOUT_FLOOR_MS } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH503',
  name: 'request-timeout',
  area: 'client-config',
  level: 'warning',
  precision: 'high',
  summary: 'The request timeout is at or below Event Hubs\' 20-second minimum.',
  why: 'Event Hubs enforces a 20-second minimum internally; a lower request.timeout.ms makes consumers time out and rebalance, and throttled produce requests fail with PolicyViolation. Microsoft recommends 60000.',
  fix: 'Set request.timeout.ms=60000.',
  reference: REF.configurations,
  messages: {
    tooLow: '{spelling}={value} is at or below Event Hubs\' 20-second minimum, which causes timeouts and rebalances; set request.timeout.ms=60000.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'request.timeout.ms')) {
      const n = intValue(entry);
      if (n !== undefined && n <= REQUEST_TIMEOUT_FLOOR_MS) report('tooLow', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
  },
});
