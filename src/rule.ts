import type { Facts, Location } from './facts.js';

export const TIERS = ['basic', 'standard', 'premium', 'dedicated'] as const;
export type Tier = (typeof TIERS)[number];

/** SARIF levels, most severe first. */
export const LEVELS = ['error', 'warning', 'note'] as const;
export type Level = (typeof LEVELS)[number];

export const AREAS = ['security', 'durability', 'protocol', 'partitioning', 'client-config', 'ecosystem'] as const;
export type Area = (typeof AREAS)[number];

/** A rule's level on each tier; `null` means the rule does not report on that tier. */
export type TierLevels = Record<Tier, Level | null>;

export interface RuleMeta<M extends string> {
  /** `EH` + area digit + two digits, as in the catalog; never renumbered. */
  id: string;
  /** kebab-case, as in the catalog. */
  name: string;
  area: Area;
  /** A single level for every tier, or one per tier (catalog §10). The standard tier's level is the SARIF default. */
  level: Level | TierLevels;
  /** Only real security weaknesses carry a GitHub security-severity (catalog §2.1). */
  securitySeverity?: string;
  /** CWE ids for security rules (`319`), emitted as `external/cwe/cwe-319` tags. */
  cwe?: string[];
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** One sentence. */
  summary: string;
  /** Why it breaks or behaves differently on Event Hubs, with the fact behind it. */
  why: string;
  /** What to change. */
  fix: string;
  /** The Microsoft Learn page that states the fact. */
  reference: string;
  /** Message templates; `{name}` placeholders are filled from `report` data. */
  messages: Record<M, string>;
}

export interface ReportOptions {
  /** Overrides the rule's level on this tier (tier- or value-dependent levels). */
  level?: Level;
  /** What identifies this finding apart from its line, for the stable fingerprint. Default: message id + data. */
  evidence?: string;
}

export interface RuleContext<M extends string> {
  facts: Facts;
  tier: Tier;
  report(messageId: M, at: Location, data?: Record<string, string | number>, options?: ReportOptions): void;
}

export interface Rule<M extends string = string> extends RuleMeta<M> {
  check(ctx: RuleContext<M>): void;
}

/** Identity function: lets TypeScript infer the message ids so `report('typo', …)` is a compile error. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export function levelOn(rule: Pick<RuleMeta<string>, 'level'>, tier: Tier): Level | null {
  return typeof rule.level === 'string' ? rule.level : rule.level[tier];
}

/** SARIF `defaultConfiguration.level`: the level on the default (standard) tier, or the first tier it reports on. */
export function defaultLevel(rule: Pick<RuleMeta<string>, 'level'>): Level {
  if (typeof rule.level === 'string') return rule.level;
  return rule.level.standard ?? TIERS.map((t) => (rule.level as TierLevels)[t]).find((l): l is Level => l !== null) ?? 'note';
}

export function levelRank(level: Level): number {
  return LEVELS.length - LEVELS.indexOf(level);
}

export function atLeast(level: Level, threshold: Level): boolean {
  return levelRank(level) >= levelRank(threshold);
}

export interface Finding {
  ruleId: string;
  ruleName: string;
  /** Which of the rule's message templates produced the message. */
  messageId: string;
  level: Level;
  message: string;
  location: Location;
  /** `ehcompat/v1` fingerprint: rule + path + evidence, not the line. */
  fingerprint: string;
  /** Hash of rule + evidence without the path: what a baseline matches on, next to a path of its own. */
  evidence: string;
}
