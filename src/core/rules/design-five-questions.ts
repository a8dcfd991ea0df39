import { isEnglish } from '../review/english-text.js';
import { defineRule } from './define-rule.js';

/**
 * The five questions behind any technical decision (domain.md section 3):
 * problem, constraints, options, trade-offs, recommendation and revisit. One
 * finding per unanswered question, on the title line.
 */
export const designFiveQuestions = defineRule(
  {
    id: 'design-five-questions',
    description: 'A design doc answers the five questions: problem, constraints, options, trade-offs, recommendation.',
    help:
      'Every technical decision answers five questions: what problem we are solving (a need, not a solution), ' +
      'the constraints, at least two real options, the trade-offs (quantified where possible), and the ' +
      'recommendation with when to revisit it. A section per question, or prose that answers it, is enough.',
    appliesTo: ['design-doc'],
    defaultSeverity: 'warn',
    scope: 'document',
  },
  (ctx, report) => {
    if (!isEnglish(ctx.doc)) return;
    const line = ctx.doc.title?.line ?? 1;
    for (const question of ctx.coverage.questions) {
      if (question.answered) continue;
      report(`Unanswered question "${question.id}": ${question.text}`, { line });
    }
  },
);
