import { defaultLevel, levelOn, TIERS, type Rule } from '../rule.js';
import { TIER_LABEL } from '../kafka/tiers.js';

/** Levels per tier as one line: `Basic error · Standard warning · Premium note · Dedicated note`. */
export function tierLine(rule: Rule): string {
  return TIERS.map((t) => `${TIER_LABEL[t]} ${levelOn(rule, t) ?? '—'}`).join(' · ');
}

/** The one renderer of a rule's help: SARIF `help`, `ehcompat explain` and the docs pages all come from it. */
export function ruleHelp(rule: Rule): { text: string; markdown: string } {
  const text = [
    `${rule.id} ${rule.name} (${rule.area}, default ${defaultLevel(rule)})`,
    '',
    rule.summary,
    '',
    `Why: ${rule.why}`,
    '',
    `Fix: ${rule.fix}`,
    '',
    `Levels by tier: ${tierLine(rule)}`,
    `Reference: ${rule.reference}`,
  ].join('\n');
  const markdown = [
    `**${rule.id} ${rule.name}**: ${rule.summary}`,
    '',
    `**Why.** ${rule.why}`,
    '',
    `**Fix.** ${rule.fix}`,
    '',
    `| Tier | ${TIERS.map((t) => TIER_LABEL[t]).join(' | ')} |`,
    `|---|${TIERS.map(() => '---').join('|')}|`,
    `| Level | ${TIERS.map((t) => levelOn(rule, t) ?? '—').join(' | ')} |`,
    '',
    `Reference: [${rule.reference.replace(/^https:\/\//, '')}](${rule.reference})`,
  ].join('\n');
  return { text, markdown };
}
