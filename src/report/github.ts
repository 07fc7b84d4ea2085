import { LEVELS, type Level } from '../rule.js';
import type { ScanResult } from '../scan.js';
import { plural } from './common.js';

/** The runner keeps 10 annotations per level and step and drops the rest silently (actions/toolkit problem-matchers.md). */
export const ANNOTATIONS_PER_LEVEL = 10;

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', note: 'notice' };

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands that annotate the pull request: most severe first, at most as many per level as
 * the runner shows, and one notice that says how many more there are and where to find them.
 */
export function writeGithub(result: ScanResult): string {
  const lines: string[] = [];
  const shown: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  let hidden = 0;
  // Files that could not be scanned come first: they make every other line incomplete.
  for (const n of result.notifications) {
    if (n.level === 'note') continue;
    const level: Level = n.level === 'error' ? 'error' : 'warning';
    if (shown[level] >= ANNOTATIONS_PER_LEVEL) continue;
    shown[level]++;
    const props = n.file ? [`file=${escapeProperty(n.file)}`, ...(n.line ? [`line=${n.line}`] : []), 'title=ehcompat'] : ['title=ehcompat'];
    lines.push(`::${COMMAND[level]} ${props.join(',')}::${escapeData(n.message)}`);
  }
  const ordered = [...result.findings].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  for (const f of ordered) {
    // Keep one notice slot for the overflow line.
    const limit = f.level === 'note' ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    if (shown[f.level] >= limit) {
      hidden++;
      continue;
    }
    shown[f.level]++;
    const l = f.location;
    const props = [`file=${escapeProperty(l.file)}`, `line=${l.line}`, `endLine=${l.endLine}`, `title=${escapeProperty(`${f.ruleId} ${f.ruleName}`)}`];
    // The runner rejects col/endColumn on multi-line annotations.
    if (l.line === l.endLine) props.splice(2, 0, `col=${l.column}`, `endColumn=${l.endColumn}`);
    lines.push(`::${COMMAND[f.level]} ${props.join(',')}::${escapeData(f.message)}`);
  }
  if (hidden > 0) {
    lines.push(`::notice title=ehcompat::${escapeData(`${plural(hidden, 'more finding')} not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); see the job summary or the SARIF report`)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
