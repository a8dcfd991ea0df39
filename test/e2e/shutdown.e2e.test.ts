// End to end: SIGTERM to the built App while a review runs. The server stops taking connections
// at once, the review still completes, and the process exits 0 before SHUTDOWN_TIMEOUT_MS; at the
// timeout the abandoned jobs are named. With BullMQ, queued jobs stay in Redis for another replica.
// A secondary rate limit (retry-after) on the pull request's files keeps the review busy meanwhile.
import { connect } from 'node:net';
import { afterAll, beforeAll, it, type ExpectStatic } from 'vitest';
import { buildDelivery, pullRequestPatch, secondaryRateLimit, sendDelivery, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';
import { startApp, waitFor, WEBHOOK_SECRET as SECRET, type AppProcess } from './app-process.js';

const INSTALLATION = 42;
const ADR = `# 1. Use PostgreSQL for order storage

Date: 2024-03-12

## Status

Accepted

## Context

Orders need transactions across orders, payments and stock reservations.

## Options considered

- PostgreSQL 16
- DynamoDB

## Decision

We will store orders in PostgreSQL 16, because it gives transactions.

## Consequences

- We must run schema migrations with every release, which slows deploys down.

## Revisit triggers

- Revisit by 2026-03-01.
`;

let github: GitHubDouble;
let redis: RedisServer;
const apps: AppProcess[] = [];

beforeAll(async () => {
  [github, redis] = await Promise.all([startGitHubDouble(), startRedisServer()]);
  github.state.addInstallation({ id: INSTALLATION, account: 'acme' });
}, 120_000);

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop(2000)));
  await github?.close();
  await redis?.stop();
});

async function launch(env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const app = await startApp(github, { LOG_LEVEL: 'info', ...env });
  apps.push(app);
  return app;
}

/** A repository with one pull request whose files answer a secondary rate limit first. */
function slowPullRequest(name: string, number = 1, retryAfterSeconds = 2) {
  if (!github.state.repos.has(`acme/${name}`)) github.state.addRepo({ owner: 'acme', name, installationId: INSTALLATION, files: { 'README.md': `# ${name}\n` } });
  const pull = github.state.seedPullRequest(`acme/${name}`, { number, branch: `adr-${number}`, changes: { 'docs/adr/0001-use-postgresql.md': ADR } });
  github.failNext(secondaryRateLimit({ retryAfterSeconds, method: 'GET', path: new RegExp(`/repos/acme/${name}/pulls/${number}/files$`) }));
  return pull;
}

function checkRun(repo: string, headSha: string) {
  return [...github.state.checkRuns.values()].find((r) => r.repo.toLowerCase() === repo && r.headSha === headSha);
}

function exitOf(app: AppProcess): Promise<{ code: number | null; at: number }> {
  return new Promise((resolve) => app.child.once('exit', (code) => resolve({ code, at: performance.now() })));
}

/** Resolves with the error code of a fresh TCP connection to the app's port (undefined when it connects). */
function tryConnect(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  });
}

async function deliver(expect: ExpectStatic, app: AppProcess, repo: string, number: number) {
  const delivery = buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, repo, number), { secret: SECRET });
  const response = await sendDelivery(app.webhookUrl, delivery, SECRET);
  expect(response.status).toBe(200);
  return delivery;
}

// Concurrent: every scenario runs App processes of its own, on repositories of its own (the
// faults match only those), so one scenario's signals and reviews do not reach another's.
describeWithRedis.concurrent('graceful shutdown', () => {
  // SIGINT too: Probot's run() has its own SIGINT handler that exits once the server stops,
  // which would cut the review off; ours replaces it.
  it.for(['SIGTERM', 'SIGINT'] as const)('in-process: %s right after the 200 refuses new connections, finishes the review and exits 0', async (signal, { expect }) => {
    const app = await launch({ SHUTDOWN_TIMEOUT_MS: '20000' });
    const repo = `draining-${signal.toLowerCase()}`;
    const pull = slowPullRequest(repo);
    const exit = exitOf(app);
    await deliver(expect, app, `acme/${repo}`, 1);
    const signalled = performance.now();
    app.child.kill(signal);

    // The listening socket closes first, while the review is still running.
    await waitFor('connections to be refused', async () => (await tryConnect(app.url)) === 'ECONNREFUSED', 3000, app.output);
    expect(app.child.exitCode).toBeNull();
    expect(checkRun(`acme/${repo}`, pull.head.sha)?.status).not.toBe('completed');

    const { code, at } = await exit;
    expect(code).toBe(0);
    expect(checkRun(`acme/${repo}`, pull.head.sha)?.status).toBe('completed');
    expect(at - signalled).toBeLessThan(20_000);
    expect(app.output()).toContain('design-review: review queue drained');
    expect(github.violations).toEqual([]);
    console.info(`shutdown: in-process drain and exit took ${(at - signalled).toFixed(0)} ms after ${signal}`);
  });

  it('in-process: at SHUTDOWN_TIMEOUT_MS it names the abandoned job and still exits 0', async ({ expect }) => {
    const app = await launch({ SHUTDOWN_TIMEOUT_MS: '500' });
    slowPullRequest('abandoned', 1, 10);
    const exit = exitOf(app);
    const delivery = await deliver(expect, app, 'acme/abandoned', 1);
    await waitFor('the review to start', () => github.requests.some((r) => r.path.endsWith('/acme/abandoned/pulls/1/files')), 5000, app.output);
    const signalled = performance.now();
    app.child.kill('SIGTERM');
    const { code, at } = await exit;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(3000);
    const warning = app
      .output()
      .split('\n')
      .find((line) => line.includes('shutdown timeout'));
    expect(JSON.parse(warning ?? '{}')).toMatchObject({ abandoned: [`${delivery.id}#1`], queue: 'in-process' });
  });

  it('BullMQ: SIGTERM finishes the running review; the queued one waits in Redis for another replica', async ({ expect }) => {
    const env = { REDIS_URL: redis.url, REVIEW_CONCURRENCY: '1', SHUTDOWN_TIMEOUT_MS: '20000' };
    const leaving = await launch(env);
    const running = slowPullRequest('handover', 1);
    const queued = slowPullRequest('handover', 2, 1);
    const exit = exitOf(leaving);
    await deliver(expect, leaving, 'acme/handover', 1);
    await waitFor('the first review to start', () => checkRun('acme/handover', running.head.sha), 10_000, leaving.output);
    await deliver(expect, leaving, 'acme/handover', 2);
    const signalled = performance.now();
    leaving.child.kill('SIGTERM');

    const { code, at } = await exit;
    expect(code).toBe(0);
    expect(checkRun('acme/handover', running.head.sha)?.status).toBe('completed');
    expect(checkRun('acme/handover', queued.head.sha)).toBeUndefined();
    console.info(`shutdown: BullMQ worker closed and exited ${(at - signalled).toFixed(0)} ms after SIGTERM`);

    const staying = await launch(env);
    await waitFor('the other replica to review the queued pull request', () => checkRun('acme/handover', queued.head.sha)?.status === 'completed', 30_000, staying.output);
    expect(github.violations).toEqual([]);
  }, 120_000);
});
