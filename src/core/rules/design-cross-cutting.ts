import { concernCoverage } from '../rule-helpers/concern-coverage.js';
import { isEnglish } from '../rule-helpers/english-text.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/** Concerns with a rule of their own (design-failure-modes, design-rollout, design-five-questions): not repeated here. */
const OWN_RULE = new Set(['failure-modes', 'rollout-rollback', 'trade-offs-named']);

/**
 * The cross-cutting concerns of domain.md section 7 (scale, trust boundaries,
 * observability, error handling, configuration, testing, cost, maintainability)
 * of a design for a running system. Reported as ONE finding listing the ones
 * not mentioned, to stay quiet. Off by default (see `defaultSeverity`).
 */
export const designCrossCutting = defineRule(
  {
    id: 'design-cross-cutting',
    description: 'A system design touches every cross-cutting concern (scale, security boundaries, observability, ...).',
    help:
      'Whatever it designs, a design doc should say what breaks first at 10x and 100x, where the trust boundaries ' +
      'are, which bottlenecks were measured, how it is observed (rate, errors, p99, structured logs with ' +
      'correlation ids), how errors are handled, where configuration lives, how it is tested, what it costs to run, ' +
      'and who can maintain it in six months. One sentence each is often enough.',
    appliesTo: ['design-doc'],
    // Off by default: its concerns overlap the pillars, failure modes and rollout, and on real design docs most
    // of the concerns it listed as missing were covered in prose under other words (README, design-cross-cutting).
    defaultSeverity: 'off',
    scope: 'document',
    messages: {
      'missing-concerns': 'Missing cross-cutting {{noun}} ({{count}}): {{list}}',
    },
  },
  (ctx, report) => {
    if (!isEnglish(ctx.doc) || ctx.coverage.design?.kind === 'change') return;
    const concerns = ctx.checklists.concerns;
    const mentioned = concernCoverage(ctx.doc, concerns);
    const missing = concerns.filter((c) => !OWN_RULE.has(c.id) && !mentioned.has(c.id));
    if (missing.length === 0) return;
    const list = missing.map((c) => c.name).join('; ');
    const noun = missing.length === 1 ? 'concern' : 'concerns';
    report('missing-concerns', { noun, count: missing.length, list }, { line: ctx.doc.title?.line ?? 1 });
  },
);
