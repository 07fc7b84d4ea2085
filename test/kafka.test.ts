import { describe, expect, it } from 'vitest';
import { isConnectionStringUser, jaasKind, parseJaas } from '../src/kafka/jaas.js';
import { isEventHubsHost, parseHostList, pointsAtEventHubs } from '../src/kafka/hosts.js';
import { findConnectionStrings, isPlaceholder, isSasToken, mask, redact } from '../src/kafka/secrets.js';
import { compareVersions } from '../src/kafka/versions.js';

const KEY = 'FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake123=';

describe('domain helpers', () => {
  it('parse JAAS lines', () => {
    const j = parseJaas('org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="a\\"b";');
    expect(j).toEqual({ module: 'org.apache.kafka.common.security.plain.PlainLoginModule', flag: 'required', options: { username: '$ConnectionString', password: 'a"b' } });
    expect(jaasKind('kafkashaded.org.apache.kafka.common.security.plain.PlainLoginModule')).toBe('plain');
    expect(jaasKind('software.amazon.msk.auth.iam.IAMLoginModule')).toBe('msk-iam');
    expect(parseJaas('not jaas')).toBeUndefined();
    expect(['$ConnectionString', '\\$ConnectionString', '$$ConnectionString'].every(isConnectionStringUser)).toBe(true);
    expect(isConnectionStringUser('ConnectionString')).toBe(false);
  });

  it('parse bootstrap lists and recognise Event Hubs hosts, sovereign clouds included', () => {
    expect(parseHostList('SASL_SSL://a:9093, b:9092 [::1]:9092 host')).toEqual([
      { host: 'a', port: 9093 },
      { host: 'b', port: 9092 },
      { host: '[::1]', port: 9092 },
      { host: 'host', port: undefined },
    ]);
    expect(isEventHubsHost('NS.ServiceBus.Windows.Net')).toBe(true);
    expect(isEventHubsHost('ns.servicebus.usgovcloudapi.net')).toBe(true);
    expect(isEventHubsHost('servicebus.windows.net.evil.com')).toBe(false);
    expect(pointsAtEventHubs('a.servicebus.windows.net:9093,b:9092')).toBe(false);
  });

  it('find connection strings with real-looking keys only', () => {
    const cs = `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${KEY};EntityPath=orders`;
    expect(findConnectionStrings(`x ${cs} y`)).toEqual([expect.objectContaining({ endpoint: 'ns.servicebus.windows.net', keyName: 'RootManageSharedAccessKey', key: KEY, entityPath: 'orders', start: 2 })]);
    expect(findConnectionStrings('Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=x;SharedAccessKey=<key>')).toEqual([]);
    expect(findConnectionStrings('Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;')).toEqual([]);
    expect(findConnectionStrings(`Endpoint=sb://localhost;SharedAccessKeyName=a;SharedAccessKey=${KEY};UseDevelopmentEmulator=true;`)).toEqual([]);
  });

  it('recognise placeholders and SAS tokens, and mask secrets', () => {
    for (const p of ['<connection string>', '<Your Event Hubs connection string.', '{YOUR.EVENTHUBS.CONNECTION.STRING}', '{{ CLUSTER_API_KEY }}', '${EH}', 'XXXXXX', 'your_api_key_here', 'SAS_KEY_VALUE', 'replace_me']) {
      expect(isPlaceholder(p), p).toBe(true);
    }
    expect(isPlaceholder('alice')).toBe(false);
    expect(isSasToken('SharedAccessSignature sr=x&sig=y&se=1&skn=z')).toBe(true);
    expect(isSasToken('sr=x&sig=y&se=1')).toBe(true);
    expect(isSasToken('Endpoint=sb://x/;SharedAccessKey=y')).toBe(false);
    expect(mask(KEY)).toBe('FAKE…3=');
    expect(redact(`SharedAccessKey=${KEY} password="hunter2hunter2" sig=abcdefghijabcdefghij https://u:pw123456@h`)).toBe('SharedAccessKey=FAKE…3= password="****" sig=abcd…ij https://u:****@h');
    expect(redact('clientSecret="s3cr3t-value" password=plain;')).toBe('clientSecret="****" password=****;');
    expect(redact('SharedAccessKey=<key>) and password="${EH}"')).toBe('SharedAccessKey=<key>) and password="${EH}"');
  });

  it('compare dotted versions', () => {
    expect(compareVersions('0.10.2.1', '1.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0')).toBe(0);
    expect(compareVersions('2.0.0', '0.11')).toBe(1);
  });
});
