import { absenceAnchor, configuredByAzureStarter, effectiveEntries, entriesOf, shown } from '../../src/facts.js';
import { productionDependencies } from '../../src/kafka/libraries.js';
import { parseJaas } from '../../src/kafka/jaas.js';
import { REF } from '../../src/kafka/references.js';
import { isPlaceholder } from '../../src/kafka/secrets.js';
import { defineRule } from '../../src/rule.js';

const UNSUPPORTED = new Set(['SCRAM-SHA-256', 'SCRAM-SHA-512', 'GSSAPI', 'AWS_MSK_IAM']);
const KERBEROS_KEYS = ['sasl.kerberos.service.name', 'sasl.kerberos.keytab', 'sasl.kerberos.principal', 'sasl.kerberos.kinit.cmd'];
/** Entra ID token hosts: public and sovereign clouds. */
const ENTRA_HOSTS = /^(login\.microsoftonline\.com|login\.microsoftonline\.us|login\.chinacloudapi\.cn|login\.partner\.microsoftonline\.cn|login\.microsoftonline\.de)$/i;
const EH_SCOPE = /^https:\/\/[^/]+\.servicebus\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net|cloudapi\.de)\/\.default$/i;

function urlHost(value: string): string | undefined {
  try {
    return new URL(value.trim()).hostname;
  } catch {
    return undefined;
  }
}

export default defineRule({
  id: 'EH103',
  name: 'unsupported-sasl-mechanism',
  area: 'security',
  level: 'error',
  precision: 'high',
  summary: 'A Kafka client uses a SASL mechanism Event Hubs does not support.',
  why: 'Event Hubs documents two SASL mechanisms for Kafka: PLAIN (SAS connection string) and OAUTHBEARER (Entra ID tokens for https://<namespace>.servicebus.windows.net). SCRAM, GSSAPI/Kerberos and AWS MSK IAM fail to authenticate. Java clients and librdkafka default to GSSAPI when SASL is on and no mechanism is set.',
  fix: 'Use sasl.mechanism=PLAIN with username $ConnectionString and the namespace connection string as password, or OAUTHBEARER with an Entra ID token callback; remove Kerberos and MSK IAM settings.',
  reference: REF.overview,
  messages: {
    mechanism: '{spelling}={value}: Event Hubs supports only the PLAIN (connection string) and OAUTHBEARER (Entra ID) SASL mechanisms.',
    kerberos: '{spelling} configures Kerberos (GSSAPI), which Event Hubs does not support; use sasl.mechanism=PLAIN or OAUTHBEARER.',
    mskIam: '{spelling}={value} is AWS MSK IAM authentication; Event Hubs supports only PLAIN or OAUTHBEARER.',
    absent: 'security.protocol={protocol} without sasl.mechanism: the client falls back to GSSAPI (Kerberos), which Event Hubs does not support; set sasl.mechanism=PLAIN or OAUTHBEARER.',
    mskDependency: '{name} is AWS MSK IAM authentication; Event Hubs supports only PLAIN (connection string) or OAUTHBEARER (Entra ID).',
    oauthEndpoint: '{spelling} requests tokens from {host}, not from Entra ID (login.microsoftonline.com); Event Hubs accepts only Entra ID tokens for OAUTHBEARER.',
    oauthScope: '{spelling} asks for scope {value}; the Entra ID scope for Event Hubs is https://<namespace>.servicebus.windows.net/.default.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'sasl.mechanism')) {
      const v = entry.value?.trim().toUpperCase();
      if (v && UNSUPPORTED.has(v)) report('mechanism', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
    for (const { entry } of effectiveEntries(facts.configs, KERBEROS_KEYS)) report('kerberos', entry.location, { spelling: entry.spelling });
    for (const { entry } of effectiveEntries(facts.configs, 'sasl.client.callback.handler.class')) {
      if (entry.value?.includes('software.amazon.msk.auth.iam')) report('mskIam', entry.location, { spelling: entry.spelling, value: entry.value });
    }
    for (const { entry } of effectiveEntries(facts.configs, 'sasl.oauthbearer.token.endpoint.url')) {
      const host = entry.value && !isPlaceholder(entry.value) ? urlHost(entry.value) : undefined;
      if (host && !ENTRA_HOSTS.test(host)) report('oauthEndpoint', entry.location, { spelling: entry.spelling, host }, { level: 'note' });
    }
    for (const { entry } of effectiveEntries(facts.configs, ['sasl.oauthbearer.scope', 'sasl.jaas.config'])) {
      const scope = entry.key === 'sasl.jaas.config' ? parseJaas(entry.value ?? entry.template ?? '')?.options.scope : entry.value;
      if (scope && !isPlaceholder(scope) && !scope.includes('${') && !EH_SCOPE.test(scope.trim())) {
        report('oauthScope', entry.location, { spelling: entry.spelling, value: scope }, { level: 'note' });
      }
    }
    for (const dep of productionDependencies(facts.dependencies, 'msk-iam')) report('mskDependency', dep.versionAt ?? dep.declaredAt, { name: dep.name });
    for (const config of facts.configs) {
      // kafkajs requires a mechanism in its sasl object, so it never falls back to GSSAPI (catalog EH103).
      if (!config.closed || config.library === 'kafkajs' || config.library === 'kafka-node' || entriesOf(config, 'sasl.mechanism').length > 0 || configuredByAzureStarter(facts, config)) continue;
      // Any client of the unit on SASL without a mechanism falls back to GSSAPI (an MM2 alias, a Connect prefix).
      const sasl = entriesOf(config, 'security.protocol').find((e) => e.value?.trim().toUpperCase().startsWith('SASL_'));
      if (sasl) report('absent', absenceAnchor(config), { protocol: sasl.value!.trim().toUpperCase() }, { level: 'warning' });
    }
  },
});
