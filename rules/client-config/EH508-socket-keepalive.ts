import { absenceAnchor, effectiveEntries, entriesOf } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH508',
  name: 'socket-keepalive',
  area: 'client-config',
  level: 'note',
  precision: 'medium',
  summary: 'A librdkafka client runs without TCP keepalive.',
  why: 'Azure drops connections idle for more than 240 seconds. Event Hubs requires socket.keepalive.enable=true for librdkafka clients to prevent idle-connection closure; librdkafka defaults to false and does not recognise *.servicebus.windows.net for its own Azure heuristic.',
  fix: 'Set socket.keepalive.enable=true (and metadata.max.age.ms=180000).',
  reference: REF.configurations,
  messages: {
    disabled: '{spelling}=false: Azure drops idle connections after 240 seconds and librdkafka needs TCP keepalive to survive it; set socket.keepalive.enable=true.',
    absent: 'no socket.keepalive.enable: librdkafka\'s default (false) lets Azure drop idle connections after 240 seconds; set socket.keepalive.enable=true (and metadata.max.age.ms=180000).',
  },
  check({ facts, report }) {
    const librdkafka = facts.configs.filter((c) => c.library === 'librdkafka');
    for (const { entry } of effectiveEntries(librdkafka, 'socket.keepalive.enable')) {
      if (entry.value?.trim().toLowerCase() === 'false') report('disabled', entry.location, { spelling: entry.spelling }, { level: 'warning' });
    }
    for (const config of librdkafka) {
      if (config.closed && entriesOf(config, 'socket.keepalive.enable').length === 0) report('absent', absenceAnchor(config));
    }
  },
});
