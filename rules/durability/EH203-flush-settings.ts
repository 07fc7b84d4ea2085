import { effectiveEntries } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH203',
  name: 'flush-settings',
  area: 'durability',
  level: 'note',
  precision: 'high',
  summary: 'A topic configuration sets log flush options, which Event Hubs manages itself.',
  why: 'Log flushing is a broker concern; Event Hubs does not expose broker or flush configuration, so flush.messages and flush.ms in topic configs have no effect.',
  fix: 'Remove flush.messages and flush.ms; durability is managed by the service.',
  reference: REF.configurations,
  messages: {
    flush: '{spelling}: log flushing is managed by Event Hubs; remove this topic setting.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, ['flush.messages', 'flush.ms'], { scopes: ['topic'] })) {
      report('flush', entry.location, { spelling: entry.spelling });
    }
  },
});
