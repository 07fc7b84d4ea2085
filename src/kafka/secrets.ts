// Event Hubs credentials: connection strings, SAS keys and tokens, placeholders, masking (catalog EH107, EH110, §2.4).

/**
 * Shows the first 4 and last 2 characters of a long secret (a 44-character SAS key), so a finding can be matched
 * to its secret without revealing it; anything shorter than 20 characters (a password) is hidden entirely.
 */
export function mask(secret: string): string {
  if (secret.length < 20) return '****';
  return `${secret.slice(0, 4)}…${secret.slice(-2)}`;
}

/**
 * Placeholder values are unknown, never findings (§2.4): `<…>`, `{…}`, `${…}`, `$(…)`, runs of X or *,
 * `your_…_here`/`your-…` tokens, and the samples' `SAS_KEY_VALUE`.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  // `<…>` (also left unterminated by a typo), `{…}`, `{{ … }}` (mustache/Jinja), `${…}`, `$(…)`.
  if (/^<[^>]*>?$/.test(v) || /^\{\{?[^}]*\}\}?$/.test(v) || /^\$\{[^}]*\}$/.test(v) || /^\$\([^)]*\)$/.test(v)) return true;
  if (/[xX*]{4,}/.test(v)) return true;
  if (/\byour[_-]/i.test(v) || /<fill>/i.test(v) || /^SAS_KEY_VALUE$/.test(v) || /^(change[_-]?me|replace[_-]?me|todo|tbd)$/i.test(v)) return true;
  return false;
}

/** True when a value contains a placeholder anywhere (`…password="${EH_CONN}";`). */
export function containsPlaceholder(value: string): boolean {
  return /\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|^\{[^{}\s]+\}$|<[^<>\s]*[^<>]*>|[xX*]{4,}|\byour[_-]|<fill>|SAS_KEY_VALUE/i.test(value);
}

export interface ConnectionString {
  /** Offset of the match in the searched text. */
  start: number;
  end: number;
  endpoint: string | undefined;
  keyName: string | undefined;
  key: string;
  entityPath: string | undefined;
}

// The key is captured as base64 only, so a key inside `${VAR:Endpoint=…;SharedAccessKey=…}` ends before the `}`.
const CONNECTION_STRING = /(?:Endpoint\s*=\s*sb:\/\/[^;"'\s]*;\s*)?(?:SharedAccessKeyName\s*=\s*[^;"'\s]*;\s*)?SharedAccessKey\s*=\s*([A-Za-z0-9+/=]+)(?:;\s*EntityPath\s*=\s*([^;"'\s}]+))?/g;

/**
 * A real SAS key is 256-bit base64: 43 characters plus `=`; identifiable keys carry `+AEh` at a fixed
 * position (microsoft/security-utilities SEC101/172, SEC101/105). Anything else is a sample or placeholder.
 */
export function isSasKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(key);
}

/** Connection strings and `SharedAccessKey=` literals with a real-looking key; the emulator's documented string excluded. */
export function findConnectionStrings(text: string): ConnectionString[] {
  if (!text.includes('SharedAccessKey')) return [];
  const out: ConnectionString[] = [];
  for (const m of text.matchAll(CONNECTION_STRING)) {
    const key = m[1] ?? '';
    if (!isSasKey(key) || isPlaceholder(key)) continue;
    const full = m[0];
    const tail = text.slice((m.index ?? 0) + full.length, (m.index ?? 0) + full.length + 80);
    if (/UseDevelopmentEmulator\s*=\s*true/i.test(full + tail)) continue;
    out.push({
      start: m.index ?? 0,
      end: (m.index ?? 0) + full.length,
      endpoint: /Endpoint\s*=\s*sb:\/\/([^;"'\s/]*)/.exec(full)?.[1],
      keyName: /SharedAccessKeyName\s*=\s*([^;"'\s]*)/.exec(full)?.[1],
      key,
      entityPath: m[2],
    });
  }
  return out;
}

/** `SharedAccessSignature sr=…&sig=…&se=…&skn=…` tokens, which the Kafka endpoint does not accept (EH110). */
export function isSasToken(value: string): boolean {
  const v = value.trim();
  if (/^SharedAccessSignature\s/i.test(v)) return true;
  return /(^|[&\s])sig=/.test(v) && /(^|[&\s])se=/.test(v) && /(^|[&\s])sr=/.test(v);
}

/** A value shaped like an Event Hubs connection string (for the EH105 password-shape check). */
export function looksLikeConnectionString(value: string): boolean {
  return /^Endpoint\s*=\s*sb:\/\/[^;]+;\s*SharedAccessKeyName\s*=\s*[^;]+;\s*SharedAccessKey\s*=\s*[^;]+(;\s*EntityPath\s*=\s*[^;]+)?;?$/i.test(
    value.trim(),
  );
}

/**
 * Masks every credential-looking part of a text: the safety net applied to every message and facts dump.
 * Only real-looking values are masked (base64 keys, JAAS secrets), so templates like `SharedAccessKey=<key>` stay readable.
 */
export function redact(text: string): string {
  if (!/SharedAccessKey|sig=|password|secret|:\/\/[^/\s]*@/i.test(text)) return text;
  return text
    .replace(/(SharedAccessKey\s*=\s*)([A-Za-z0-9+/=]{8,})/g, (_, p: string, s: string) => p + mask(s))
    .replace(/(\bsig=)([A-Za-z0-9%+/=]{8,})/g, (_, p: string, s: string) => p + mask(s))
    .replace(/(\b\w*(?:password|secret)\w*\s*=\s*)("[^"]*"|'[^']*'|[^\s;"',]+)/gi, (_, p: string, v: string) => {
      const quote = v.startsWith('"') || v.startsWith("'") ? v[0]! : '';
      const inner = quote ? v.slice(1, -1) : v;
      return p + (inner === '' || inner.startsWith('$') || isPlaceholder(inner) ? v : quote + mask(inner) + quote);
    })
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/@\s:]+:)([^@/\s]+)(@)/gi, (_, p: string, s: string, q: string) => p + mask(s) + q);
}

/** Keys whose values are credentials: never shown, even in a facts dump. */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'sasl.password',
  'ssl.keystore.password',
  'ssl.truststore.password',
  'ssl.key.password',
  'ssl.keystore.key',
  'ssl.key.pem',
  'basic.auth.user.info',
  'schema.registry.basic.auth.user.info',
  'sasl.oauthbearer.client.secret',
  'jaas.options.password',
]);

/** A credential key, also under a prefix (`value.converter.basic.auth.user.info`). */
export function isSecretKey(key: string): boolean {
  for (const k of SECRET_KEYS) if (key === k || key.endsWith(`.${k}`)) return true;
  return false;
}

/** A deep copy of facts with every secret masked, for `--dump-facts`. */
export function redactFacts<T>(facts: T): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const secret = typeof obj.key === 'string' && isSecretKey(obj.key);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        out[k] = secret && (k === 'raw' || k === 'value' || k === 'template') && typeof v === 'string' ? mask(v) : walk(v);
      }
      if ((obj as { kind?: unknown }).kind === 'connection-string' && typeof obj.value === 'string') out.value = redact(obj.value);
      return out;
    }
    return value;
  };
  return walk(facts) as T;
}
