// Value resolution shared by the config-file extractors (catalog §2.4).

export interface Resolved {
  value: string | undefined;
  template?: string;
  fromDefault?: boolean;
}

/**
 * Kafka's own files: `${provider:path:key}` config-provider references and other `${…}` are unknown values.
 * The rest of the text is kept as `template` so structured values (JAAS lines) stay partly readable.
 */
export function resolvePlain(raw: string): Resolved {
  if (!raw.includes('${')) return { value: raw };
  return { value: undefined, template: raw };
}

/** Finds the `}` matching the `${` at `start`, honouring nesting. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the first `:` at nesting depth 0 inside a placeholder body. */
function defaultSeparator(body: string): number {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith('${', i)) {
      depth++;
      i++;
    } else if (body[i] === '}') depth--;
    else if (body[i] === ':' && depth === 0) return i;
  }
  return -1;
}

/**
 * Spring property placeholders: `${NAME:fallback}` evaluates to the fallback (nested allowed), `${NAME}` and
 * SpEL `#{…}` are unknown. A value that is unknown only in part keeps its text as `template`.
 */
export function resolveSpring(raw: string): Resolved {
  if (!raw.includes('${') && !raw.includes('#{')) return { value: raw };
  if (raw.includes('#{')) return { value: undefined, template: raw };
  let out = '';
  let unknown = false;
  let fromDefault = false;
  for (let i = 0; i < raw.length; ) {
    const start = raw.indexOf('${', i);
    if (start < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, start);
    const end = closingBrace(raw, start);
    if (end < 0) {
      out += raw.slice(start);
      break;
    }
    const body = raw.slice(start + 2, end);
    const sep = defaultSeparator(body);
    if (sep < 0) {
      unknown = true;
      out += raw.slice(start, end + 1);
    } else {
      const fallback = resolveSpring(body.slice(sep + 1));
      if (fallback.value === undefined) {
        unknown = true;
        out += raw.slice(start, end + 1);
      } else {
        fromDefault = true;
        out += fallback.value;
      }
    }
    i = end + 1;
  }
  if (unknown) return { value: undefined, template: out };
  return fromDefault ? { value: out, fromDefault: true } : { value: out };
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Spring `Duration` text to milliseconds: `3s`, `500ms`, ISO `PT3S`, bare number = ms (KafkaProperties has no @DurationUnit). */
export function durationMs(text: string): string | undefined {
  const t = text.trim();
  if (/^[-+]?\d+$/.test(t)) return String(Number(t));
  const simple = /^([-+]?\d+)\s*(ns|us|ms|s|m|h|d)$/i.exec(t);
  if (simple) return String(Math.round(Number(simple[1]) * (DURATION_UNITS[(simple[2] ?? '').toLowerCase()] ?? 1)));
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(t);
  if (iso && t.length > 1) {
    const [, d = '0', h = '0', m = '0', s = '0'] = iso;
    return String(Math.round(((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000));
  }
  return undefined;
}

const DATASIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };

/** Spring `DataSize` text to bytes: `16KB`, `1MB`, bare number = bytes. */
export function dataSizeBytes(text: string): string | undefined {
  const m = /^([-+]?\d+)\s*(B|KB|MB|GB|TB)?$/i.exec(text.trim());
  if (!m) return undefined;
  return String(Number(m[1]) * (DATASIZE_UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1));
}
