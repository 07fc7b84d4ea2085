// `--changed-since REF`: the files a pull request touches. Reads git's view only; never runs anything from the repo.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export class GitError extends Error {}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new GitError('--changed-since needs git on the PATH');
    const detail = (err.stderr ?? '').toString().trim().split('\n')[0] || err.message;
    throw new GitError(detail);
  }
}

/**
 * Files changed between `ref` and the working tree (committed, staged, unstaged) plus untracked ones, as absolute
 * paths. Compared against the merge base, as a pull request diff is.
 */
export function changedFiles(cwd: string, ref: string): Set<string> {
  if (ref.startsWith('-')) throw new GitError(`'${ref}' is not a git reference`);
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  let base: string;
  try {
    base = git(cwd, ['merge-base', ref, 'HEAD']).trim();
  } catch (e) {
    throw new GitError(`cannot compare with '${ref}': ${(e as Error).message}`);
  }
  const changed = git(cwd, ['diff', '--name-only', '-z', '--no-renames', base]).split('\0');
  // From the top: run in a subfolder, ls-files would list only that folder's untracked files.
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name']).split('\0');
  const out = new Set<string>();
  for (const f of [...changed, ...untracked]) if (f) out.add(path.resolve(top, f));
  return out;
}
