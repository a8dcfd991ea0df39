// End to end: the built App (`npm start`: node dist/main.js) as a child process, talking to the
// GitHub double over HTTP, driven by signed webhook deliveries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../github-double/index.js';
import { buildDelivery, pullRequestPatch, sendDelivery, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { startApp, waitFor as waitForApp, WEBHOOK_SECRET as SECRET, type AppProcess } from './app-process.js';
import { KAFKA_FLAWED as FLAWED_ADR, POSTGRES_CLEAN as CLEAN_ADR } from './review-fixtures.js';

const MARKER = '<!-- design-review:summary -->';

let github: GitHubDouble;
let app: AppProcess;
let appUrl: string;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  return waitForApp(what, probe, timeoutMs, () => app.output());
}

/**
 * Seeds repository `<name>-org/<name>` on an installation of its own, so scenarios running at once
 * share neither the App's per-installation review queue nor Octokit's per-installation write spacing.
 */
function seedRepo(name: string, files: Record<string, string>) {
  const owner = `${name}-org`;
  const { id: installationId } = github.state.addInstallation({ account: owner });
  github.state.addRepo({ owner, name, installationId, files });
  return { repo: `${owner}/${name}`, installationId };
}

/** Requests about `repo` or its installation (tokens): what "no GitHub API call" is scoped to. */
function touching(repo: string, installationId: number, requests: RecordedRequest[] = github.requests): RecordedRequest[] {
  return requests.filter((r) => r.path.toLowerCase().includes(`/repos/${repo}/`) || r.path.includes(`/installations/${installationId}/`));
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
  app = await startApp(github);
  appUrl = app.url;
}, 120_000);

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

// The first test reads the App's delivery counter, so it runs alone; the others, each on a
// repository and installation of its own, run at once after it.
describe('pull request review, end to end', () => {
  it('reviews a clean ADR: fast ack, completed check run, one summary comment, no violations', async () => {
    const { repo } = seedRepo('clean', { 'README.md': '# Clean\n' });
    const pull = github.state.seedPullRequest(repo, { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });

    const { response, ackMs } = await deliver(repo, 1);
    expect(response.status).toBe(200);
    expect(ackMs).toBeLessThan(1000);

    const run = await waitFor('completed check run', () => completedRun(repo, pull.head.sha));
    expect(['success', 'neutral']).toContain(run.conclusion);
    const comments = await waitFor('summary comment', () => {
      const found = summaryComments(repo, 1);
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

  it.concurrent('reports findings of a flawed ADR: conclusion from the config and annotations', async ({ expect }) => {
    const { repo } = seedRepo('flawed', { '.github/design-review.yml': 'rules:\n  adr-status: error\n' });
    const pull = github.state.seedPullRequest(repo, { number: 1, branch: 'adr-2', changes: { 'docs/adr/0002-use-kafka.md': FLAWED_ADR } });

    const { response } = await deliver(repo, 1);
    expect(response.status).toBe(200);

    const run = await waitFor('completed check run', () => completedRun(repo, pull.head.sha));
    expect(run.conclusion).toBe('failure');
    expect(run.output.annotations.length).toBeGreaterThan(0);
    expect(run.output.annotations).toContainEqual(expect.objectContaining({ path: 'docs/adr/0002-use-kafka.md', annotation_level: 'failure' }));
    await waitFor('summary comment', () => (summaryComments(repo, 1).length > 0 ? true : undefined));
    const review = github.requestsFor('pulls/create-review').filter((r) => r.path.includes(`/${repo}/`))[0];
    expect(review?.body).toMatchObject({ event: 'COMMENT', commit_id: pull.head.sha });
    expect(github.violations).toEqual([]);
  });

  it.concurrent('draws the decision graph of a pull request that supersedes an ADR of the base branch', async ({ expect }) => {
    const old = CLEAN_ADR.replace('# 1. Use PostgreSQL for order storage', '# 1. Use MySQL for order storage');
    const { repo } = seedRepo('superseding', { 'docs/adr/0001-use-mysql.md': old, 'docs/adr/0002-unrelated.md': old.replace('# 1.', '# 2.') });
    const successor = CLEAN_ADR.replace('# 1. Use PostgreSQL', '# 3. Use PostgreSQL').replace('Accepted\n', 'Accepted\n\nSupersedes [ADR-0001](0001-use-mysql.md)\n');
    const pull = github.state.seedPullRequest(repo, { number: 1, branch: 'adr-3', changes: { 'docs/adr/0003-use-postgresql.md': successor } });
    const { response } = await deliver(repo, 1);
    expect(response.status).toBe(200);
    const run = await waitFor('completed check run', () => completedRun(repo, pull.head.sha));
    const comment = await waitFor('summary comment', () => summaryComments(repo, 1)[0]);
    const picture = ['```mermaid', 'flowchart LR', '  n1["ADR-0001 · 0001-use-mysql.md"]:::superseded', '  n3["ADR-0003 · Use PostgreSQL for order storage"]:::accepted', '  n3 -->|supersedes| n1'].join('\n');
    expect(comment.body).toContain(`### Decision graph\n\nThe records this pull request supersedes or amends, with their neighbours:\n\n${picture}`);
    expect(run.output.summary).toContain(picture);
    expect(comment.body).not.toContain('ADR-0002');
    expect(github.violations).toEqual([]);
  });

  it.concurrent('answers an invalid config with one action_required check run and nothing else', async ({ expect }) => {
    const { repo } = seedRepo('misconfigured', { '.github/design-review.yml': 'rules:\n  no-such-rule: error\n' });
    const pull = github.state.seedPullRequest(repo, { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    const { response } = await deliver(repo, 1);
    expect(response.status).toBe(200);
    const run = await waitFor('completed check run', () => completedRun(repo, pull.head.sha));
    expect(run.conclusion).toBe('action_required');
    expect(run.output.summary).toContain('no-such-rule');
    await new Promise((r) => setTimeout(r, 300));
    const touched = github.requests.filter((r) => r.path.includes(`/${repo}/`));
    expect(touched.filter((r) => /issues|pulls\/1\/(reviews|comments)/.test(r.path) && r.method !== 'GET')).toEqual([]);
    expect([...github.state.checkRuns.values()].filter((r) => r.repo.toLowerCase() === repo)).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  it.concurrent('fails the check run with a short reason when GitHub errors mid-review, never leaving it in progress', async ({ expect }) => {
    const { repo } = seedRepo('broken', { 'README.md': '# Broken\n' });
    const pull = github.state.seedPullRequest(repo, { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    github.failNext({ method: 'GET', path: new RegExp(`/repos/${repo}/pulls/1/files$`), status: 404 });
    const { response } = await deliver(repo, 1);
    expect(response.status).toBe(200);
    const run = await waitFor('completed check run', () => completedRun(repo, pull.head.sha));
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toMatch(/HTTP 404/);
    expect(summaryComments(repo, 1)).toEqual([]);
  });

  it.concurrent('ignores an edit that does not change the base branch', async ({ expect }) => {
    const { repo, installationId } = seedRepo('edited', { 'README.md': '# Edited\n' });
    github.state.seedPullRequest(repo, { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    const before = github.requests.length;
    const delivery = buildDelivery(
      'pull_request',
      // The examples hold no `edited` delivery: an `opened` one, re-labelled, with a title change only.
      'opened',
      { ...pullRequestPatch(github.state, github.url, repo, 1), action: 'edited', changes: { title: { from: 'Old title' } } },
      { secret: SECRET },
    );
    const response = await sendDelivery(`${appUrl}/api/github/webhooks`, delivery, SECRET);
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(touching(repo, installationId, github.requests.slice(before))).toEqual([]);
  });

  it.concurrent('refuses a forged signature with 400 and calls no GitHub API', async ({ expect }) => {
    const { repo, installationId } = seedRepo('forged', { 'README.md': '# Forged\n' });
    github.state.seedPullRequest(repo, { number: 1, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    const before = github.requests.length;
    const delivery = buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, repo, 1), { secret: SECRET });
    const response = await sendDelivery(`${appUrl}/api/github/webhooks`, delivery, SECRET, { forge: true });
    expect(response.status).toBe(400);
    await new Promise((r) => setTimeout(r, 500));
    expect(touching(repo, installationId, github.requests.slice(before))).toEqual([]);
    expect([...github.state.checkRuns.values()].filter((r) => r.repo.toLowerCase() === repo)).toEqual([]);
  });

  it.concurrent('does nothing more for a redelivery of the same delivery id', async ({ expect }) => {
    const { repo, installationId } = seedRepo('redelivered', { 'README.md': '# Redelivered\n' });
    const pull = github.state.seedPullRequest(repo, { number: 1, branch: 'adr-2', changes: { 'docs/adr/0002-use-kafka.md': FLAWED_ADR } });
    const first = await deliver(repo, 1);
    expect(first.response.status).toBe(200);
    await waitFor('completed check run', () => completedRun(repo, pull.head.sha));
    await waitFor('summary comment', () => (summaryComments(repo, 1).length > 0 ? true : undefined));
    const reviews = () => github.requestsFor('pulls/create-review').filter((r) => r.path.includes(`/${repo}/`));
    const reviewsBefore = reviews().length;
    const requestsBefore = github.requests.length;

    const again = await sendDelivery(`${appUrl}/api/github/webhooks`, first.delivery, SECRET);
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect(touching(repo, installationId, github.requests.slice(requestsBefore))).toEqual([]);
    expect(summaryComments(repo, 1)).toHaveLength(1);
    expect(reviews()).toHaveLength(reviewsBefore);
    expect([...github.state.checkRuns.values()].filter((r) => r.repo.toLowerCase() === repo)).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  it.concurrent("tells beside an added record's finding that its folder's records share the gap, reading them in one query", async ({ expect }) => {
    // Six records without a date on main, as a log whose template has no date field; the pull request adds a seventh.
    const undated = (n: number) => CLEAN_ADR.replace(/^# 1\./, `# ${n}.`).replace(/^Date: .*\n\n/m, '');
    const files: Record<string, string> = {};
    for (let n = 1; n <= 6; n += 1) files[`docs/decisions/000${n}-orders-${n}.md`] = undated(n);
    const { repo } = seedRepo('convention', files);
    const pull = github.state.seedPullRequest(repo, { number: 1, branch: 'adr-7', changes: { 'docs/decisions/0007-orders-7.md': undated(7) } });

    const { response } = await deliver(repo, 1);
    expect(response.status).toBe(200);

    const [comment] = await waitFor('summary comment', () => {
      const found = summaryComments(repo, 1);
      return found.length > 0 ? found : undefined;
    });
    expect(comment!.body).toContain(
      "7 of 7 ADRs in docs/decisions have no decision date, which looks like the folder's convention: set `rules: { adr-date: off }` in .github/design-review.yml",
    );
    // The finding itself stays on the record, as an annotation.
    const run = completedRun(repo, pull.head.sha)!;
    expect(run.output.annotations).toContainEqual(expect.objectContaining({ path: 'docs/decisions/0007-orders-7.md', title: 'adr-date' }));
    const baseReads = github
      .requestsFor('graphql')
      .filter((r) => Object.values((r.body as { variables: Record<string, unknown> }).variables).some((v) => typeof v === 'string' && v.startsWith(`${pull.base.sha}:`)));
    expect(baseReads).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });
});
