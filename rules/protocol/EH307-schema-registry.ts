import { ALL_SCOPES, callsOf, effectiveEntries, type ClientConfig } from '../../src/facts.js';
import { pointsAtEventHubs } from '../../src/kafka/hosts.js';
import { productionDependencies } from '../../src/kafka/libraries.js';
import { containsPlaceholder } from '../../src/kafka/secrets.js';
import { REF } from '../../src/kafka/references.js';
import { defineRule } from '../../src/rule.js';

/** Confluent Schema Registry serializers, serdes and converters (catalog EH307); plain JSON serializers excluded. */
const REGISTRY_CLASS = /^io\.confluent\.(kafka\.serializers\.(KafkaAvro(Serializer|Deserializer)|protobuf\.|json\.KafkaJsonSchema)|kafka\.streams\.serdes\.|connect\.(avro\.AvroConverter|protobuf\.ProtobufConverter|json\.JsonSchemaConverter))/;
const SERDE_KEY = /(^|\.)(key|value)\.(serializer|deserializer|converter)$|^default\.(key|value)\.serde$/;
const AUTH_KEY = /(^|\.)(basic\.auth\.credentials\.source|basic\.auth\.user\.info|schema\.registry\.basic\.auth\.user\.info)$/;
const BEHAVIOUR_KEY = /(^|\.)(auto\.register\.schemas|use\.latest\.version)$/;

/** Azure Schema Registry's Kafka serializers read the same `auto.register.schemas` key. */
function usesAzureSerializers(config: ClientConfig): boolean {
  return config.entries.some((e) => SERDE_KEY.test(e.key) && (e.value ?? '').trim().startsWith('com.microsoft.azure.schemaregistry.'));
}

function urlHost(url: string): string {
  return url.replace(/^[a-z]+:\/\//i, '').split(/[/:]/)[0] ?? '';
}

export default defineRule({
  id: 'EH307',
  name: 'schema-registry',
  area: 'protocol',
  level: { basic: null, standard: 'warning', premium: 'warning', dedicated: 'warning' },
  precision: 'high',
  summary: 'The application uses a Confluent Schema Registry, which Event Hubs does not host.',
  why: 'Event Hubs has no Confluent-compatible Schema Registry; it offers Azure Schema Registry with its own serializers. A Confluent registry can keep running elsewhere with its own Kafka store, but Event Hubs cannot be its metadata store.',
  fix: 'Keep a separately hosted Confluent Schema Registry, or move to Azure Schema Registry with the Azure Kafka serializers (com.microsoft.azure.schemaregistry.kafka.*).',
  reference: REF.quotas,
  messages: {
    url: '{spelling}={value} is a Confluent Schema Registry; Event Hubs does not host one, so keep it running elsewhere or move to Azure Schema Registry.',
    serde: '{spelling}={value} needs a Confluent Schema Registry, which Event Hubs does not host; keep one running elsewhere or use the Azure Schema Registry serializers.',
    setting: '{spelling} configures a Confluent Schema Registry client, which Event Hubs does not host.',
    client: '{call} creates a Confluent Schema Registry client; Event Hubs does not host that registry, so keep one running elsewhere or move to Azure Schema Registry.',
    dependency: '{name} is a Confluent Schema Registry client library; Event Hubs does not host that registry, so keep one running elsewhere or use the Azure Schema Registry serializers.',
  },
  check({ facts, report }) {
    for (const c of callsOf(facts, ['schemaRegistry.client'])) report('client', c.location, { call: c.spelling });
    for (const dep of productionDependencies(facts.dependencies, 'schema-registry')) report('dependency', dep.versionAt ?? dep.declaredAt, { name: dep.name });
    for (const { config, entry } of effectiveEntries(facts.configs, undefined, { scopes: ALL_SCOPES })) {
      const key = entry.key;
      if (key === 'schema.registry.url' || key.endsWith('.schema.registry.url')) {
        // An unknown URL (${SCHEMA_REGISTRY_URL}) may well be Azure's: only a known one is judged.
        const urls = (entry.value ?? '').split(',').map((u) => u.trim()).filter(Boolean);
        // mock:// is Confluent's in-memory registry for tests, not a registry to host.
        if (urls.length === 0 || containsPlaceholder(entry.value ?? '') || urls.every((u) => pointsAtEventHubs(urlHost(u)) || /^mock:\/\//i.test(u))) continue;
        report('url', entry.location, { spelling: entry.spelling, value: entry.value ?? '' });
      } else if (SERDE_KEY.test(key) && REGISTRY_CLASS.test(entry.value?.trim() ?? '')) {
        report('serde', entry.location, { spelling: entry.spelling, value: entry.value?.trim() ?? '' });
      } else if (AUTH_KEY.test(key) || (BEHAVIOUR_KEY.test(key) && !usesAzureSerializers(config))) {
        // Never echo the value: basic.auth.user.info holds user:password.
        report('setting', entry.location, { spelling: entry.spelling });
      }
    }
  },
});
