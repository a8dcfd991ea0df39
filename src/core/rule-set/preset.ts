import type { Config, RuleSetting } from '../../config/schema.js';
import type { KnownRules } from '../../config/validate.js';
import { adrRules } from './adr-rules.js';
import type { ReviewRule } from '../rule-helpers/define-rule.js';
import { designDocRules } from './design-doc-rules.js';
import { repositoryRules } from './repository-rules.js';

/** Every check the review knows, in documentation order. */
export const allRules: ReviewRule[] = [...adrRules, ...designDocRules, ...repositoryRules];

/** Every rule id with the schema of its options (undefined: none), for validateConfig (the config layer is below the rules and takes them as a parameter). */
export const KNOWN_RULES: KnownRules = Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.options]));

/** A rule and the setting it runs with (severity, or `[severity, options]`). */
export interface ActiveRule {
  rule: ReviewRule;
  setting: RuleSetting;
}

/**
 * The rules a config turns on for one scope, with their settings: the
 * config's override when present, else the rule's default; `off` rules are dropped.
 */
export function activeRules(config: Config, scope: 'document' | 'repository'): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of allRules) {
    if (rule.meta.scope !== scope) continue;
    const setting = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    const severity = Array.isArray(setting) ? setting[0] : setting;
    if (severity === 'off') continue;
    active.push({ rule, setting });
  }
  return active;
}
