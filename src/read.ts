import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { FileKind } from './extract/index.js';
import type { Notification } from './extract/types.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { text: string; notification?: Notification } | { text?: undefined; notification: Notification };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and decodes a file, or says why it cannot be scanned. Synchronous on purpose: with thousands of small
 * files the threadpool round trips of async fs cost more than the reads (PERFORMANCE.md, read-all floor). UTF-8 by default; UTF-16 with a byte-order mark;
 * invalid UTF-8 in a `.properties` file is ISO-8859-1, which is what `Properties.load(InputStream)` reads.
 */
export function readSource(absolute: string, display: string, kind: FileKind, maxBytes: number): ReadResult {
  let buffer: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    const st = fstatSync(fd);
    if (st.size > maxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      // Config files are what the scan is for; a huge JSON data file only loses the credential check.
      return {
        notification: {
          level: kind === 'text' ? 'note' : 'error',
          kind: 'too-large',
          file: display,
          message: `file is ${mb(st.size)} MB, over the ${mb(maxBytes)} MB limit; not scanned (raise --max-file-size to scan it)`,
        },
      };
    }
    buffer = readFileSync(fd);
  } catch (e) {
    return { notification: { level: 'error', kind: 'unreadable', file: display, message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}` } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
    const le = buffer[0] === 0xff;
    const body = buffer.subarray(2);
    const swapped = le ? body : Buffer.from(body).swap16();
    return { text: swapped.toString('utf16le') };
  }
  if (buffer.subarray(0, 8000).includes(0)) {
    return { notification: { level: 'error', kind: 'binary', file: display, message: 'binary content (NUL bytes) in a file named like a configuration file; not scanned' } };
  }
  try {
    return { text: utf8.decode(buffer) };
  } catch {
    if (kind === 'yaml') {
      // YAML is UTF-8 by definition (Spring reads it so): guessing another encoding would invent keys.
      return { notification: { level: 'error', kind: 'encoding', file: display, message: 'not valid UTF-8; YAML files must be UTF-8, so the file was not scanned' } };
    }
    const text = buffer.toString('latin1');
    return {
      text,
      notification: {
        level: 'warning',
        kind: 'encoding',
        file: display,
        message:
          kind === 'properties'
            ? 'not valid UTF-8; read as ISO-8859-1, the encoding Java uses for .properties files'
            : 'not valid UTF-8; read as ISO-8859-1 (positions after the first non-ASCII character may be off)',
      },
    };
  }
}
