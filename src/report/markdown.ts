import { bootstrapOf, effective, type ClientConfig } from '../facts.js';
import { pointsAtEventHubs } from '../kafka/hosts.js';
import { TIER_LABEL } from '../kafka/tiers.js';
import { AREAS, LEVELS, type Finding, type Level } from '../rule.js';
import type { ScanResult } from '../scan.js';
import { counts, plural } from './common.js';

export interface MarkdownOptions {
  /** `https://github.com/OWNER/REPO/blob/SHA/`: findings link to their line. */
  blobBase?: string;
}

/** A step summary over 1 MiB is rejected by the runner; the finding list is cut well before that. */
const MAX_LISTED = 50;

const ICON: Record<Level, string> = { error: '🔴', warning: '🟡', note: '🔵' };

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

function where(file: string, line: number, options: MarkdownOptions): string {
  const text = `${file}:${line}`;
  return options.blobBase ? `[${cell(text)}](${options.blobBase}${file.split('/').map(encodeURIComponent).join('/')}#L${line})` : code(text);
}

/** The lines a unit's findings sit on: its anchor and its entries. */
function unitLines(unit: ClientConfig): Set<string> {
  const lines = new Set([`${unit.anchor.file}:${unit.anchor.line}`]);
  for (const e of unit.entries) lines.add(`${e.location.file}:${e.location.line}`);
  return lines;
}

/** What a client needs on Event Hubs and does not have yet; only a closed unit can be missing something. */
function needs(unit: ClientConfig): string[] {
  const out: string[] = [];
  const librdkafka = unit.library === 'librdkafka';
  const bootstrap = bootstrapOf(unit);
  if (bootstrap?.value === undefined ? unit.closed && !bootstrap : !pointsAtEventHubs(bootstrap.value)) out.push('bootstrap.servers=NAMESPACE.servicebus.windows.net:9093');
  const protocol = effective(unit, 'security.protocol');
  if (protocol ? protocol.value !== undefined && protocol.value.toUpperCase() !== 'SASL_SSL' : unit.closed) out.push('security.protocol=SASL_SSL');
  const mechanism = effective(unit, 'sasl.mechanism');
  if (mechanism ? mechanism.value !== undefined && !['PLAIN', 'OAUTHBEARER'].includes(mechanism.value.toUpperCase()) : unit.closed) {
    out.push(`${librdkafka ? 'sasl.mechanisms' : 'sasl.mechanism'}=PLAIN (or OAUTHBEARER)`);
  }
  if (librdkafka) {
    if (unit.closed && !effective(unit, 'sasl.username')) out.push('sasl.username=$ConnectionString and sasl.password');
  } else if (unit.closed && !effective(unit, 'sasl.jaas.config') && unit.library !== 'jaas') out.push('sasl.jaas.config (PlainLoginModule with the connection string, or OAuth)');
  return out;
}

function readiness(levels: Level[]): string {
  if (levels.includes('error')) return `${ICON.error} blocked`;
  if (levels.includes('warning')) return `${ICON.warning} changes needed`;
  if (levels.includes('note')) return `${ICON.note} review`;
  return '✅ no findings';
}

/** A migration summary for `$GITHUB_STEP_SUMMARY` or a pull request comment. */
export function writeMarkdown(result: ScanResult, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const n = counts(result);
  out.push(`## ehcompat · Azure Event Hubs readiness (${TIER_LABEL[result.tier]} tier)`, '');
  const extra = [
    result.suppressed.length > 0 ? `${plural(result.suppressed.length, 'suppressed finding')}` : '',
    result.baselined > 0 ? `${plural(result.baselined, 'baselined finding')}` : '',
  ].filter(Boolean);
  out.push(
    `**${plural(n.error, 'error')} · ${plural(n.warning, 'warning')} · ${plural(n.note, 'note')}** in ${plural(result.filesScanned, 'file')} scanned${extra.length > 0 ? ` (not counted: ${extra.join(', ')})` : ''}.`,
  );
  const failed = result.notifications.filter((x) => x.level === 'error');
  if (failed.length > 0) out.push('', `> [!WARNING]`, `> The scan is incomplete: ${plural(failed.length, 'problem')} (${failed.slice(0, 3).map((x) => cell(`${x.file ?? ''} ${x.message}`.trim())).join('; ')}${failed.length > 3 ? '; …' : ''}).`);

  // Readiness per client configuration unit.
  const units = result.facts.configs;
  const claimed = new Set<Finding>();
  if (units.length > 0) {
    out.push('', '### Client configurations', '', '| Client | Where | Readiness | Findings | Needs on Event Hubs |', '|---|---|---|---|---|');
    for (const unit of units) {
      const lines = unitLines(unit);
      const mine = result.findings.filter((f) => lines.has(`${f.location.file}:${f.location.line}`));
      for (const f of mine) claimed.add(f);
      const rules = [...new Set(mine.map((f) => f.ruleId))].join(', ');
      const label = `${unit.roles.join('/') || 'client'} (${unit.library})${unit.label ? ` ${unit.label}` : ''}`;
      const need = needs(unit).map(code).join('<br>') || (unit.closed ? '—' : 'not fully visible');
      out.push(`| ${cell(label)} | ${where(unit.anchor.file, unit.anchor.line, options)} | ${readiness(mine.map((f) => f.level))} | ${rules || '—'} | ${need} |`);
    }
    const other = result.findings.filter((f) => !claimed.has(f)).length;
    if (other > 0) out.push('', `${plural(other, 'finding')} outside client configurations (API calls, build files, topics, broker files).`);
  }

  // Findings by area and rule.
  if (result.findings.length > 0) {
    out.push('', '### Findings by area and rule', '', '| Area | Rule | Level | Count |', '|---|---|---|---:|');
    for (const area of AREAS) {
      for (const rule of result.rules.filter((r) => r.area === area)) {
        const mine = result.findings.filter((f) => f.ruleId === rule.id);
        if (mine.length === 0) continue;
        const levels = LEVELS.filter((l) => mine.some((f) => f.level === l)).join(', ');
        out.push(`| ${area} | [${rule.id} ${rule.name}](${rule.reference}) | ${levels} | ${mine.length} |`);
      }
    }
  }

  if (result.inventory.length > 0) {
    out.push('', '### Kafka client libraries', '', '| Build file | Library | Version | kafka-clients |', '|---|---|---|---|');
    for (const entry of result.inventory) {
      for (const lib of entry.libraries) {
        const version = lib.version ?? (lib.declared ? `${lib.declared} (unresolved)` : 'not known');
        out.push(`| ${code(entry.file)} | ${code(lib.name)} | ${cell(version)} | ${lib.kafkaClients ?? ''} |`);
      }
    }
  }

  if (result.findings.length > 0) {
    const listed = [...result.findings].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level)).slice(0, MAX_LISTED);
    out.push('', `### Findings${result.findings.length > MAX_LISTED ? ` (the ${MAX_LISTED} most severe of ${result.findings.length}; the SARIF report has all)` : ''}`, '');
    out.push('| | Rule | Where | Message |', '|---|---|---|---|');
    for (const f of listed) out.push(`| ${ICON[f.level]} | ${f.ruleId} | ${where(f.location.file, f.location.line, options)} | ${cell(f.message)} |`);
  }
  return `${out.join('\n')}\n`;
}
