import type { DrainResult, EnqueueResult } from './job-queue.js';
import type { JobAttempt } from './retry-policy.js';

/**
 * The queue the webhook handler hands reviews to, whatever runs them: the
 * in-process JobQueue (one replica) or BullMQ on Redis (several replicas).
 * A job is plain JSON, so it can wait in Redis and run on any replica; the
 * one runner (src/review/review-runner.ts) turns it back into a review.
 * Both backends retry a job whose runner throws RetryLater (an infrastructure
 * failure: GitHub 5xx, a network or Redis error) with the same policy
 * (src/queue/retry-policy.ts); anything else the runner throws is final.
 */

export type { DrainResult, EnqueueResult, JobAttempt };

/** One pull request to review, for one delivery: serializable, no closures. */
export interface ReviewJob {
  /** The X-GitHub-Delivery id: a redelivery carries the same one. */
  deliveryId: string;
  /** `pull_request.opened`, `check_run.rerequested`... (for logs). */
  event: string;
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  /**
   * The check run an earlier attempt left in progress (saying it will retry), so the next
   * attempt completes it even when the pull request's head moved on meanwhile.
   */
  pendingCheckRun?: PendingCheckRun;
}

/** A check run left in progress by an attempt that will be retried. */
export interface PendingCheckRun {
  headSha: string;
  checkRunId: number;
}

/** Runs one attempt of a job's review (both backends call the same one); without `attempt`, the only one. */
export type ReviewRunner = (job: ReviewJob, attempt?: JobAttempt) => Promise<void>;

/**
 * Thrown by a runner whose attempt failed for a reason a later attempt can fix;
 * `next` is the job as the next attempt must see it. Only thrown when the
 * attempt has a `retryInMs` (it is not the last one).
 */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  constructor(
    message: string,
    readonly next: ReviewJob,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** A queue of review jobs. */
export interface ReviewQueue {
  /** Which backend this is, for the startup log line. */
  readonly kind: 'in-process' | 'bullmq';
  /** Queue a job; resolves once it is safely queued (or known as a duplicate). */
  enqueue(job: ReviewJob): Promise<EnqueueResult>;
  /** Stop taking work and wait for it, at most `timeoutMs` (graceful shutdown). */
  drain(timeoutMs: number): Promise<DrainResult>;
  /** Release connections; after drain. */
  close(): Promise<void>;
}

/**
 * The job's id: delivery id plus pull request number, since one check_suite
 * delivery can name several pull requests. The same delivery redelivered gets
 * the same ids, which is what makes it a duplicate. No `:` (BullMQ refuses it).
 */
export function reviewJobId(job: Pick<ReviewJob, 'deliveryId' | 'pullNumber'>): string {
  return `${job.deliveryId}#${job.pullNumber}`;
}

/** The pull request a job reviews, lower case: jobs for it coalesce. */
export function pullRequestKey(job: Pick<ReviewJob, 'owner' | 'repo' | 'pullNumber'>): string {
  return `${job.owner}/${job.repo}#${job.pullNumber}`.toLowerCase();
}
