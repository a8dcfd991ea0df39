import { trimEndMatching } from '../document/trim-chars.js';
import { isEnglish } from '../review/english-text.js';
import { defineRule } from './define-rule.js';

/**
 * Design docs should address each Well-Architected pillar, or set it aside
 * with a reason (domain.md section 2). Reads the pillar coverage computed
 * before the rules run; a bare "N/A" gets its own message on its line.
 */
export const designPillars = defineRule(
  {
    id: 'design-pillars',
    description: 'A design doc addresses each Well-Architected pillar or marks it not applicable with a reason.',
    help:
      'Use the six Well-Architected pillars (operational excellence, security, reliability, performance efficiency, ' +
      'cost optimization, sustainability) as a review checklist once the design exists. Each pillar surfaces a ' +
      'trade-off; say how the design handles it, or write "<Pillar>: not applicable — <reason>".',
    appliesTo: ['design-doc'],
    defaultSeverity: 'warn',
    scope: 'document',
  },
  (ctx, report) => {
    if (!isEnglish(ctx.doc)) return;
    const titleLine = ctx.doc.title?.line ?? 1;
    for (const pillar of ctx.coverage.pillars) {
      if (pillar.state !== 'missing') continue;
      const def = ctx.checklists.pillars.find((p) => p.id === pillar.id);
      if (pillar.line !== undefined) {
        report(
          `Unexpected bare "${pillar.evidence ?? 'N/A'}" for the ${pillar.name} pillar, expected a reason ` +
            `(e.g. "${pillar.name}: not applicable — <why it does not apply here>")`,
          { line: pillar.line },
        );
        continue;
      }
      const examples = (def?.practices ?? []).slice(0, 2).map(lowerFirst).map(stripStop);
      const question = def?.question ? ` (${def.question})` : '';
      const hint = examples.length > 0 ? `: address it, e.g. ${examples.join('; ')},` : ': address it';
      report(`Missing Well-Architected pillar ${pillar.name}${question}${hint} or mark it not applicable with a reason`, {
        line: titleLine,
      });
    }
  },
);

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function stripStop(text: string): string {
  return trimEndMatching(text, /[.;]/);
}
