import { randomUUID } from 'node:crypto';
import { Queue, Worker, type Job as BullJob, type JobSchedulerJson, type RedisClient } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobLog } from '../shared/job-log.js';
import { redactRedisUrl, redisErrorFields } from '../queue/redis-url.js';
import type { InstallationSweeper } from './installation-sweep.js';
import { startResyncLoop, type ResyncLoop, type ResyncReason } from './reminder-resync.js';
import type { SchedulerTimers, SweepScheduler } from './reminder-scheduler.js';

/**
 * The reminder sweep shared by replicas through Redis (REDIS_URL): one BullMQ
 * job scheduler per installation (`reminders:<installationId>`), created at
 * startup for every installation and on `installation.created`, removed on
 * `installation.deleted` and when a sweep finds the installation gone.
 *   - Once per period: a job scheduler makes exactly one job per period (its
 *     id is the scheduler id plus the period's timestamp), and one worker of
 *     one replica takes it; every replica syncs at startup, and upserting
 *     the same scheduler twice updates it, it does not add a second.
 *   - No overlap: the next period's job exists as soon as this one starts, so
 *     a sweep longer than the period could meet the next one on another
 *     replica; a per-installation lock in Redis makes that one skip.
 *   - Bounded: each replica sweeps one installation at a time.
 *   - Self-repairing: Redis that loses its data (FLUSHALL, a restart without
 *     persistence) loses the schedulers, and the sweeps would stop in silence.
 *     With `resync`, every replica re-syncs on a jittered timer and when its
 *     connection comes back; a sync writes only the schedulers that are
 *     missing, differ from this replica's, or lost their next job, so a due
 *     job waiting for a free worker is never replaced (its period would be
 *     lost) and two replicas repairing at once write the same job id.
 *     The overlap lock, lost with the rest, is taken back by the running
 *     sweep at its next renewal.
 *   - Separate queue (`design-review-reminders`): review workers never take
 *     sweeps, and a long sweep never holds a review slot.
 */

/** The data of a sweep job: plain JSON. */
export interface SweepJobData {
  installationId: number;
}

/** Options of the BullMQ reminder scheduler. */
export interface BullmqReminderSchedulerOptions {
  redisUrl: string;
  /** The App's schedule (five fields, or six with seconds), UTC. */
  schedule: string;
  sweep: InstallationSweeper;
  /** A client for the overlap lock (the App shares it with the sweep cache). */
  redis: Pick<Redis, 'set' | 'eval'>;
  log: JobLog;
  /** Queue name in Redis; every replica must use the same. */
  queueName?: string;
  /** How long the overlap lock lives without renewal; renewed (or taken back, when Redis lost it) every third of it, at most every 5 s, while the sweep runs. */
  lockMs?: number;
  /** Re-sync with the App's installations every `everyMs` at most (jittered) and when the connection to Redis comes back. */
  resync?: ResyncOptions;
}

/** How the scheduler keeps its job schedulers in Redis. */
export interface ResyncOptions {
  /** The App's installation ids, as for `sync`. */
  installations: () => Promise<readonly number[]>;
  /** Longest wait between two re-syncs, in ms (REMINDER_RESYNC_MS). */
  everyMs: number;
  timers?: SchedulerTimers;
  random?: () => number;
}

/** What a sync did. */
export interface SyncResult {
  /** Installations the App has. */
  installations: number;
  /** Schedulers written: missing, different from this replica's, or without their next job. */
  added: number;
  /** Schedulers of installations the App no longer has, removed. */
  removed: number;
}

/** The BullMQ reminder scheduler and what the App drives it with. */
export interface BullmqReminderScheduler extends SweepScheduler {
  kind: 'bullmq';
  /** Create or update the scheduler of one installation. */
  add(installationId: number): Promise<void>;
  /** Remove the scheduler of one installation (and its next job); true when there was one. */
  remove(installationId: number): Promise<boolean>;
  /**
   * Make the schedulers exactly the listed installations': write the missing
   * or broken ones, leave the healthy ones as they are, remove the others.
   * Runs one at a time with the re-syncs.
   */
  sync(listInstallations: () => Promise<readonly number[]>): Promise<SyncResult>;
  /** The queue, for tests and operators' scripts. */
  readonly queue: Queue<SweepJobData>;
}

/** Default queue name of the sweep jobs. */
export const REMINDER_QUEUE_NAME = 'design-review-reminders';
const PREFIX = 'reminders:';
// Sweep jobs are kept a week (at most 1,000) so operators can see the last ones per installation.
const KEEP = { age: 7 * 24 * 60 * 60, count: 1000 };
const TEMPLATE_OPTS = { attempts: 1, removeOnComplete: KEEP, removeOnFail: KEEP };
// Compare-and-delete: only the holder of the lock releases it.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
// Renew, or take back a lock Redis lost (FLUSHALL, an empty restart) while the sweep runs,
// so the next period's job still finds it held; a lock another sweep holds is left alone.
const RENEW =
  "local held = redis.call('get', KEYS[1]) if held == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) elseif not held then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 else return 0 end";
// States of a scheduler's next job that will run; any other (completed, failed, gone) means the scheduler makes no more jobs.
const LIVE_STATES = new Set(['delayed', 'waiting', 'prioritized', 'active', 'waiting-children']);
// Schedulers checked at once: one Redis call each.
const BATCH = 100;

/** The scheduler id of an installation. */
export function reminderSchedulerId(installationId: number): string {
  return `${PREFIX}${installationId}`;
}

/** The period a scheduler's job stands for: the timestamp at the end of its id (`repeat:reminders:42:<ms>`). */
export function jobPeriod(job: Pick<BullJob, 'id' | 'timestamp'>): Date {
  const millis = Number(job.id?.split(':').pop());
  return new Date(Number.isFinite(millis) && millis > 0 ? millis : job.timestamp);
}

/** The BullMQ reminder scheduler; its worker starts at once. */
export function bullmqReminderScheduler(options: BullmqReminderSchedulerOptions): BullmqReminderScheduler {
  const { redisUrl, log, schedule } = options;
  const name = options.queueName ?? REMINDER_QUEUE_NAME;
  const lockMs = options.lockMs ?? 10 * 60 * 1000;
  const redis = redactRedisUrl(redisUrl);
  const onConnectionError = (source: string) => (error: unknown) =>
    log.error({ err: redisErrorFields(error, redisUrl), redis, source }, 'design-review: Redis connection error');

  const queue = new Queue<SweepJobData>(name, { connection: { url: redisUrl, enableOfflineQueue: false } });
  queue.on('error', onConnectionError('reminder-queue'));

  const running = new Set<string>();
  const worker = new Worker<SweepJobData>(
    name,
    async (job: BullJob<SweepJobData>) => {
      const { installationId } = job.data;
      const id = job.id ?? reminderSchedulerId(installationId);
      const period = jobPeriod(job);
      const lockKey = `design-review:reminders:lock:${installationId}`;
      const token = randomUUID();
      if ((await options.redis.set(lockKey, token, 'PX', lockMs, 'NX')) !== 'OK') {
        log.warn({ installation: installationId, period: period.toISOString(), job: id }, 'design-review: reminder sweep still running when the next fell due; skipping this one');
        return { outcome: 'skipped' };
      }
      const renew = setInterval(() => void options.redis.eval(RENEW, 1, lockKey, token, String(lockMs)).catch(() => undefined), Math.min(lockMs / 3, 5000)).unref();
      running.add(id);
      try {
        const result = await options.sweep(installationId, period, id);
        if (result.outcome === 'uninstalled') {
          await queue.removeJobScheduler(reminderSchedulerId(installationId));
          log.info({ installation: installationId }, 'design-review: reminder scheduler removed: the installation is gone');
        }
        // The job's return value: what the sweep did, for operators looking at the queue.
        return { outcome: result.outcome, repositories: result.repositories.length };
      } finally {
        running.delete(id);
        clearInterval(renew);
        await options.redis.eval(RELEASE, 1, lockKey, token).catch(() => undefined);
      }
    },
    // One installation at a time per replica; a dead replica's sweep is retried by another after the lock.
    { connection: { url: redisUrl }, concurrency: 1 },
  );
  worker.on('error', onConnectionError('reminder-worker'));
  worker.on('failed', (job, error) => log.error({ err: { message: error.message }, job: job?.id, installation: job?.data.installationId }, 'design-review: sweep job failed'));

  const add = async (installationId: number): Promise<void> => {
    await queue.upsertJobScheduler(reminderSchedulerId(installationId), { pattern: schedule, tz: 'UTC' }, { name: 'sweep', data: { installationId }, opts: TEMPLATE_OPTS });
  };
  const remove = (installationId: number): Promise<boolean> => queue.removeJobScheduler(reminderSchedulerId(installationId));

  // Healthy: the scheduler this replica would write, whose next job will still run.
  const healthy = async (scheduler: JobSchedulerJson<SweepJobData> | undefined, installationId: number): Promise<boolean> => {
    if (scheduler === undefined || scheduler.next === undefined || !Number.isFinite(scheduler.next)) return false;
    if (scheduler.pattern !== schedule || scheduler.tz !== 'UTC' || scheduler.name !== 'sweep') return false;
    if (scheduler.template?.data?.installationId !== installationId || templateOptsOf(scheduler.template.opts) !== templateOptsOf(TEMPLATE_OPTS)) return false;
    return LIVE_STATES.has(await queue.getJobState(`repeat:${scheduler.key}:${scheduler.next}`));
  };

  let stopped = false;
  const reconcile = async (listInstallations: () => Promise<readonly number[]>): Promise<SyncResult> => {
    // Schedulers first, installations second: a scheduler that an
    // installation.created delivery adds meanwhile is not in this snapshot,
    // so it cannot be taken for a stale one and removed.
    const existing = new Map<string, JobSchedulerJson<SweepJobData>>();
    for (let start = 0; ; start += 500) {
      const page = await queue.getJobSchedulers(start, start + 499, true);
      for (const scheduler of page) if (scheduler.key.startsWith(PREFIX)) existing.set(scheduler.key, scheduler);
      if (page.length < 500) break;
    }
    const installationIds = await listInstallations();
    const wanted = new Set(installationIds.map(reminderSchedulerId));
    let removed = 0;
    for (const key of existing.keys()) if (!stopped && !wanted.has(key) && (await queue.removeJobScheduler(key))) removed += 1;
    let added = 0;
    for (let start = 0; start < installationIds.length && !stopped; start += BATCH) {
      const batch = installationIds.slice(start, start + BATCH);
      const verdicts = await Promise.all(batch.map((id) => healthy(existing.get(reminderSchedulerId(id)), id)));
      for (const [index, id] of batch.entries()) {
        if (verdicts[index] || stopped) continue;
        // Read it again before writing: the snapshot is paged by next run, so a
        // scheduler that moved between pages may be missing from it, and an
        // upsert replaces the scheduler's due job if it is still waiting.
        if (await healthy(await queue.getJobScheduler(reminderSchedulerId(id)), id)) continue;
        await add(id);
        added += 1;
      }
    }
    return { installations: installationIds.length, added, removed };
  };
  // Syncs run one at a time, the startup one and the re-syncs alike.
  let syncs: Promise<unknown> = Promise.resolve();
  const sync = (listInstallations: () => Promise<readonly number[]>): Promise<SyncResult> => {
    const result = syncs.then(() => reconcile(listInstallations));
    syncs = result.catch(() => undefined);
    return result;
  };

  let resync: ResyncLoop | undefined;
  let onReady: (() => void) | undefined;
  let client: RedisClient | undefined;
  if (options.resync !== undefined) {
    const { installations, everyMs } = options.resync;
    resync = startResyncLoop({
      everyMs,
      ...(options.resync.timers === undefined ? {} : { timers: options.resync.timers }),
      ...(options.resync.random === undefined ? {} : { random: options.resync.random }),
      run: async (reason: ResyncReason) => {
        try {
          const result = await sync(installations);
          if (result.added > 0 || result.removed > 0) {
            log.warn({ reason, ...result }, 'design-review: reminder schedulers were missing from Redis or out of date (Redis lost its data?); re-synced them');
          }
        } catch (error) {
          if (stopped) return;
          log.error({ err: redisErrorFields(error, redisUrl), redis, reason, retryWithinMs: everyMs }, 'design-review: could not re-sync the reminder schedulers; trying again later');
          throw error;
        }
      },
    });
    // A connection that comes back may find an empty Redis (restarted without persistence).
    void queue
      .getBackend()
      .client.then((connection) => {
        if (stopped) return;
        client = connection;
        let wasReady = connection.status === 'ready';
        onReady = () => {
          if (wasReady) resync?.trigger('reconnect');
          wasReady = true;
        };
        connection.on('ready', onReady);
      })
      .catch(() => undefined);
  }
  const stopResync = (): void => {
    stopped = true;
    resync?.stop();
    if (client !== undefined && onReady !== undefined) client.off('ready', onReady);
  };

  let closing: Promise<void> | undefined;
  let closed: Promise<void> | undefined;
  const stopWorker = (): Promise<void> => (closing ??= worker.close());
  return {
    kind: 'bullmq',
    queue,
    add,
    remove,
    sync,
    stop() {
      stopResync();
      void stopWorker();
    },
    async drain(timeoutMs) {
      stopResync();
      const outcome = await Promise.race([stopWorker().then(() => 'closed' as const), delay(timeoutMs).then(() => 'timeout' as const)]);
      return { abandoned: outcome === 'timeout' ? [...running] : [] };
    },
    close() {
      stopResync();
      // A re-sync still in progress stops at its next step, and its failure on the closed queue is not logged.
      closed ??= Promise.allSettled([stopWorker(), queue.close()]).then(() => undefined);
      return closed;
    },
  };
}

// The template options a sync compares, in one key order.
function templateOptsOf(opts: { attempts?: unknown; removeOnComplete?: unknown; removeOnFail?: unknown } | undefined): string {
  return JSON.stringify([opts?.attempts, opts?.removeOnComplete, opts?.removeOnFail]);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
