import type { JobLog } from '../handlers/pull-request-review.js';
import { bullmqReviewQueue } from '../queue/bullmq-review-queue.js';
import { inProcessReviewQueue } from '../queue/in-process-review-queue.js';
import { reviewJobId, type ReviewQueue, type ReviewRunner } from '../queue/review-queue.js';
import type { QueueSettings } from './queue-settings.js';

/** The queue backend the settings ask for: BullMQ when REDIS_URL is set, in-process otherwise. */
export function createReviewQueue(settings: QueueSettings, run: ReviewRunner, log: JobLog): ReviewQueue {
  if (settings.redisUrl !== undefined) {
    return bullmqReviewQueue({ redisUrl: settings.redisUrl, concurrency: settings.concurrency, run, log });
  }
  return inProcessReviewQueue({
    concurrency: settings.concurrency,
    run,
    onError: (job, error) => log.error({ err: error, id: job.deliveryId, job: reviewJobId(job) }, 'design-review: job failed'),
  });
}
