import type { RetryPolicy } from '../queue/retry-policy.js';
import { positiveInteger } from '../config/env-number.js';

/**
 * The queue's environment variables, read in one place: REVIEW_CONCURRENCY,
 * REDIS_URL (BullMQ shared by replicas when set), SHUTDOWN_TIMEOUT_MS, and
 * the retries of a review that failed for infrastructure reasons:
 * REVIEW_ATTEMPTS and REVIEW_RETRY_DELAY_MS (doubled after each failure).
 * Bad numbers fall back to the defaults rather than stopping the App.
 */

/** What the queue and the shutdown read from the environment. */
export interface QueueSettings {
  /** Reviews running at once (per replica). */
  concurrency: number;
  /** Redis for the BullMQ queue; undefined means the in-process queue. */
  redisUrl: string | undefined;
  /** How long a graceful shutdown waits for reviews before giving up. */
  shutdownTimeoutMs: number;
  /** Attempts of a review and the delay before the second one (both backends). */
  retry: RetryPolicy;
}

/** Default SHUTDOWN_TIMEOUT_MS: under Kubernetes' 30 s grace period, leaving time to exit. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;
/** Default REVIEW_ATTEMPTS: a GitHub or Redis outage of about half a minute is ridden out (2 + 4 + 8 + 16 s between attempts). */
export const DEFAULT_REVIEW_ATTEMPTS = 5;
/** Default REVIEW_RETRY_DELAY_MS: the wait before the second attempt. */
export const DEFAULT_REVIEW_RETRY_DELAY_MS = 2000;

/** Read the queue settings from `env`. */
export function readQueueSettings(env: NodeJS.ProcessEnv): QueueSettings {
  const redisUrl = env['REDIS_URL']?.trim();
  return {
    concurrency: positiveInteger(env['REVIEW_CONCURRENCY'], 4),
    redisUrl: redisUrl === undefined || redisUrl === '' ? undefined : redisUrl,
    shutdownTimeoutMs: positiveInteger(env['SHUTDOWN_TIMEOUT_MS'], DEFAULT_SHUTDOWN_TIMEOUT_MS),
    retry: {
      attempts: positiveInteger(env['REVIEW_ATTEMPTS'], DEFAULT_REVIEW_ATTEMPTS),
      delayMs: positiveInteger(env['REVIEW_RETRY_DELAY_MS'], DEFAULT_REVIEW_RETRY_DELAY_MS),
    },
  };
}
