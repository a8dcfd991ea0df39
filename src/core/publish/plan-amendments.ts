import { codeSpan } from '../render/code-span.js';
import { truncateToLimit } from './truncate.js';
import { withoutFindingMarker, type InlineComment, type PublishPlan } from './types.js';

/**
 * What the review job changes in a plan once it knows what GitHub did or will not do: a draft's
 * check run says why there are no comments, and comments GitHub would not place go in the summary.
 */

/** With `review.drafts: false` a draft gets the check run only, which says why there are no comments. */
export function withDraftNote(plan: PublishPlan): PublishPlan {
  const note = 'Draft pull request: review comments skipped (`review.drafts: false`). They are posted once it is ready for review.';
  return {
    ...plan,
    checkRun: { ...plan.checkRun, title: `Draft skipped: ${plan.checkRun.title}`.slice(0, 255), summary: truncateToLimit(`${note}\n\n${plan.checkRun.summary}`) },
  };
}

/** Inline comments GitHub would not place (422) are shown in the summary instead, markers removed. */
export function withUnplacedComments(summary: string, failed: readonly InlineComment[]): string {
  const parts = ['', '', '### Findings not placed on the diff', ''];
  for (const c of failed) {
    const body = withoutFindingMarker(c.body);
    // The path is the pull request's: a backtick in a file name must not end the code span.
    parts.push(`**${codeSpan(c.path)} line ${c.line}**`, '', body, '');
  }
  return truncateToLimit(summary + parts.join('\n'));
}
