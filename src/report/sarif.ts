import type * as Sarif from 'sarif';
import { ruleHelp } from '../docs/render.js';
import type { NotificationKind } from '../extract/types.js';
import { compareLocations } from '../facts.js';
import type { Level, Rule } from '../rule.js';
import { defaultLevel } from '../rule.js';
import type { ScanResult } from '../scan.js';
import { HOMEPAGE, VERSION } from '../version.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Repository-relative URI with `/` and every segment percent-encoded (GitHub requires a valid uri-reference). */
export function toUri(file: string): string {
  return file.split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');
}

const NOTIFICATION_TEXT: Record<NotificationKind, string> = {
  unparsable: 'A file could not be parsed and was not scanned.',
  binary: 'A file named like a configuration file holds binary content and was not scanned.',
  'too-large': 'A file is over the size limit and was not scanned.',
  unreadable: 'A path could not be read.',
  'not-found': 'A path given on the command line does not exist.',
  'not-regular': 'A path is not a regular file and was skipped.',
  'broken-symlink': 'A symbolic link points nowhere and was skipped.',
  'symlink-loop': 'A symbolic link loops back to a parent folder and was skipped.',
  encoding: 'A file is not valid UTF-8.',
  'unsupported-format': 'A file is in a format ehcompat does not read yet.',
  'rule-error': 'A rule failed on a file; its other findings are still reported.',
  'bad-suppression': 'An ehcompat-ignore comment is malformed or names an unknown rule; it suppresses nothing.',
  'unused-suppression': 'An ehcompat-ignore comment suppresses no finding.',
  'expired-suppression': 'An ehcompat-ignore comment is past its expiry date; the finding is reported again.',
  'nothing-matched': 'The include patterns matched no file, so nothing was scanned.',
};
const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_TEXT) as NotificationKind[];

function problemSeverity(level: Level): string {
  return level === 'note' ? 'recommendation' : level;
}

function descriptor(rule: Rule): Sarif.ReportingDescriptor {
  const help = ruleHelp(rule);
  const level = defaultLevel(rule);
  // The area is a prefixed tag: a bare `security` tag makes GitHub treat the rule as a security weakness,
  // which only rules with a security-severity are (catalog §2.1).
  const tags = ['azure-event-hubs', 'kafka', `area:${rule.area}`];
  if (rule.securitySeverity) tags.push('security', ...(rule.cwe ?? []).map((c) => `external/cwe/cwe-${c}`));
  else if (rule.area === 'security') tags.push('security-config');
  const properties: Record<string, unknown> = { tags, precision: rule.precision, 'problem.severity': problemSeverity(level) };
  if (rule.securitySeverity) properties['security-severity'] = rule.securitySeverity;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.why },
    help: { text: help.text, markdown: help.markdown },
    helpUri: rule.reference,
    defaultConfiguration: { level },
    properties,
  };
}

function physical(file: string, region?: Sarif.Region): Sarif.PhysicalLocation {
  const location: Sarif.PhysicalLocation = { artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' } };
  if (region) location.region = region;
  return location;
}

/** One run, GitHub code scanning's ingestion rules (ECOSYSTEM.md §1); deterministic for snapshots. */
export function toSarif(result: ScanResult, options: { includeSuppressed?: boolean } = {}): Sarif.Log {
  const rules = [...result.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const driver: Sarif.ToolComponent = {
    name: 'ehcompat',
    version: VERSION,
    semanticVersion: VERSION,
    rules: rules.map(descriptor),
    notifications: NOTIFICATION_KINDS.map((kind) => ({ id: `ehcompat/${kind}`, shortDescription: { text: NOTIFICATION_TEXT[kind] } })),
  };
  if (HOMEPAGE) driver.informationUri = HOMEPAGE;
  // GitHub shows suppressed results as open alerts (ECOSYSTEM.md §1.7): they are left out unless asked for.
  const shown: Array<ScanResult['findings'][number] | ScanResult['suppressed'][number]> = options.includeSuppressed
    ? [...result.findings, ...result.suppressed].sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
    : result.findings;
  const results: Sarif.Result[] = shown.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? -1,
    level: f.level,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: physical(f.location.file, {
          startLine: f.location.line,
          startColumn: f.location.column,
          endLine: f.location.endLine,
          endColumn: f.location.endColumn,
        }),
      },
    ],
    partialFingerprints: { 'ehcompat/v1': f.fingerprint },
    ...('suppression' in f ? { suppressions: [{ kind: f.suppression.kind, justification: f.suppression.justification }] } : {}),
  }));
  const notifications: Sarif.Notification[] = result.notifications.map((n) => {
    const out: Sarif.Notification = {
      level: n.level,
      message: { text: n.file ? `${n.file}: ${n.message}` : n.message },
      descriptor: { id: `ehcompat/${n.kind}`, index: NOTIFICATION_KINDS.indexOf(n.kind) },
    };
    if (n.file) {
      const region = n.line ? { startLine: n.line, ...(n.column ? { startColumn: n.column } : {}) } : undefined;
      out.locations = [{ physicalLocation: physical(n.file, region) }];
    }
    return out;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [{ executionSuccessful: !result.notifications.some((n) => n.level === 'error'), toolExecutionNotifications: notifications }],
        results,
        columnKind: 'utf16CodeUnits',
        properties: {
          tier: result.tier,
          kafkaLibraries: result.inventory,
          ...(result.suppressed.length > 0 ? { suppressedResults: result.suppressed.length } : {}),
          ...(result.baselined > 0 ? { baselinedResults: result.baselined } : {}),
        },
      },
    ],
  };
}

export function writeSarif(result: ScanResult, options: { includeSuppressed?: boolean } = {}): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}
