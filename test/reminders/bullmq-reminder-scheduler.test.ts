// The BullMQ reminder scheduler over a real redis-server: two instances stand for two replicas.
// The sweep function is the scheduler's injected dependency; here it records what it was asked.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, it, type TestContext } from 'vitest';
import { bullmqReminderScheduler, jobPeriod, reminderSchedulerId, type BullmqReminderScheduler } from '../../src/reminders/bullmq-reminder-scheduler.js';
import type { InstallationSweepResult } from '../../src/reminders/installation-sweep.js';
import { waitFor } from '../e2e/app-process.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';
import { recordingLogger } from '../helpers/recording-logger.js';

let server: RedisServer;
let redis: Redis;
let queueNumber = 0;

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
}, 120_000);

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

interface Sweep {
  installation: number;
  period: string;
  replica: string;
}

/** `count` schedulers on one queue (replicas), all recording into `sweeps`; closed when `test` ends. */
function replicas(test: TestContext, count: number, options: { schedule?: string; outcome?: (id: number) => InstallationSweepResult['outcome']; sweepMs?: number } = {}) {
  const queueName = `reminders-test-${(queueNumber += 1)}`;
  const sweeps: Sweep[] = [];
  let running = 0;
  let maxRunning = 0;
  const log = recordingLogger();
  const made = Array.from({ length: count }, (_, i) =>
    bullmqReminderScheduler({
      redisUrl: server.url,
      schedule: options.schedule ?? '* * * * * *',
      queueName,
      redis,
      log,
      sweep: async (installation, period) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        sweeps.push({ installation, period: period.toISOString(), replica: `r${i}` });
        await new Promise((r) => setTimeout(r, options.sweepMs ?? 10));
        running -= 1;
        return { outcome: options.outcome?.(installation) ?? 'ok', repositories: [] };
      },
    }),
  );
  test.onTestFinished(async () => {
    await Promise.all(made.map((s) => s.close()));
  });
  return { schedulers: made, sweeps, log, maxRunning: () => maxRunning };
}

// Concurrent: each test has a queue and installations of its own (the overlap lock is per
// installation in the shared Redis), closes its own schedulers, and mostly waits for one-second
// periods to pass.
describeWithRedis.concurrent('BullMQ reminder scheduler', () => {
  it('keeps one scheduler per installation however many replicas upsert it, and sweeps each period once', { timeout: 120_000 }, async (test) => {
    const { expect } = test;
    const { schedulers, sweeps } = replicas(test, 2);
    const [one, two] = schedulers as [BullmqReminderScheduler, BullmqReminderScheduler];
    await Promise.all([one.sync(async () => [42, 43]), two.sync(async () => [42, 43])]);
    const ids = (await one.queue.getJobSchedulers()).map((s) => s.key).sort();
    expect(ids).toEqual(['reminders:42', 'reminders:43']);
    const scheduler = await one.queue.getJobScheduler('reminders:42');
    expect(scheduler).toMatchObject({ pattern: '* * * * * *', tz: 'UTC', name: 'sweep', template: { data: { installationId: 42 } } });

    await waitFor('four periods of sweeps', () => new Set(sweeps.map((s) => s.period)).size >= 4, 60_000);
    const keys = sweeps.map((s) => `${s.installation}@${s.period}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Each installation is swept in every period it was due (allowing the period in flight).
    for (const installation of [42, 43]) expect(sweeps.filter((s) => s.installation === installation).length).toBeGreaterThanOrEqual(3);
    const completed = await one.queue.getCompleted(0, 100);
    expect(completed.every((job) => job.id?.startsWith('repeat:reminders:4'))).toBe(true);
    expect(new Set(completed.map((job) => jobPeriod(job).toISOString())).size).toBeGreaterThanOrEqual(3);
  });

  it('sync removes the schedulers of installations the App no longer has', async (test) => {
    const { expect } = test;
    const { schedulers } = replicas(test, 1, { schedule: '0 6 * * *' });
    const [one] = schedulers as [BullmqReminderScheduler];
    await one.add(7);
    await one.add(8);
    // 8's scheduler is healthy and left as it is; 9's is missing and written.
    expect(await one.sync(async () => [8, 9])).toEqual({ installations: 2, added: 1, removed: 1 });
    expect((await one.queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['reminders:8', 'reminders:9']);
    expect(await one.remove(9)).toBe(true);
    expect(await one.remove(9)).toBe(false);
    // The removed scheduler's next job goes with it.
    expect((await one.queue.getDelayed()).map((job) => job.data.installationId)).toEqual([8]);
    expect(reminderSchedulerId(8)).toBe('reminders:8');
  });

  it('removes the scheduler of an installation found gone by its sweep', { timeout: 120_000 }, async (test) => {
    const { expect } = test;
    const { schedulers, sweeps, log } = replicas(test, 1, { outcome: (id) => (id === 5 ? 'uninstalled' : 'ok') });
    const [one] = schedulers as [BullmqReminderScheduler];
    await one.sync(async () => [5, 6]);
    await waitFor('the scheduler of 5 to go', async () => (await one.queue.getJobScheduler('reminders:5')) === undefined, 60_000);
    expect(await one.queue.getJobScheduler('reminders:6')).toBeDefined();
    expect(sweeps.some((s) => s.installation === 5)).toBe(true);
    expect(log.lines.some((l) => l.msg?.includes('the installation is gone') && l.fields['installation'] === 5)).toBe(true);
  });

  it('never sweeps one installation twice at once, even when a sweep outlasts its period', { timeout: 120_000 }, async (test) => {
    const { expect } = test;
    const { schedulers, sweeps, log, maxRunning } = replicas(test, 2, { sweepMs: 2500 });
    await schedulers[0]!.sync(async () => [44]);
    await waitFor('a sweep skipped for overlap', () => log.lines.some((l) => l.msg?.includes('still running')), 60_000);
    await waitFor('a second sweep', () => sweeps.length >= 2, 60_000);
    expect(maxRunning()).toBe(1);
  });

  it('drain waits for the running sweep and takes no new one', { timeout: 120_000 }, async (test) => {
    const { expect } = test;
    const { schedulers, sweeps } = replicas(test, 1, { sweepMs: 1500 });
    const [one] = schedulers as [BullmqReminderScheduler];
    await one.sync(async () => [45]);
    await waitFor('a sweep to start', () => sweeps.length === 1, 60_000);
    const started = performance.now();
    expect(await one.drain(10_000)).toEqual({ abandoned: [] });
    expect(performance.now() - started).toBeGreaterThan(500);
    const after = sweeps.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(sweeps.length).toBe(after);
  });
});
