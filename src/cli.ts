import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ruleHelp, tierLine } from './docs/render.js';
import type { Notification } from './extract/types.js';
import { redactFacts } from './kafka/secrets.js';
import { FORMATS, write, type Format } from './report/index.js';
import { atLeast, defaultLevel, LEVELS, TIERS, type Level, type Tier } from './rule.js';
import { scan, type ScanResult } from './scan.js';
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
  tier: Tier;
  failOn: Level | 'none';
  minSeverity: Level;
  includeTests?: boolean;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  maxFileSize: number;
  jobs?: number;
  dumpFacts?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

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

function exitCode(result: ScanResult, failOn: Level | 'none'): number {
  if (result.notifications.some((n) => n.level === 'error')) return EXIT.error;
  if (failOn !== 'none' && result.findings.some((f) => atLeast(f.level, failOn))) return EXIT.findings;
  return EXIT.ok;
}

function findRule(idOrName: string) {
  const key = idOrName.toLowerCase();
  return RULES.find((r) => r.id.toLowerCase() === key || r.name === key || `${r.id}-${r.name}`.toLowerCase() === key);
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

  program
    .command('scan', { isDefault: true })
    .description('scan files and folders (default: the current folder)')
    .argument('[paths...]', 'files or folders to scan', [])
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--sarif-output <file>', 'also write SARIF to this file')
    .option('--json-output <file>', 'also write JSON to this file')
    .addOption(new Option('--tier <tier>', 'Event Hubs tier the applications will run on').choices(TIERS).default('standard'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding is at or above this level').choices([...LEVELS, 'none']).default('error'))
    .addOption(new Option('--min-severity <level>', 'report findings at or above this level').choices(LEVELS).default('note'))
    .option('--include-tests', 'also scan test sources (src/test, test/, *.test.*, *Test.java, ...)')
    .option('--include <glob>', 'only scan files matching this gitignore-style pattern (repeatable)', collect, [])
    .option('--exclude <glob>', 'skip files matching this gitignore-style pattern (repeatable)', collect, [])
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--max-file-size <MB>', 'skip files larger than this', megabytes, 5)
    .option('--jobs <n>', 'threads that parse Java sources (0: the main thread; default: up to 2 when there is enough to parse)', jobCount)
    .option('--dump-facts', 'print what the extractors saw (secrets masked) instead of findings')
    .option('-q, --quiet', 'print findings only: no summary, no warnings about skipped files')
    .option('-v, --verbose', 'also print notes about files that were only partly read')
    .option('--color', 'force colored output')
    .option('--no-color', 'disable colored output')
    .action(async (paths: string[], flags: ScanFlags) => {
      const result = await scan({
        paths,
        cwd: io.cwd,
        tier: flags.tier,
        includeTests: flags.includeTests ?? false,
        include: flags.include,
        exclude: flags.exclude,
        gitignore: flags.gitignore,
        maxFileBytes: Math.round(flags.maxFileSize * 1024 * 1024),
        ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
      });
      const visible: ScanResult = { ...result, findings: result.findings.filter((f) => atLeast(f.level, flags.minSeverity)) };
      for (const n of visible.notifications) {
        if (n.level === 'error' || (n.level === 'warning' && !flags.quiet) || (n.level === 'note' && flags.verbose)) io.stderr.write(formatNotification(n));
      }
      if (flags.dumpFacts) {
        io.stdout.write(`${JSON.stringify(redactFacts(result.facts), null, 2)}\n`);
        code = visible.notifications.some((n) => n.level === 'error') ? EXIT.error : EXIT.ok;
        return;
      }
      const toFile = flags.output !== undefined;
      const report = write(flags.format, visible, { cwd: io.cwd, color: !toFile && useColor(flags.color, io.env, io.stdout.isTTY), quiet: flags.quiet ?? false });
      if (toFile) await writeAtomic(path.resolve(io.cwd, flags.output!), report);
      else io.stdout.write(report);
      if (flags.sarifOutput) await writeAtomic(path.resolve(io.cwd, flags.sarifOutput), write('sarif', visible, { cwd: io.cwd, color: false, quiet: false }));
      if (flags.jsonOutput) await writeAtomic(path.resolve(io.cwd, flags.jsonOutput), write('json', visible, { cwd: io.cwd, color: false, quiet: false }));
      code = exitCode(visible, flags.failOn);
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
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.error;
    }
    io.stderr.write(`ehcompat: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
  return code;
}
