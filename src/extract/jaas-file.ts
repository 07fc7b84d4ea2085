import type { ClientConfig } from '../facts.js';
import type { LineIndex } from '../location.js';

/** A JAAS file's `Name { … };` sections. */
const SECTION = /(^|\n)[ \t]*([A-Za-z_][\w.-]*)[ \t]*\{([\s\S]*?)\}[ \t]*;/g;

export function looksLikeJaas(text: string): boolean {
  return /^[ \t]*[A-Za-z_][\w.-]*[ \t]*\{[\s\S]*?LoginModule[\s\S]*?\}[ \t]*;/m.test(text);
}

/**
 * The `KafkaClient` section of a JAAS file is what `sasl.jaas.config` would hold (catalog EH105); `KafkaServer`,
 * `Server` and `Client` sections belong to brokers and ZooKeeper and are not client settings.
 */
export function jaasFileFacts(index: LineIndex): ClientConfig[] {
  const configs: ClientConfig[] = [];
  for (const m of index.text.matchAll(SECTION)) {
    if (m[2] !== 'KafkaClient') continue;
    const bodyStart = (m.index ?? 0) + m[0].indexOf('{') + 1;
    // Blank out comments (keeping offsets) so the login module line is found and the value is the JAAS text only.
    // Comments are blanked (positions kept); quoted values are skipped, so `sb://host/` in a password stays.
    const body = (m[3] ?? '').replace(/"(?:[^"\\]|\\.)*"|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => (c.startsWith('"') ? c : c.replace(/[^\n]/g, ' ')));
    const lead = body.length - body.trimStart().length;
    const start = bodyStart + lead;
    const end = bodyStart + body.trimEnd().length;
    const location = index.firstLineRange(start, end);
    const value = body.trim().replace(/\s+/g, ' ');
    configs.push({
      id: `${index.file}#jaas`,
      library: 'jaas',
      roles: [],
      anchor: location,
      closed: false,
      entries: [{ key: 'sasl.jaas.config', spelling: 'KafkaClient', raw: value, value: value.endsWith(';') ? value : `${value};`, scope: 'common', location }],
    });
  }
  return configs;
}
