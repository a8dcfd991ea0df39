import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adrNumbersInOpenPullRequests } from '../../src/github/open-pr-adr-numbers.js';
import type { GitHubDouble } from '../github-double/index.js';
import { NAME, octokitFor, OWNER, REPO, startDouble } from './double-octokit.js';

describe('adrNumbersInOpenPullRequests', () => {
  let double: GitHubDouble;
  beforeEach(async () => {
    double = await startDouble();
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('maps ADR numbers added by other open pull requests, one query per 50 pull requests', async () => {
    // 60 open pull requests: #1..#60; every fifth adds an ADR, others change code or edit an ADR.
    for (let n = 1; n <= 60; n += 1) {
      const changes: Record<string, string> =
        n % 5 === 0 ? { [`docs/adr/${String(2 + n / 5).padStart(4, '0')}-pr-${n}.md`]: `# ${n}\n` } : n % 7 === 0 ? { 'docs/adr/0001-use-postgres.md': '# edited\n' } : { [`src/f${n}.ts`]: '' };
      double.state.seedPullRequest(REPO, { number: n, branch: `b${n}`, changes });
    }
    // A second PR claiming 0003, a closed PR claiming 0099, and non-ADR paths with numbers.
    double.state.seedPullRequest(REPO, { number: 61, branch: 'dup', changes: { 'docs/adr/0003-also.md': '# 3\n', 'docs/adr/template.md': 't', 'notes/0003-x.md': 'n' } });
    double.state.seedPullRequest(REPO, { number: 62, branch: 'closed', changes: { 'docs/adr/0099-closed.md': '# 99\n' } });
    double.state.findIssue(REPO, 62)!.state = 'closed';

    const map = await adrNumbersInOpenPullRequests(octokitFor(double), { owner: OWNER, repo: NAME, exceptPull: 10, adrGlobs: ['docs/adr/**'] });

    const calls = double.requestsFor('graphql').map((r) => r.body as { query: string; variables: Record<string, unknown> });
    expect(calls).toHaveLength(2);
    expect(calls[0]!.variables).toEqual({ owner: OWNER, name: NAME, after: null });
    expect(calls[1]!.variables).toEqual({ owner: OWNER, name: NAME, after: expect.any(String) });
    expect(calls[0]!.query).toContain('pullRequests(states: OPEN, first: 50, after: $after)');
    expect(calls[0]!.query).toContain('files(first: 100) { nodes { path changeType } }');
    expect([...map.keys()].sort((a, b) => a - b)).toEqual([3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(map.get(3)).toEqual([
      { pull: 5, path: 'docs/adr/0003-pr-5.md' },
      { pull: 61, path: 'docs/adr/0003-also.md' },
    ]);
    // #10 (the pull request under review) added 0004; it is left out.
    expect(map.has(4)).toBe(false);
    expect(map.has(99)).toBe(false);
    expect(map.has(1)).toBe(false);
    expect(double.requests.map((r) => r.operationId ?? r.path)).toEqual(['graphql', 'graphql']);
  });

  it('counts a renamed or edited ADR as no claim, and answers with no claims when no other pull request is open', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'rename', changes: {}, renames: { 'docs/adr/0007-use-kafka.md': 'docs/adr/0002-use-kafka.md' } });
    double.state.seedPullRequest(REPO, { number: 4, branch: 'mine', changes: { 'docs/adr/0003-mine.md': '# 3\n' } });
    const gh = octokitFor(double);
    expect(await adrNumbersInOpenPullRequests(gh, { owner: OWNER, repo: NAME, exceptPull: 4, adrGlobs: ['docs/adr/**'] })).toEqual(new Map());
    expect(double.requestsFor('graphql')).toHaveLength(1);
  });

  it('fails with the GraphQL error when the repository cannot be read', async () => {
    await expect(adrNumbersInOpenPullRequests(octokitFor(double), { owner: OWNER, repo: 'missing', adrGlobs: ['docs/adr/**'] })).rejects.toThrow(
      /Could not resolve to a Repository/,
    );
  });
});
