import { effectiveEntries, intValue, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

const DEFAULT_HEARTBEAT_MS = 3000;

export default defineRule({
  id: 'EH506',
  name: 'heartbeat-interval-changed',
  area: 'client-config',
  level: 'note',
  precision: 'high',
  summary: 'The consumer heartbeat interval (heartbeat.interval.ms) is changed from its 3000 ms default.',
  why: 'Event Hubs documents that heartbeat.interval.ms should stay at its 3000 ms default.',
  fix: 'Remove the override (3000 ms).',
  reference: REF.configurations,
  messages: {
    changed: '{spelling}={value}: Event Hubs recommends keeping heartbeat.interval.ms at its 3000 ms default; remove the override.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'heartbeat.interval.ms')) {
      const n = intValue(entry);
      if (n !== undefined && n !== DEFAULT_HEARTBEAT_MS) report('changed', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
  },
});
