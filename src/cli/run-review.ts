import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { builtModuleUrl } from '../io/package-root.js';
import { reviewDocument, reviewRepository } from '../core/review/review.js';
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
/** Up to this many files, the workers keep V8's default young generation. */
export const DEFAULT_HEAP_UP_TO = 300;
/** Young-generation size of each worker's heap in larger runs, in MB. */
export const LARGE_RUN_YOUNG_GENERATION_MB = 128;

/**
 * The workers' heap limits for a run of `files` files: V8's defaults for a
 * small run, a young generation of LARGE_RUN_YOUNG_GENERATION_MB for a large
 * one (parsing allocates many short-lived nodes: fewer scavenges). On the
 * 1,000-file bench corpus (`node bench/run.js --runs 3`, 2 cores, load about
 * 3): 256 MB peaked at 1,130 MiB, 128 MB at 798 MiB for the same wall time and
 * 1.18x the bare parse's CPU, 64 MB at 629 MiB for 1.31x that CPU. On 200
 * files V8's default peaked at 391 MB in 7.1 s, 256 MB at 826 MB in 8.3 s.
 */
export function workerResourceLimits(files: number): { maxYoungGenerationSizeMb?: number } {
  return files <= DEFAULT_HEAP_UP_TO ? {} : { maxYoungGenerationSizeMb: LARGE_RUN_YOUNG_GENERATION_MB };
}
/** Files per worker task: large enough to amortise messaging, small enough to balance. */
export const BATCH_SIZE = 20;

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
  cache?: CheckCache,
): Promise<Review> {
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
    toReview.length > POOL_THRESHOLD ? await reviewInPool(toReview, options, progress, offset) : reviewInProcess(toReview, options, progress, offset);
  todo.forEach((i, k) => {
    results[i] = reviewed[k]!;
    cache?.store(files[i]!, hashes[i]!, reviewed[k]!);
  });
  progress.clear();
  return reviewRepository([...prior, ...(results as DocumentResult[])], options);
}

function reviewInProcess(files: SourceFile[], options: ReviewOptions, progress: Progress, offset: number): DocumentResult[] {
  return files.map((file, i) => {
    const result = reviewDocument(file, options);
    progress.update(offset + i + 1);
    return result;
  });
}

async function reviewInPool(files: SourceFile[], options: ReviewOptions, progress: Progress, offset: number): Promise<DocumentResult[]> {
  const pool = new Piscina<ReviewTask, DocumentResult[]>({
    filename: builtModuleUrl('cli/review-worker.js').href,
    maxThreads: Math.max(1, availableParallelism()),
    workerData: options,
    resourceLimits: workerResourceLimits(files.length),
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
        pool.run({ files: batch }, { transferList }).then((batchResults) => {
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
