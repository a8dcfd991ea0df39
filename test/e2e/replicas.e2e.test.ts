// End to end: two App processes (two replicas) sharing one real redis-server through REDIS_URL,
// driven by signed deliveries against the GitHub double. The BullMQ queue must make a redelivery
// to the other replica a duplicate, and review every pull request exactly once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDelivery, pullRequestPatch, sendDelivery, startGitHubDouble, type GitHubDouble, type WebhookDelivery } from '../github-double/index.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';
import { startApp, waitFor as waitForApp, WEBHOOK_SECRET as SECRET, type AppProcess } from './app-process.js';
import { KAFKA_FLAWED as FLAWED_ADR, POSTGRES_CLEAN as CLEAN_ADR } from './review-fixtures.js';

const INSTALLATION = 42;
/** The redelivery scenario's installation: it runs alongside the split one, which keeps 42 busy. */
const REDELIVERY_INSTALLATION = 43;
const MARKER = '<!-- design-review:summary -->';

// Findings on lines of the diff, so the review carries inline comments.

let github: GitHubDouble;
let redis: RedisServer;
let replicas: AppProcess[] = [];

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  return waitForApp(what, probe, timeoutMs, () => replicas.map((r, i) => `--- replica ${i + 1}\n${r.output().slice(-2000)}`).join('\n'));
}

function checkRunsOf(repo: string) {
  return [...github.state.checkRuns.values()].filter((r) => r.repo.toLowerCase() === repo);
}

function summaryComments(repo: string, number: number) {
  return [...github.state.issueComments.values()].filter((c) => c.repo.toLowerCase() === repo && c.issueNumber === number && c.body.includes(MARKER));
}

function reviewsOf(repo: string, number: number) {
  return github.requestsFor('pulls/create-review').filter((r) => r.path.includes(`/${repo}/pulls/${number}/`));
}

/** Reviews each replica finished, from its JSON log lines. */
function finishedReviews(replica: AppProcess): string[] {
  return replica
    .output()
    .split('\n')
    .filter((line) => line.includes('design-review: review finished'))
    .map((line) => (JSON.parse(line) as { pull: string }).pull);
}

function delivery(repo: string, number: number): WebhookDelivery {
  return buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, repo, number), { secret: SECRET });
}

beforeAll(async () => {
  [github, redis] = await Promise.all([startGitHubDouble(), startRedisServer()]);
  github.state.addInstallation({ id: INSTALLATION, account: 'acme' });
  github.state.addInstallation({ id: REDELIVERY_INSTALLATION, account: 'beta' });
  // One after the other: the first start loads everything from disk, the second finds it cached.
  for (let i = 0; i < 2; i += 1) replicas.push(await startApp(github, { REDIS_URL: redis.url, REVIEW_CONCURRENCY: '2', LOG_LEVEL: 'info' }));
}, 120_000);

afterAll(async () => {
  const codes = await Promise.all(replicas.map((r) => r.stop(10_000)));
  replicas = [];
  await github?.close();
  await redis?.stop();
  expect(codes).toEqual([0, 0]);
}, 120_000);

describeWithRedis('two replicas sharing Redis', () => {
  it('start with REDIS_URL on the local ioredis (no npx) and say which queue they use', () => {
    for (const replica of replicas) {
      expect(replica.output()).toContain('"queue":"bullmq"');
      expect(replica.output()).not.toMatch(/NPXI|npx/);
      expect(replica.output()).not.toContain('Redis connection error');
    }
  });

  // The two review scenarios run at once, on different installations (separate write spacing);
  // each looks only at its own repository.
  it.concurrent('reviews a delivery once when it is redelivered to the other replica, early or late', { timeout: 120_000 }, async ({ expect }) => {
    const [one, two] = replicas as [AppProcess, AppProcess];
    github.state.addRepo({ owner: 'beta', name: 'redelivered', installationId: REDELIVERY_INSTALLATION, files: { 'README.md': '# Redelivered\n' } });
    const pull = github.state.seedPullRequest('beta/redelivered', { number: 1, branch: 'adr-2', changes: { 'docs/adr/0002-use-kafka.md': FLAWED_ADR } });
    const sent = delivery('beta/redelivered', 1);

    const started = performance.now();
    const first = await sendDelivery(one.webhookUrl, sent, SECRET);
    const ackMs = performance.now() - started;
    expect(first.status).toBe(200);
    // GitHub's "Redeliver" while the first is still queued or running...
    expect((await sendDelivery(two.webhookUrl, sent, SECRET)).status).toBe(200);

    await waitFor('the completed check run', () => checkRunsOf('beta/redelivered').find((r) => r.headSha === pull.head.sha && r.status === 'completed'));
    await waitFor('the summary comment', () => summaryComments('beta/redelivered', 1).length > 0);
    // ...and once more after it finished.
    expect((await sendDelivery(two.webhookUrl, sent, SECRET)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));

    expect(checkRunsOf('beta/redelivered')).toHaveLength(1);
    expect(summaryComments('beta/redelivered', 1)).toHaveLength(1);
    expect(reviewsOf('beta/redelivered', 1)).toHaveLength(1);
    const duplicates = await (await fetch(`${two.url}/metrics`)).text();
    expect(duplicates).toMatch(/design_review_deliveries_total\{event="pull_request.opened",outcome="duplicate"\} 2/);
    expect(github.violations).toEqual([]);
    console.info(`replicas: delivery acknowledged in ${ackMs.toFixed(1)} ms with the BullMQ queue`);
  });

  it.concurrent('reviews each of four pull requests exactly once when their deliveries are split across replicas', { timeout: 120_000 }, async ({ expect }) => {
    github.state.addRepo({ owner: 'acme', name: 'split', installationId: INSTALLATION, files: { 'README.md': '# Split\n' } });
    const pulls = [1, 2, 3, 4].map((number) =>
      github.state.seedPullRequest('acme/split', { number, branch: `adr-${number}`, changes: { [`docs/adr/000${number}-use-postgresql.md`]: CLEAN_ADR.replace('# 1.', `# ${number}.`) } }),
    );
    const started = performance.now();
    const responses = await Promise.all(pulls.map((pull, i) => sendDelivery(replicas[i % 2]!.webhookUrl, delivery('acme/split', pull.number), SECRET)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    // Probot's throttling spaces writes one second apart, across replicas too (its Bottleneck
    // shares Redis), so four reviews of three writes each take a dozen seconds.
    for (const pull of pulls) {
      await waitFor(`the summary comment on #${pull.number}`, () => summaryComments('acme/split', pull.number).length > 0, 60_000);
    }
    const allDoneMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 1000));
    for (const pull of pulls) {
      expect(checkRunsOf('acme/split').filter((r) => r.headSha === pull.head.sha)).toHaveLength(1);
      expect(checkRunsOf('acme/split').find((r) => r.headSha === pull.head.sha)?.status).toBe('completed');
      expect(summaryComments('acme/split', pull.number)).toHaveLength(1);
      // A clean ADR may get no inline review at all; never two.
      expect(reviewsOf('acme/split', pull.number).length).toBeLessThanOrEqual(1);
    }
    const byReplica = replicas.map((r) => finishedReviews(r).filter((pull) => pull.startsWith('acme/split#')));
    expect(byReplica.flat().sort()).toEqual(['acme/split#1', 'acme/split#2', 'acme/split#3', 'acme/split#4']);
    expect(github.violations).toEqual([]);
    console.info(`replicas: 4 pull requests reviewed in ${allDoneMs.toFixed(0)} ms; per replica: ${byReplica.map((b) => b.length).join(' + ')}`);
  });
});
