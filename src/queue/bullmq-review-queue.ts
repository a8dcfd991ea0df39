import { Queue, Worker, type Job as BullJob } from 'bullmq';
import type { JobLog } from '../handlers/pull-request-review.js';
import { redactRedisUrl, redisErrorFields } from './redis-url.js';
import { pullRequestKey, reviewJobId, type EnqueueResult, type ReviewJob, type ReviewQueue, type ReviewRunner } from './review-queue.js';

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
  /** Queue name in Redis; every replica must use the same. */
  queueName?: string;
  /** How long and how many finished jobs are kept, so redeliveries are recognised. */
  keepFinished?: { ageSeconds: number; count: number };
  /** An enqueue that Redis does not confirm in time fails, so the delivery gets a 500 instead of hanging. */
  enqueueTimeoutMs?: number;
  /** A job's lock; a replica that dies leaves its jobs to others after this long. */
  lockDurationMs?: number;
}

/** Default queue name. */
export const QUEUE_NAME = 'design-review';
const KEEP_FINISHED = { ageSeconds: 24 * 60 * 60, count: 10_000 };

/** A ReviewQueue on BullMQ; the worker starts at once. */
export function bullmqReviewQueue(options: BullmqReviewQueueOptions): ReviewQueue {
  const { redisUrl, log } = options;
  const name = options.queueName ?? QUEUE_NAME;
  const keep = options.keepFinished ?? KEEP_FINISHED;
  const enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5000;
  const redis = redactRedisUrl(redisUrl);
  const onConnectionError = (source: string) => (error: unknown) =>
    log.error({ err: redisErrorFields(error, redisUrl), redis, source }, 'design-review: Redis connection error');

  // Without the offline queue an add fails at once while Redis is unreachable
  // (BullMQ's advice for producers) instead of waiting for a reconnection.
  const queue = new Queue<ReviewJob>(name, { connection: { url: redisUrl, enableOfflineQueue: false } });
  queue.on('error', onConnectionError('queue'));

  // Ids of the jobs this replica is running, for the drain's report.
  const running = new Set<string>();
  const worker = new Worker<ReviewJob>(
    name,
    async (job: BullJob<ReviewJob>) => {
      const id = job.id ?? reviewJobId(job.data);
      running.add(id);
      try {
        await options.run(job.data);
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
  worker.on('failed', (job, error) =>
    log.error({ err: { message: error.message }, job: job?.id, id: job?.data.deliveryId }, 'design-review: job failed'),
  );

  const enqueue = async (job: ReviewJob): Promise<EnqueueResult> => {
    const jobId = reviewJobId(job);
    // Checked first only to label the outcome: two replicas racing on one
    // delivery can both see no job, but BullMQ still creates just one.
    if ((await queue.getJob(jobId)) !== undefined) return 'duplicate';
    const added = await queue.add('review', job, {
      jobId,
      deduplication: { id: pullRequestKey(job), keepLastIfActive: true },
      removeOnComplete: { age: keep.ageSeconds, count: keep.count },
      removeOnFail: { age: keep.ageSeconds, count: keep.count },
    });
    // Deduplicated: BullMQ answers with the id of the pull request's pending job.
    return added.id === jobId ? 'queued' : 'replaced';
  };

  let closed: Promise<void> | undefined;
  return {
    kind: 'bullmq',
    enqueue: (job) => withTimeout(enqueue(job), enqueueTimeoutMs, `Redis (${redis}) did not confirm the job within ${enqueueTimeoutMs} ms`),
    async drain(timeoutMs) {
      const closing = worker.close().then(() => 'closed' as const);
      const outcome = await Promise.race([closing, delay(timeoutMs).then(() => 'timeout' as const)]);
      return { abandoned: outcome === 'timeout' ? [...running] : [] };
    },
    close() {
      // The worker is closed by drain; closing it again only waits for that.
      closed ??= Promise.allSettled([worker.close(), queue.close()]).then(() => undefined);
      return closed;
    },
  };
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
