// End to end, issue 13 item 4: Redis loses its data under two replicas (REDIS_URL: the BullMQ review
// queue and Probot's Redis-backed throttle). FLUSHALL while reviews run, deliveries right after it,
// Redis killed and restarted empty with a delivery while it is down, and deliveries after the
// restart: every delivery ends in one completed check run, one summary comment and no duplicated
// inline comment. Before the fix, every review after the flush failed with
// `ERR SETTINGS_KEY_NOT_FOUND` (Bottleneck never rebuilt its limiters) and left no check run, or
// one in progress, and the delivery sent while Redis was down was answered 500.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDelivery, pullRequestPatch, sendDelivery, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';
import { startApp, waitFor as waitForApp, WEBHOOK_SECRET as SECRET, type AppProcess } from './app-process.js';
import { isFor } from './review-harness.js';
import { KAFKA_FLAWED } from './review-fixtures.js';
import { Redis } from 'ioredis';

const MARKER = '<!-- design-review:summary -->';
const ADR_PATH = 'docs/adr/0002-use-kafka.md';

let github: GitHubDouble;
let redis: RedisServer;
let replicas: AppProcess[] = [];

function output(): string {
  return replicas.map((r, i) => `--- replica ${i + 1}\n${r.output().slice(-3000)}`).join('\n');
}

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  return waitForApp(what, probe, timeoutMs, output);
}

interface Seeded {
  repo: string;
  number: number;
  headSha: string;
}

/**
 * Pull request `number` adding a flawed ADR in `<name>-org/<name>`, a repository on an installation
 * of its own, created on first use. Later pull requests reuse the installation on purpose: its
 * throttle limiters then exist in Redis before the flush, which is what Redis loses.
 */
function seed(name: string, number: number): Seeded {
  const owner = `${name}-org`;
  const repo = `${owner}/${name}`;
  if (github.state.findRepo(repo) === undefined) {
    const { id } = github.state.addInstallation({ account: owner });
    github.state.addRepo({ owner, name, installationId: id, files: { 'README.md': `# ${name}\n` } });
  }
  const pull = github.state.seedPullRequest(repo, { number, branch: `adr-${number}`, changes: { [ADR_PATH]: KAFKA_FLAWED } });
  return { repo, number, headSha: pull.head.sha };
}

async function deliver(replica: AppProcess, seeded: Seeded): Promise<number> {
  const delivery = buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, seeded.repo, seeded.number), { secret: SECRET });
  return (await sendDelivery(replica.webhookUrl, delivery, SECRET)).status;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const checkRuns = (s: Seeded) => [...github.state.checkRuns.values()].filter((r) => same(r.repo, s.repo) && r.headSha === s.headSha);
const summaries = (s: Seeded) => github.state.commentsOn(s.repo, s.number).filter((c) => c.body.includes(MARKER));
const inlineComments = (s: Seeded) => [...github.state.reviewComments.values()].filter((c) => same(c.repo, s.repo) && c.pullNumber === s.number);
const label = (s: Seeded) => `${s.repo}#${s.number}`;

/** Done: its check run completed and its summary comment posted (the last write of a review). */
function reviewed(s: Seeded): boolean {
  return checkRuns(s).some((r) => r.status === 'completed') && summaries(s).length > 0;
}

beforeAll(async () => {
  [github, redis] = await Promise.all([startGitHubDouble(), startRedisServer()]);
  // A short first retry delay keeps the test quick; the default is 2 s.
  // Writes 10 ms apart (the limiters still live in Redis, shared by the replicas). The window in
  // which the reviews are still writing through them when Redis is flushed is made by the double
  // instead (a 502 on their check run's update, retried by the App 1 s and 4 s later: GitHub's own
  // retry waits, GITHUB_RETRY_BASE_MS 1000), so the test flushes at an event it sees.
  const env: NodeJS.ProcessEnv = { REDIS_URL: redis.url, REVIEW_CONCURRENCY: '2', REVIEW_RETRY_DELAY_MS: '500', LOG_LEVEL: 'info', REMINDERS: 'off', GITHUB_WRITE_SPACING_MS: '10', GITHUB_RETRY_BASE_MS: '1000' };
  for (let i = 0; i < 2; i += 1) replicas.push(await startApp(github, env));
}, 120_000);

afterAll(async () => {
  const codes = await Promise.all(replicas.map((r) => r.stop(10_000)));
  replicas = [];
  await github?.close();
  await redis?.stop();
  expect(codes).toEqual([0, 0]);
}, 120_000);

describeWithRedis('Redis loses its data under two replicas', () => {
  it('reviews every delivery sent before, during and after FLUSHALL and an empty restart, each exactly once', { timeout: 240_000 }, async () => {
    const [one, two] = replicas as [AppProcess, AppProcess];
    const admin = new Redis(redis.url);
    admin.on('error', () => undefined);
    const statuses: Record<string, number> = {};

    // Before: one review finished, two running when Redis is flushed.
    const finished = seed('alpha', 1);
    statuses['alpha#1'] = await deliver(one, finished);
    await waitFor('the review finished before the flush', () => reviewed(finished));
    const running = [seed('beta', 1), seed('gamma', 1)];
    // Each review's first write after its check run (the run's update) fails twice with a 502: the
    // review waits 1 s and 4 s to retry it, its summary and inline comments still to write.
    for (const s of running) github.failNext({ method: 'PATCH', path: new RegExp(`^(/api/v3)?/repos/${s.repo}/check-runs/\\d+$`), status: 502, times: 2 });
    const seq = github.requests.at(-1)?.seq ?? 0;
    statuses['beta#1'] = await deliver(one, running[0]!);
    statuses['gamma#1'] = await deliver(two, running[1]!);
    for (const s of running) {
      await github.waitForRequest((r) => r.seq > seq && r.injectedFault && isFor(s.repo, r), 60_000);
    }
    expect(running.every((s) => !reviewed(s))).toBe(true);
    await admin.flushall();

    // During: right after the flush, to both replicas.
    // On the installations that were busy before the flush: their limiters were in Redis.
    const afterFlush = [seed('alpha', 2), seed('beta', 2)];
    statuses['alpha#2'] = await deliver(one, afterFlush[0]!);
    statuses['beta#2'] = await deliver(two, afterFlush[1]!);
    await waitFor('the reviews sent after the flush', () => afterFlush.every(reviewed), 90_000).catch((error: unknown) => {
      throw new Error(`${String(error).slice(0, 200)}\nnot reviewed: ${afterFlush.filter((s) => !reviewed(s)).map(label).join(', ')}`);
    });

    // Redis dies; a delivery arrives while it is down; Redis comes back empty.
    admin.disconnect();
    await redis.stop();
    const whileDown = seed('gamma', 2);
    const downAt = performance.now();
    statuses['gamma#2'] = await deliver(one, whileDown);
    const downAckMs = performance.now() - downAt;
    await redis.startAgain();

    // After the restart.
    const afterRestart = [seed('alpha', 3), seed('beta', 3)];
    statuses['alpha#3'] = await deliver(two, afterRestart[0]!);
    statuses['beta#3'] = await deliver(one, afterRestart[1]!);

    const all = [finished, ...running, ...afterFlush, whileDown, ...afterRestart];
    await waitFor('every review', () => all.every(reviewed), 120_000).catch((error: unknown) => {
      throw new Error(`${String(error).slice(0, 200)}\nnot reviewed: ${all.filter((s) => !reviewed(s)).map(label).join(', ')}; delivery statuses: ${JSON.stringify(statuses)}`);
    });
    // Nothing more must come: no retry or leftover job writes a second run or comment.
    await new Promise((r) => setTimeout(r, 3000));

    expect(Object.values(statuses)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    for (const s of all) {
      const runs = checkRuns(s);
      expect(runs, label(s)).toHaveLength(1);
      // Completed with the review's own result (the ADR's findings; later pull requests also clash
      // on the ADR number), not as "could not run".
      expect(runs[0], label(s)).toMatchObject({ status: 'completed' });
      expect(runs[0]!.output.title, label(s)).toMatch(/^\d+ errors?, \d+ warnings? in 1 document$/);
      expect(summaries(s), label(s)).toHaveLength(1);
      const comments = inlineComments(s);
      expect(comments.length, label(s)).toBeGreaterThan(0);
      const places = comments.map((c) => `${c.path}:${c.line}:${c.body}`);
      expect(new Set(places).size, label(s)).toBe(places.length);
    }
    expect(github.violations).toEqual([]);
    const logs = replicas.map((r) => r.output()).join('\n');
    expect(logs).not.toContain('design-review: job failed');
    expect(logs).toContain('design-review: Redis unreachable; the review runs in this replica');
    // Under GitHub's 10 s: the connection wait (1 s at most) and an in-process enqueue.
    expect(downAckMs).toBeLessThan(5000);
    console.info(`redis-loss: ${all.length} deliveries reviewed once each; the one sent while Redis was down answered 200 in ${downAckMs.toFixed(0)} ms`);
  });
});
