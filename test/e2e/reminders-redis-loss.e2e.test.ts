// End to end: two App processes share one real redis-server, which loses its data twice (FLUSHALL,
// then a restart without persistence). The reminder job schedulers live only in Redis; before the
// re-sync they were gone for good and no installation was swept again until every replica restarted.
// Now each replica re-syncs on a timer (REMINDER_RESYNC_MS) and when its connection comes back; the
// sweeps go on, once per period across the replicas, and the sweep after a loss (its cache is gone
// too) opens no second reminder issue.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REMINDER_QUEUE_NAME } from '../../src/reminders/bullmq-reminder-scheduler.js';
import { startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';
import { startApp, waitFor as waitForApp, type AppProcess } from './app-process.js';
import { dueAdr, issueCreations, logLines, notDueAdr } from './reminder-fixtures.js';

const RESYNC_MS = 3000;

let github: GitHubDouble;
let redis: RedisServer;
let queue: Queue;
let replicas: AppProcess[] = [];

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  return waitForApp(what, probe, timeoutMs, () => replicas.map((r, i) => `--- replica ${i + 1}\n${r.output().slice(-3000)}`).join('\n'));
}

interface FinishedSweep {
  replica: number;
  installation: unknown;
  period: string;
  source: unknown;
}

/** Sweep-finished lines of every replica, tagged with the replica. */
function finishedSweeps(): FinishedSweep[] {
  return replicas.flatMap((r, replica) =>
    logLines(r.output(), 'design-review: reminder sweep finished').map((l) => ({ replica, installation: l['installation'], period: String(l['period']), source: l['source'] })),
  );
}

/** Sweeps of installation 42 for periods after `since`. */
function sweepsAfter(since: number): FinishedSweep[] {
  return finishedSweeps().filter((s) => s.installation === 42 && Date.parse(s.period) > since);
}

/** One sweep per period across both replicas, each from its own scheduler job, and one reminder issue. */
function expectNoDuplicates(): void {
  const sweeps = finishedSweeps().filter((s) => s.installation === 42);
  const periods = sweeps.map((s) => s.period);
  expect(new Set(periods).size).toBe(periods.length);
  for (const source of sweeps.map((s) => String(s.source))) expect(source).toMatch(/^repeat:reminders:42:\d+$/);
  expect(issueCreations(github.requests, 'acme/decisions')).toHaveLength(1);
  expect([...github.state.issues.values()].filter((i) => i.repo.toLowerCase() === 'acme/decisions')).toHaveLength(1);
}

beforeAll(async () => {
  [github, redis] = await Promise.all([startGitHubDouble(), startRedisServer()]);
  github.state.addInstallation({ id: 42, account: 'acme' });
  github.state.addRepo({
    owner: 'acme',
    name: 'decisions',
    installationId: 42,
    files: { 'docs/adr/0001-use-postgresql.md': dueAdr(1), 'docs/adr/0002-use-kafka.md': notDueAdr(2) },
  });
  queue = new Queue(REMINDER_QUEUE_NAME, { connection: { url: redis.url } });
  queue.on('error', () => undefined);
  const env: NodeJS.ProcessEnv = { REDIS_URL: redis.url, REMINDER_SCHEDULE: '*/2 * * * * *', REMINDER_RESYNC_MS: String(RESYNC_MS), LOG_LEVEL: 'info' };
  for (let i = 0; i < 2; i += 1) replicas.push(await startApp(github, env));
  for (const replica of replicas) await waitFor('the schedulers to be synced', () => replica.output().includes('"reminders":"bullmq"'));
  await waitFor('the reminder issue', () => issueCreations(github.requests, 'acme/decisions').length > 0);
}, 120_000);

afterAll(async () => {
  const codes = await Promise.all(replicas.map((r) => r.stop(10_000)));
  replicas = [];
  await queue?.close();
  await github?.close();
  await redis?.stop();
  expect(codes).toEqual([0, 0]);
}, 120_000);

describeWithRedis('reminders when Redis loses its data', () => {
  it('FLUSHALL: the replicas recreate the scheduler within REMINDER_RESYNC_MS and the sweeps go on, once per period', { timeout: 120_000 }, async () => {
    await waitFor('two sweeps before the loss', () => finishedSweeps().filter((s) => s.installation === 42).length >= 2);
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    const flushedAt = Date.now();

    await waitFor('the scheduler to come back', async () => (await queue.getJobScheduler('reminders:42')) !== undefined, RESYNC_MS + 10_000);
    await waitFor('two sweeps after the loss', () => sweepsAfter(flushedAt).length >= 2);
    expect(await queue.getJobSchedulersCount()).toBe(1);
    expectNoDuplicates();
    const repaired = replicas.flatMap((r) => logLines(r.output(), 're-synced them'));
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired[0]).toMatchObject({ reason: 'timer', added: 1 });
    expect(github.violations).toEqual([]);
  });

  it('a restart without persistence: the reconnect recreates the scheduler and the sweeps go on, once per period', { timeout: 120_000 }, async () => {
    const repairedBefore = replicas.flatMap((r) => logLines(r.output(), 're-synced them')).length;
    await redis.stop();
    await redis.startAgain();
    const restartedAt = Date.now();

    await waitFor('the scheduler to come back', async () => (await queue.getJobScheduler('reminders:42')) !== undefined, RESYNC_MS + 20_000);
    await waitFor('two sweeps after the restart', () => sweepsAfter(restartedAt).length >= 2, 45_000);
    expect(await queue.getJobSchedulersCount()).toBe(1);
    expectNoDuplicates();
    expect(replicas.flatMap((r) => logLines(r.output(), 're-synced them')).length).toBeGreaterThan(repairedBefore);
    expect(github.violations).toEqual([]);
    console.info(`reminders: ${finishedSweeps().filter((s) => s.installation === 42).length} sweeps of installation 42 across two Redis losses, one reminder issue`);
  });
});
