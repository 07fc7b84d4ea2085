import { effectiveEntries, intValue, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { SESSION_TIMEOUT_MAX_MS, SESSION_TIMEOUT_MIN_MS } from '../../src/kafka/tiers.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH504',
  name: 'session-timeout-range',
  area: 'client-config',
  level: 'error',
  precision: 'high',
  summary: 'The consumer session timeout (session.timeout.ms) is outside the range Event Hubs allows.',
  why: 'Event Hubs accepts consumer session timeouts from 6000 to 300000 ms (30000 recommended); outside that range JoinGroup is rejected and the consumer never joins its group.',
  fix: 'Use session.timeout.ms=30000 (within 6000–300000).',
  reference: REF.configurations,
  messages: {
    outOfRange: '{spelling}={value} is outside the 6000–300000 ms range Event Hubs allows, so the consumer cannot join its group; use session.timeout.ms=30000.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'session.timeout.ms')) {
      const n = intValue(entry);
      if (n !== undefined && (n < SESSION_TIMEOUT_MIN_MS || n > SESSION_TIMEOUT_MAX_MS)) report('outOfRange', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
  },
});
