/**
 * The queue's environment variables, read in one place: REVIEW_CONCURRENCY,
 * REDIS_URL (BullMQ shared by replicas when set) and SHUTDOWN_TIMEOUT_MS.
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
}

/** Default SHUTDOWN_TIMEOUT_MS: under Kubernetes' 30 s grace period, leaving time to exit. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** Read the queue settings from `env`. */
export function readQueueSettings(env: NodeJS.ProcessEnv): QueueSettings {
  const redisUrl = env['REDIS_URL']?.trim();
  return {
    concurrency: positiveInteger(env['REVIEW_CONCURRENCY'], 4),
    redisUrl: redisUrl === undefined || redisUrl === '' ? undefined : redisUrl,
    shutdownTimeoutMs: positiveInteger(env['SHUTDOWN_TIMEOUT_MS'], DEFAULT_SHUTDOWN_TIMEOUT_MS),
  };
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
