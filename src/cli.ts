import { promises as fs } from 'node:fs';
import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { BaselineError, createBaseline, DEFAULT_BASELINE, readBaseline } from './baseline.js';
import { ConfigError, findConfig, findUp, loadConfig, type FileConfig } from './config.js';
import { ruleHelp, tierLine } from './docs/render.js';
import { changedFiles, GitError } from './git.js';
import type { Notification } from './extract/types.js';
import { redactFacts } from './kafka/secrets.js';
import { FORMATS, plural, write, type Format } from './report/index.js';
import { atLeast, defaultLevel, LEVELS, TIERS, type Level, type Tier } from './rule.js';
import { scan, type ScanOptions, type ScanResult } from './scan.js';
import { ruleIndex } from './suppress.js';
import { VERSION } from './version.js';
import { RULES } from '../rules/index.js';

export interface IO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

interface ScanFlags {
  format: Format;
  output?: string;
  sarifOutput?: string;
  jsonOutput?: string;
  markdownOutput?: string;
  tier: Tier;
  failOn: Level | 'none';
  minSeverity: Level;
  includeTests?: boolean;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  maxFileSize: number;
  jobs?: number;
  config?: string | false;
  baseline?: string | false;
  changedSince?: string;
  inlineSuppressions: boolean;
  reportUnusedSuppressions?: boolean;
  includeSuppressed?: boolean;
  dumpFacts?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

/** A misuse the user fixes: one line on stderr, exit 2. */
class UsageError extends Error {}

/** `--color`/`--no-color` first, then NO_COLOR, then FORCE_COLOR, then a TTY that is not `dumb` (ECOSYSTEM §4.3). */
export function useColor(flag: boolean | undefined, env: IO['env'], isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(isTTY) && env.TERM !== 'dumb';
}

/** Writes next to the target and renames, so a reader never sees half a report. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, file);
}

/** `info` is accepted for `note` (SARIF's name), as other scanners spell it (ECOSYSTEM.md §4.3). */
function noteAlias<T extends string>(value: T): T | 'note' {
  return value === 'info' ? 'note' : value;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of megabytes');
  return n;
}

function jobCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('expected a whole number from 0 to 64');
  return n;
}

function formatNotification(n: Notification): string {
  const where = n.file ? `${n.file}${n.line ? `:${n.line}${n.column ? `:${n.column}` : ''}` : ''}: ` : '';
  return `ehcompat: ${n.level}: ${where}${n.message}\n`;
}

function exitCode(result: ScanResult, failOn: Level | 'none', unusedFail: boolean): number {
  if (result.notifications.some((n) => n.level === 'error')) return EXIT.error;
  if (failOn !== 'none' && result.findings.some((f) => atLeast(f.level, failOn))) return EXIT.findings;
  if (unusedFail) return EXIT.findings;
  return EXIT.ok;
}

/** gitignore syntax has no braces and needs closed brackets; say so instead of silently matching nothing. */
function checkPattern(pattern: string, from: string): void {
  const problem =
    pattern.trim() === ''
      ? 'is empty'
      : /\{[^}]*,[^}]*\}/.test(pattern)
        ? 'uses {a,b} braces, which gitignore patterns do not expand; give each pattern separately'
        : (pattern.match(/\[/g)?.length ?? 0) > (pattern.match(/\]/g)?.length ?? 0)
          ? 'has an unclosed ['
          : pattern.split('/').includes('..')
            ? 'climbs out of the scanned folder with ..'
            : undefined;
  if (problem) throw new UsageError(`${from} pattern '${pattern}' ${problem}`);
}

/** The repository the working directory is in (a `.git` folder or file above it), without running git. */
function gitRoot(cwd: string): string | undefined {
  const git = findUp(cwd, ['.git']);
  return git ? path.dirname(git) : undefined;
}

/** The deepest folder that holds every path (a file's own folder for a single file). */
function commonFolder(paths: readonly string[]): string {
  const dirs = paths.map((p) => (existsSync(p) && statSync(p).isDirectory() ? p : path.dirname(p)));
  let common = dirs[0]!;
  for (const d of dirs.slice(1)) {
    while (common !== path.dirname(common) && d !== common && !d.startsWith(common + path.sep)) common = path.dirname(common);
  }
  return common;
}

/** Rule ids, names and `id-name` forms, the same way suppressions and the config file name rules. */
const RULE_NAMES = ruleIndex(RULES);

function findRule(idOrName: string) {
  const id = RULE_NAMES.resolve(idOrName);
  return RULES.find((r) => r.id === id);
}

export async function run(argv: readonly string[], io: IO): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('ehcompat')
    .description('Find what breaks when Kafka client applications move to the Azure Event Hubs Kafka endpoint.')
    .version(`ehcompat ${VERSION}`, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText(
      'after',
      '\nExit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or configuration error, or a file that could not be scanned.',
    );

  /** Options shared by `scan` and `baseline`: what to scan and how. */
  const scanInputs = (cmd: Command) =>
    cmd
      .argument('[paths...]', 'files or folders to scan', [])
      .addOption(new Option('--tier <tier>', 'Event Hubs tier the applications will run on (default: standard)').choices(TIERS))
      .option('--include-tests', 'also scan test sources (src/test, test/, *.test.*, *Test.java, ...)')
      .option('--include <glob>', 'only scan files matching this gitignore-style pattern (repeatable)', collect, [])
      .option('--exclude <glob>', 'skip files matching this gitignore-style pattern (repeatable)', collect, [])
      .option('--no-gitignore', 'do not honour .gitignore files')
      .option('--max-file-size <MB>', 'skip files larger than this', megabytes, 5)
      .option('--jobs <n>', 'threads that parse Java sources (0: the main thread; default: up to 2 when there is enough to parse)', jobCount)
      .option('-c, --config <file>', 'settings file (default: the nearest .ehcompat.yaml up to the git root)')
      .option('--no-config', 'ignore .ehcompat.yaml files')
      .option('--no-inline-suppressions', 'report findings even where an ehcompat-ignore comment suppresses them (audits)')
      .option('-q, --quiet', 'print findings only: no summary, no warnings about skipped files, no progress')
      .option('-v, --verbose', 'also print notes about files that were only partly read');

  /** Flags win over the config file, the config file over defaults; patterns are checked before anything runs. */
  const settings = (paths: string[], flags: ScanFlags, cmd: Command) => {
    const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
    // A path that does not exist is a typo, not an empty repository: nothing is written, nothing is uploaded.
    for (const p of paths) {
      if (!existsSync(path.resolve(io.cwd, p))) throw new UsageError(`path '${p}' does not exist${/^[a-z-]+$/.test(p) ? ` (commands: scan, baseline, rules, explain)` : ''}`);
    }
    // Settings come from where the paths are: their common folder (the config and baseline do not depend on order).
    // It is always a folder (a single file's own folder).
    const scanRoot = commonFolder((paths.length > 0 ? paths : ['.']).map((p) => path.resolve(io.cwd, p)));
    let config: FileConfig | undefined;
    if (flags.config !== false) {
      const file = typeof flags.config === 'string' ? path.resolve(io.cwd, flags.config) : findConfig(scanRoot);
      if (typeof flags.config === 'string' && !existsSync(file!)) throw new UsageError(`config file ${flags.config} does not exist`);
      if (file) config = loadConfig(file, RULE_NAMES);
    }
    for (const p of flags.include) checkPattern(p, '--include');
    for (const p of flags.exclude) checkPattern(p, '--exclude');
    for (const p of config?.include ?? []) checkPattern(p, `${config!.file}: include`);
    for (const p of config?.exclude ?? []) checkPattern(p, `${config!.file}: exclude`);
    const options: ScanOptions = {
      paths,
      cwd: io.cwd,
      tier: flags.tier ?? config?.tier ?? 'standard',
      includeTests: flags.includeTests ?? config?.includeTests ?? false,
      include: flags.include,
      exclude: flags.exclude,
      ...(config?.include || config?.exclude ? { scoped: { base: path.dirname(config.file), include: config.include ?? [], exclude: config.exclude ?? [] } } : {}),
      gitignore: flags.gitignore,
      maxFileBytes: Math.round(flags.maxFileSize * 1024 * 1024),
      inlineSuppressions: flags.inlineSuppressions,
      ...(config?.rules ? { levels: config.rules } : {}),
      ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    };
    return {
      options,
      config,
      failOn: given('failOn') ? flags.failOn : (config?.failOn ?? flags.failOn),
      minSeverity: given('minSeverity') ? flags.minSeverity : (config?.minSeverity ?? flags.minSeverity),
      scanRoot,
    };
  };

  /** A one-line counter on stderr for scans that take more than a moment; never in CI, pipes or -q. */
  const progress = (flags: ScanFlags) => {
    if (flags.quiet || !io.stderr.isTTY || io.env.CI || flags.dumpFacts) return { update: undefined, done: () => {} };
    const started = Date.now();
    let last = 0;
    let drawn = false;
    return {
      update: (phase: 'read' | 'parse', done: number, total: number) => {
        const now = Date.now();
        if (now - started < 500 || now - last < 100) return;
        last = now;
        drawn = true;
        io.stderr.write(`\r\x1b[2Kehcompat: ${phase === 'read' ? 'reading' : 'parsing Java'} ${done}/${total} files`);
      },
      done: () => {
        if (drawn) io.stderr.write('\r\x1b[2K');
      },
    };
  };

  const scanWithProgress = async (options: ScanOptions, flags: ScanFlags): Promise<ScanResult> => {
    const bar = progress(flags);
    if (bar.update) options.onProgress = bar.update;
    try {
      return await scan(options);
    } finally {
      bar.done();
    }
  };

  const report = (notifications: readonly Notification[], flags: ScanFlags) => {
    for (const n of notifications) {
      // Unused suppressions were asked for (--report-unused-suppressions): -q does not hide them.
      const asked = n.kind === 'unused-suppression';
      if (n.level === 'error' || (n.level === 'warning' && (!flags.quiet || asked)) || (n.level === 'note' && flags.verbose)) io.stderr.write(formatNotification(n));
    }
  };

  scanInputs(
    program
      .command('scan', { isDefault: true })
      .description('scan files and folders (default: the current folder)')
      .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('text'))
      .option('-o, --output <file>', 'write the report to a file instead of stdout')
      .option('--sarif-output <file>', 'also write SARIF to this file')
      .option('--json-output <file>', 'also write JSON to this file')
      .option('--markdown-output <file>', 'also write the Markdown migration summary to this file (appends, e.g. to $GITHUB_STEP_SUMMARY)')
      .addOption(new Option('--fail-on <level>', 'exit 1 when a finding is at or above this level').choices([...LEVELS, 'info', 'none']).default('error').argParser(noteAlias))
      .addOption(new Option('--min-severity <level>', 'report findings at or above this level').choices([...LEVELS, 'info']).default('note').argParser(noteAlias))
      .option('--baseline <file>', `report only findings not in this baseline (default: ${DEFAULT_BASELINE} when there is one)`)
      .option('--no-baseline', 'report every finding, even those in a baseline')
      .option('--changed-since <ref>', 'report only findings in files changed since this git ref (merge base), e.g. origin/main')
      .option('--report-unused-suppressions', 'warn about ehcompat-ignore comments that suppress nothing, and exit 1 if there are any')
      .option('--include-suppressed', 'SARIF: keep suppressed findings, marked with suppressions (GitHub would show them as open)')
      .option('--dump-facts', 'print what the extractors saw (secrets masked) instead of findings')
      .option('--color', 'force colored output')
      .option('--no-color', 'disable colored output'),
  ).action(async (paths: string[], flags: ScanFlags, cmd: Command) => {
    const s = settings(paths, flags, cmd);
    const baselineFile =
      flags.baseline === false
        ? undefined
        : typeof flags.baseline === 'string'
          ? path.resolve(io.cwd, flags.baseline)
          : // A configured baseline may not be written yet; only one named on the command line must exist.
            ((s.config?.baseline && existsSync(s.config.baseline) ? s.config.baseline : undefined) ?? findUp(s.scanRoot, [DEFAULT_BASELINE]));
    if (baselineFile) s.options.baseline = { file: baselineFile, data: readBaseline(baselineFile) };
    if (flags.changedSince !== undefined) s.options.onlyFiles = changedFiles(s.scanRoot, flags.changedSince);
    const result = await scanWithProgress(s.options, flags);
    const notifications = [...result.notifications];
    const unused = flags.reportUnusedSuppressions
      ? result.unusedSuppressions.filter((u) => !s.options.onlyFiles || s.options.onlyFiles.has(path.resolve(io.cwd, u.file)))
      : [];
    for (const u of unused) {
      notifications.push({ level: 'warning', kind: 'unused-suppression', file: u.file, line: u.line, column: u.column, message: `ehcompat-ignore-${u.kind} ${u.rules.join(', ')} suppresses nothing; remove it` });
    }
    const visible: ScanResult = { ...result, notifications, findings: result.findings.filter((f) => atLeast(f.level, s.minSeverity)) };
    report(notifications, flags);
    if (flags.dumpFacts) {
      io.stdout.write(`${JSON.stringify(redactFacts(result.facts), null, 2)}\n`);
      code = notifications.some((n) => n.level === 'error') ? EXIT.error : EXIT.ok;
      return;
    }
    const blobBase =
      io.env.GITHUB_REPOSITORY && io.env.GITHUB_SHA ? `${io.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${io.env.GITHUB_REPOSITORY}/blob/${io.env.GITHUB_SHA}/` : undefined;
    const repoRoot = gitRoot(io.cwd);
    const plain = { cwd: io.cwd, color: false, quiet: false, includeSuppressed: flags.includeSuppressed ?? false, ...(blobBase ? { blobBase } : {}), ...(repoRoot ? { pathBase: repoRoot } : {}) };
    const toFile = flags.output !== undefined;
    const main = write(flags.format, visible, { ...plain, color: !toFile && useColor(flags.color, io.env, io.stdout.isTTY), quiet: flags.quiet ?? false });
    if (toFile) await writeAtomic(path.resolve(io.cwd, flags.output!), main);
    else io.stdout.write(main);
    if (flags.sarifOutput) await writeAtomic(path.resolve(io.cwd, flags.sarifOutput), write('sarif', visible, plain));
    if (flags.jsonOutput) await writeAtomic(path.resolve(io.cwd, flags.jsonOutput), write('json', visible, plain));
    // Appended, not replaced: $GITHUB_STEP_SUMMARY is shared by the job's steps.
    if (flags.markdownOutput) await fs.appendFile(path.resolve(io.cwd, flags.markdownOutput), write('markdown', visible, plain));
    code = exitCode(visible, s.failOn, unused.length > 0);
  });

  scanInputs(
    program
      .command('baseline')
      .description(`write the current findings to a baseline file, so later scans report only new ones`)
      .option('-o, --output <file>', `baseline file (default: the config file's baseline, else ${DEFAULT_BASELINE} in the scanned folder)`),
  ).action(async (paths: string[], flags: ScanFlags, cmd: Command) => {
    const s = settings(paths, { ...flags, failOn: 'none', minSeverity: 'note', format: 'json' }, cmd);
    const file = flags.output !== undefined ? path.resolve(io.cwd, flags.output) : (s.config?.baseline ?? path.join(s.scanRoot, DEFAULT_BASELINE));
    const result = await scanWithProgress(s.options, flags);
    report(result.notifications, flags);
    // An incomplete scan would write an incomplete baseline, and every finding it misses would count as new later.
    if (result.notifications.some((n) => n.level === 'error')) {
      io.stderr.write(`ehcompat: the scan is incomplete, so ${path.relative(io.cwd, file) || file} was not written\n`);
      code = EXIT.error;
      return;
    }
    await writeAtomic(file, createBaseline(result.findings, file, io.cwd));
    if (!flags.quiet) io.stderr.write(`ehcompat: wrote ${plural(result.findings.length, 'finding')} to ${path.relative(io.cwd, file) || file}\n`);
    code = result.notifications.some((n) => n.level === 'error') ? EXIT.error : EXIT.ok;
  });

  program
    .command('rules')
    .description('list the rules with their level on each tier')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: { format: 'text' | 'json' }) => {
      if (flags.format === 'json') {
        const list = RULES.map((r) => ({ id: r.id, name: r.name, area: r.area, defaultLevel: defaultLevel(r), levels: Object.fromEntries(TIERS.map((t) => [t, typeof r.level === 'string' ? r.level : r.level[t]])), summary: r.summary, helpUri: r.reference }));
        io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      for (const r of RULES) io.stdout.write(`${r.id}  ${r.name.padEnd(30)} ${r.area.padEnd(14)} ${tierLine(r)}\n      ${r.summary}\n`);
    });

  program
    .command('explain')
    .description('print the full help of one rule')
    .argument('<rule>', 'rule id or name, e.g. EH102 or ssl-client-certificate')
    .action((id: string) => {
      const rule = findRule(id);
      if (!rule) {
        io.stderr.write(`ehcompat: unknown rule '${id}'; run 'ehcompat rules' for the list\n`);
        code = EXIT.error;
        return;
      }
      io.stdout.write(`${ruleHelp(rule).text}\n`);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof BaselineError || e instanceof GitError) {
      io.stderr.write(`ehcompat: ${e instanceof GitError ? `--changed-since: ${e.message}` : e.message}\n`);
      return EXIT.error;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.error;
    }
    io.stderr.write(`ehcompat: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
  return code;
}
