import { callsOf, effectiveEntries } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

const CREDENTIAL_APIS = [
  'admin.createDelegationToken',
  'admin.renewDelegationToken',
  'admin.expireDelegationToken',
  'admin.describeDelegationToken',
  'admin.alterUserScramCredentials',
  'admin.describeUserScramCredentials',
];

export default defineRule({
  id: 'EH108',
  name: 'credential-admin-api',
  area: 'security',
  level: 'error',
  precision: 'medium',
  summary: 'The application manages Kafka SCRAM credentials or delegation tokens, which Event Hubs does not have.',
  why: 'Event Hubs has no Kafka-side user store: clients authenticate with SAS keys (connection strings) or Microsoft Entra ID identities. SCRAM credentials and delegation tokens are Kafka broker features without an Event Hubs equivalent.',
  fix: 'Manage access with SAS policies or Microsoft Entra ID role assignments, and delete the credential-management code.',
  reference: REF.overview,
  messages: {
    call: '{call} manages Kafka credentials, which Event Hubs does not have; grant access with SAS policies or Entra ID role assignments instead.',
    tokenAuth: '{spelling} logs in with a Kafka delegation token (tokenauth=true), which Event Hubs does not issue; use a connection string (PLAIN) or Entra ID (OAUTHBEARER).',
  },
  check({ facts, report }) {
    for (const c of callsOf(facts, CREDENTIAL_APIS)) report('call', c.location, { call: c.spelling });
    for (const { entry } of effectiveEntries(facts.configs, 'sasl.jaas.config')) {
      const jaas = entry.value ?? entry.template ?? '';
      if (/ScramLoginModule/.test(jaas) && /\btokenauth\s*=\s*"?true"?/i.test(jaas)) report('tokenAuth', entry.location, { spelling: entry.spelling });
    }
  },
});
