import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHub } from '../../src/github/github-client.js';
import { adrNumbersInOpenPullRequests } from '../../src/github/open-pr-adr-numbers.js';
import { parseGraphQL } from '../github-double/graphql-parser.js';
import type { GitHubDouble } from '../github-double/index.js';
import { NAME, octokitFor, OWNER, REPO, startDouble } from './double-octokit.js';

const CHANGE_TYPE = { added: 'ADDED', modified: 'MODIFIED', removed: 'DELETED', renamed: 'RENAMED' } as const;

/**
 * The double's GraphQL subset has no `pullRequests` connection, so this client answers that one
 * query from the double's state (open pull requests by number, cursors as offsets, first 100
 * files each) and checks the query parses; REST still goes to the double.
 */
function withOpenPullsGraphQL(double: GitHubDouble, calls: { query: string; variables: Record<string, unknown> }[]): GitHub {
  const octokit = octokitFor(double);
  const graphql = async (query: string, variables: { owner: string; name: string; after: string | null }) => {
    calls.push({ query, variables });
    parseGraphQL(query);
    const pulls = [...double.state.pulls.values()]
      .filter((p) => p.repo.toLowerCase() === `${variables.owner}/${variables.name}`.toLowerCase())
      .filter((p) => double.state.findIssue(p.repo, p.number)?.state === 'open')
      .sort((a, b) => a.number - b.number);
    const start = variables.after === null ? 0 : Number(variables.after);
    const page = pulls.slice(start, start + 50);
    return {
      repository: {
        pullRequests: {
          pageInfo: { hasNextPage: start + page.length < pulls.length, endCursor: page.length > 0 ? String(start + page.length) : null },
          nodes: page.map((p) => ({
            number: p.number,
            files: { nodes: p.files.slice(0, 100).map((f) => ({ path: f.filename, changeType: CHANGE_TYPE[f.status] })) },
          })),
        },
      },
    };
  };
  return { rest: octokit.rest, paginate: octokit.paginate, request: octokit.request, log: octokit.log, graphql: graphql as unknown as GitHub['graphql'] };
}

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

    const calls: { query: string; variables: Record<string, unknown> }[] = [];
    const map = await adrNumbersInOpenPullRequests(withOpenPullsGraphQL(double, calls), { owner: OWNER, repo: NAME, exceptPull: 10, adrGlobs: ['docs/adr/**'] });

    expect(calls.map((c) => c.variables)).toEqual([
      { owner: OWNER, name: NAME, after: null },
      { owner: OWNER, name: NAME, after: '50' },
    ]);
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
    expect(double.requests).toEqual([]);
  });
});
