// JAAS login-module lines as Kafka reads them from `sasl.jaas.config` or a JAAS file's `KafkaClient` section.

export interface JaasModule {
  /** Fully qualified login module class. */
  module: string;
  flag: string | undefined;
  options: Record<string, string>;
}

/** Parses `Module flag key="v" key2=v2;`. Returns undefined when the text is not a JAAS line. */
export function parseJaas(text: string): JaasModule | undefined {
  const m = /^\s*([A-Za-z_$][\w$.]*)\s+(required|requisite|sufficient|optional)\b/i.exec(text);
  if (!m) return undefined;
  const options: Record<string, string> = {};
  const rest = text.slice(m[0].length);
  const option = /([A-Za-z_][\w.-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s;]+))/g;
  for (const o of rest.matchAll(option)) {
    const name = o[1] ?? '';
    options[name] = (o[2] ?? o[3] ?? o[4] ?? '').replace(/\\(.)/g, '$1');
  }
  return { module: m[1] ?? '', flag: m[2]?.toLowerCase(), options };
}

/** Login modules by what they authenticate with. Databricks shades Kafka as `kafkashaded.` (R1 tutorials/spark). */
export type JaasKind = 'plain' | 'oauthbearer' | 'scram' | 'kerberos' | 'msk-iam' | 'other';

export function jaasKind(module: string): JaasKind {
  const m = module.replace(/^kafkashaded\./, '');
  if (m === 'org.apache.kafka.common.security.plain.PlainLoginModule') return 'plain';
  if (m === 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule') return 'oauthbearer';
  if (m === 'org.apache.kafka.common.security.scram.ScramLoginModule') return 'scram';
  if (m === 'com.sun.security.auth.module.Krb5LoginModule') return 'kerberos';
  if (m === 'software.amazon.msk.auth.iam.IAMLoginModule') return 'msk-iam';
  return 'other';
}

/** `$ConnectionString`, also as escaped for shells and YAML (`\$ConnectionString`) or docker-compose (`$$ConnectionString`). */
export function isConnectionStringUser(username: string): boolean {
  return /^(\\|\$)?\$ConnectionString$/.test(username.trim());
}
