import pc from 'picocolors';
import { isTestScope } from '../kafka/libraries.js';
import { TIER_LABEL } from '../kafka/tiers.js';
import type { Level } from '../rule.js';
import type { ScanResult } from '../scan.js';
import { counts, plural, type WriteOptions } from './common.js';

/** Human output: findings grouped by file, then a summary with the docs of every rule that fired. */
export function writeText(result: ScanResult, options: WriteOptions): string {
  const c = pc.createColors(options.color);
  const paint: Record<Level, (s: string) => string> = { error: c.red, warning: c.yellow, note: c.cyan };
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of result.findings) {
    if (f.location.file !== current) {
      if (current !== undefined) lines.push('');
      current = f.location.file;
      lines.push(c.underline(current));
    }
    const pos = `${f.location.line}:${f.location.column}`.padEnd(8);
    lines.push(`  ${c.dim(pos)}${paint[f.level](f.level.padEnd(8))}${c.bold(f.ruleId)}  ${f.message}  ${c.dim(f.ruleName)}`);
  }
  if (options.quiet) return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  if (result.inventory.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(c.bold('Kafka libraries'));
    for (const entry of result.inventory) {
      lines.push(`  ${c.underline(entry.file)}`);
      for (const lib of entry.libraries) {
        const version = lib.version ?? (lib.declared ? `${lib.declared} (unresolved)` : 'version not known');
        const clients = lib.kafkaClients ? ` → kafka-clients ${lib.kafkaClients}` : '';
        // Only scopes that keep a library out of production are worth a mention.
        const notes = [lib.via, lib.scope && isTestScope(lib) ? lib.scope : undefined].filter(Boolean).join(', ');
        lines.push(`    ${lib.name} ${version}${clients}${notes ? c.dim(`  (${notes})`) : ''}`);
      }
    }
  }
  const n = counts(result);
  const total = result.findings.length;
  if (total > 0) lines.push('');
  const summary = `${plural(total, 'problem')} (${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${plural(n.note, 'note')}) in ${plural(result.filesScanned, 'file')} scanned · tier ${TIER_LABEL[result.tier]}`;
  const hidden = [result.suppressed.length > 0 ? `${result.suppressed.length} suppressed` : '', result.baselined > 0 ? `${result.baselined} in the baseline` : ''].filter(Boolean);
  const notCounted = hidden.length > 0 ? ` · not counted: ${hidden.join(', ')}` : '';
  const failed = new Set(result.notifications.filter((n) => n.level === 'error').map((n) => n.file ?? '')).size;
  const incomplete = failed > 0 ? ` · ${plural(failed, 'file')} could not be scanned (see the messages on stderr)` : '';
  lines.push(total > 0 || failed > 0 ? c.bold(`✖ ${summary}${notCounted}${incomplete}`) : c.green(`✔ ${summary}${notCounted}`));
  const fired = result.rules.filter((r) => result.findings.some((f) => f.ruleId === r.id));
  if (fired.length > 0) {
    lines.push('', 'Rules (run `ehcompat explain <id>` for details):');
    for (const r of fired) lines.push(`  ${r.id} ${r.name.padEnd(28)} ${c.dim(r.reference)}`);
  }
  return `${lines.join('\n')}\n`;
}
