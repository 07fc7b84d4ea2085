import { readFileSync } from 'node:fs';

interface PackageInfo {
  version: string;
  homepage: string | undefined;
}

function readPackage(): PackageInfo {
  // src/version.ts runs from source in tests and from dist/src/version.js when installed.
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string; homepage?: string };
      if (pkg.name === 'ehcompat' && pkg.version) return { version: pkg.version, homepage: pkg.homepage };
    } catch {
      // try the next candidate
    }
  }
  return { version: '0.0.0', homepage: undefined };
}

const pkg = readPackage();
export const VERSION = pkg.version;
/** SARIF `informationUri`: only emitted when package.json says where the project lives. */
export const HOMEPAGE = pkg.homepage;
