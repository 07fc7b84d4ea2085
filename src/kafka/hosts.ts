// Bootstrap addresses and Event Hubs endpoint detection (catalog §2.2 target detection, EH304).

/** Event Hubs namespace host suffixes: public cloud and sovereign clouds (D5). */
export const EVENT_HUBS_SUFFIXES = [
  '.servicebus.windows.net',
  '.servicebus.chinacloudapi.cn',
  '.servicebus.usgovcloudapi.net',
  '.servicebus.cloudapi.de',
] as const;

export const EVENT_HUBS_KAFKA_PORT = 9093;

export interface HostPort {
  host: string;
  /** `undefined` when the entry has no numeric port. */
  port: number | undefined;
}

/** Splits a bootstrap list (`a:9092,b:9092`, `SASL_SSL://a:9093`, `[::1]:9092`). */
export function parseHostList(value: string): HostPort[] {
  return value
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const bare = item.replace(/^[A-Za-z_]+:\/\//, '').replace(/\/+$/, '');
      const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(bare);
      if (!m) return { host: bare, port: undefined };
      return { host: (m[1] ?? bare).toLowerCase(), port: m[2] === undefined ? undefined : Number(m[2]) };
    });
}

export function isEventHubsHost(host: string): boolean {
  const h = host.toLowerCase();
  return EVENT_HUBS_SUFFIXES.some((suffix) => h.endsWith(suffix));
}

/** True when every host of a bootstrap value is an Event Hubs namespace: the client already points at Event Hubs. */
export function pointsAtEventHubs(value: string | undefined): boolean {
  if (value === undefined) return false;
  const hosts = parseHostList(value);
  return hosts.length > 0 && hosts.every((h) => isEventHubsHost(h.host));
}

/**
 * Confluent Cloud clusters (`*.confluent.cloud`) are the source side of a migration: their API-key usernames
 * are legitimate there (catalog EH105 false positives).
 */
export function pointsAtConfluentCloud(value: string | undefined): boolean {
  if (value === undefined) return false;
  const hosts = parseHostList(value);
  return hosts.length > 0 && hosts.every((h) => h.host.endsWith('.confluent.cloud'));
}
