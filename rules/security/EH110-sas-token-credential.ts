import { ALL_SCOPES, effectiveEntries } from '../../src/facts.js';
import { parseJaas } from '../../src/kafka/jaas.js';
import { REF } from '../../src/kafka/references.js';
import { isSasToken, mask } from '../../src/kafka/secrets.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH110',
  name: 'sas-token-credential',
  area: 'security',
  level: 'error',
  securitySeverity: '7.0',
  cwe: ['798'],
  precision: 'high',
  summary: 'A shared access signature token is used as the Kafka password, which the Kafka endpoint rejects.',
  why: 'The Event Hubs Kafka endpoint accepts a full connection string (SASL PLAIN, username $ConnectionString) or an Entra ID token (OAUTHBEARER). Generated SharedAccessSignature tokens (sr=…&sig=…&se=…&skn=…) are not accepted, and a literal token is also a leaked credential.',
  fix: 'Pass the namespace or event hub connection string as the password with username $ConnectionString, or use OAUTHBEARER with Entra ID.',
  reference: REF.overview,
  messages: {
    token: '{spelling} holds a shared access signature token ({token}); the Kafka endpoint accepts only a connection string (PLAIN, username $ConnectionString) or an Entra ID token (OAUTHBEARER).',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, ['sasl.password', 'sasl.jaas.config', 'jaas.options.password'], { scopes: ALL_SCOPES })) {
      // A token built at run time keeps its shape (`SharedAccessSignature sr=${…}&sig=${…}`) as a template.
      const password = entry.key === 'sasl.jaas.config' ? parseJaas(entry.value ?? entry.template ?? '')?.options.password : (entry.value ?? entry.template);
      if (password && isSasToken(password)) report('token', entry.location, { spelling: entry.spelling, token: mask(password.trim()) });
    }
  },
});
