import type { LineIndex } from '../location.js';
import type { RawEntry } from './types.js';

/**
 * Flattens a JSON document into dotted keys with exact positions. `JSON.parse` decides validity (so a curl script
 * or a shell template named `.json` is rejected, never half-read); a small scanner then finds where each key is.
 */
export function readJson(index: LineIndex): RawEntry[] | undefined {
  const text = index.text;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const out: RawEntry[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: string, keyStart: number): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      while (text[i] !== '}') {
        const start = i;
        const key = readString();
        skipSpace();
        i++; // ':'
        readValue(path ? `${path}.${key}` : key, start);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '[') {
      i++;
      skipSpace();
      const items: string[] = [];
      let scalars = true;
      for (let n = 0; text[i] !== ']'; n++) {
        const before = out.length;
        const itemStart = i;
        readValue(`${path}[${n}]`, itemStart);
        const added = out.splice(before);
        if (added.length === 1 && added[0]!.key === `${path}[${n}]`) items.push(added[0]!.value);
        else {
          scalars = false;
          out.push(...added);
        }
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
      if (scalars && path) out.push({ key: path, value: items.join(','), raw: text.slice(keyStart, i), location: index.firstLineRange(keyStart, i), span: [keyStart, i] });
    } else {
      const start = i;
      if (c === '"') readString();
      else while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++;
      const raw = text.slice(start, i);
      const value = c === '"' ? (JSON.parse(raw) as string) : raw === 'null' ? '' : raw;
      if (path) out.push({ key: path, value, raw, location: index.firstLineRange(keyStart, i), span: [keyStart, i] });
    }
  };
  readValue('', 0);
  return out;
}
