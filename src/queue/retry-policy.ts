/**
 * How often a review job is tried, and how long it waits between tries: the
 * same policy for both backends (BullMQ's `attempts` with its exponential
 * backoff, and the in-process queue's timers), so one replica and several
 * behave alike. The delay doubles after every failed attempt, as BullMQ's
 * built-in `exponential` strategy computes it: delayMs, 2 × delayMs, 4 × ...
 */

/** Attempts in all (1: never retried) and the delay before the second one. */
export interface RetryPolicy {
  attempts: number;
  delayMs: number;
}

/** Where one run of a job stands among its attempts. */
export interface JobAttempt {
  /** 1 for the first run. */
  number: number;
  /** Attempts in all. */
  of: number;
  /** How long the queue waits before the next attempt if this one asks for one; undefined on the last attempt. */
  retryInMs: number | undefined;
}

/** A job that is run once, with no retry (the Action; a queue without a policy). */
export const ONLY_ATTEMPT: JobAttempt = { number: 1, of: 1, retryInMs: undefined };

/** The delay after `failedAttempts` failures (1 after the first): BullMQ's exponential backoff. */
export function retryDelayMs(policy: RetryPolicy, failedAttempts: number): number {
  return Math.round(2 ** (failedAttempts - 1) * policy.delayMs);
}

/** Attempt `number` of the policy's: the next attempt's delay, or none when it is the last. */
export function attemptOf(policy: RetryPolicy, number: number): JobAttempt {
  return { number, of: policy.attempts, retryInMs: number < policy.attempts ? retryDelayMs(policy, number) : undefined };
}
