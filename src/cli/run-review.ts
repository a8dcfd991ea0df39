import { availableParallelism } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { Piscina } from 'piscina';
import { builtModuleUrl } from '../io/package-root.js';
import { reviewRepository } from '../core/review/review.js';
import { reviewDocumentKept } from '../core/review/section-text.js';
import type { DocumentResult, Review, ReviewOptions, SourceFile } from '../core/review-model.js';
import { contentHash, type CheckCache } from './check-cache.js';
import type { ReviewTask } from './review-worker.js';
import type { Progress } from './terminal-env.js';

/**
 * Run the review: phase 1 per file (in this thread for small runs; for
 * large ones in this thread and a pool of worker threads, one per other
 * core), then phase 2 in this thread.
 */

/** Above this many files, phase 1 runs in worker threads. */
export const POOL_THRESHOLD = 40;
/** Files per worker task: large enough to amortise messaging, small enough to balance. */
export const BATCH_SIZE = 20;
/** Tasks each worker holds at once: one running, one waiting. */
const TASKS_PER_WORKER = 2;

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
    const result = reviewDocumentKept(file, options, lean);
    progress.update(offset + i + 1);
    return result;
  });
}

/*
 * Phase 1 of a large run: this thread reviews files itself, one at a time
 * between the pool's messages, beside one worker per other core. Two V8 heaps
 * rather than three on two cores: a heap's size comes from how fast the parser
 * promotes garbage, not from the documents it keeps, so a third heap that only
 * waits for results cost almost as much memory as a parsing one (1,000 files,
 * both at a heap growing factor of 2: 373 MiB with two workers and an idle
 * thread, 327 MiB with this thread working too; bench/README.md).
 * The CLI holds V8's heap growth for the run before it collects the files
 * (heap-growth.ts); the workers started here inherit it.
 * Every worker holds two tasks, so it never waits while this thread reviews a
 * file before it can hand over the next batch.
 * Results stay serialized (v8.serialize, what the workers send) until the
 * last file is reviewed: this thread's heap then holds only the file it
 * parses, and its collector does not trace every result so far at each full
 * collection (30 MB of objects for 1,000 files, 5 MB serialized). They become
 * objects when the worker heaps are gone.
 */
async function reviewInPool(files: SourceFile[], options: ReviewOptions, progress: Progress, offset: number, lean: boolean): Promise<DocumentResult[]> {
  const threads = availableParallelism() - 1;
  if (threads < 1) return reviewInProcess(files, options, progress, offset, lean);
  const pool = new Piscina<ReviewTask, Uint8Array>({
    filename: builtModuleUrl('cli/review-worker.js').href,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    workerData: options,
  });
  let done = offset;
  // Largest files first, so a 3,000-line design doc does not start last and
  // leave the other lanes idle; results go back to the files' order.
  const order = files.map((_, i) => i).sort((a, b) => byteLength(files[b]!) - byteLength(files[a]!));
  const serialized: { indices: number[]; bytes: Uint8Array }[] = [];
  let next = 0;
  const take = (count: number): number[] => {
    const indices = order.slice(next, next + count);
    next += indices.length;
    return indices;
  };
  const workerLane = async (): Promise<void> => {
    while (next < order.length) {
      const indices = take(BATCH_SIZE);
      const batch = indices.map((k) => transferable(files[k]!));
      const transferList = batch.map((f) => (f.content as Uint8Array).buffer as ArrayBuffer);
      serialized.push({ indices, bytes: await pool.run({ files: batch, withoutSectionText: lean }, { transferList }) });
      done += indices.length;
      progress.update(done);
    }
  };
  const ownLane = async (): Promise<void> => {
    while (next < order.length) {
      const [k] = take(1) as [number];
      serialized.push({ indices: [k], bytes: serialize([reviewDocumentKept(files[k]!, options, lean)]) });
      progress.update(++done);
      // Let the pool's messages in: a worker's finished batch, and the next one handed over.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  try {
    const lanes = Array.from({ length: threads * TASKS_PER_WORKER }, workerLane);
    await Promise.all([...lanes, ownLane()]);
  } catch (error) {
    next = order.length; // the other lanes stop after their current file or batch
    throw error;
  } finally {
    await pool.destroy();
  }
  const results: DocumentResult[] = new Array(files.length);
  for (const { indices, bytes } of serialized) {
    (deserialize(bytes) as DocumentResult[]).forEach((r, j) => (results[indices[j]!] = r));
  }
  return results;
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
