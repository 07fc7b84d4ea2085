// Walks the scan roots: built-in excludes, nested .gitignore, test-source policy, --include/--exclude, symlinks.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { fileKind, type FileKind } from './extract/index.js';
import type { Notification } from './extract/types.js';

export interface DiscoverOptions {
  roots: string[];
  cwd: string;
  includeTests: boolean;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  /** Patterns of a config file: relative to its folder, whatever folder is scanned. */
  scoped?: { base: string; include: string[]; exclude: string[] };
}

export interface SourceFile {
  /** Absolute path on disk. */
  absolute: string;
  /** Relative to the working directory, with `/`: the path every report shows. */
  path: string;
  kind: FileKind;
}

/**
 * Build output, dependencies and VCS folders (ARCHITECTURE "CLI contract"), and the bundles JavaScript frameworks
 * generate: they repeat the sources' Kafka code, so every finding would appear twice.
 */
const EXCLUDED_DIRS = new Set(['node_modules', '.git', '.gradle', 'vendor', '.hg', '.svn', 'bower_components', '.next', '.nuxt', '.output', '.svelte-kit', '.turbo', '.vercel', '.serverless', 'coverage']);
/** Build output folders; inside a `src/` tree the same names are packages (`com/acme/build/`), so they stay. */
const OUTPUT_DIRS = new Set(['target', 'build', 'dist', 'out']);

/** Test sources (catalog §2.4): skipped unless --include-tests. `application-test.properties` is not one. */
export function isTestPath(rel: string): boolean {
  const segments = rel.split('/');
  const name = segments.at(-1) ?? '';
  const dirs = segments.slice(0, -1);
  if (dirs.some((d) => d === 'test' || d === 'tests' || d === '__tests__')) return true;
  for (let i = 0; i + 1 < dirs.length; i++) {
    if (dirs[i] === 'src' && /^(test|it|integrationTest|testFixtures)$/.test(dirs[i + 1] ?? '')) return true;
  }
  return /\.(test|spec)\.[^.]+$/.test(name) || /(Test|IT)\.java$/.test(name);
}

interface IgnoreLayer {
  base: string;
  matcher: Ignore;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function makeMatcher(patterns: string[]): Ignore | undefined {
  return patterns.length === 0 ? undefined : ignore({ allowRelativePaths: true }).add(patterns);
}

/**
 * Synchronous on purpose, like reading: the walk is thousands of tiny syscalls, and routing each through the
 * threadpool made discovery 5x slower than the sync walk with nothing else to overlap it with.
 */
export async function discover(options: DiscoverOptions): Promise<{ files: SourceFile[]; notifications: Notification[] }> {
  const files: SourceFile[] = [];
  const notifications: Notification[] = [];
  const seenFiles = new Set<string>();
  const include = makeMatcher(options.include);
  const exclude = makeMatcher(options.exclude);
  const scopedInclude = makeMatcher(options.scoped?.include ?? []);
  const scopedExclude = makeMatcher(options.scoped?.exclude ?? []);
  /** Path relative to the config file's folder, or undefined outside it (its patterns do not apply there). */
  const scopedRel = (abs: string): string | undefined => {
    if (!options.scoped) return undefined;
    const r = toPosix(path.relative(options.scoped.base, abs));
    return r === '' || r.startsWith('../') || r === '..' || path.isAbsolute(r) ? undefined : r;
  };
  const rootReals: string[] = [];
  for (const root of options.roots) {
    try {
      rootReals.push(realpathSync(path.resolve(options.cwd, root)));
    } catch {
      // reported below
    }
  }
  const display = (abs: string) => toPosix(path.relative(options.cwd, abs)) || '.';
  const underRoot = (real: string) => rootReals.some((r) => real === r || real.startsWith(r + path.sep));

  const visitedDirs = new Set<string>();

  /** `real` is the file's path with symlinks resolved, known from the walk without a syscall per file. */
  const addFile = (abs: string, real: string, rel: string, explicit: boolean) => {
    const kind = fileKind(path.basename(abs));
    if (!kind) return;
    if (!explicit) {
      if (!options.includeTests && isTestPath(rel)) return;
      if (include && !include.ignores(rel)) return;
      if (exclude?.ignores(rel)) return;
      const sr = scopedRel(abs);
      if (sr !== undefined && scopedInclude && !scopedInclude.ignores(sr)) return;
      if (sr !== undefined && scopedExclude?.ignores(sr)) return;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ absolute: abs, path: display(abs), kind });
  };

  const walk = (dir: string, real: string, root: string, layers: IgnoreLayer[], ancestors: Set<string>): void => {
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      notifications.push({ level: 'error', kind: 'unreadable', file: display(dir), message: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    let here = layers;
    if (options.gitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        const text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
        here = [...layers, { base: dir, matcher: ignore({ allowRelativePaths: true }).add(text) }];
      } catch {
        // an unreadable .gitignore ignores nothing
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const rel = toPosix(path.relative(root, abs));
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let childReal = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
          childReal = realpathSync(abs);
        } catch {
          if (fileKind(entry.name)) notifications.push({ level: 'warning', kind: 'broken-symlink', file: display(abs), message: 'broken symbolic link skipped' });
          continue;
        }
        if (isFile && underRoot(childReal)) continue; // the target is scanned under its own path
        if (isDir && (ancestors.has(childReal) || underRoot(childReal))) {
          if (ancestors.has(childReal)) notifications.push({ level: 'warning', kind: 'symlink-loop', file: display(abs), message: 'symbolic link loop skipped' });
          continue;
        }
      }
      const ignored = here.some((l) => {
        const r = toPosix(path.relative(l.base, abs));
        return l.matcher.ignores(isDir ? `${r}/` : r);
      });
      if (ignored) continue;
      if (isDir) {
        if (EXCLUDED_DIRS.has(entry.name)) continue;
        if (OUTPUT_DIRS.has(entry.name) && !rel.split('/').slice(0, -1).includes('src')) continue;
        if (exclude?.ignores(`${rel}/`)) continue;
        const sr = scopedRel(abs);
        if (sr !== undefined && scopedExclude?.ignores(`${sr}/`)) continue;
        walk(abs, childReal, root, here, new Set([...ancestors, childReal]));
      } else if (isFile) {
        addFile(abs, childReal, rel, false);
      } else if (fileKind(entry.name)) {
        notifications.push({ level: 'warning', kind: 'not-regular', file: display(abs), message: 'not a regular file (FIFO, socket or device); skipped' });
      }
    }
  };

  for (const root of options.roots) {
    const abs = path.resolve(options.cwd, root);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      notifications.push({ level: 'error', kind: code === 'ENOENT' ? 'not-found' : 'unreadable', file: display(abs), message: code === 'ENOENT' ? 'path does not exist' : `cannot read path: ${code}` });
      continue;
    }
    let real = abs;
    try {
      real = realpathSync(abs);
    } catch {
      // keep the path as given
    }
    if (st.isDirectory()) {
      walk(abs, real, abs, [], new Set([real]));
    } else if (st.isFile()) {
      if (fileKind(path.basename(abs))) addFile(abs, real, path.basename(abs), true);
      else notifications.push({ level: 'warning', kind: 'unsupported-format', file: display(abs), message: 'not a file type ehcompat reads; skipped' });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, notifications };
}
