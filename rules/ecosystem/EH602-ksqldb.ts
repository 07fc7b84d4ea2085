import { ALL_SCOPES, effectiveEntries } from '../../src/facts.js';
import { productionDependencies } from '../../src/kafka/libraries.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH602',
  name: 'ksqldb',
  area: 'ecosystem',
  level: 'error',
  precision: 'high',
  summary: 'The application uses ksqlDB, which cannot run on Event Hubs.',
  why: 'ksqlDB is licensed so that cloud providers may not offer it as a service, and it needs a Kafka cluster it manages itself; on Azure it runs only on self-managed Kafka or Confluent Cloud, not on Event Hubs.',
  fix: 'Replace ksqlDB queries with Azure Stream Analytics, Apache Flink or Spark SQL, or keep ksqlDB on a self-managed Kafka or Confluent Cloud cluster.',
  reference: REF.overview,
  messages: {
    key: '{spelling} configures ksqlDB, which cannot run on Event Hubs; move the queries to Azure Stream Analytics, Flink or Spark SQL, or keep ksqlDB on its own Kafka cluster.',
    dependency: '{name} is a ksqlDB library, and ksqlDB cannot run on Event Hubs; move the queries to Azure Stream Analytics, Flink or Spark SQL, or keep ksqlDB on its own Kafka cluster.',
  },
  check({ facts, report }) {
    for (const dep of productionDependencies(facts.dependencies, 'ksqldb')) report('dependency', dep.versionAt ?? dep.declaredAt, { name: dep.name });
    const ksql = facts.configs.filter((c) => c.library === 'ksqldb');
    for (const { entry } of effectiveEntries(ksql, undefined, { scopes: ALL_SCOPES })) {
      if (entry.key.startsWith('ksql.')) report('key', entry.location, { spelling: entry.spelling });
    }
  },
});
