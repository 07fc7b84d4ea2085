import type { ScanResult } from '../scan.js';
import { VERSION } from '../version.js';
import { counts } from './common.js';

export function writeJson(result: ScanResult): string {
  const doc = {
    tool: { name: 'ehcompat', version: VERSION },
    tier: result.tier,
    summary: { ...counts(result), files: result.filesScanned, suppressed: result.suppressed.length, baselined: result.baselined },
    inventory: result.inventory,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      rule: f.ruleName,
      level: f.level,
      message: f.message,
      path: f.location.file,
      line: f.location.line,
      column: f.location.column,
      endLine: f.location.endLine,
      endColumn: f.location.endColumn,
      fingerprint: f.fingerprint,
      helpUri: result.rules.find((r) => r.id === f.ruleId)?.reference,
    })),
    notifications: result.notifications,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
