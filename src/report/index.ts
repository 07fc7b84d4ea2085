import type { ScanResult } from '../scan.js';
import type { WriteOptions } from './common.js';
import { writeCompact } from './compact.js';
import { writeGithub } from './github.js';
import { writeJson } from './json.js';
import { writeMarkdown } from './markdown.js';
import { writeSarif } from './sarif.js';
import { writeText } from './text.js';

export { counts, plural, type WriteOptions } from './common.js';
import { rebasePaths } from './common.js';

export const FORMATS = ['text', 'compact', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function write(format: Format, given: ScanResult, options: WriteOptions): string {
  const rootRelative = format === 'sarif' || format === 'json' || format === 'github' || format === 'markdown';
  const result = rootRelative && options.pathBase ? rebasePaths(given, options.cwd, options.pathBase) : given;
  switch (format) {
    case 'text':
      return writeText(result, options);
    case 'compact':
      return writeCompact(result, options);
    case 'json':
      return writeJson(result);
    case 'sarif':
      return writeSarif(result, { includeSuppressed: options.includeSuppressed ?? false });
    case 'github':
      return writeGithub(result);
    case 'markdown':
      return writeMarkdown(result, options.blobBase ? { blobBase: options.blobBase } : {});
  }
}
