/**
 * The in-process work queue behind the webhook handler: GitHub gives a
 * delivery 10 seconds, so handlers only enqueue and the review runs here.
 * Bounded concurrency overall, one job at a time per ordering key (an
 * installation), and coalescing: a queued job is replaced by a newer one with
 * the same coalescing key (a newer push to the same pull request).
 * `drain` is the graceful-shutdown half: it waits for running and queued jobs,
 * bounded by a timeout, and names the jobs it had to abandon.
 */

/** A unit of work and the keys that order and coalesce it. */
export interface Job {
  /** Unique id (the delivery id): a job already seen is dropped, so a redelivery does nothing. */
  id: string;
  /** Jobs with the same ordering key run one after another (per installation). */
  orderingKey: string;
  /** A queued job with the same coalescing key is replaced by this one (per pull request). */
  coalescingKey?: string;
  run: () => Promise<void>;
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
}

/** The in-process queue. */
export class JobQueue {
  private readonly pending: Job[] = [];
  private readonly runningKeys = new Set<string>();
  private readonly runningIds = new Set<string>();
  private readonly seen = new Set<string>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: JobQueueOptions) {}

  /** Add a job; returns at once. */
  enqueue(job: Job): EnqueueResult {
    if (this.seen.has(job.id)) return 'duplicate';
    this.remember(job.id);
    let result: EnqueueResult = 'queued';
    if (job.coalescingKey !== undefined) {
      const at = this.pending.findIndex((p) => p.coalescingKey === job.coalescingKey);
      if (at !== -1) {
        this.pending.splice(at, 1);
        result = 'replaced';
      }
    }
    this.pending.push(job);
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
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([this.onIdle().then(() => 'idle' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'idle') return { abandoned: [] };
    return { abandoned: [...this.runningIds, ...this.pending.map((job) => job.id)] };
  }

  private remember(id: string): void {
    this.seen.add(id);
    const limit = this.options.rememberIds ?? 10_000;
    // Sets iterate in insertion order: drop the oldest ids first.
    while (this.seen.size > limit) this.seen.delete(this.seen.values().next().value as string);
  }

  private pump(): void {
    while (this.running < this.options.concurrency) {
      const at = this.pending.findIndex((j) => !this.runningKeys.has(j.orderingKey));
      if (at === -1) break;
      const [job] = this.pending.splice(at, 1);
      if (!job) break;
      this.start(job);
    }
    if (this.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private start(job: Job): void {
    this.running += 1;
    this.runningKeys.add(job.orderingKey);
    this.runningIds.add(job.id);
    void job
      .run()
      .catch((error: unknown) => this.options.onError?.(job, error))
      .finally(() => {
        this.running -= 1;
        this.runningKeys.delete(job.orderingKey);
        this.runningIds.delete(job.id);
        this.pump();
      });
  }
}
