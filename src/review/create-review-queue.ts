import type { JobLog } from '../shared/job-log.js';
import { bullmqReviewQueue } from '../queue/bullmq-review-queue.js';
import { inProcessReviewQueue, type InProcessReviewQueue } from '../queue/in-process-review-queue.js';
import { reviewJobId, type ReviewQueue, type ReviewRunner } from '../queue/review-queue.js';
import type { QueueSettings } from './queue-settings.js';

/**
 * The queue backend the settings ask for: BullMQ when REDIS_URL is set, with
 * an in-process queue of this replica for deliveries that arrive while Redis
 * is unreachable; in-process otherwise. Both retry with the same policy.
 */
export function createReviewQueue(settings: QueueSettings, run: ReviewRunner, log: JobLog): ReviewQueue {
  const local = (): InProcessReviewQueue =>
    inProcessReviewQueue({
      concurrency: settings.concurrency,
      run,
      retry: settings.retry,
      onError: (job, error) => log.error({ err: error, id: job.deliveryId, job: reviewJobId(job) }, 'design-review: job failed'),
      onRetry: (job, error, delayMs) =>
        log.warn({ err: error, id: job.deliveryId, job: reviewJobId(job), retryInMs: delayMs }, 'design-review: job attempt failed, retrying'),
    });
  if (settings.redisUrl !== undefined) {
    return bullmqReviewQueue({ redisUrl: settings.redisUrl, concurrency: settings.concurrency, retry: settings.retry, fallback: local(), run, log });
  }
  return local();
}
