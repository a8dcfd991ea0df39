import { serialize } from 'node:v8';
import { move, workerData } from 'piscina';
import { reviewDocumentKept } from '../core/review/section-text.js';
import type { ReviewOptions, SourceFile } from '../core/review-model.js';

/**
 * Piscina worker: phase 1 of the review on a batch of files. The review
 * options arrive once per thread (workerData); each task carries only paths,
 * kinds and bytes. The results go back serialized (v8.serialize, the
 * structured clone's format) and moved, not copied: run-review keeps them so
 * until phase 2.
 */

/** One task: a batch of files. */
export interface ReviewTask {
  files: SourceFile[];
  /** Return each result without its sections' text (`check`, which never reads it). */
  withoutSectionText?: boolean;
}

const options = workerData as ReviewOptions;

/** Review every file of the batch; the results as v8.deserialize reads them back. */
export default function reviewBatch(task: ReviewTask): Uint8Array {
  // Each result made lean as soon as it is made: a batch's full results held
  // together (the largest files come first) would set this heap's live size.
  const results = task.files.map((file) => reviewDocumentKept(file, options, task.withoutSectionText === true));
  const bytes = serialize(results);
  // A Buffer that shares a pooled ArrayBuffer cannot be moved without taking its neighbours along.
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.from(bytes);
  return move(owned) as Uint8Array;
}
