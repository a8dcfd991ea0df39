// The BullMQ reminder scheduler when Redis loses its data, over a real redis-server of this file's
// own (it is flushed and restarted empty here). Two scheduler instances on one queue stand for two
// replicas; the sweep is the injected dependency and records what it was asked. Before the re-sync,
// FLUSHALL or an empty restart left no job scheduler, and no sweep ever ran again.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { bullmqReminderScheduler, jobPeriod, reminderSchedulerId, type BullmqReminderScheduler } from '../../src/reminders/bullmq-reminder-scheduler.js';
import { waitFor } from '../e2e/app-process.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';
import { recordingLogger } from '../helpers/recording-logger.js';

let server: RedisServer;
let redis: Redis;
let open: BullmqReminderScheduler[] = [];
let queueNumber = 0;
let gates: (() => void)[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
  redis.on('error', () => undefined);
}, 120_000);

afterEach(async () => {
  for (const release of gates) release();
  gates = [];
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

interface Sweep {
  installation: number;
  period: number;
  replica: string;
}

interface ReplicaOptions {
  /** Every second unless said otherwise. */
  schedule?: string;
  installations?: number[];
  /** REMINDER_RESYNC_MS of every replica; long enough by default that only a reconnect or a test's own sync runs one. */
  resyncMs?: number;
  lockMs?: number;
  /** Sweeps wait for the test to release them (`release()`), instead of finishing at once. */
  held?: boolean;
}

/** `count` replicas on one queue, each re-syncing with `installations`. */
function replicas(count: number, options: ReplicaOptions = {}) {
  const queueName = `reminders-loss-${(queueNumber += 1)}`;
  const installations = options.installations ?? [42, 43];
  const sweeps: Sweep[] = [];
  let running = 0;
  let maxRunning = 0;
  let release: () => void = () => undefined;
  let held = new Promise<void>((resolve) => (release = resolve));
  gates.push(() => release());
  const log = recordingLogger();
  const made = Array.from({ length: count }, (_, i) =>
    bullmqReminderScheduler({
      redisUrl: server.url,
      schedule: options.schedule ?? '* * * * * *',
      queueName,
      redis,
      log: log.child({ replica: `r${i}` }),
      ...(options.lockMs === undefined ? {} : { lockMs: options.lockMs }),
      resync: { installations: async () => installations, everyMs: options.resyncMs ?? 10 * 60 * 1000 },
      sweep: async (installation, period) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        sweeps.push({ installation, period: period.getTime(), replica: `r${i}` });
        if (options.held) await held;
        running -= 1;
        return { outcome: 'ok', repositories: [] };
      },
    }),
  );
  open.push(...made);
  const queue = made[0]!.queue;
  return {
    schedulers: made,
    queue,
    sweeps,
    log,
    installations,
    maxRunning: () => maxRunning,
    release() {
      release();
      held = new Promise<void>((resolve) => (release = resolve));
      gates.push(() => release());
    },
    /** Keys of the reminder schedulers in Redis now. */
    async schedulerKeys(): Promise<string[]> {
      return (await queue.getJobSchedulers()).map((s) => s.key).sort();
    },
  };
}

/** Periods after `since` (ms) in which every one of `installations` was swept. */
function periodsSweptAfter(sweeps: Sweep[], installations: number[], since: number): number {
  const periods = new Set(sweeps.filter((s) => s.period > since).map((s) => s.period));
  return [...periods].filter((period) => installations.every((id) => sweeps.some((s) => s.installation === id && s.period === period))).length;
}

/** Each installation swept at most once per period, across the replicas. */
function expectOneSweepPerPeriod(sweeps: Sweep[]): void {
  const keys = sweeps.map((s) => `${s.installation}@${s.period}`);
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys).size).toBe(keys.length);
}

describeWithRedis('BullMQ reminder scheduler when Redis loses its data', () => {
  it('FLUSHALL: the re-sync timer brings the schedulers back within REMINDER_RESYNC_MS, and each period is swept once across two replicas', { timeout: 120_000 }, async () => {
    const resyncMs = 2000;
    const { schedulers, queue, sweeps, log, installations, schedulerKeys } = replicas(2, { resyncMs });
    await schedulers[0]!.sync(async () => installations);
    await waitFor('two periods swept before the loss', () => periodsSweptAfter(sweeps, installations, 0) >= 2, 60_000);

    await redis.flushall();
    const flushedAt = Date.now();
    // No reconnect happens on FLUSHALL: only the timer can notice. Each replica's next run falls within resyncMs.
    await waitFor('the schedulers to come back', async () => (await schedulerKeys()).length === 2, resyncMs + 60_000);
    expect(await schedulerKeys()).toEqual(installations.map(reminderSchedulerId).sort());
    await waitFor('two periods swept after the loss', () => periodsSweptAfter(sweeps, installations, flushedAt) >= 2, 60_000);

    expectOneSweepPerPeriod(sweeps);
    expect(await queue.getJobSchedulersCount()).toBe(2);
    const repaired = log.lines.filter((l) => l.msg?.includes('re-synced them'));
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired[0]!.fields).toMatchObject({ reason: 'timer', installations: 2 });
  });

  it('an empty restart: the reconnect brings the schedulers back at once, and each period is swept once across two replicas', { timeout: 120_000 }, async () => {
    // The timer is ten minutes away: only the reconnect can bring them back within this test.
    const { schedulers, sweeps, log, installations, schedulerKeys } = replicas(2);
    await schedulers[0]!.sync(async () => installations);
    await waitFor('two periods swept before the restart', () => periodsSweptAfter(sweeps, installations, 0) >= 2, 60_000);

    await server.stop();
    await server.startAgain();
    const restartedAt = Date.now();
    await waitFor('the schedulers to come back', async () => (await schedulerKeys()).length === 2, 60_000);
    expect(await schedulerKeys()).toEqual(installations.map(reminderSchedulerId).sort());
    await waitFor('two periods swept after the restart', () => periodsSweptAfter(sweeps, installations, restartedAt) >= 2, 60_000);

    expectOneSweepPerPeriod(sweeps);
    expect(log.lines.some((l) => l.msg?.includes('re-synced them') && l.fields['reason'] === 'reconnect')).toBe(true);
  });

  it('a sweep running when Redis loses its lock takes the lock back, so the next period on another replica skips instead of sweeping at once', { timeout: 120_000 }, async () => {
    const lockKey = 'design-review:reminders:lock:42';
    const { schedulers, sweeps, log, maxRunning, release } = replicas(2, { installations: [42], lockMs: 1500, held: true });
    await schedulers[0]!.sync(async () => [42]);
    await waitFor('a sweep to start', () => sweeps.length === 1, 60_000);
    expect(await redis.exists(lockKey)).toBe(1);

    await redis.flushall();
    // Renewed every 500 ms: the running sweep sets it again.
    await waitFor('the lock to be taken back', async () => (await redis.exists(lockKey)) === 1, 60_000);
    const skipsBefore = log.lines.filter((l) => l.msg?.includes('still running')).length;
    await schedulers[1]!.sync(async () => [42]);
    await waitFor('a later period to skip for overlap', () => log.lines.filter((l) => l.msg?.includes('still running')).length > skipsBefore, 60_000);
    expect(sweeps).toHaveLength(1);
    expect(maxRunning()).toBe(1);

    release();
    await waitFor('a sweep after the held one', () => sweeps.length >= 2, 60_000);
    expect(maxRunning()).toBe(1);
  });

  it('a sync leaves a due job waiting for a free worker in place (replacing it would lose its period)', { timeout: 120_000 }, async () => {
    const { schedulers, queue, sweeps, release } = replicas(1, { installations: [1, 2], held: true });
    const [one] = schedulers as [BullmqReminderScheduler];
    await one.sync(async () => [1, 2]);
    // The one worker holds the first sweep; the other installation's job falls due and waits
    // (in the wait list, or still in the delayed set, since only a free worker promotes it).
    await waitFor('a sweep to start', () => sweeps.length === 1, 60_000);
    const other = sweeps[0]!.installation === 1 ? 2 : 1;
    const due = await waitFor(
      'the other installation to fall due',
      async () => (await queue.getJobs(['waiting', 'delayed'])).find((job) => job.data.installationId === other && jobPeriod(job).getTime() <= Date.now()),
      10_000,
    );
    const state = await queue.getJobState(due.id!);

    const synced = await one.sync(async () => [1, 2]);
    expect(await queue.getJobState(due.id!)).toBe(state);
    expect(synced).toEqual({ installations: 2, added: 0, removed: 0 });
    release();
    const period = jobPeriod(due).getTime();
    await waitFor('the due period to be swept', () => sweeps.some((s) => s.installation === other && s.period === period), 60_000);
  });

  it('a sync rewrites a scheduler that lost its next job or has another schedule, and leaves a healthy one alone', { timeout: 120_000 }, async () => {
    const { schedulers, queue } = replicas(1, { schedule: '0 6 * * *', installations: [7, 8, 9] });
    const [one] = schedulers as [BullmqReminderScheduler];
    // Installation 9's scheduler was written by a replica with another REMINDER_SCHEDULE.
    await queue.upsertJobScheduler(reminderSchedulerId(9), { pattern: '0 7 * * *', tz: 'UTC' }, { name: 'sweep', data: { installationId: 9 } });
    await one.add(7);
    await one.add(8);
    const seven = (await queue.getJobScheduler(reminderSchedulerId(7)))!;
    const sevenJob = (await queue.getJob(`repeat:${seven.key}:${seven.next}`))!;
    const eight = (await queue.getJobScheduler(reminderSchedulerId(8)))!;
    // Installation 8's next job is gone (a partial loss, e.g. an evicted key): its scheduler would make no more.
    const jobId = `repeat:${eight.key}:${eight.next}`;
    await redis.zrem(`bull:${queue.name}:delayed`, jobId);
    await redis.del(`bull:${queue.name}:${jobId}`);
    expect(await queue.getJobState(jobId)).toBe('unknown');

    expect(await one.sync(async () => [7, 8, 9])).toEqual({ installations: 3, added: 2, removed: 0 });
    expect(await queue.getJobState(jobId)).toBe('delayed');
    expect((await queue.getJobScheduler(reminderSchedulerId(9)))?.pattern).toBe('0 6 * * *');
    // Healthy: not written again, so its next job is the very one it had.
    expect((await queue.getJob(`repeat:${seven.key}:${seven.next}`))?.timestamp).toBe(sevenJob.timestamp);
    expect(await one.sync(async () => [7, 8, 9])).toEqual({ installations: 3, added: 0, removed: 0 });
  });
});
