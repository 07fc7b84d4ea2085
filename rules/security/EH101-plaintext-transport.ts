import { absenceAnchor, bootstrapOf, configuredByAzureStarter, effectiveEntries, entriesOf, shown } from '../../src/facts.js';
import { unitName } from '../../src/kafka/keys.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

const PLAINTEXT = new Set(['PLAINTEXT', 'SASL_PLAINTEXT']);

export default defineRule({
  id: 'EH101',
  name: 'plaintext-transport',
  area: 'security',
  level: 'error',
  securitySeverity: '7.5',
  cwe: ['319'],
  precision: 'high',
  summary: 'A Kafka client connects without TLS, which the Event Hubs Kafka endpoint refuses.',
  why: 'Event Hubs accepts Kafka connections only over TLS with SASL (security.protocol=SASL_SSL) on port 9093. PLAINTEXT and SASL_PLAINTEXT clients cannot connect, and SASL_PLAINTEXT would send the connection string unencrypted. Kafka clients default to PLAINTEXT when security.protocol is not set.',
  fix: 'Set security.protocol=SASL_SSL with sasl.mechanism=PLAIN (username $ConnectionString, the connection string as password) or OAUTHBEARER (Entra ID), and point the client at <namespace>.servicebus.windows.net:9093.',
  reference: REF.configurations,
  messages: {
    explicit: '{spelling}={value} connects without TLS; Event Hubs accepts only security.protocol=SASL_SSL (port 9093) with sasl.mechanism=PLAIN or OAUTHBEARER.',
    implicit: 'no security.protocol is set, so {unit} connects with PLAINTEXT; Event Hubs needs security.protocol=SASL_SSL with sasl.mechanism=PLAIN or OAUTHBEARER.',
    saslWithoutSsl: '{spelling} is set without ssl, so the client sends its SASL credentials over plain TCP; Event Hubs accepts only TLS on port 9093: add ssl: true.',
    implicitNode: 'neither ssl nor sasl is set, so {unit} connects with PLAINTEXT; Event Hubs needs ssl: true and sasl with mechanism plain (username $ConnectionString) or oauthbearer.',
    connectTasks:
      'the worker sets {spelling}={value}, but its connector tasks\' {clients} clients have no security.protocol and connect with PLAINTEXT; repeat the security settings with the {prefixes}.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'security.protocol')) {
      if (entry.value === undefined || !PLAINTEXT.has(entry.value.trim().toUpperCase())) continue;
      if (entry.derived) report('saslWithoutSsl', entry.location, { spelling: entry.spelling });
      else report('explicit', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
    for (const config of facts.configs) {
      if (config.closed && bootstrapOf(config) && entriesOf(config, 'security.protocol').length === 0 && !configuredByAzureStarter(facts, config)) {
        // kafkajs and kafka-node have no security.protocol: ssl and sasl decide it.
        // (The KafkaJS-compatible API's `kafkaJS: { brokers }` blocks too: there `ssl` and `sasl` decide it as well.)
        const node = config.library === 'kafkajs' || config.library === 'kafka-node' || bootstrapOf(config)?.spelling === 'brokers';
        report(node ? 'implicitNode' : 'implicit', absenceAnchor(config), { unit: unitName(config) }, { level: 'warning' });
      }
      if (config.library !== 'connect') continue;
      // Connect task clients do not inherit the worker's settings (catalog EH605).
      const worker = entriesOf(config, 'security.protocol', { scopes: ['worker'] }).at(-1);
      if (!worker?.value?.trim().toUpperCase().startsWith('SASL_') || PLAINTEXT.has(worker.value.trim().toUpperCase())) continue;
      const missing = (['producer', 'consumer'] as const).filter((s) => entriesOf(config, 'security.protocol', { scopes: [s] }).length === 0);
      if (missing.length === 0) continue;
      report('connectTasks', worker.location, {
        spelling: worker.spelling,
        value: worker.value,
        clients: missing.join(' and '),
        prefixes: missing.length === 1 ? `${missing[0]}. prefix` : 'producer. and consumer. prefixes',
      });
    }
  },
});
