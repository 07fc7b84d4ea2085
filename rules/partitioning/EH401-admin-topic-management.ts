import { callsOf } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

const TOPIC_APIS = [
  'admin.createTopics',
  'admin.deleteTopics',
  'admin.alterConfigs',
  'admin.incrementalAlterConfigs',
  'admin.electLeaders',
  'admin.alterPartitionReassignments',
  'admin.alterReplicaLogDirs',
  'admin.describeLogDirs',
  'springAdmin.createOrModifyTopics',
];

export default defineRule({
  id: 'EH401',
  name: 'admin-topic-management',
  area: 'partitioning',
  level: 'warning',
  precision: 'medium',
  summary: 'The application creates, deletes or reconfigures topics through the Kafka admin API, which Event Hubs limits.',
  why: 'On Event Hubs, partition counts and retention are set with the Azure portal, CLI or ARM templates, and topic-level configuration through Kafka is limited. Creating topics through Kafka needs a SAS policy with Manage rights or the Data Owner role, and cluster-internal operations (leader election, reassignment, log directories) do not exist. DeleteRecords is not implemented for infinite-retention topics.',
  fix: 'Create event hubs and set their partitions and retention with ARM/Bicep/Terraform or the Azure CLI; if the code must create topics, give it a Manage-capable SAS policy and expect topic configuration to be limited.',
  reference: REF.configurations,
  messages: {
    call: '{call} manages topics through the Kafka admin API; on Event Hubs create event hubs and set partitions and retention with ARM, Bicep, Terraform or the Azure CLI (Kafka topic management needs Manage rights and is limited).',
    deleteRecords: '{call} deletes records through the Kafka admin API, which Event Hubs may not support (it is not implemented for infinite-retention event hubs); rely on retention instead.',
    topicBean: '{call} declares a topic that Spring\'s KafkaAdmin creates at startup; on Event Hubs create the event hub with ARM, Bicep, Terraform or the Azure CLI (creation through Kafka needs Manage rights).',
  },
  check({ facts, report }) {
    for (const c of callsOf(facts, TOPIC_APIS)) report('call', c.location, { call: c.spelling });
    for (const c of callsOf(facts, ['admin.deleteRecords'])) report('deleteRecords', c.location, { call: c.spelling });
    for (const c of callsOf(facts, ['spring.topicBean'])) report('topicBean', c.location, { call: c.spelling });
  },
});
