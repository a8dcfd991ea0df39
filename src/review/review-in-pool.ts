import { reviewRepository, skippedResult } from '../core/review/review.js';
import type { DocumentResult, Review, ReviewOptions, SourceFile } from '../core/review-model.js';
import type { CorePool, TaskOutcome } from '../workers/core-pool.js';

/**
 * The review on the core pool: phase 1 (parse and check each document) on the
 * worker threads, each document within its own budget and all of them within
 * the review's; phase 2 (the cross-document checks, linear in the number of
 * documents) here. A document that runs out of time or memory is not
 * reviewed and gets a finding that says so; the others are reviewed as usual.
 */

/** A function that reviews files: the core's `review`, or this one on the pool. */
export type ReviewFiles = (files: SourceFile[], options: ReviewOptions) => Promise<Review>;

/** A ReviewFiles that runs phase 1 on `pool`. */
export function reviewInPool(pool: CorePool): ReviewFiles {
  return async (files, options) => {
    const { documentTimeoutMs, reviewTimeoutMs } = pool.settings;
    // Thread time this review has used, counted as its documents finish.
    let spent = 0;
    const results = await Promise.all(
      files.map(async (file): Promise<DocumentResult> => {
        const outcome: TaskOutcome<DocumentResult> = await pool.run<DocumentResult>(
          'reviewDocumentTask',
          { file, options },
          () => Math.min(documentTimeoutMs, reviewTimeoutMs - spent),
        );
        spent += outcome.ms;
        if (outcome.ok) return outcome.value;
        return skippedResult(file.path, notReviewedReason(outcome.reason, outcome.budgetMs, reviewTimeoutMs), 'warning');
      }),
    );
    return reviewRepository(results, options);
  };
}

// Each reason says what happened and what to do; the limits are the operator's (environment), not the repository's.
// `budgetMs` is the time the document was given: its own limit, or less when the review's was nearly spent.
function notReviewedReason(reason: Exclude<TaskOutcome<unknown>, { ok: true }>['reason'], budgetMs: number, reviewMs: number): string {
  switch (reason) {
    case 'timeout':
      return `took longer than ${seconds(budgetMs)} to review and was stopped: split the document, or look for very long lists or deeply nested markup (the App's operator sets the limit with REVIEW_DOCUMENT_TIMEOUT_MS)`;
    case 'budget-spent':
      return `was left out: the documents of this pull request used up the review's ${seconds(reviewMs)} (REVIEW_TIMEOUT_MS); review fewer or smaller documents per pull request`;
    case 'out-of-memory':
      return 'needed more memory than a review may use and was stopped: split the document (the App\'s operator sets the limit with WORKER_MAX_HEAP_MB)';
    case 'crashed':
      return 'could not be reviewed (the worker thread failed): please report this as a design-review bug';
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
