import { ALL_SCOPES, entriesOf } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH605',
  name: 'kafka-connect-mm2',
  area: 'ecosystem',
  level: { basic: 'error', standard: 'warning', premium: 'warning', dedicated: 'warning' },
  precision: 'high',
  summary: 'Kafka Connect or MirrorMaker 2 runs against Event Hubs, which is a preview without Azure support.',
  why: 'Kafka Connect on Event Hubs is a preview and not eligible for support through Microsoft Azure. Its internal topics must be compacted (not on Basic) and are created through the admin API; task clients need their own security settings. MirrorMaker 2 runs on Connect and by default syncs ACLs and topic configs.',
  fix: 'Treat Connect and MirrorMaker 2 on Event Hubs as preview: copy the security settings to the producer., consumer. and admin. prefixes, keep internal topics compacted (Standard or higher) and set sync.topic.acls.enabled=false.',
  reference: REF.connect,
  messages: {
    worker: 'Kafka Connect worker: Connect against Event Hubs is a preview not eligible for Azure support; repeat the security settings with the producer., consumer. and admin. prefixes and keep the internal topics compacted.',
    connector: 'Kafka Connect connector: Connect against Event Hubs is a preview not eligible for Azure support.',
    mirror: 'MirrorMaker 2: it runs on Kafka Connect, a preview not eligible for Azure support on Event Hubs; set sync.topic.acls.enabled=false and keep internal topics compacted.',
  },
  check({ facts, report }) {
    for (const config of facts.configs) {
      if (config.library === 'connect') report('worker', config.anchor);
      else if (config.library === 'connect-connector') report('connector', config.anchor);
      else if (config.library === 'mirrormaker') report('mirror', entriesOf(config, 'clusters', { scopes: ALL_SCOPES })[0]?.location ?? config.anchor);
    }
  },
});
