import { randomUUID } from 'node:crypto';
import { Queue, Worker, type Job as BullJob } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobLog } from '../handlers/pull-request-review.js';
import { redactRedisUrl, redisErrorFields } from '../queue/redis-url.js';
import type { InstallationSweeper } from './installation-sweep.js';
import type { SweepScheduler } from './reminder-scheduler.js';

/**
 * The reminder sweep shared by replicas through Redis (REDIS_URL): one BullMQ
 * job scheduler per installation (`reminders:<installationId>`), created at
 * startup for every installation and on `installation.created`, removed on
 * `installation.deleted` and when a sweep finds the installation gone.
 *   - Once per period: a job scheduler makes exactly one job per period (its
 *     id is the scheduler id plus the period's timestamp), and one worker of
 *     one replica takes it; upserting the same scheduler from every replica
 *     at startup updates it, it does not add a second.
 *   - No overlap: the next period's job exists as soon as this one starts, so
 *     a sweep longer than the period could meet the next one on another
 *     replica; a per-installation lock in Redis makes that one skip.
 *   - Bounded: each replica sweeps one installation at a time.
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
  /** How long the overlap lock lives without renewal; renewed every third of it while the sweep runs. */
  lockMs?: number;
}

/** The BullMQ reminder scheduler and what the App drives it with. */
export interface BullmqReminderScheduler extends SweepScheduler {
  kind: 'bullmq';
  /** Create or update the scheduler of one installation. */
  add(installationId: number): Promise<void>;
  /** Remove the scheduler of one installation (and its next job); true when there was one. */
  remove(installationId: number): Promise<boolean>;
  /** Make the schedulers exactly the listed installations': upsert theirs, remove the others. */
  sync(listInstallations: () => Promise<readonly number[]>): Promise<{ added: number; removed: number }>;
  /** The queue, for tests and operators' scripts. */
  readonly queue: Queue<SweepJobData>;
}

/** Default queue name of the sweep jobs. */
export const REMINDER_QUEUE_NAME = 'design-review-reminders';
const PREFIX = 'reminders:';
// Sweep jobs are kept a week (at most 1,000) so operators can see the last ones per installation.
const KEEP = { age: 7 * 24 * 60 * 60, count: 1000 };
// Compare-and-delete: only the holder of the lock releases it.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

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
      const renew = setInterval(() => void options.redis.eval(RENEW, 1, lockKey, token, String(lockMs)).catch(() => undefined), lockMs / 3).unref();
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
    await queue.upsertJobScheduler(
      reminderSchedulerId(installationId),
      { pattern: schedule, tz: 'UTC' },
      { name: 'sweep', data: { installationId }, opts: { attempts: 1, removeOnComplete: KEEP, removeOnFail: KEEP } },
    );
  };
  const remove = (installationId: number): Promise<boolean> => queue.removeJobScheduler(reminderSchedulerId(installationId));

  let closing: Promise<void> | undefined;
  let closed: Promise<void> | undefined;
  const stopWorker = (): Promise<void> => (closing ??= worker.close());
  return {
    kind: 'bullmq',
    queue,
    add,
    remove,
    async sync(listInstallations) {
      // Schedulers first, installations second: a scheduler that an
      // installation.created delivery adds meanwhile is not in this snapshot,
      // so it cannot be taken for a stale one and removed.
      const existing: string[] = [];
      for (let start = 0; ; start += 500) {
        const page = await queue.getJobSchedulers(start, start + 499, true);
        existing.push(...page.map((scheduler) => scheduler.key).filter((key) => key.startsWith(PREFIX)));
        if (page.length < 500) break;
      }
      const installationIds = await listInstallations();
      const wanted = new Set(installationIds.map(reminderSchedulerId));
      let removed = 0;
      for (const key of existing) if (!wanted.has(key) && (await queue.removeJobScheduler(key))) removed += 1;
      for (const id of installationIds) await add(id);
      return { added: installationIds.length, removed };
    },
    stop() {
      void stopWorker();
    },
    async drain(timeoutMs) {
      const outcome = await Promise.race([stopWorker().then(() => 'closed' as const), delay(timeoutMs).then(() => 'timeout' as const)]);
      return { abandoned: outcome === 'timeout' ? [...running] : [] };
    },
    close() {
      closed ??= Promise.allSettled([stopWorker(), queue.close()]).then(() => undefined);
      return closed;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
