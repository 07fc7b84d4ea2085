import type { Literal } from '../facts.js';
import { findConnectionStrings } from '../kafka/secrets.js';
import type { LineIndex } from '../location.js';

/** Event Hubs connection strings written anywhere in a scanned file (catalog EH107). */
export function extractLiterals(index: LineIndex): Literal[] {
  return findConnectionStrings(index.text).map((c) => ({
    kind: 'connection-string' as const,
    value: index.text.slice(c.start, c.end),
    location: index.firstLineRange(c.start, c.end),
  }));
}
