import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findingMarker, type InlineComment } from '../../src/core/publish/types.js';
import { syncReviewComments } from '../../src/github/review-comments.js';
import type { GitHubDouble } from '../github-double/index.js';
import { botLogin, NAME, octokitFor, OWNER, REPO, startDouble } from './double-octokit.js';

const PATH = 'docs/adr/0003-use-redis.md';
const DOC = Array.from({ length: 10 }, (_, i) => (i === 0 ? '# 3. Use Redis' : `line ${i + 1}`)).join('\n') + '\n';

function finding(fingerprint: string, line: number, path = PATH): InlineComment {
  return { path, line, fingerprint, body: `**adr-status**: finding on line ${line}\n\n${findingMarker(fingerprint)}` };
}

const A = finding('aaaaaaaa', 2);
const B = finding('bbbbbbbb', 4);
const C = finding('cccccccc', 6);

describe('syncReviewComments', () => {
  let double: GitHubDouble;
  let params: { owner: string; repo: string; pullNumber: number; commitId: string; botLogin: string };
  beforeEach(async () => {
    double = await startDouble();
    const pull = double.state.seedPullRequest(REPO, { number: 7, branch: 'redis', changes: { [PATH]: DOC } });
    params = { owner: OWNER, repo: NAME, pullNumber: 7, commitId: pull.head.sha, botLogin: botLogin(double) };
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  const ours = (): { line: number | null; body: string }[] =>
    [...double.state.reviewComments.values()].filter((c) => c.user.login === params.botLogin).map((c) => ({ line: c.line, body: c.body }));

  it('posts new findings as one COMMENT review', async () => {
    const result = await syncReviewComments(octokitFor(double), params, [A, B]);
    expect(result).toEqual({ posted: [A, B], kept: 0, deleted: 0, failed: [] });
    const reviews = double.requestsFor('pulls/create-review');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.body).toEqual({
      commit_id: params.commitId,
      event: 'COMMENT',
      comments: [
        { path: PATH, line: 2, side: 'RIGHT', body: A.body },
        { path: PATH, line: 4, side: 'RIGHT', body: B.body },
      ],
    });
    expect(ours().map((c) => c.line)).toEqual([2, 4]);
  });

  it('keeps findings already commented, deletes fixed ones, posts only the new, and stays quiet when nothing is new', async () => {
    const gh = octokitFor(double);
    await syncReviewComments(gh, params, [A, B]);
    // Someone else's comment carrying a marker is never ours to delete.
    double.state.addReviewComment(REPO, 7, { path: PATH, line: 8, body: `quote ${findingMarker('bbbbbbbb')}`, user: 'alice' });
    double.clearRequests();

    const second = await syncReviewComments(gh, params, [A, C]);
    expect(second).toEqual({ posted: [C], kept: 1, deleted: 1, failed: [] });
    expect(ours().map((c) => c.line).sort()).toEqual([2, 6]);
    expect(double.requestsFor('pulls/delete-review-comment')).toHaveLength(1);
    expect((double.requestsFor('pulls/create-review')[0]!.body as { comments: unknown[] }).comments).toHaveLength(1);
    expect([...double.state.reviewComments.values()].some((c) => c.user.login === 'alice')).toBe(true);

    double.clearRequests();
    const third = await syncReviewComments(gh, params, [A, C]);
    expect(third).toEqual({ posted: [], kept: 2, deleted: 0, failed: [] });
    expect(double.requests.map((r) => r.operationId)).toEqual(['pulls/list-review-comments']);
  });

  it('deletes duplicates of one finding and every comment when all findings are fixed', async () => {
    const gh = octokitFor(double);
    double.state.addReviewComment(REPO, 7, { path: PATH, line: 2, body: A.body, user: params.botLogin });
    double.state.addReviewComment(REPO, 7, { path: PATH, line: 2, body: A.body, user: params.botLogin });
    expect(await syncReviewComments(gh, params, [A])).toEqual({ posted: [], kept: 1, deleted: 1, failed: [] });
    expect(await syncReviewComments(gh, params, [])).toEqual({ posted: [], kept: 0, deleted: 1, failed: [] });
    expect(ours()).toEqual([]);
  });

  it('retries one by one when GitHub refuses a line outside the diff, and hands back only those', async () => {
    const outside = finding('dddddddd', 99);
    const otherFile = finding('eeeeeeee', 1, 'docs/adr/0001-use-postgres.md');
    const result = await syncReviewComments(octokitFor(double), params, [A, outside, B, otherFile]);
    expect(result).toEqual({ posted: [A, B], kept: 0, deleted: 0, failed: [outside, otherFile] });
    const statuses = double.requestsFor('pulls/create-review').map((r) => r.status);
    expect(statuses).toEqual([422, 200, 422, 200, 422]);
    expect(ours().map((c) => c.line)).toEqual([2, 4]);
  });

  it('pages through existing review comments', async () => {
    for (let i = 0; i < 120; i += 1) double.state.addReviewComment(REPO, 7, { path: PATH, line: 1 + (i % 10), body: `note ${i}`, user: 'alice' });
    double.state.addReviewComment(REPO, 7, { path: PATH, line: 2, body: A.body, user: params.botLogin });
    const result = await syncReviewComments(octokitFor(double), params, [A]);
    expect(result).toEqual({ posted: [], kept: 1, deleted: 0, failed: [] });
    expect(double.requestsFor('pulls/list-review-comments')).toHaveLength(2);
  });
});
