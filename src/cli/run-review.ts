import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { builtModuleUrl } from '../io/package-root.js';
import { reviewDocument, reviewRepository } from '../core/review/review.js';
import { withoutSectionText } from '../core/review/section-text.js';
import type { DocumentResult, Review, ReviewOptions, SourceFile } from '../core/review-model.js';
import { contentHash, type CheckCache } from './check-cache.js';
import type { ReviewTask } from './review-worker.js';
import type { Progress } from './terminal-env.js';

/**
 * Run the review: phase 1 per file (in this thread for small runs, in a
 * pool of worker threads for large ones), then phase 2 in this thread.
 */

/** Above this many files, phase 1 runs in worker threads. */
export const POOL_THRESHOLD = 40;
/** Files per worker task: large enough to amortise messaging, small enough to balance. */
export const BATCH_SIZE = 20;

/** How a run keeps its results. */
export interface RunOptions {
  /** Phase-1 results of unchanged files, and where the new ones are stored. */
  cache?: CheckCache;
  /** Keep each document without its sections' text (withoutSectionText): `check` never reads it. */
  withoutSectionText?: boolean;
}

/**
 * Review the files; `prior` are phase-1 results decided without reading
 * (oversized files). With a cache, a file whose bytes and kind are unchanged
 * takes its cached phase-1 result, and only the others are reviewed; phase 2
 * runs over all of them, in the files' order, as without a cache.
 */
export async function runReview(
  files: SourceFile[],
  prior: DocumentResult[],
  options: ReviewOptions,
  progress: Progress,
  run: RunOptions = {},
): Promise<Review> {
  const { cache } = run;
  const lean = run.withoutSectionText === true;
  const results: (DocumentResult | undefined)[] = new Array(files.length);
  const hashes = cache ? files.map(contentHash) : [];
  const todo: number[] = [];
  files.forEach((file, i) => {
    const cached = cache?.lookup(file, hashes[i]!);
    if (cached) results[i] = cached;
    else todo.push(i);
  });
  const toReview = todo.map((i) => files[i]!);
  const offset = files.length - todo.length;
  const reviewed =
    toReview.length > POOL_THRESHOLD
      ? await reviewInPool(toReview, options, progress, offset, lean)
      : reviewInProcess(toReview, options, progress, offset, lean);
  todo.forEach((i, k) => {
    results[i] = reviewed[k]!;
    cache?.store(files[i]!, hashes[i]!, reviewed[k]!);
  });
  progress.clear();
  return reviewRepository([...prior, ...(results as DocumentResult[])], options);
}

function reviewInProcess(files: SourceFile[], options: ReviewOptions, progress: Progress, offset: number, lean: boolean): DocumentResult[] {
  return files.map((file, i) => {
    const result = reviewDocument(file, options);
    progress.update(offset + i + 1);
    return lean ? withoutSectionText(result) : result;
  });
}

/*
 * The workers keep V8's default heap sizes. A larger young generation saved
 * CPU while every result carried its sections' text back to this thread (a
 * structured clone of about twice the corpus); without it (withoutSectionText)
 * the default costs little more and peaks far lower: on the 1,000-file bench
 * corpus (2 cores, four alternating runs each, medians) V8's default took
 * 21.2 s, 36.2 CPU-s and 532 MiB; 128 MB 20.8 s, 34.6 CPU-s and 808 MiB.
 */
async function reviewInPool(files: SourceFile[], options: ReviewOptions, progress: Progress, offset: number, lean: boolean): Promise<DocumentResult[]> {
  const pool = new Piscina<ReviewTask, DocumentResult[]>({
    filename: builtModuleUrl('cli/review-worker.js').href,
    maxThreads: Math.max(1, availableParallelism()),
    workerData: options,
  });
  let done = offset;
  // Largest files first, so a 3,000-line design doc does not start last and
  // leave the other thread idle; results go back to the files' order.
  const order = files.map((_, i) => i).sort((a, b) => byteLength(files[b]!) - byteLength(files[a]!));
  const results: DocumentResult[] = new Array(files.length);
  try {
    const batches: Promise<void>[] = [];
    for (let i = 0; i < order.length; i += BATCH_SIZE) {
      const indices = order.slice(i, i + BATCH_SIZE);
      const batch = indices.map((k) => transferable(files[k]!));
      const transferList = batch.map((f) => (f.content as Uint8Array).buffer as ArrayBuffer);
      batches.push(
        pool.run({ files: batch, withoutSectionText: lean }, { transferList }).then((batchResults) => {
          batchResults.forEach((r, j) => (results[indices[j]!] = r));
          done += batchResults.length;
          progress.update(done);
        }),
      );
    }
    await Promise.all(batches);
    return results;
  } finally {
    await pool.destroy();
  }
}

function byteLength(file: SourceFile): number {
  return typeof file.content === 'string' ? file.content.length : file.content.byteLength;
}

/** A copy of the file whose bytes own their whole ArrayBuffer, so it can be transferred, not copied. */
function transferable(file: SourceFile): SourceFile {
  const content = file.content;
  if (typeof content === 'string') return { ...file, content: Buffer.from(content, 'utf8') };
  const owns = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && content.buffer instanceof ArrayBuffer;
  return { ...file, content: owns ? new Uint8Array(content.buffer as ArrayBuffer) : new Uint8Array(content) };
}
