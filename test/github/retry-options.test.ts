import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_MARKER } from '../../src/core/publish/types.js';
import { MAX_RATE_LIMIT_RETRIES, throttleOptions } from '../../src/github/retry-options.js';
import { upsertSummaryComment } from '../../src/github/sticky-comment.js';
import { secondaryRateLimit, type GitHubDouble } from '../github-double/index.js';
import { botLogin, INSTALLATION_ID, NAME, OWNER, REPO, startDouble } from './double-octokit.js';

const ThrottledOctokit = Octokit.plugin(throttling);

function throttled(double: GitHubDouble, warnings: string[], retryAfterBaseValue?: number): InstanceType<typeof ThrottledOctokit> {
  return new ThrottledOctokit({
    baseUrl: double.url,
    auth: double.issueToken(INSTALLATION_ID),
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => void warnings.push(m), error: (m: string) => void warnings.push(m) },
    throttle: { ...throttleOptions(), ...(retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue }) },
  });
}

describe('throttle options', () => {
  let double: GitHubDouble;
  beforeEach(async () => {
    double = await startDouble();
    double.state.seedPullRequest(REPO, { number: 7, branch: 'adr', changes: { 'docs/adr/0003-x.md': '# 3. X\n' } });
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('retries while retryCount < 2, and logs', () => {
    const warnings: string[] = [];
    const { onRateLimit, onSecondaryRateLimit } = throttleOptions();
    const octokit = { log: { warn: (m: string) => void warnings.push(m) } };
    const request = { method: 'POST', url: '/repos/{owner}/{repo}/issues/{issue_number}/comments' };
    expect([0, 1, 2].map((n) => onSecondaryRateLimit(1, request, octokit, n))).toEqual([true, true, false]);
    expect(onRateLimit(60, request, octokit, 0)).toBe(true);
    expect(MAX_RATE_LIMIT_RETRIES).toBe(2);
    expect(warnings[0]).toBe('Secondary rate limit hit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1 s (retry 1 of 2)');
    expect(warnings[2]).toContain('giving up after 2 retries');
  });

  it('waits as told after a secondary rate limit (403, retry-after: 1), then succeeds', async () => {
    const warnings: string[] = [];
    double.failNext(secondaryRateLimit({ operationId: 'issues/create-comment', retryAfterSeconds: 1 }));
    const started = Date.now();
    const result = await upsertSummaryComment(throttled(double, warnings), { owner: OWNER, repo: NAME, issueNumber: 7, botLogin: botLogin(double), body: `${SUMMARY_MARKER}\nv1` });
    expect(result.action).toBe('created');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(double.requestsFor('issues/create-comment').map((r) => [r.status, r.injectedFault])).toEqual([
      [403, true],
      [201, false],
    ]);
    expect(warnings.filter((w) => w.startsWith('Secondary rate limit'))).toHaveLength(1);
    expect(double.pendingFaults()).toEqual([]);
  });

  it('gives up after two retries', async () => {
    const warnings: string[] = [];
    // A read, so the plugin's pacing of comment creation (3 s apart) does not slow the test;
    // retryAfterBaseValue scales retry-after (ms per second) so it does not sleep for real either.
    double.failNext(secondaryRateLimit({ operationId: 'issues/list-comments', retryAfterSeconds: 1, times: 3 }));
    const gh = throttled(double, warnings, 10);
    await expect(
      upsertSummaryComment(gh, { owner: OWNER, repo: NAME, issueNumber: 7, botLogin: botLogin(double), body: `${SUMMARY_MARKER}\nv1` }),
    ).rejects.toMatchObject({ status: 403 });
    expect(double.requestsFor('issues/list-comments')).toHaveLength(3);
    expect(double.requestsFor('issues/create-comment')).toHaveLength(0);
    expect(warnings.some((w) => w.includes('giving up after 2 retries'))).toBe(true);
  });
});
