import { absenceAnchor, effectiveEntries, entriesOf, intValue, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { IDLE_CONNECTION_MS } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

/** Java-client units (default 540000 ms, S1). librdkafka units get EH508 instead, so one problem is counted once. */
const JAVA_UNITS = new Set(['java', 'spring', 'streams', 'connect', 'mirrormaker']);

export default defineRule({
  id: 'EH502',
  name: 'connections-max-idle',
  area: 'client-config',
  level: 'warning',
  precision: 'medium',
  summary: 'Idle connections outlive Azure\'s 240-second idle limit.',
  why: 'Azure drops inbound TCP connections idle for more than 240 seconds without telling the client, which then fails with expired batches or send timeouts. Event Hubs asks for connections.max.idle.ms below 240000 (180000 recommended); the Java default is 540000 ms.',
  fix: 'Set connections.max.idle.ms=180000.',
  reference: REF.configurations,
  messages: {
    tooHigh: '{spelling}={value} keeps idle connections past Azure\'s 240-second limit, so the client writes to connections Azure already dropped; set connections.max.idle.ms=180000.',
    disabled: '{spelling}={value} never closes idle connections, but Azure drops them after 240 seconds; set connections.max.idle.ms=180000.',
    absent: 'no connections.max.idle.ms: the Java default of 540000 ms outlives Azure\'s 240-second idle-connection limit; set connections.max.idle.ms=180000.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'connections.max.idle.ms')) {
      const n = intValue(entry);
      if (n === undefined) continue;
      if (n <= 0) report('disabled', entry.location, { spelling: entry.spelling, value: shown(entry) });
      else if (n >= IDLE_CONNECTION_MS) report('tooHigh', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
    for (const config of facts.configs) {
      if (!config.closed || !JAVA_UNITS.has(config.library)) continue;
      if (entriesOf(config, 'connections.max.idle.ms').length === 0) report('absent', absenceAnchor(config));
    }
  },
});
