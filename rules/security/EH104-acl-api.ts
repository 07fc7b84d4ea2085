import { absenceAnchor, ALL_SCOPES, callsOf, entriesOf } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH104',
  name: 'acl-api',
  area: 'security',
  level: 'warning',
  precision: 'medium',
  summary: 'The application manages Kafka ACLs, which Event Hubs replaces with SAS policies and Azure RBAC.',
  why: 'Event Hubs authorizes Kafka clients with shared access policies (Send, Listen, Manage) or Azure RBAC roles (Azure Event Hubs Data Owner, Sender, Receiver). No documentation says the Kafka ACL APIs are implemented, so ACL management, including MirrorMaker 2 ACL sync (on by default), has no effect or fails.',
  fix: 'Grant access with SAS policies or Azure RBAC role assignments on the namespace or event hub; in MirrorMaker 2 set sync.topic.acls.enabled=false.',
  reference: REF.overview,
  messages: {
    call: '{call} manages Kafka ACLs, which Event Hubs does not implement: it authorizes with SAS policies or Azure RBAC roles; grant access there instead.',
    syncAcls: '{spelling}=true makes MirrorMaker 2 copy Kafka ACLs to {target}, an Event Hubs namespace that authorizes with SAS policies or Azure RBAC instead; set sync.topic.acls.enabled=false.',
    syncAclsDefault:
      'MirrorMaker 2 replicates into {target} (Event Hubs) with sync.topic.acls.enabled left at its default (true), so it tries to copy Kafka ACLs that Event Hubs replaces with SAS policies or Azure RBAC; set sync.topic.acls.enabled=false.',
  },
  check({ facts, report }) {
    for (const c of callsOf(facts, ['admin.createAcls', 'admin.describeAcls', 'admin.deleteAcls'])) report('call', c.location, { call: c.spelling });
    for (const config of facts.configs) {
      const mirror = config.mirror;
      if (!mirror) continue;
      const syncs = entriesOf(config, 'sync.topic.acls.enabled', { scopes: ALL_SCOPES });
      let reportedDefault = false;
      for (const flow of mirror.flows) {
        if (flow.enabled !== true || !mirror.ehAliases.includes(flow.target)) continue;
        // A flow-level setting (`A->B.sync.topic.acls.enabled`) overrides the top-level one.
        const own = syncs.filter((e) => e.spelling.startsWith(`${flow.source}->${flow.target}.`)).at(-1);
        const setting = own ?? syncs.filter((e) => !e.spelling.includes('->')).at(-1);
        if (!setting) {
          // An absence finding: once per file, on the unit's bootstrap line (catalog §2.3).
          if (!reportedDefault) report('syncAclsDefault', absenceAnchor(config), { target: flow.target });
          reportedDefault = true;
        } else if (setting.value?.trim().toLowerCase() === 'true') {
          report('syncAcls', setting.location, { spelling: setting.spelling, target: flow.target });
        }
      }
    }
  },
});
