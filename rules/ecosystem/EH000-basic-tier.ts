import { absenceAnchor } from '../../src/facts.js';
import { unitName } from '../../src/kafka/keys.js';
import { productionDependencies } from '../../src/kafka/libraries.js';
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
    unit: '{unit} needs the Kafka endpoint, which Basic namespaces do not have; use the Standard tier or higher.',
    dependency: '{name} is a Kafka client, and Basic namespaces have no Kafka endpoint; use the Standard tier or higher.',
  },
  check({ facts, report }) {
    for (const dep of productionDependencies(facts.dependencies, 'client')) report('dependency', dep.versionAt ?? dep.declaredAt, { name: dep.name });
    for (const config of facts.configs) {
      // Connector-only files and JAAS files are not client units (catalog §2.3).
      if (config.library === 'jaas' || config.library === 'connect-connector') continue;
      report('unit', absenceAnchor(config), { unit: unitName(config) });
    }
  },
});
