import { absenceAnchor } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH000',
  name: 'basic-tier',
  area: 'ecosystem',
  level: { basic: 'error', standard: null, premium: null, dedicated: null },
  precision: 'high',
  summary: 'The target is the Basic tier, which has no Kafka endpoint.',
  why: 'The Kafka endpoint exists only on the Standard, Premium and Dedicated tiers. A Basic namespace answers Kafka clients with TopicAuthorizationException.',
  fix: 'Use a Standard or higher namespace for Kafka clients.',
  reference: REF.overview,
  messages: {
    unit: '{unit} is a Kafka client configuration, and Basic namespaces have no Kafka endpoint; use the Standard tier or higher.',
  },
  check({ facts, report }) {
    for (const config of facts.configs) {
      if (config.library === 'jaas') continue;
      report('unit', absenceAnchor(config), { unit: config.label ? `this ${config.library} configuration (${config.label})` : `this ${config.library} configuration` });
    }
  },
});
