// End to end, the built App with the in-process queue (no REDIS_URL): a review that fails for an
// infrastructure reason (GitHub answering 502 beyond the client's own three retries) is retried by
// the queue, its check run staying in progress and saying so meanwhile; the last attempt fails it
// with the reason. Before issue 13, the first failure was final: the check run failed at once.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { isFor, startReviewHarness, type ReviewHarness } from './review-harness.js';
import { KAFKA_FLAWED } from './review-fixtures.js';

const ADR_PATH = 'docs/adr/0002-use-kafka.md';
// Probot's retry plugin answers a 5xx with up to 3 retries of its own, so 4 failures fail an attempt.
const FAILURES_PER_ATTEMPT = 4;
let h: ReviewHarness;

beforeAll(async () => {
  h = await startReviewHarness({ extraEnv: { REVIEW_ATTEMPTS: '2', REVIEW_RETRY_DELAY_MS: '300' } });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

function seed(name: string) {
  const { owner } = h.installation(name);
  h.github.state.addRepo({ owner, name, files: { 'README.md': `# ${name}\n` } });
  const repo = `${owner}/${name}`;
  return { repo, pull: h.github.state.seedPullRequest(repo, { number: 1, branch: 'adr-2', changes: { [ADR_PATH]: KAFKA_FLAWED } }) };
}

describe.concurrent('review retries, end to end (in-process queue)', () => {
  it('retries a review GitHub failed with 502s, keeping one check run in progress that says so, then completes it', { timeout: 120_000 }, async ({ expect }) => {
    const { repo, pull } = seed('retried');
    h.github.failNext({ method: 'GET', path: `/repos/${repo}/pulls/1/files`, status: 502, times: FAILURES_PER_ATTEMPT });
    const seq = h.lastSeq();
    expect((await h.deliverPullRequest(repo, 1, 'opened')).status).toBe(200);

    const retrying = await h.requestAfter(
      seq,
      (r) => r.operationId === 'checks/update' && isFor(repo, r) && (r.body as { status?: string }).status === 'in_progress',
      60_000,
    );
    expect((retrying.body as { output: { title: string; summary: string } }).output.title).toBe('Design review will retry (attempt 1 of 2 failed)');
    expect((retrying.body as { output: { summary: string } }).output.summary).toContain('HTTP 502');
    await h.waitFor('the completed review', () => h.completedRun(repo, pull.head.sha) !== undefined && h.summaryComments(repo, 1).length > 0, 60_000);

    expect(h.github.pendingFaults().filter((f) => String(f.path).includes(repo))).toEqual([]);
    const runs = h.checkRuns(repo, pull.head.sha);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('completed');
    expect(runs[0]!.output.title).toMatch(/in 1 document$/);
    expect(h.summaryComments(repo, 1)).toHaveLength(1);
    expect(h.app.output()).toContain('design-review: job attempt failed, retrying');
    expect(h.github.violations).toEqual([]);
  });

  it('fails the check run with the reason when the last attempt fails too', { timeout: 120_000 }, async ({ expect }) => {
    const { repo, pull } = seed('exhausted');
    h.github.failNext({ method: 'GET', path: `/repos/${repo}/pulls/1/files`, status: 502, times: 2 * FAILURES_PER_ATTEMPT });
    expect((await h.deliverPullRequest(repo, 1, 'opened')).status).toBe(200);

    const run = await h.waitFor('the failed check run', () => h.completedRun(repo, pull.head.sha), 80_000);
    expect(run).toMatchObject({ conclusion: 'failure' });
    expect(run.output.title).toBe('Design review could not run');
    expect(run.output.summary).toContain('HTTP 502');
    expect(h.checkRuns(repo, pull.head.sha)).toHaveLength(1);
    expect(h.summaryComments(repo, 1)).toEqual([]);
    expect(h.github.violations).toEqual([]);
  });
});
