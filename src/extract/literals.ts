import type { Literal } from '../facts.js';
import { findConnectionStrings } from '../kafka/secrets.js';
import type { LineIndex } from '../location.js';
import type { RawDocument } from './types.js';

/**
 * Event Hubs connection strings written anywhere in a scanned file (catalog EH107). One inside a multi-line
 * value (a continued `sasl.jaas.config`, a YAML block scalar) is reported on its key's line, like every finding.
 */
export function extractLiterals(index: LineIndex, docs: readonly RawDocument[] = []): Literal[] {
  const entries = docs.flatMap((d) => d.entries);
  return findConnectionStrings(index.text).map((c) => {
    const owner = entries.find((e) => e.span[0] <= c.start && c.start < e.span[1]);
    const location = index.firstLineRange(c.start, c.end);
    return { kind: 'connection-string' as const, value: index.text.slice(c.start, c.end), location: owner && owner.location.line < location.line ? owner.location : location };
  });
}
