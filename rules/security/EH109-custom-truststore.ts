import { effectiveEntries, shown } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

const TRUSTSTORE = ['ssl.truststore.location', 'ssl.truststore.password', 'ssl.truststore.type', 'ssl.truststore.certificates'];
const CA_FILE = ['ssl.ca.location', 'ssl.ca.pem'];

export default defineRule({
  id: 'EH109',
  name: 'custom-truststore',
  area: 'security',
  level: 'note',
  precision: 'high',
  summary: 'The Kafka client uses a custom truststore or CA file.',
  why: 'Event Hubs certificates chain to public root CAs, so Java clients need no truststore. A store built for a self-managed cluster\'s private CA will not validate Event Hubs. librdkafka clients often set ssl.ca.location because some platforms have no default CA path; that is fine if the file holds the public roots.',
  fix: 'Remove the truststore settings (Java) or make sure the truststore or CA file contains the public root CAs that Event Hubs certificates chain to.',
  reference: REF.overview,
  messages: {
    truststore: '{spelling} sets a custom truststore; Event Hubs certificates chain to public CAs, so it is not needed (if kept, it must contain the public root CAs).',
    caFile: '{spelling} sets a CA file; normal for librdkafka on platforms without a default CA path, but it must contain the public root CAs Event Hubs certificates chain to.',
    bundle: '{spelling}={value} uses a Spring SSL bundle for Kafka; Event Hubs needs no custom trust or key material, so make sure the bundle holds only public root CAs.',
  },
  check({ facts, report }) {
    for (const { entry } of effectiveEntries(facts.configs, TRUSTSTORE)) {
      if (shown(entry).trim() !== '') report('truststore', entry.location, { spelling: entry.spelling });
    }
    for (const { entry } of effectiveEntries(facts.configs, CA_FILE)) {
      if (shown(entry).trim() !== '') report('caFile', entry.location, { spelling: entry.spelling });
    }
    for (const { entry } of effectiveEntries(facts.configs, 'ssl.bundle', { scopes: ['framework'] })) {
      report('bundle', entry.location, { spelling: entry.spelling, value: shown(entry) });
    }
  },
});
