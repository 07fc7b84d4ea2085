import { effectiveEntries, bootstrapOf, effective, entriesOf, type ClientConfig, type ConfigEntry } from '../../src/facts.js';
import { pointsAtConfluentCloud } from '../../src/kafka/hosts.js';
import { isConnectionStringUser, jaasKind, parseJaas } from '../../src/kafka/jaas.js';
import { REF } from '../../src/kafka/references.js';
import { containsPlaceholder, isPlaceholder, isSasToken, looksLikeConnectionString, mask } from '../../src/kafka/secrets.js';
import { defineRule, type RuleContext } from '../../src/rule.js';

const MODULE_NAMES: Record<string, string> = { scram: 'ScramLoginModule (SCRAM)', kerberos: 'Krb5LoginModule (Kerberos)', 'msk-iam': 'IAMLoginModule (AWS MSK IAM)' };

/** A literal we can judge: not a placeholder, not partly unknown. */
function literal(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '' && !isPlaceholder(value) && !containsPlaceholder(value);
}

/** A client of a Confluent Cloud cluster stays on the source side; its API-key username is right there. */
function sourceSide(config: ClientConfig): boolean {
  return pointsAtConfluentCloud(bootstrapOf(config)?.value);
}

type Messages = 'module' | 'username' | 'password' | 'frameworkModule';

/** Spring Boot `spring.kafka.jaas.*` and the binder's `jaas.*`: the login module defaults to Krb5LoginModule. */
function checkFrameworkJaas(config: ClientConfig, report: RuleContext<Messages>['report']): void {
  const jaas = entriesOf(config, ['jaas.enabled', 'jaas.login-module', 'jaas.options.username'], { scopes: ['framework'] });
  if (jaas.length === 0) return;
  const enabled = effective(config, 'jaas.enabled', { scopes: ['framework'] });
  // Boot applies its JAAS settings only with jaas.enabled=true; the binder whenever they are set.
  if (config.library === 'spring' && enabled?.value?.trim().toLowerCase() !== 'true') return;
  const module = effective(config, 'jaas.login-module', { scopes: ['framework'] });
  const kind = module?.value === undefined ? (module ? undefined : 'kerberos') : jaasKind(module.value.trim());
  if (kind === undefined) return;
  if (kind !== 'plain' && kind !== 'oauthbearer') {
    const at = module ?? enabled ?? (jaas[0] as ConfigEntry);
    report('frameworkModule', at.location, { spelling: at.spelling, module: module?.value?.trim() ?? 'com.sun.security.auth.module.Krb5LoginModule (the default)' });
    return;
  }
  const user = effective(config, 'jaas.options.username', { scopes: ['framework'] });
  if (kind === 'plain' && user && literal(user.value) && !isConnectionStringUser(user.value)) {
    report('username', user.location, { spelling: user.spelling, username: mask(user.value.trim()) });
  }
}

export default defineRule({
  id: 'EH105',
  name: 'jaas-config-mismatch',
  area: 'security',
  level: 'error',
  precision: 'high',
  summary: 'The SASL credentials are not in the form Event Hubs accepts.',
  why: 'With a connection string, Event Hubs expects org.apache.kafka.common.security.plain.PlainLoginModule with the literal username $ConnectionString and the namespace or event hub connection string as password. With Entra ID it expects OAuthBearerLoginModule and a token callback. SCRAM, Kerberos and MSK IAM login modules, or PLAIN with another username, fail to authenticate.',
  fix: 'Use sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="<connection string>"; (librdkafka: sasl.username=$ConnectionString, sasl.password=<connection string>), or OAuthBearerLoginModule with an Entra ID callback.',
  reference: REF.configurations,
  messages: {
    module: '{spelling} uses {module}; Event Hubs accepts only PlainLoginModule with username "$ConnectionString" (connection string) or OAuthBearerLoginModule (Entra ID).',
    username: '{spelling} has username "{username}"; with SASL PLAIN Event Hubs expects the literal username $ConnectionString and the connection string as password.',
    password: '{spelling}: with username $ConnectionString the password must be an Event Hubs connection string (Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<policy>;SharedAccessKey=<key>).',
    frameworkModule:
      '{spelling}: the JAAS login module is {module}; Event Hubs accepts only PlainLoginModule with username "$ConnectionString" or OAuthBearerLoginModule.',
  },
  check({ facts, report }) {
    for (const { config, entry } of effectiveEntries(facts.configs, 'sasl.jaas.config')) {
      const jaas = parseJaas(entry.value ?? entry.template ?? '');
      if (!jaas) continue;
      const kind = jaasKind(jaas.module);
      if (kind === 'scram' || kind === 'kerberos' || kind === 'msk-iam') {
        report('module', entry.location, { spelling: entry.spelling, module: MODULE_NAMES[kind] ?? jaas.module });
        continue;
      }
      if (kind !== 'plain' || sourceSide(config)) continue;
      const user = jaas.options.username;
      if (literal(user) && !isConnectionStringUser(user)) {
        report('username', entry.location, { spelling: entry.spelling, username: mask(user) });
        continue;
      }
      const password = jaas.options.password;
      if (user && isConnectionStringUser(user) && literal(password) && !looksLikeConnectionString(password) && !isSasToken(password)) {
        report('password', entry.location, { spelling: entry.spelling });
      }
    }
    for (const config of facts.configs) {
      checkFrameworkJaas(config, report);
      if (sourceSide(config)) continue;
      const mechanism = effective(config, 'sasl.mechanism')?.value?.trim().toUpperCase();
      if (mechanism !== 'PLAIN') continue;
      const user = effective(config, 'sasl.username');
      if (user && literal(user.value) && !isConnectionStringUser(user.value)) {
        report('username', user.location, { spelling: user.spelling, username: mask(user.value.trim()) });
        continue;
      }
      const password = effective(config, 'sasl.password');
      if (user?.value && isConnectionStringUser(user.value) && password && literal(password.value) && !looksLikeConnectionString(password.value) && !isSasToken(password.value)) {
        report('password', password.location, { spelling: password.spelling });
      }
    }
  },
});
