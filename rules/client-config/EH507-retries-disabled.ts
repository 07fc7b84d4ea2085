import { absenceAnchor, dependenciesAbove, effectiveEntries, entriesOf, hasRole, intValue } from '../../src/facts.js';
import { apacheKafkaVersion, bundledLibrdkafka, compareVersions, kafkaClientsVersion } from '../../src/kafka/versions.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'EH507',
  name: 'retries-disabled',
  area: 'client-config',
  level: 'warning',
  precision: 'high',
  summary: 'The producer runs without retries.',
  why: 'Event Hubs throttles by delaying responses and may answer with retriable errors; a producer with retries=0 drops those records. Event Hubs recommends keeping the default (2147483647 in Java 2.1+ and librdkafka 1.5.2+).',
  fix: 'Remove retries=0 and bound delivery time with delivery.timeout.ms instead.',
  reference: REF.configurations,
  messages: {
    zero: '{spelling}=0: a producer without retries drops records when Event Hubs throttles or returns retriable errors; remove it (default 2147483647) and bound delivery with delivery.timeout.ms.',
    oldDefault: 'no retries setting, and kafka-clients {version} defaults to retries=0 (2.1+ retries forever): this producer drops records when Event Hubs throttles; set retries=2147483647 with delivery.timeout.ms, or upgrade.',
    oldLibrdkafka: 'no retries setting, and {name} {version} bundles librdkafka {librdkafka}, which retries only twice (1.5.2+ retries forever): throttled records can be dropped; set retries=2147483647 with message.timeout.ms, or upgrade.',
  },
  check({ facts, report }) {
    // Java clients up to 2.0 default to retries=0 (S1); the version comes from the application's build files.
    for (const config of facts.configs) {
      if (!config.closed || !hasRole(config, 'producer') || !['java', 'spring'].includes(config.library)) continue;
      if (entriesOf(config, 'retries', { scopes: ['common', 'producer'] }).length > 0) continue;
      const version = kafkaClientsVersion(dependenciesAbove(facts, config.anchor.file));
      if (version && compareVersions(apacheKafkaVersion(version), '2.1') < 0) report('oldDefault', absenceAnchor(config), { version });
    }
    // librdkafka before 1.5.2 retries twice (catalog EH507: note); node-rdkafka's version says which it bundles.
    for (const config of facts.configs) {
      if (!config.closed || !hasRole(config, 'producer') || config.library !== 'librdkafka') continue;
      if (entriesOf(config, 'retries', { scopes: ['common', 'producer'] }).length > 0) continue;
      if (config.package !== 'node-rdkafka') continue;
      const dep = dependenciesAbove(facts, config.anchor.file).find((d) => d.name === 'node-rdkafka' && d.resolved);
      const librdkafka = dep?.resolved ? bundledLibrdkafka(dep.resolved) : undefined;
      if (dep && librdkafka && compareVersions(librdkafka, '1.5.2') < 0) {
        report('oldLibrdkafka', absenceAnchor(config), { name: dep.name, version: dep.resolved!, librdkafka }, { level: 'note' });
      }
    }
    // Admin clients' retries are a different setting; only producer-side entries count.
    for (const { config, entry } of effectiveEntries(facts.configs, 'retries', { scopes: ['common', 'producer', 'worker'] })) {
      // A unit known to hold no producer (an Admin.create config) has no producer retries to disable.
      if (entry.scope === 'common' && config.roles.length > 0 && !hasRole(config, 'producer')) continue;
      if (intValue(entry) === 0) report('zero', entry.location, { spelling: entry.spelling });
    }
  },
});
