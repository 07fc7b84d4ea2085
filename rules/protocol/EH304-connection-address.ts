import { effectiveEntries, shown } from '../../src/facts.js';
import { EVENT_HUBS_KAFKA_PORT, isEventHubsHost, parseHostList } from '../../src/kafka/hosts.js';
import { REF } from '../../src/kafka/references.js';
import { containsPlaceholder } from '../../src/kafka/secrets.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH304',
  name: 'connection-address',
  area: 'protocol',
  level: 'note',
  precision: 'high',
  summary: 'A bootstrap address does not point at an Event Hubs namespace on port 9093.',
  why: 'Kafka clients connect to <namespace>.servicebus.windows.net:9093 (other suffixes in sovereign clouds). Event Hubs uses one stable endpoint per namespace, so per-broker lists are not needed, and port 9093 is the only Kafka port.',
  fix: 'Point the client at NAMESPACE.servicebus.windows.net:9093, ideally through configuration rather than a literal.',
  reference: REF.configurations,
  messages: {
    notEventHubs: '{spelling}={value}{source} points at a self-managed Kafka cluster; change it to <namespace>.servicebus.windows.net:9093 when you migrate.',
    wrongPort: '{spelling}={value} uses port {port}; the Event Hubs Kafka endpoint listens on 9093 only.',
    severalHosts: '{spelling} lists {count} Event Hubs hosts; a namespace has a single endpoint, so list <namespace>.servicebus.windows.net:9093 once.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'bootstrap.servers')) {
      const value = entry.value?.trim();
      // Placeholders and option schemas are unknown; `host:port` without a number is a template (catalog EH304).
      if (!value || containsPlaceholder(value)) continue;
      const hosts = parseHostList(value);
      if (hosts.length === 0 || hosts.some((h) => h.port === undefined)) continue;
      const eventHubs = hosts.filter((h) => isEventHubsHost(h.host));
      const wrong = eventHubs.find((h) => h.port !== EVENT_HUBS_KAFKA_PORT);
      if (wrong) report('wrongPort', entry.location, { spelling: entry.spelling, value, port: String(wrong.port) }, { level: 'error' });
      else if (eventHubs.length < hosts.length) {
        report('notEventHubs', entry.location, { spelling: entry.spelling, value: shown(entry), source: entry.fromDefault ? ' (the default used when the setting is not given)' : '' });
      } else if (eventHubs.length > 1) report('severalHosts', entry.location, { spelling: entry.spelling, count: eventHubs.length });
    }
  },
});
