import { ONLY_ATTEMPT, attemptOf, type JobAttempt, type RetryPolicy } from './retry-policy.js';

/**
 * The in-process work queue behind the webhook handler: GitHub gives a
 * delivery 10 seconds, so handlers only enqueue and the review runs here.
 * Bounded concurrency overall, one job at a time per ordering key (an
 * installation), and coalescing: a queued job is replaced by a newer one with
 * the same coalescing key (a newer push to the same pull request).
 * Retries (opt-in): a job whose run fails with an error the `retry` option
 * calls retryable waits the policy's delay and runs again, as BullMQ's
 * `attempts` do; it does not hold its ordering key while it waits.
 * `drain` is the graceful-shutdown half: it waits for running and queued jobs,
 * bounded by a timeout, and names the jobs it had to abandon. While draining,
 * a job waiting for its retry runs at once, as its last attempt.
 */

/** A unit of work and the keys that order and coalesce it. */
export interface Job {
  /** Unique id (the delivery id): a job already seen is dropped, so a redelivery does nothing. */
  id: string;
  /** Jobs with the same ordering key run one after another (per installation). */
  orderingKey: string;
  /** A queued job with the same coalescing key is replaced by this one (per pull request). */
  coalescingKey?: string;
  /** Runs the job; `attempt` says which try this is and whether another may follow. */
  run: (attempt: JobAttempt) => Promise<void>;
  /** Attempts already made elsewhere (a job handed over from another queue); default 0. */
  attemptsBefore?: number;
}

/** What happened to an enqueued job. */
export type EnqueueResult = 'queued' | 'duplicate' | 'replaced';

/** What a bounded drain left undone: ids of jobs still running or queued at the timeout. */
export interface DrainResult {
  abandoned: string[];
}

/** Options of the queue. */
export interface JobQueueOptions {
  concurrency: number;
  /** How many delivery ids to remember for redelivery detection. */
  rememberIds?: number;
  onError?: (job: Job, error: unknown) => void;
  /** Retries: errors `retryable` accepts are retried as `policy` says; without it, a job runs once. */
  retry?: {
    policy: RetryPolicy;
    retryable: (error: unknown) => boolean;
  };
}

// A queued job: which attempt it is on, and from when it may run (later than now while it waits for a retry).
interface Pending {
  job: Job;
  attempt: number;
  readyAt: number;
}

/** The in-process queue. */
export class JobQueue {
  private readonly pending: Pending[] = [];
  private readonly runningKeys = new Set<string>();
  private readonly runningIds = new Set<string>();
  private readonly seen = new Set<string>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private draining = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: JobQueueOptions) {}

  /** Add a job; returns at once. */
  enqueue(job: Job): EnqueueResult {
    if (this.seen.has(job.id)) return 'duplicate';
    this.remember(job.id);
    let result: EnqueueResult = 'queued';
    if (job.coalescingKey !== undefined) {
      const at = this.pending.findIndex((p) => p.job.coalescingKey === job.coalescingKey);
      if (at !== -1) {
        this.pending.splice(at, 1);
        result = 'replaced';
      }
    }
    this.pending.push({ job, attempt: (job.attemptsBefore ?? 0) + 1, readyAt: 0 });
    this.pump();
    return result;
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.pending.length + this.running;
  }

  /** Resolves when nothing is queued or running (graceful shutdown, tests). */
  onIdle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Wait for running and queued jobs, at most `timeoutMs`; returns the ids of
   * the jobs still running or queued then (they are not stopped: the caller exits).
   */
  async drain(timeoutMs: number): Promise<DrainResult> {
    // Jobs waiting for a retry run now, as their last attempt: the process is about to exit.
    this.draining = true;
    this.pump();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([this.onIdle().then(() => 'idle' as const), timedOut]);
    clearTimeout(timer);
    this.draining = false;
    if (outcome === 'idle') return { abandoned: [] };
    return { abandoned: [...this.runningIds, ...this.pending.map((p) => p.job.id)] };
  }

  private remember(id: string): void {
    this.seen.add(id);
    const limit = this.options.rememberIds ?? 10_000;
    // Sets iterate in insertion order: drop the oldest ids first.
    while (this.seen.size > limit) this.seen.delete(this.seen.values().next().value as string);
  }

  private pump(): void {
    const now = Date.now();
    while (this.running < this.options.concurrency) {
      const at = this.pending.findIndex((p) => (this.draining || p.readyAt <= now) && !this.runningKeys.has(p.job.orderingKey));
      if (at === -1) break;
      const [entry] = this.pending.splice(at, 1);
      if (!entry) break;
      this.start(entry);
    }
    this.wakeForRetries(now);
    if (this.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  // One timer, for the earliest job waiting for its retry; unref'd: a shutdown drains them instead.
  private wakeForRetries(now: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const waiting = this.pending.filter((p) => p.readyAt > now);
    if (waiting.length === 0 || this.draining) return;
    const next = Math.min(...waiting.map((p) => p.readyAt));
    this.timer = setTimeout(() => this.pump(), next - now).unref();
  }

  private start(entry: Pending): void {
    const { job } = entry;
    const retry = this.options.retry;
    const attempt: JobAttempt = retry === undefined ? ONLY_ATTEMPT : attemptOf(retry.policy, entry.attempt);
    // A drain turns any attempt into the last one: there is no later to retry in.
    const thisAttempt = this.draining ? { ...attempt, retryInMs: undefined } : attempt;
    this.running += 1;
    this.runningKeys.add(job.orderingKey);
    this.runningIds.add(job.id);
    void job
      .run(thisAttempt)
      .catch((error: unknown) => {
        const delayMs = thisAttempt.retryInMs;
        if (retry !== undefined && delayMs !== undefined && !this.draining && retry.retryable(error)) {
          this.requeue(entry, delayMs);
          return;
        }
        this.options.onError?.(job, error);
      })
      .finally(() => {
        this.running -= 1;
        this.runningKeys.delete(job.orderingKey);
        this.runningIds.delete(job.id);
        this.pump();
      });
  }

  // Back in the queue for its next attempt, unless a newer job for the same key is already queued: that one runs instead.
  private requeue(entry: Pending, delayMs: number): void {
    const key = entry.job.coalescingKey;
    if (key !== undefined && this.pending.some((p) => p.job.coalescingKey === key)) return;
    this.pending.push({ job: entry.job, attempt: entry.attempt + 1, readyAt: Date.now() + delayMs });
  }
}
