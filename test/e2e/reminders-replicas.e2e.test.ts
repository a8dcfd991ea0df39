// End to end: two App processes sharing one real redis-server. The sweep runs as BullMQ job
// schedulers, one per installation, created at startup and by installation events; however many
// replicas there are, each installation is swept once per period and gets one reminder issue.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REMINDER_QUEUE_NAME } from '../../src/reminders/bullmq-reminder-scheduler.js';
import { buildDelivery, sendDelivery, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';
import { startApp, waitFor as waitForApp, WEBHOOK_SECRET as SECRET, type AppProcess } from './app-process.js';
import { dueAdr, issueCreations, logLines, notDueAdr } from './reminder-fixtures.js';

let github: GitHubDouble;
let redis: RedisServer;
let queue: Queue;
let replicas: AppProcess[] = [];

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  // The start of each replica's log (its startup and scheduler sync) and its end.
  const excerpt = (output: string) => (output.length <= 6000 ? output : `${output.slice(0, 3000)}\n[…]\n${output.slice(-3000)}`);
  return waitForApp(what, probe, timeoutMs, () => replicas.map((r, i) => `--- replica ${i + 1}\n${excerpt(r.output())}`).join('\n'));
}

/** Sweep-finished lines of every replica, tagged with the replica. */
function finishedSweeps(): { replica: number; installation: unknown; period: unknown; source: unknown }[] {
  return replicas.flatMap((r, replica) =>
    logLines(r.output(), 'design-review: reminder sweep finished').map((l) => ({ replica, installation: l['installation'], period: l['period'], source: l['source'] })),
  );
}

function installationDelivery(action: 'created' | 'deleted', id: number, account: string) {
  return buildDelivery('installation', action, { installation: { id, account: { login: account } } }, { secret: SECRET });
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
  const env: NodeJS.ProcessEnv = { REDIS_URL: redis.url, REMINDER_SCHEDULE: '* * * * * *', LOG_LEVEL: 'info' };
  // Both at once, as replicas of one deployment start: both upsert the same schedulers.
  replicas = await Promise.all([startApp(github, env), startApp(github, env)]);
}, 120_000);

afterAll(async () => {
  const codes = await Promise.all(replicas.map((r) => r.stop(10_000)));
  replicas = [];
  await queue?.close();
  await github?.close();
  await redis?.stop();
  expect(codes).toEqual([0, 0]);
}, 120_000);

describeWithRedis('reminders on two replicas sharing Redis', () => {
  it('sweep each installation once per period and open exactly one reminder issue', { timeout: 120_000 }, async () => {
    for (const replica of replicas) await waitFor('the schedulers to be synced', () => replica.output().includes('"reminders":"bullmq"'));
    await waitFor('the reminder issue', () => issueCreations(github.requests, 'acme/decisions').length > 0);
    await waitFor('four sweeps of installation 42', () => finishedSweeps().filter((s) => s.installation === 42).length >= 4);

    const sweeps = finishedSweeps().filter((s) => s.installation === 42);
    // One sweep per period across both replicas, each from its own scheduler job.
    const periods = sweeps.map((s) => s.period);
    expect(new Set(periods).size).toBe(periods.length);
    const sources = sweeps.map((s) => String(s.source));
    expect(new Set(sources).size).toBe(sources.length);
    for (const source of sources) expect(source).toMatch(/^repeat:reminders:42:\d+$/);
    // BullMQ marks a job completed just after its processor (which logs the sweep) returns: wait for it.
    const completed = await waitFor('every logged sweep to be a completed job', async () => {
      const ids = (await queue.getCompleted(0, 1000)).filter((job) => job.data.installationId === 42).map((job) => job.id);
      return sources.every((source) => ids.includes(source)) ? ids : undefined;
    });
    expect(new Set(completed).size).toBe(completed.length);

    expect(issueCreations(github.requests, 'acme/decisions')).toHaveLength(1);
    expect([...github.state.issues.values()].filter((i) => i.repo.toLowerCase() === 'acme/decisions')).toHaveLength(1);
    expect(await queue.getJobSchedulersCount()).toBe(1);
    expect(github.violations).toEqual([]);
    console.info(`reminders: ${sweeps.length} sweeps of installation 42 split ${replicas.map((_, i) => sweeps.filter((s) => s.replica === i).length).join(' + ')} across the replicas`);
  });

  // These two at once, after the first (which counts the schedulers): installations of their own.
  it.concurrent('installation.created adds a scheduler and installation.deleted removes it', { timeout: 120_000 }, async ({ expect }) => {
    github.state.addInstallation({ id: 77, account: 'Codertocat' });
    const created = await sendDelivery(replicas[0]!.webhookUrl, installationDelivery('created', 77, 'Codertocat'), SECRET);
    expect(created.status).toBe(200);
    expect(await queue.getJobScheduler('reminders:77')).toMatchObject({ pattern: '* * * * * *', tz: 'UTC', template: { data: { installationId: 77 } } });
    await waitFor('a sweep of installation 77', () => finishedSweeps().some((s) => s.installation === 77));

    const deleted = await sendDelivery(replicas[1]!.webhookUrl, installationDelivery('deleted', 77, 'Codertocat'), SECRET);
    expect(deleted.status).toBe(200);
    expect(await queue.getJobScheduler('reminders:77')).toBeUndefined();
    expect((await queue.getDelayed()).filter((job) => job.data.installationId === 77)).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  it.concurrent('removes the scheduler of an installation that is gone (404 on its token) without a deleted event', { timeout: 120_000 }, async ({ expect }) => {
    // GitHub never heard of 88: the delivery is "lost" the other way round, the token request says 404.
    const created = await sendDelivery(replicas[0]!.webhookUrl, installationDelivery('created', 88, 'ghost'), SECRET);
    expect(created.status).toBe(200);
    // The scheduler is undefined before it is created too: wait for the sweep that found 88 gone first.
    const gone = await waitFor('a sweep that finds installation 88 gone', () => {
      const lines = replicas.flatMap((r) => logLines(r.output(), 'the installation is gone'));
      return lines.length > 0 ? lines : undefined;
    });
    expect(gone[0]).toMatchObject({ installation: 88, status: 404 });
    await waitFor('the scheduler of 88 to go', async () => (await queue.getJobScheduler('reminders:88')) === undefined);
    expect(github.violations).toEqual([]);
  });
});
