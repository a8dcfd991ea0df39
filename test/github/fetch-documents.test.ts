import { afterEach, describe, expect, it } from 'vitest';
import { fetchPullRequestDocuments } from '../../src/github/fetch-documents.js';
import type { GitHubDouble } from '../github-double/index.js';
import { ADR_1, ADR_2, NAME, octokitFor, OWNER, paramsFor, REPO, startDouble } from './double-octokit.js';

const adr = (n: number, title = `Decision ${n}`): string => `# ${n}. ${title}\n\n## Status\n\nProposed\n\n## Context\n\nBecause.\n`;
const FORKED = { 'docs/adr/0001-use-postgres.md': ADR_1, 'docs/adr/0002-use-kafka.md': ADR_2, 'README.md': '# Decisions\n' };
const adrPath = (n: number): string => `docs/adr/${String(n).padStart(4, '0')}-decision-${n}.md`;

function countsByOperation(double: GitHubDouble): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of double.requests) counts[r.operationId ?? r.path] = (counts[r.operationId ?? r.path] ?? 0) + 1;
  return counts;
}

describe('fetchPullRequestDocuments', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it.each([1, 10, 100, 150])('reads %i changed ADRs with a request count flat beyond pagination', async (n) => {
    double = await startDouble();
    const changes: Record<string, string> = { 'src/app.ts': 'export {};\n' };
    for (let i = 3; i < 3 + n; i += 1) changes[adrPath(i)] = adr(i);
    double.state.seedPullRequest(REPO, { number: 7, branch: 'adrs', changes });

    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));

    expect(result.files).toHaveLength(n);
    expect(result.files.every((f) => f.kind === 'adr')).toBe(true);
    expect(result.files[0]).toEqual({ path: adrPath(3), content: adr(3), kind: 'adr' });
    expect(result.changed).toHaveLength(n + 1);
    expect(result.skipped).toEqual([]);
    // The base's ADRs that are not under review, from file names only.
    expect(result.index).toEqual([
      { path: 'docs/adr/0001-use-postgres.md', kind: 'adr', number: 1, fileNumber: 1, supersedes: [], supersededBy: [], listingOnly: true },
      { path: 'docs/adr/0002-use-kafka.md', kind: 'adr', number: 2, fileNumber: 2, supersedes: [], supersededBy: [], listingOnly: true },
    ]);
    // Budget: file pages of 100; one GraphQL query for the hints and the first 50 documents, one per further 50; one tree read.
    expect(countsByOperation(double)).toEqual({
      'pulls/list-files': Math.ceil((n + 1) / 100),
      graphql: 1 + Math.ceil(Math.max(0, n - 50) / 50),
      'git/get-tree': 1,
    });
  });

  it('passes paths as GraphQL variables, never inside the query text', async () => {
    double = await startDouble();
    const odd = 'docs/adr/0003-quote"and\\back}slash.md';
    double.state.seedPullRequest(REPO, { number: 7, branch: 'odd', changes: { [odd]: adr(3) } });
    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));
    expect(result.files.map((f) => f.path)).toEqual([odd]);
    const [query] = double.requestsFor('graphql');
    const body = query!.body as { query: string; variables: Record<string, string> };
    expect(body.query).not.toContain('0003');
    expect(body.query).toContain('f2: object(expression: $e2)');
    const sha = double.state.findPull(REPO, 7)!.head.sha;
    expect(body.variables).toMatchObject({ owner: OWNER, name: NAME, e0: `${sha}:.adr-dir`, e1: `${sha}:.log4brains.yml`, e2: `${sha}:${odd}` });
  });

  it('reads a fork pull request from the head repository', async () => {
    double = await startDouble();
    // The fork is visible to the installation, as public forks are to a real installation token.
    double.state.addRepo({ owner: 'alice', name: 'decisions-fork', installationId: 42, files: { ...FORKED } });
    double.state.commit('alice/decisions-fork', { branch: 'adr-3', files: { [adrPath(3)]: adr(3, 'From a fork') } });
    double.state.openPullRequest(REPO, { number: 9, head: 'adr-3', headRepo: 'alice/decisions-fork' });

    const params = paramsFor(double, 9);
    expect(params.head).toMatchObject({ owner: 'alice', repo: 'decisions-fork' });
    const result = await fetchPullRequestDocuments(octokitFor(double), params);

    expect(result.files).toEqual([{ path: adrPath(3), content: adr(3, 'From a fork'), kind: 'adr' }]);
    const graphql = double.requestsFor('graphql').map((r) => (r.body as { variables: Record<string, string> }).variables);
    expect(graphql.every((v) => v['owner'] === 'alice' && v['name'] === 'decisions-fork')).toBe(true);
    // The index is the base repository's: its tree, at the base commit.
    expect(double.requestsFor('git/get-tree')[0]!.path).toBe(`/repos/${REPO}/git/trees/${params.base.sha}`);
    expect(result.index.map((e) => e.path)).toEqual(['docs/adr/0001-use-postgres.md', 'docs/adr/0002-use-kafka.md']);
  });

  it('skips removed, binary, oversized and over-limit documents and reviews renamed ones under the new path', async () => {
    double = await startDouble({ 'docs/adr/0003-old-name.md': adr(3) });
    double.state.seedPullRequest(REPO, {
      number: 7,
      branch: 'mixed',
      renames: { 'docs/adr/0003-new-name.md': 'docs/adr/0003-old-name.md' },
      changes: {
        'docs/adr/0002-use-kafka.md': null,
        'docs/adr/0004-diagram.md': 'PNG\u0000\u0001binary',
        'docs/adr/0005-big.md': adr(5) + 'x'.repeat(500),
        'docs/adr/0006-ok.md': adr(6),
        'docs/adr/0007-ok.md': adr(7),
        'docs/adr/0008-ok.md': adr(8),
        'docs/design/cache.md': '# Cache design\n',
      },
    });

    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7, { maxFileBytes: 300, maxFiles: 6 }));

    expect(result.changed.find((f) => f.path === 'docs/adr/0003-new-name.md')).toMatchObject({ status: 'renamed', previousPath: 'docs/adr/0003-old-name.md' });
    expect(result.changed.find((f) => f.path === 'docs/adr/0002-use-kafka.md')).toMatchObject({ status: 'removed' });
    expect(result.files.map((f) => [f.path, f.kind])).toEqual([
      ['docs/adr/0003-new-name.md', 'adr'],
      ['docs/adr/0006-ok.md', 'adr'],
      ['docs/adr/0007-ok.md', 'adr'],
      ['docs/adr/0008-ok.md', 'adr'],
    ]);
    expect(result.files[0]!.content).toBe(adr(3));
    // maxFiles counts documents in the pull request's order, unreadable ones included.
    expect(result.skipped).toEqual([
      { path: 'docs/design/cache.md', reason: 'over review.maxFiles (6)' },
      { path: 'docs/adr/0004-diagram.md', reason: 'binary file' },
      { path: 'docs/adr/0005-big.md', reason: expect.stringMatching(/^larger than review.maxFileBytes \(\d+ > 300 bytes\)$/) },
    ]);
    // Neither the removed ADR nor the renamed one's old path is an "other ADR" any more.
    expect(result.index.map((e) => e.path)).toEqual(['docs/adr/0001-use-postgres.md']);
    expect(result.changed.find((f) => f.path === 'docs/adr/0006-ok.md')?.patch).toContain('+# 6. Decision 6');
  });

  it('uses the ADR folder named by .adr-dir, read at the head commit', async () => {
    double = await startDouble({ '.adr-dir': 'architecture/records\n', 'architecture/records/0001-first.md': adr(1) });
    double.state.seedPullRequest(REPO, { number: 7, branch: 'records', changes: { 'architecture/records/0002-second.md': adr(2), 'notes/todo.md': '# todo\n' } });
    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));
    expect(result.adrDirs).toEqual(['architecture/records']);
    expect(result.files.map((f) => f.path)).toEqual(['architecture/records/0002-second.md']);
    expect(result.index.map((e) => e.path)).toEqual(['architecture/records/0001-first.md', 'docs/adr/0001-use-postgres.md', 'docs/adr/0002-use-kafka.md']);
    // The folder hint adds one GraphQL query for the documents only it names.
    expect(double.requestsFor('graphql')).toHaveLength(2);
  });

  it('honours front matter that names a document design-doc inside an ADR folder', async () => {
    double = await startDouble();
    const doc = '---\ntype: design-doc\n---\n# Cache design\n';
    double.state.seedPullRequest(REPO, { number: 7, branch: 'dd', changes: { 'docs/adr/cache-design.md': doc } });
    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));
    expect(result.files).toEqual([{ path: 'docs/adr/cache-design.md', content: doc, kind: 'design-doc' }]);
    // No ADR under review: the base listing is not needed.
    expect(double.requestsFor('git/get-tree')).toHaveLength(0);
  });

  it('falls back to bounded folder listings when GitHub truncates the tree', async () => {
    double = await startDouble({ 'docs/adr/0010-folder-record/README.md': adr(10) });
    double.state.seedPullRequest(REPO, { number: 7, branch: 'big', changes: { [adrPath(3)]: adr(3) } });
    const pull = double.state.findPull(REPO, 7)!;
    // A real answer shape for a repository over GitHub's tree limits.
    double.failNext({
      operationId: 'git/get-tree',
      status: 200,
      body: { sha: pull.base.sha, url: `${double.url}/repos/${REPO}/git/trees/${pull.base.sha}`, tree: [], truncated: true },
    });
    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));
    expect(result.index.map((e) => [e.path, e.fileNumber])).toEqual([
      ['docs/adr/0001-use-postgres.md', 1],
      ['docs/adr/0002-use-kafka.md', 2],
      ['docs/adr/0010-folder-record/README.md', 10],
    ]);
    const listings = double.requestsFor('repos/get-content');
    // The reviewed ADR's folder first, then the fixed parts of the default ADR globs; at most 20.
    const folders = listings.map((r) => decodeURIComponent(r.path.replace(`/repos/${REPO}/contents/`, '')));
    expect(folders[0]).toBe('docs/adr');
    expect(folders.length).toBeLessThanOrEqual(20);
    expect(new Set(folders).size).toBe(folders.length);
    expect(listings.every((r) => r.query['ref'] === pull.base.sha)).toBe(true);
  });

  it('keeps the ADR under review out of its own index and returns no index without ADRs', async () => {
    double = await startDouble();
    double.state.seedPullRequest(REPO, { number: 7, branch: 'edit', changes: { 'docs/adr/0002-use-kafka.md': `${ADR_2}\nEdited.\n`, 'README.md': '# Changed\n' } });
    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));
    expect(result.files.map((f) => f.path)).toEqual(['docs/adr/0002-use-kafka.md']);
    expect(result.index.map((e) => e.path)).toEqual(['docs/adr/0001-use-postgres.md']);
  });
});
