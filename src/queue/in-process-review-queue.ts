import { JobQueue } from './job-queue.js';
import { pullRequestKey, RetryLater, reviewJobId, type EnqueueResult, type ReviewJob, type ReviewQueue, type ReviewRunner } from './review-queue.js';
import type { RetryPolicy } from './retry-policy.js';

/**
 * The review queue of a single replica (no REDIS_URL), and the fallback of
 * the BullMQ one while Redis is unreachable: the JobQueue, with its bounded
 * concurrency, one job at a time per installation, coalescing per pull
 * request and redelivery dedupe. A runner that throws RetryLater is run again
 * after the policy's delay, as BullMQ's `attempts` do; the next attempt gets
 * the job as RetryLater hands it over (the check run the failed attempt left
 * in progress), even when a newer delivery for the pull request replaced it
 * meanwhile. Jobs live in memory, so a drain that times out loses the ones
 * left (their ids are logged by the caller).
 */

/** Options of the in-process review queue. */
export interface InProcessReviewQueueOptions {
  concurrency: number;
  run: ReviewRunner;
  /** Attempts and backoff; default: one attempt. */
  retry?: RetryPolicy;
  onError: (job: ReviewJob, error: unknown) => void;
  /** Told of each retry (for the log). */
  onRetry?: (job: ReviewJob, error: unknown, delayMs: number) => void;
}

/** The in-process ReviewQueue, plus `enqueueAfter` for jobs handed over with attempts already made. */
export interface InProcessReviewQueue extends ReviewQueue {
  /** Queue a job that has already used `attemptsBefore` of its attempts (the BullMQ queue's fallback). */
  enqueueAfter(job: ReviewJob, attemptsBefore: number): Promise<EnqueueResult>;
}

/** A ReviewQueue over the in-process JobQueue. */
export function inProcessReviewQueue(options: InProcessReviewQueueOptions): InProcessReviewQueue {
  // What a failed attempt handed over, per pull request: a newer delivery that replaced the retry takes it too.
  const handedOver = new Map<string, ReviewJob>();
  const queue = new JobQueue({
    concurrency: options.concurrency,
    ...(options.retry === undefined
      ? {}
      : {
          retry: { policy: options.retry, retryable: (error: unknown) => error instanceof RetryLater },
        }),
  });
  const enqueue = async (job: ReviewJob, attemptsBefore = 0): Promise<EnqueueResult> => {
    const id = reviewJobId(job);
    const key = pullRequestKey(job);
    return queue.enqueue({
      id,
      orderingKey: `installation:${job.installationId}`,
      coalescingKey: key,
      attemptsBefore,
      run: async (attempt) => {
        const pending = handedOver.get(key);
        handedOver.delete(key);
        const current = pending?.pendingCheckRun === undefined ? job : { ...job, pendingCheckRun: pending.pendingCheckRun };
        try {
          await options.run(current, attempt);
        } catch (error) {
          // Handed to the next attempt of this pull request, whichever job that is.
          if (error instanceof RetryLater && attempt.retryInMs !== undefined) {
            handedOver.set(key, error.next);
            options.onRetry?.(current, error, attempt.retryInMs);
            throw error;
          }
          // The runner's other errors stop here: the queue goes on with the next job.
          options.onError(current, error);
        }
      },
    });
  };
  return {
    kind: 'in-process',
    enqueue: (job) => enqueue(job),
    enqueueAfter: (job, attemptsBefore) => enqueue(job, attemptsBefore),
    drain: (timeoutMs) => queue.drain(timeoutMs),
    close: async () => undefined,
  };
}
