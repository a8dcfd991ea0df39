import { isEnglish } from '../rule-helpers/english-text.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/** Short names of the questions, for the one-line message. */
const SHORT: Readonly<Record<string, string>> = {
  problem: 'the problem (the need, not the solution)',
  constraints: 'the constraints (what the design must keep: compatibility, budget, timeline, stack, compliance)',
  options: 'the options (at least two real ones; doing nothing counts)',
  'trade-offs': 'the trade-offs (what is gained and what is given up)',
  recommendation: 'the recommendation and why',
};

/**
 * The five questions behind any technical decision (domain.md section 3):
 * problem, constraints, options, trade-offs, recommendation. Both kinds of
 * design doc answer them. A question counts as answered by a section with
 * content under a heading real templates use (Motivation, Goals / Non-goals,
 * Rationale and alternatives, Drawbacks, Proposal…), or by prose that answers
 * it (coverage.ts). One finding per document names the unanswered ones.
 */
export const designFiveQuestions = defineRule(
  {
    id: 'design-five-questions',
    description: 'A design doc answers the five questions: problem, constraints, options, trade-offs, recommendation.',
    help:
      'Every technical decision answers five questions: what problem we are solving (a need, not a solution), ' +
      'the constraints, at least two real options, the trade-offs (quantified where possible), and the ' +
      'recommendation with its reasons. A section per question, under your template\'s own headings (Motivation, ' +
      'Goals and Non-goals, Alternatives, Drawbacks, Proposal…), or prose that answers it, is enough.',
    appliesTo: ['design-doc'],
    // Off by default: on the real-record corpus its findings were right too rarely to be said unasked
    // (hand audit in bench/real-corpus/AUDIT.md; README, Rules). The coverage report still shows what it checks.
    defaultSeverity: 'off',
    scope: 'document',
    messages: {
      unanswered: 'Unanswered {{noun}} ({{count}} of {{total}}): {{names}}',
    },
  },
  (ctx, report) => {
    if (!isEnglish(ctx.doc)) return;
    const open = ctx.coverage.questions.filter((q) => !q.answered);
    if (open.length === 0) return;
    const names = open.map((q) => SHORT[q.id] ?? q.text);
    const noun = open.length === 1 ? 'question' : 'questions';
    report('unanswered', { noun, count: open.length, total: ctx.coverage.questions.length, names: names.join('; ') }, { line: ctx.doc.title?.line ?? 1 });
  },
);
