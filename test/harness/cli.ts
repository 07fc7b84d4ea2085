// Runs the CLI in-process against files written to a temporary folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run, type IO } from '../../src/cli.js';
import { ROOT } from './fixture-scan.js';
import { tempDir } from './tmp.js';

export async function cli(args: string[], options: { cwd?: string; env?: IO['env']; tty?: boolean; stderrTTY?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTTY ?? false },
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** Writes `files` (relative path → text) under a new temporary folder, or under `dir` when given. */
export function project(files: Record<string, string>, dir = tempDir('cli')): string {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}
