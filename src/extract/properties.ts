import { parseLines, type Comment, type Pair } from 'dot-properties';
import type { LineIndex } from '../location.js';
import type { RawDocument, RawEntry } from './types.js';

/**
 * Reads Java `.properties` syntax (also librdkafka `.conf`) with dot-properties: line continuations,
 * `=`/`:`/whitespace separators, `!`/`#` comments and `\uXXXX` escapes, as `java.util.Properties` does.
 * Spring Boot 2.4+ splits one file into documents at a `#---` or `!---` line.
 */
export function readProperties(index: LineIndex): RawDocument[] {
  const docs: RawDocument[] = [{ index: 0, entries: [] }];
  for (const node of parseLines(index.text, true)) {
    if (node.type === 'COMMENT') {
      if (/^[#!]---\s*$/.test((node as Comment).comment)) docs.push({ index: docs.length, entries: [] });
      continue;
    }
    if (node.type !== 'PAIR') continue;
    const pair = node as Required<Pair>;
    const [keyStart, keyEnd, valueStart, valueEnd] = pair.range;
    const entry: RawEntry = {
      key: pair.key,
      value: pair.value,
      raw: index.text.slice(valueStart, valueEnd),
      location: index.firstLineRange(keyStart, Math.max(valueEnd, keyEnd)),
      span: [keyStart, Math.max(valueEnd, keyEnd)],
    };
    docs[docs.length - 1]?.entries.push(entry);
  }
  return docs.filter((d) => d.entries.length > 0 || d.index === 0);
}
