import { workerData } from 'piscina';
import { reviewDocument } from '../core/review/review.js';
import { withoutSectionText } from '../core/review/section-text.js';
import type { DocumentResult, ReviewOptions, SourceFile } from '../core/review-model.js';

/**
 * Piscina worker: phase 1 of the review on a batch of files. The review
 * options arrive once per thread (workerData); each task carries only paths,
 * kinds and bytes, and the results are structured-cloned back.
 */

/** One task: a batch of files. */
export interface ReviewTask {
  files: SourceFile[];
  /** Return each result without its sections' text (`check`, which never reads it). */
  withoutSectionText?: boolean;
}

const options = workerData as ReviewOptions;

/** Review every file of the batch. */
export default function reviewBatch(task: ReviewTask): DocumentResult[] {
  const results = task.files.map((file) => reviewDocument(file, options));
  return task.withoutSectionText ? results.map(withoutSectionText) : results;
}
