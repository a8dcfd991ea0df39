import { Queue, UnrecoverableError, Worker, type Job as BullJob, type JobsOptions, type RedisClient } from 'bullmq';
import type { JobLog } from '../shared/job-log.js';
import type { InProcessReviewQueue } from './in-process-review-queue.js';
import { redactRedisUrl, redisErrorFields } from './redis-url.js';
import { pullRequestKey, RetryLater, reviewJobId, type EnqueueResult, type JobAttempt, type ReviewJob, type ReviewQueue, type ReviewRunner } from './review-queue.js';
import { retryDelayMs, type RetryPolicy } from './retry-policy.js';

/**
 * The review queue shared by several replicas through Redis (REDIS_URL): a
 * BullMQ Queue to add jobs and a Worker to run them, in every replica.
 *   - Redelivery: the BullMQ job id is the delivery id plus the pull request
 *     number, and finished jobs are kept for a bounded time (24 h, at most
 *     10,000), so a redelivery to ANY replica finds the job and is a duplicate.
 *   - Coalescing: BullMQ deduplication per pull request with
 *     `keepLastIfActive`: while a review of the pull request waits, newer
 *     deliveries merge into it (it reads the head when it starts); while one
 *     runs, the newest delivery is kept and queued when it finishes. So there is
 *     at most one running and one waiting review per pull request, never two
 *     at once, and a push during a review is not lost.
 *   - Retries: `attempts` with exponential backoff (src/queue/retry-policy.ts).
 *     Only a runner's RetryLater is retried (anything else is final, as
 *     UnrecoverableError). A job waiting for its retry is "delayed" and still
 *     holds its deduplication key, so newer deliveries merge into it as into a
 *     waiting job, and a redelivery of it is a duplicate. The failed attempt's
 *     hand-over (its in-progress check run) is saved in the job's data.
 *   - Redis losing its data (FLUSHALL, a restart without persistence): jobs
 *     waiting in Redis are gone. A job running here is not: when its attempt
 *     must be retried and its record has vanished, this replica adds it again.
 *   - Redis unreachable: a delivery that certainly never reached Redis (the
 *     connection is down) runs in this replica's in-process queue, the
 *     `fallback`, rather than failing: GitHub does not redeliver by itself.
 *     One that may have reached it (Redis connected but silent) fails (500).
 *   - Ordering: jobs start in arrival order, at most `concurrency` per replica.
 *     Installations are NOT serialized across replicas (that needs BullMQ Pro
 *     groups); GitHub's limits are still respected because Probot shares its
 *     throttling (Bottleneck) through the same Redis.
 *   - Shutdown: drain closes the worker, which waits for its running jobs;
 *     waiting jobs stay in Redis for the other replicas. A job abandoned at the
 *     timeout is picked up again by another replica once its lock expires.
 */

/** Options of the BullMQ review queue. */
export interface BullmqReviewQueueOptions {
  redisUrl: string;
  /** Jobs this replica runs at once. */
  concurrency: number;
  run: ReviewRunner;
  log: JobLog;
  /** Attempts and backoff of every job; default DEFAULT_RETRY. */
  retry?: RetryPolicy;
  /** Where deliveries go while Redis is unreachable; without one, their enqueue fails. */
  fallback?: InProcessReviewQueue;
  /** Queue name in Redis; every replica must use the same. */
  queueName?: string;
  /** How long and how many finished jobs are kept, so redeliveries are recognised. */
  keepFinished?: { ageSeconds: number; count: number };
  /** An enqueue that Redis does not confirm in time fails, so the delivery gets a 500 instead of hanging. */
  enqueueTimeoutMs?: number;
  /** How long an enqueue waits for a connection that is not up before using the fallback. */
  connectWaitMs?: number;
  /** A job's lock; a replica that dies leaves its jobs to others after this long. */
  lockDurationMs?: number;
}

/** Default queue name. */
export const QUEUE_NAME = 'design-review';
/** Default attempts and backoff: 5 attempts, 2 s before the second (then 4, 8, 16 s). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, delayMs: 2000 };
const KEEP_FINISHED = { ageSeconds: 24 * 60 * 60, count: 10_000 };

// What a job holds in Redis: the review job, and the attempts a lost record of it had already made.
type QueuedJob = ReviewJob & { attemptsBefore?: number };

/** A ReviewQueue on BullMQ; the worker starts at once. */
export function bullmqReviewQueue(options: BullmqReviewQueueOptions): ReviewQueue {
  const { redisUrl, log, fallback } = options;
  const name = options.queueName ?? QUEUE_NAME;
  const keep = options.keepFinished ?? KEEP_FINISHED;
  const policy = options.retry ?? DEFAULT_RETRY;
  const enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5000;
  const connectWaitMs = options.connectWaitMs ?? 1000;
  const redis = redactRedisUrl(redisUrl);
  const onConnectionError = (source: string) => (error: unknown) =>
    log.error({ err: redisErrorFields(error, redisUrl), redis, source }, 'design-review: Redis connection error');

  // Without the offline queue an add fails at once while Redis is unreachable
  // (BullMQ's advice for producers) instead of waiting for a reconnection.
  const queue = new Queue<QueuedJob>(name, { connection: { url: redisUrl, enableOfflineQueue: false } });
  queue.on('error', onConnectionError('queue'));
  // The producer connection, once it has been up: its status tells whether an add can reach Redis at all.
  let producer: RedisClient | undefined;
  const connected = async (): Promise<boolean> => {
    producer ??= await Promise.race([queue.getBackend().client.catch(() => undefined), delay(connectWaitMs).then(() => undefined)]);
    if (producer === undefined) return false;
    if (producer.status !== 'ready') {
      // Reconnecting (a restart, a network blip): give it a moment before deciding.
      await readyWithin(producer, connectWaitMs);
    }
    return producer.status === 'ready';
  };

  // BullMQ's options for a job that has already made `attemptsBefore` attempts (0 for a new one):
  // the remaining attempts, and the backoff continuing where the policy is.
  const jobOptions = (job: ReviewJob, attemptsBefore: number): JobsOptions => ({
    jobId: reviewJobId(job),
    deduplication: { id: pullRequestKey(job), keepLastIfActive: true },
    attempts: Math.max(1, policy.attempts - attemptsBefore),
    backoff: { type: 'exponential', delay: policy.delayMs * 2 ** attemptsBefore },
    removeOnComplete: { age: keep.ageSeconds, count: keep.count },
    removeOnFail: { age: keep.ageSeconds, count: keep.count },
  });

  // Ids of the jobs this replica is running, for the drain's report.
  const running = new Set<string>();
  const worker = new Worker<QueuedJob>(
    name,
    async (job: BullJob<QueuedJob>) => {
      const id = job.id ?? reviewJobId(job.data);
      const { attemptsBefore = 0, ...data } = job.data;
      const attempt = attemptOfJob(job, attemptsBefore, policy);
      running.add(id);
      try {
        await options.run(data, attempt);
      } catch (error) {
        // Only RetryLater is worth another attempt; any other error is final at once.
        if (!(error instanceof RetryLater) || attempt.retryInMs === undefined) throw asFinal(error);
        if (await recordLost(job)) {
          await requeueLost(error.next, attempt);
          return;
        }
        // The next attempt, on any replica, must see what this one handed over.
        await job.updateData({ ...error.next, ...(attemptsBefore === 0 ? {} : { attemptsBefore }) }).catch((updateError: unknown) =>
          log.warn({ err: redisErrorFields(updateError, redisUrl), job: id }, 'design-review: could not save the retry hand-over'),
        );
        throw error;
      } finally {
        running.delete(id);
      }
    },
    {
      connection: { url: redisUrl },
      concurrency: options.concurrency,
      ...(options.lockDurationMs === undefined ? {} : { lockDuration: options.lockDurationMs }),
    },
  );
  worker.on('error', onConnectionError('worker'));
  worker.on('failed', (job, error) => {
    const final = error.name === 'UnrecoverableError' || job === undefined || job.attemptsMade >= (job.opts.attempts ?? 1);
    const fields = { err: { message: error.message }, job: job?.id, id: job?.data.deliveryId };
    if (final) log.error(fields, 'design-review: job failed');
    else log.warn({ ...fields, attemptsMade: job.attemptsMade }, 'design-review: job attempt failed, retrying');
  });

  // True when Redis no longer has the job (its data was lost), or cannot say (it is unreachable:
  // then BullMQ cannot schedule the retry either; if Redis comes back with its data, the stalled
  // job may also run again there, a duplicate review preferred to a lost one).
  const recordLost = async (job: BullJob<QueuedJob>): Promise<boolean> => {
    try {
      return (await job.getState()) === 'unknown';
    } catch {
      return true;
    }
  };

  // A running job whose record Redis lost: nobody else knows it, so this replica queues its next attempt.
  const requeueLost = async (next: ReviewJob, attempt: JobAttempt): Promise<void> => {
    const jobId = reviewJobId(next);
    log.warn({ job: jobId, id: next.deliveryId, attemptsMade: attempt.number }, 'design-review: Redis lost the job while it ran; queueing its retry again');
    try {
      await withTimeout(
        queue.add('review', { ...next, attemptsBefore: attempt.number }, { ...jobOptions(next, attempt.number), delay: attempt.retryInMs ?? 0 }),
        enqueueTimeoutMs,
        `Redis (${redis}) did not confirm the job within ${enqueueTimeoutMs} ms`,
      );
    } catch (error) {
      if (fallback === undefined) {
        log.error({ err: redisErrorFields(error, redisUrl), job: jobId }, 'design-review: could not queue the retry; the review is lost');
        return;
      }
      log.warn({ err: redisErrorFields(error, redisUrl), job: jobId }, 'design-review: Redis unreachable; the retry runs in this replica');
      await fallback.enqueueAfter(next, attempt.number);
    }
  };

  const add = async (job: ReviewJob): Promise<EnqueueResult> => {
    const jobId = reviewJobId(job);
    // Checked first only to label the outcome: two replicas racing on one
    // delivery can both see no job, but BullMQ still creates just one.
    if ((await queue.getJob(jobId)) !== undefined) return 'duplicate';
    const added = await queue.add('review', job, jobOptions(job, 0));
    // Deduplicated: BullMQ answers with the id of the pull request's pending job.
    return added.id === jobId ? 'queued' : 'replaced';
  };

  const enqueue = async (job: ReviewJob): Promise<EnqueueResult> => {
    // Not connected: nothing can have reached Redis, so running it here cannot run it twice.
    if (!(await connected())) return runHere(job, new Error(`Redis (${redis}) is unreachable`));
    try {
      return await withTimeout(add(job), enqueueTimeoutMs, `Redis (${redis}) did not confirm the job within ${enqueueTimeoutMs} ms`);
    } catch (error) {
      // The connection dropped before the command was written; a timeout is not this (Redis may have the job).
      if (neverSent(error)) return runHere(job, error);
      throw error;
    }
  };

  const runHere = async (job: ReviewJob, error: unknown): Promise<EnqueueResult> => {
    if (fallback === undefined) throw error;
    log.warn({ err: redisErrorFields(error, redisUrl), job: reviewJobId(job), id: job.deliveryId }, 'design-review: Redis unreachable; the review runs in this replica');
    return fallback.enqueue(job);
  };

  let closed: Promise<void> | undefined;
  return {
    kind: 'bullmq',
    enqueue,
    async drain(timeoutMs) {
      const closing = worker.close().then(() => 'closed' as const);
      const here = fallback?.drain(timeoutMs) ?? Promise.resolve({ abandoned: [] });
      const outcome = await Promise.race([closing, delay(timeoutMs).then(() => 'timeout' as const)]);
      return { abandoned: [...(outcome === 'timeout' ? running : []), ...(await here).abandoned] };
    },
    close() {
      // The worker is closed by drain; closing it again only waits for that.
      closed ??= Promise.allSettled([worker.close(), queue.close(), fallback?.close()]).then(() => undefined);
      return closed;
    },
  };
}

// Where a BullMQ job stands: its attempts count those of a lost record it replaces.
function attemptOfJob(job: BullJob<QueuedJob>, attemptsBefore: number, policy: RetryPolicy): JobAttempt {
  const number = attemptsBefore + job.attemptsMade + 1;
  // The job's own `attempts`, not the policy's: a job queued by an older release may have none.
  const of = attemptsBefore + (job.opts.attempts ?? 1);
  return { number, of, retryInMs: number < of ? retryDelayMs(policy, number) : undefined };
}

// Resolves when the client emits 'ready', or after `ms`.
function readyWithin(client: RedisClient, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once('ready', done);
  });
}

// BullMQ retries anything but UnrecoverableError; keep the message for the failed job's log.
function asFinal(error: unknown): UnrecoverableError {
  const final = new UnrecoverableError(error instanceof Error ? error.message : String(error));
  final.cause = error;
  return final;
}

// ioredis with the offline queue off refuses a command at once, unsent, while the connection is down.
function neverSent(error: unknown): boolean {
  return error instanceof Error && error.message.includes("Stream isn't writeable and enableOfflineQueue options is false");
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
