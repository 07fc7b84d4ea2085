import { REF } from '../../src/kafka/references.js';
import { findConnectionStrings, mask } from '../../src/kafka/secrets.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH107',
  name: 'hardcoded-connection-string',
  area: 'security',
  level: 'error',
  securitySeverity: '8.8',
  cwe: ['798'],
  precision: 'high',
  summary: 'An Event Hubs connection string with its shared access key is written in the repository.',
  why: 'A SAS connection string grants whatever its policy allows (RootManageSharedAccessKey: everything) to anyone who reads the repository. Regenerating the key does not drop connections that are already established.',
  fix: 'Move the secret to a vault or an environment variable (Kafka 3.5+: ${env:NAME} with EnvVarConfigProvider; Spring: ${NAME}), rotate the exposed key, or switch to Entra ID (OAUTHBEARER, managed identity).',
  reference: REF.entra,
  messages: {
    literal: 'an Event Hubs connection string with its shared access key ({key}) is written here{root}; move it to a secret store or environment variable, rotate the key, or use Entra ID (OAUTHBEARER).',
  },
  check({ facts, report }) {
    for (const literal of facts.literals) {
      if (literal.kind !== 'connection-string') continue;
      const parsed = findConnectionStrings(literal.value)[0];
      if (!parsed) continue;
      const root = parsed.keyName === 'RootManageSharedAccessKey' ? ' and it is the RootManageSharedAccessKey policy, which has Manage rights' : '';
      report('literal', literal.location, { key: mask(parsed.key), root }, { evidence: `${parsed.endpoint ?? ''}|${parsed.keyName ?? ''}|${parsed.key}` });
    }
  },
});
