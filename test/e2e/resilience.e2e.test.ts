// End to end, GitHub misbehaving: a 502 on a read and on a write, and a secondary rate limit on a
// write. The built App (`npm start`'s command) must retry and finish the review exactly once.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { secondaryRateLimit } from '../github-double/index.js';
import { isFor, isSummaryWrite, startReviewHarness, type ReviewHarness } from './review-harness.js';
import { KAFKA_FLAWED } from './review-fixtures.js';

const ADR_PATH = 'docs/adr/0002-use-kafka.md';
let h: ReviewHarness;

beforeAll(async () => {
  h = await startReviewHarness();
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

// Concurrent: each scenario has a repository and an installation of its own (so its own write
// spacing), its faults match only its repository, and its checks look only at its requests.
describe.concurrent('resilience, end to end', () => {
  it('502 on a read and on a write, then success: one completed check run, one summary comment', async ({ expect }) => {
    const { repo, pull } = seed('bad-gateway');
    h.github.failNext({ method: 'GET', path: `/repos/${repo}/pulls/1/files`, status: 502 });
    h.github.failNext({ method: 'POST', path: `/repos/${repo}/check-runs`, status: 502 });
    const seq = h.lastSeq();
    expect((await h.deliverPullRequest(repo, 1, 'opened')).status).toBe(200);
    await h.requestAfter(seq, (r) => isSummaryWrite(repo, r), 60_000);

    // Its own faults only: the concurrent scenario's may still be waiting for their request.
    expect(h.github.pendingFaults().filter((f) => String(f.path).includes(`/repos/${repo}/`))).toEqual([]);
    const mine = h.github.requests.filter((r) => r.seq > seq && isFor(repo, r));
    expect(mine.filter((r) => r.operationId === 'pulls/list-files').map((r) => r.status)).toEqual([502, 200]);
    expect(mine.filter((r) => r.operationId === 'checks/create').map((r) => r.status)).toEqual([502, 201]);
    const runs = h.checkRuns(repo, pull.head.sha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(h.summaryComments(repo, 1)).toHaveLength(1);
    expect(h.reviewComments(repo, 1).length).toBeGreaterThan(0);
    expect(h.github.violations).toEqual([]);
  });

  it('secondary rate limit (retry-after: 1) on the summary comment: retried after the wait, logged, one comment', async ({ expect }) => {
    const { repo, pull } = seed('secondary-limit');
    h.github.failNext(secondaryRateLimit({ method: 'POST', path: `/repos/${repo}/issues/1/comments`, retryAfterSeconds: 1 }));
    const seq = h.lastSeq();
    expect((await h.deliverPullRequest(repo, 1, 'opened')).status).toBe(200);
    const created = await h.requestAfter(seq, (r) => isSummaryWrite(repo, r), 60_000);

    const attempts = h.github.requests.filter((r) => r.seq > seq && r.operationId === 'issues/create-comment' && isFor(repo, r));
    expect(attempts.map((r) => r.status)).toEqual([403, 201]);
    expect(attempts[0]!.injectedFault).toBe(true);
    expect(created.status).toBe(201);
    await h.waitFor('the retry warning in the app log', () =>
      h.app.output().includes('Secondary rate limit hit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1 s (retry 1 of 2)'),
    );
    expect(h.summaryComments(repo, 1)).toHaveLength(1);
    expect(h.completedRun(repo, pull.head.sha)).toBeDefined();
    expect(h.github.violations).toEqual([]);
  });
});
