import { callsOf, effectiveEntries } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH106',
  name: 'tls-verification-disabled',
  area: 'security',
  level: 'warning',
  securitySeverity: '7.4',
  cwe: ['295'],
  precision: 'high',
  summary: 'TLS certificate or hostname verification is turned off for the Kafka connection.',
  why: 'Event Hubs presents publicly trusted certificates for *.servicebus.windows.net, so verification works without any override. Turning it off only exposes the connection string and data to interception.',
  fix: 'Remove the override: hostname verification defaults to https and librdkafka verifies certificates by default.',
  reference: REF.overview,
  messages: {
    endpoint: '{spelling}={value} turns off TLS hostname verification; Event Hubs certificates verify against public CAs, so remove the override (default https).',
    certificate: '{spelling}=false turns off TLS certificate verification; Event Hubs certificates verify against public CAs, so remove it.',
    nodeEnv: '{call} turns off TLS certificate verification for every connection of this Node process, the Kafka client\'s included; Event Hubs certificates verify against public CAs, so remove it.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, 'ssl.endpoint.identification.algorithm')) {
      const v = entry.value?.trim();
      if (v === '' || v?.toLowerCase() === 'none') report('endpoint', entry.location, { spelling: entry.spelling, value: v === '' ? '(empty)' : v });
    }
    for (const { entry } of effectiveEntries(facts.configs, 'enable.ssl.certificate.verification')) {
      if (entry.value?.trim().toLowerCase() === 'false') report('certificate', entry.location, { spelling: entry.spelling });
    }
    for (const c of callsOf(facts, ['node.tlsRejectUnauthorizedOff'])) report('nodeEnv', c.location, { call: c.spelling });
  },
});
