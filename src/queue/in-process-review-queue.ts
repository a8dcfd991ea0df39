import { JobQueue } from './job-queue.js';
import { pullRequestKey, reviewJobId, type ReviewJob, type ReviewQueue, type ReviewRunner } from './review-queue.js';

/**
 * The review queue of a single replica (no REDIS_URL): the JobQueue, with
 * its bounded concurrency, one job at a time per installation, coalescing
 * per pull request and redelivery dedupe. Jobs live in memory, so a drain
 * that times out loses the ones left (their ids are logged by the caller).
 */

/** Options of the in-process review queue. */
export interface InProcessReviewQueueOptions {
  concurrency: number;
  run: ReviewRunner;
  onError: (job: ReviewJob, error: unknown) => void;
}

/** A ReviewQueue over the in-process JobQueue. */
export function inProcessReviewQueue(options: InProcessReviewQueueOptions): ReviewQueue {
  const queue = new JobQueue({ concurrency: options.concurrency });
  return {
    kind: 'in-process',
    enqueue: async (job) =>
      queue.enqueue({
        id: reviewJobId(job),
        orderingKey: `installation:${job.installationId}`,
        coalescingKey: pullRequestKey(job),
        // The runner's errors stop here: the queue goes on with the next job.
        run: () => options.run(job).catch((error: unknown) => options.onError(job, error)),
      }),
    drain: (timeoutMs) => queue.drain(timeoutMs),
    close: async () => undefined,
  };
}
