// End to end: the built App (`npm start`: node dist/main.js) as a child process, talking to the
// GitHub double over HTTP, driven by signed webhook deliveries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDelivery, pullRequestPatch, sendDelivery, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { startApp, waitFor as waitForApp, WEBHOOK_SECRET as SECRET, type AppProcess } from './app-process.js';

const INSTALLATION = 42;
const MARKER = '<!-- design-review:summary -->';

const CLEAN_ADR = `# 1. Use PostgreSQL for order storage

Date: 2024-03-12

## Status

Accepted

## Context

Orders are written by the checkout service and read by fulfilment. We need
transactions across orders, payments and stock reservations.

## Options considered

- PostgreSQL 16 on the managed service
- DynamoDB

## Decision

We will store orders in PostgreSQL 16 on the managed service, because it
gives transactions across orders, payments and stock.

## Consequences

- Fulfilment can query orders with SQL joins.
- We must run schema migrations with every release, which slows deploys down.
- Costs rise with storage; we accept higher cost for consistency over DynamoDB's lower latency at scale.

## Revisit triggers

- Revisit if order volume exceeds 5,000 writes per second.
- Revisit by 2026-03-01.
`;

const FLAWED_ADR = `# 2. Use Kafka

## Status

Acepted

## Context

TODO

## Decision

We will use Kafka.
`;

let github: GitHubDouble;
let app: AppProcess;
let appUrl: string;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  return waitForApp(what, probe, timeoutMs, () => app.output());
}

function completedRun(repo: string, headSha: string) {
  return [...github.state.checkRuns.values()].find((r) => r.repo.toLowerCase() === repo && r.headSha === headSha && r.status === 'completed');
}

function summaryComments(repo: string, number: number) {
  return [...github.state.issueComments.values()].filter(
    (c) => c.repo.toLowerCase() === repo && c.issueNumber === number && c.body.includes(MARKER),
  );
}

beforeAll(async () => {
  github = await startGitHubDouble();
  github.state.addInstallation({ id: INSTALLATION, account: 'acme' });
  app = await startApp(github);
  appUrl = app.url;
}, 30_000);

afterAll(async () => {
  await app?.stop(3000);
  await github?.close();
});

async function deliver(repo: string, number: number, options: { id?: string } = {}) {
  const delivery = buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, repo, number), { secret: SECRET, ...options });
  const started = performance.now();
  const response = await sendDelivery(`${appUrl}/api/github/webhooks`, delivery, SECRET);
  return { delivery, response, ackMs: performance.now() - started };
}

describe('pull request review, end to end', () => {
  it('reviews a clean ADR: fast ack, completed check run, one summary comment, no violations', async () => {
    github.state.addRepo({ owner: 'acme', name: 'clean', installationId: INSTALLATION, files: { 'README.md': '# Clean\n' } });
    const pull = github.state.seedPullRequest('acme/clean', { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });

    const { response, ackMs } = await deliver('acme/clean', 1);
    expect(response.status).toBe(200);
    expect(ackMs).toBeLessThan(1000);

    const run = await waitFor('completed check run', () => completedRun('acme/clean', pull.head.sha));
    expect(['success', 'neutral']).toContain(run.conclusion);
    const comments = await waitFor('summary comment', () => {
      const found = summaryComments('acme/clean', 1);
      return found.length > 0 ? found : undefined;
    });
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.login).toBe(`${github.state.app.slug}[bot]`);
    expect(github.violations).toEqual([]);
    expect(github.unhandled).toEqual([]);
    const metrics = await (await fetch(`${appUrl}/metrics`)).text();
    expect(metrics).toMatch(/design_review_deliveries_total\{event="pull_request.opened",outcome="queued"\} 1/);
    expect(metrics).toMatch(/design_review_github_requests_total\{method="[A-Z]+"\} [1-9]/);
    console.info(`e2e: delivery acknowledged in ${ackMs.toFixed(1)} ms`);
  });

  it('reports findings of a flawed ADR: conclusion from the config and annotations', async () => {
    github.state.addRepo({
      owner: 'acme',
      name: 'flawed',
      installationId: INSTALLATION,
      files: { '.github/design-review.yml': 'rules:\n  adr-status: error\n' },
    });
    const pull = github.state.seedPullRequest('acme/flawed', { number: 1, branch: 'adr-2', changes: { 'docs/adr/0002-use-kafka.md': FLAWED_ADR } });

    const { response } = await deliver('acme/flawed', 1);
    expect(response.status).toBe(200);

    const run = await waitFor('completed check run', () => completedRun('acme/flawed', pull.head.sha));
    expect(run.conclusion).toBe('failure');
    expect(run.output.annotations.length).toBeGreaterThan(0);
    expect(run.output.annotations).toContainEqual(expect.objectContaining({ path: 'docs/adr/0002-use-kafka.md', annotation_level: 'failure' }));
    await waitFor('summary comment', () => (summaryComments('acme/flawed', 1).length > 0 ? true : undefined));
    const review = github.requestsFor('pulls/create-review')[0];
    expect(review?.body).toMatchObject({ event: 'COMMENT', commit_id: pull.head.sha });
    expect(github.violations).toEqual([]);
  });

  it('answers an invalid config with one action_required check run and nothing else', async () => {
    github.state.addRepo({
      owner: 'acme',
      name: 'misconfigured',
      installationId: INSTALLATION,
      files: { '.github/design-review.yml': 'rules:\n  no-such-rule: error\n' },
    });
    const pull = github.state.seedPullRequest('acme/misconfigured', { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    const { response } = await deliver('acme/misconfigured', 1);
    expect(response.status).toBe(200);
    const run = await waitFor('completed check run', () => completedRun('acme/misconfigured', pull.head.sha));
    expect(run.conclusion).toBe('action_required');
    expect(run.output.summary).toContain('no-such-rule');
    await new Promise((r) => setTimeout(r, 300));
    const touched = github.requests.filter((r) => r.path.includes('/acme/misconfigured/'));
    expect(touched.filter((r) => /issues|pulls\/1\/(reviews|comments)/.test(r.path) && r.method !== 'GET')).toEqual([]);
    expect([...github.state.checkRuns.values()].filter((r) => r.repo.toLowerCase() === 'acme/misconfigured')).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  it('fails the check run with a short reason when GitHub errors mid-review, never leaving it in progress', async () => {
    github.state.addRepo({ owner: 'acme', name: 'broken', installationId: INSTALLATION, files: { 'README.md': '# Broken\n' } });
    const pull = github.state.seedPullRequest('acme/broken', { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    github.failNext({ method: 'GET', path: /\/repos\/acme\/broken\/pulls\/1\/files$/, status: 404 });
    const { response } = await deliver('acme/broken', 1);
    expect(response.status).toBe(200);
    const run = await waitFor('completed check run', () => completedRun('acme/broken', pull.head.sha));
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toMatch(/HTTP 404/);
    expect(summaryComments('acme/broken', 1)).toEqual([]);
  });

  it('ignores an edit that does not change the base branch', async () => {
    github.state.addRepo({ owner: 'acme', name: 'edited', installationId: INSTALLATION, files: { 'README.md': '# Edited\n' } });
    github.state.seedPullRequest('acme/edited', { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    const before = github.requests.length;
    const delivery = buildDelivery(
      'pull_request',
      // The examples hold no `edited` delivery: an `opened` one, re-labelled, with a title change only.
      'opened',
      { ...pullRequestPatch(github.state, github.url, 'acme/edited', 1), action: 'edited', changes: { title: { from: 'Old title' } } },
      { secret: SECRET },
    );
    const response = await sendDelivery(`${appUrl}/api/github/webhooks`, delivery, SECRET);
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(github.requests.slice(before)).toEqual([]);
  });

  it('refuses a forged signature with 400 and calls no GitHub API', async () => {
    github.state.addRepo({ owner: 'acme', name: 'forged', installationId: INSTALLATION, files: { 'README.md': '# Forged\n' } });
    github.state.seedPullRequest('acme/forged', { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    const before = github.requests.length;
    const delivery = buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, 'acme/forged', 1), { secret: SECRET });
    const response = await sendDelivery(`${appUrl}/api/github/webhooks`, delivery, SECRET, { forge: true });
    expect(response.status).toBe(400);
    await new Promise((r) => setTimeout(r, 500));
    expect(github.requests.slice(before)).toEqual([]);
    expect([...github.state.checkRuns.values()].filter((r) => r.repo.toLowerCase() === 'acme/forged')).toEqual([]);
  });

  it('does nothing more for a redelivery of the same delivery id', async () => {
    github.state.addRepo({ owner: 'acme', name: 'redelivered', installationId: INSTALLATION, files: { 'README.md': '# Redelivered\n' } });
    const pull = github.state.seedPullRequest('acme/redelivered', { number: 1, branch: 'adr-2', changes: { 'docs/adr/0002-use-kafka.md': FLAWED_ADR } });
    const first = await deliver('acme/redelivered', 1);
    expect(first.response.status).toBe(200);
    await waitFor('completed check run', () => completedRun('acme/redelivered', pull.head.sha));
    await waitFor('summary comment', () => (summaryComments('acme/redelivered', 1).length > 0 ? true : undefined));
    const reviews = () => github.requestsFor('pulls/create-review').filter((r) => r.path.includes('/acme/redelivered/'));
    const reviewsBefore = reviews().length;
    const requestsBefore = github.requests.length;

    const again = await sendDelivery(`${appUrl}/api/github/webhooks`, first.delivery, SECRET);
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect(github.requests.slice(requestsBefore)).toEqual([]);
    expect(summaryComments('acme/redelivered', 1)).toHaveLength(1);
    expect(reviews()).toHaveLength(reviewsBefore);
    expect([...github.state.checkRuns.values()].filter((r) => r.repo.toLowerCase() === 'acme/redelivered')).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });
});
