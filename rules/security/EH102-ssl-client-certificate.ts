import { effectiveEntries, shown, type ClientConfig, type ConfigEntry } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

/** Client-certificate material in every family: Java SslConfigs.SSL_KEYSTORE_*, librdkafka ssl.certificate/key.* (catalog EH102). */
const KEY_MATERIAL = [
  'ssl.keystore.location',
  'ssl.keystore.key',
  'ssl.keystore.certificate.chain',
  'ssl.key.password',
  'ssl.certificate.location',
  'ssl.key.location',
  'ssl.certificate.pem',
  'ssl.key.pem',
];

/**
 * The catalog names the keystore password and type only for librdkafka (`ssl.keystore.password`) and Spring's typed
 * `key-store-password`/`key-store-type`; in Java files they sit next to the location, which already carries the finding.
 */
function namedKeystoreDetail(config: ClientConfig, entry: ConfigEntry): boolean {
  if (/key-store-(password|type)$/.test(entry.spelling)) return true;
  return config.library === 'librdkafka' && entry.key === 'ssl.keystore.password';
}

export default defineRule({
  id: 'EH102',
  name: 'ssl-client-certificate',
  area: 'security',
  level: 'error',
  precision: 'high',
  summary: 'A Kafka client authenticates with a TLS client certificate, which Event Hubs does not offer.',
  why: 'Event Hubs authenticates Kafka clients only with SASL PLAIN (a SAS connection string) or SASL OAUTHBEARER (Entra ID). There is no mutual-TLS option, so security.protocol=SSL and keystore settings cannot authenticate.',
  fix: 'Remove the keystore settings and set security.protocol=SASL_SSL with sasl.mechanism=PLAIN (connection string) or OAUTHBEARER (Entra ID, managed identity).',
  reference: REF.overview,
  messages: {
    protocolSsl: '{spelling}=SSL authenticates with a TLS client certificate, which Event Hubs does not offer; use SASL_SSL with sasl.mechanism=PLAIN or OAUTHBEARER.',
    keyMaterial: '{spelling} configures a client certificate; Event Hubs has no mutual-TLS authentication, so remove it and authenticate with SASL PLAIN or OAUTHBEARER.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'security.protocol')) {
      // kafkajs `ssl: true` without `sasl` is TLS without client authentication unless key material is set (reported below).
      if (entry.value?.trim().toUpperCase() === 'SSL' && !entry.derived) report('protocolSsl', entry.location, { spelling: entry.spelling });
    }
    for (const { entry } of effectiveEntries(facts.configs, KEY_MATERIAL)) {
      if (shown(entry).trim() !== '') report('keyMaterial', entry.location, { spelling: entry.spelling });
    }
    for (const { config, entry } of effectiveEntries(facts.configs, ['ssl.keystore.password', 'ssl.keystore.type'])) {
      if (shown(entry).trim() !== '' && namedKeystoreDetail(config, entry)) report('keyMaterial', entry.location, { spelling: entry.spelling });
    }
  },
});
