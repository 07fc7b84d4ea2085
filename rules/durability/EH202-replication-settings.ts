import { ALL_SCOPES, effectiveEntries, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

/**
 * Where `replication.factor` is a setting written into topics the client creates (catalog EH202): Streams
 * configs, MirrorMaker 2 and topic-creation settings (binder `replicationFactor`, `topic.replication-factor`,
 * connector `topic.creation.*`). In a plain client map the key is ignored by the clients.
 */
const CREATES_TOPICS = new Set(['streams', 'mirrormaker']);

export default defineRule({
  id: 'EH202',
  name: 'replication-settings',
  area: 'durability',
  level: 'note',
  precision: 'high',
  summary: 'The client sets replication or broker-durability options that Event Hubs manages itself.',
  why: 'Event Hubs replicates every event before acknowledging it; broker durability settings are not configurable. Replication factors passed by clients (Streams, binders, MirrorMaker 2) are accepted but have no effect, and min.insync.replicas or unclean.leader.election.enable have no meaning.',
  fix: 'No action is needed for replication factors; remove min.insync.replicas and unclean.leader.election.enable from topic configs if topic creation fails.',
  reference: REF.configurations,
  messages: {
    replication: '{spelling}={value}: Event Hubs manages replication itself, so this replication factor has no effect (no change needed).',
    brokerDurability: '{spelling} is a broker durability setting that Event Hubs manages itself; remove it from the topic configuration.',
  },
  check({ facts, report }) {
    for (const { config, entry } of effectiveEntries(facts.configs, 'replication.factor', { scopes: ALL_SCOPES })) {
      const inContext = CREATES_TOPICS.has(config.library) || entry.scope === 'topic' || entry.scope === 'streams';
      if (!inContext || entry.value?.trim() === '-1') continue;
      report('replication', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
    for (const { entry } of effectiveEntries(facts.configs, ['min.insync.replicas', 'unclean.leader.election.enable'], { scopes: ['topic'] })) {
      report('brokerDurability', entry.location, { spelling: entry.spelling });
    }
  },
});
