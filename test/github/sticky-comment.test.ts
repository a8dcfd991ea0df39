import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_MARKER } from '../../src/core/publish/types.js';
import { upsertSummaryComment } from '../../src/github/sticky-comment.js';
import type { GitHubDouble } from '../github-double/index.js';
import { botLogin, NAME, octokitFor, OWNER, REPO, startDouble } from './double-octokit.js';

describe('upsertSummaryComment', () => {
  let double: GitHubDouble;
  beforeEach(async () => {
    double = await startDouble();
    double.state.seedPullRequest(REPO, { number: 7, branch: 'adr', changes: { 'docs/adr/0003-x.md': '# 3. X\n' } });
    // A long conversation, then someone quoting our marker on page 2.
    for (let i = 0; i < 100; i += 1) double.state.addIssueComment(REPO, 7, { body: `comment ${i}`, user: i % 2 ? 'alice' : 'ci[bot]' });
    double.state.addIssueComment(REPO, 7, { body: `quoting the bot:\n${SUMMARY_MARKER}\nold summary`, user: 'mallory' });
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('creates, updates and leaves unchanged the one summary comment, ignoring a marker in another user\'s comment', async () => {
    const gh = octokitFor(double);
    const params = { owner: OWNER, repo: NAME, issueNumber: 7, botLogin: botLogin(double) };
    const decoy = double.state.commentsOn(REPO, 7).at(-1)!;

    const created = await upsertSummaryComment(gh, { ...params, body: `${SUMMARY_MARKER}\nv1` });
    expect(created.action).toBe('created');
    expect(double.requestsFor('issues/list-comments').map((r) => r.query)).toEqual([
      { per_page: '100' },
      expect.objectContaining({ per_page: '100', page: '2' }),
    ]);

    double.clearRequests();
    const updated = await upsertSummaryComment(gh, { ...params, body: `${SUMMARY_MARKER}\nv2` });
    expect(updated).toEqual({ action: 'updated', commentId: created.commentId });
    expect(double.state.issueComments.get(created.commentId)!.body).toBe(`${SUMMARY_MARKER}\nv2`);
    expect(double.requestsFor('issues/update-comment')).toHaveLength(1);

    double.clearRequests();
    const unchanged = await upsertSummaryComment(gh, { ...params, body: `${SUMMARY_MARKER}\nv2` });
    expect(unchanged).toEqual({ action: 'unchanged', commentId: created.commentId });
    expect(double.requests.map((r) => r.operationId)).toEqual(['issues/list-comments', 'issues/list-comments']);

    expect(double.state.issueComments.get(decoy.id)!.body).toContain('old summary');
    expect(double.state.commentsOn(REPO, 7).filter((c) => c.body.includes(SUMMARY_MARKER))).toHaveLength(2);
  });

  it('stops paging once our comment is found', async () => {
    const gh = octokitFor(double);
    const ours = double.state.addIssueComment(REPO, 8, { body: `${SUMMARY_MARKER}\nv1`, user: botLogin(double) });
    double.state.seedPullRequest(REPO, { number: 8, branch: 'other', changes: { 'docs/adr/0004-y.md': '# 4. Y\n' } });
    for (let i = 0; i < 150; i += 1) double.state.addIssueComment(REPO, 8, { body: `later ${i}`, user: 'alice' });
    const result = await upsertSummaryComment(gh, { owner: OWNER, repo: NAME, issueNumber: 8, botLogin: botLogin(double), body: `${SUMMARY_MARKER}\nv2` });
    expect(result).toEqual({ action: 'updated', commentId: ours.id });
    expect(double.requestsFor('issues/list-comments')).toHaveLength(1);
  });

  it('refuses a body without the marker, which the next review could not find', async () => {
    await expect(upsertSummaryComment(octokitFor(double), { owner: OWNER, repo: NAME, issueNumber: 7, botLogin: botLogin(double), body: 'no marker' })).rejects.toThrow(
      /must carry <!-- design-review:summary -->/,
    );
  });
});
