import { effective, entriesOf } from '../../src/facts.js';
import { REF } from '../../src/kafka/references.js';
import { compareVersions, isVersion } from '../../src/kafka/versions.js';
import { defineRule, type Level } from '../../src/rule.js';

/** librdkafka's broker.version.fallback default since v1.0 (0.9.0 in 0.11.x; S2). */
const DEFAULT_FALLBACK = '0.10.0';

function pinLevel(version: string): Level | undefined {
  if (compareVersions(version, '1.0') >= 0) return undefined;
  return compareVersions(version, '0.11') >= 0 ? 'warning' : 'error';
}

export default defineRule({
  id: 'EH302',
  name: 'protocol-pinned-below-1-0',
  area: 'protocol',
  level: 'error',
  precision: 'high',
  summary: 'The client is pinned to a Kafka protocol version below 1.0.',
  why: 'Event Hubs supports Kafka clients 1.0 and later. A librdkafka client with api.version.request=false does not negotiate API versions and speaks the broker.version.fallback protocol (default 0.10.0), which behaves like an old client.',
  fix: 'Remove api.version.request=false and broker.version.fallback so the client negotiates, or pin 1.0.0 or later.',
  reference: REF.overview,
  messages: {
    noNegotiation: '{spelling}=false stops API version negotiation and pins the protocol to broker.version.fallback={fallback}, below Kafka 1.0, which Event Hubs requires; remove it (and broker.version.fallback).',
    fallback: '{spelling}={value} would pin the protocol below Kafka 1.0 if version negotiation fails; remove it or set 1.0.0 or later.',
    pinnedFallback: '{spelling}={value} is the protocol version the client speaks with api.version.request=false, below Kafka 1.0, which Event Hubs requires; remove both settings.',
  },
  check({ facts, report }) {
    for (const config of facts.configs) {
      const request = effective(config, 'api.version.request');
      const off = request?.value?.trim().toLowerCase() === 'false';
      const fallbacks = entriesOf(config, 'broker.version.fallback');
      if (request && off) {
        const version = fallbacks.at(-1)?.value?.trim() ?? DEFAULT_FALLBACK;
        const level = isVersion(version) ? pinLevel(version) : undefined;
        if (level) report('noNegotiation', request.location, { spelling: request.spelling, fallback: fallbacks.length > 0 ? version : `${version} (its default)` }, { level });
      }
      for (const entry of fallbacks) {
        const v = entry.value?.trim();
        const pinned = v && isVersion(v) ? pinLevel(v) : undefined;
        if (!v || !pinned) continue;
        // With negotiation on, a fallback from 0.10 up only matters if ApiVersions fails (catalog EH302): a note.
        const level = off || compareVersions(v, '0.10') < 0 ? pinned : 'note';
        report(off ? 'pinnedFallback' : 'fallback', entry.location, { spelling: entry.spelling, value: v }, { level });
      }
    }
  },
});
