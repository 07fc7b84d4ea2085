import { createHash } from 'node:crypto';
import type { Notification } from './extract/types.js';
import { compareLocations, type Facts, type Location } from './facts.js';
import { redact } from './kafka/secrets.js';
import { levelOn, type Finding, type Level, type Rule, type Tier } from './rule.js';

/** Fills `{name}` placeholders; a missing one is a bug in the rule, so it throws (and the rule is isolated). */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {${name}} has no value`);
    return String(data[name]);
  });
}

/**
 * What identifies a finding apart from its line: the key as written and its value when the rule names them,
 * so rewording a message or its other details keeps fingerprints (and baselines) stable.
 */
function defaultEvidence(messageId: string, data: Record<string, string | number> = {}): string {
  if (data.spelling !== undefined) return `${messageId}|${data.spelling}|${data.value ?? ''}`;
  return `${messageId}|${JSON.stringify(data)}`;
}

interface Pending extends Omit<Finding, 'fingerprint'> {
  evidence: string;
}

function files(facts: Facts): string[] {
  const set = new Set<string>();
  for (const c of facts.configs) set.add(c.anchor.file);
  for (const b of facts.brokers) set.add(b.file);
  for (const l of facts.literals) set.add(l.location.file);
  for (const d of facts.dependencies) set.add(d.location.file);
  for (const a of facts.apiCalls) set.add(a.location.file);
  return [...set].sort();
}

function sliceFor(facts: Facts, file: string): Facts {
  return {
    configs: facts.configs.filter((c) => c.anchor.file === file),
    brokers: facts.brokers.filter((b) => b.file === file),
    literals: facts.literals.filter((l) => l.location.file === file),
    dependencies: facts.dependencies.filter((d) => d.location.file === file),
    apiCalls: facts.apiCalls.filter((a) => a.location.file === file),
  };
}

function runOne(rule: Rule, facts: Facts, tier: Tier, level: Level, out: Pending[]): void {
  rule.check({
    facts,
    tier,
    report(messageId, at: Location, data, options) {
      const template = rule.messages[messageId];
      if (template === undefined) throw new Error(`unknown message id ${messageId}`);
      out.push({
        ruleId: rule.id,
        ruleName: rule.name,
        messageId,
        level: options?.level ?? level,
        message: redact(renderMessage(template, data)),
        location: at,
        evidence: options?.evidence ?? defaultEvidence(messageId, data),
      });
    },
  });
}


/** `ehcompat/v1` fingerprint hash: rule, path, evidence hash; a report that shows other paths recomputes it. */
export function fingerprintHash(ruleId: string, file: string, evidenceHash: string): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${evidenceHash}`).digest('hex').slice(0, 32);
}

/** Runs every rule that reports on the tier; a rule that throws is reported with its id and file, the others go on. */
export function runRules(rules: readonly Rule[], facts: Facts, tier: Tier): { findings: Finding[]; notifications: Notification[] } {
  const pending: Pending[] = [];
  const notifications: Notification[] = [];
  for (const rule of rules) {
    const level = levelOn(rule, tier);
    if (level === null) continue;
    const mine: Pending[] = [];
    try {
      runOne(rule, facts, tier, level, mine);
      pending.push(...mine);
    } catch {
      // Find the files it fails on; keep what it says about the others.
      for (const file of files(facts)) {
        const part: Pending[] = [];
        try {
          runOne(rule, sliceFor(facts, file), tier, level, part);
          pending.push(...part);
        } catch (e) {
          notifications.push({ level: 'error', kind: 'rule-error', file, message: `rule ${rule.id} (${rule.name}) failed: ${e instanceof Error ? e.message : String(e)}` });
        }
      }
    }
  }
  const unique = new Map<string, Pending>();
  for (const p of pending) {
    const key = `${p.ruleId}\0${p.location.file}\0${p.location.line}\0${p.location.column}\0${p.message}`;
    if (!unique.has(key)) unique.set(key, p);
  }
  const sorted = [...unique.values()].sort(
    (a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  const occurrences = new Map<string, number>();
  const findings = sorted.map(({ evidence, ...f }) => {
    const evidenceHash = createHash('sha256').update(`${f.ruleId}\0${evidence}`).digest('hex').slice(0, 32);
    const hash = fingerprintHash(f.ruleId, f.location.file, evidenceHash);
    const n = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, n);
    return { ...f, fingerprint: `${hash}:${n}`, evidence: evidenceHash };
  });
  return { findings, notifications };
}
