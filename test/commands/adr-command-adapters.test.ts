import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BranchExistsError, createAdrPullRequest, FileExistsError } from '../../src/github/adr-pull-request.js';
import { readAdrRepository } from '../../src/github/adr-repository.js';
import { repositoryRole } from '../../src/github/collaborator-permission.js';
import { findMarkedPullRequest } from '../../src/github/marked-pull-request.js';
import { adrNumbersInOpenPullRequests } from '../../src/github/open-pr-adr-numbers.js';
import type { GitHubDouble } from '../github-double/index.js';
import { botLogin, octokitFor, OWNER, NAME, REPO, startDouble } from '../github/double-octokit.js';

/** The /adr command adapters against the GitHub double (every request validated against GitHub's OpenAPI description). */
describe('adr command adapters', () => {
  let double: GitHubDouble;
  beforeEach(async () => {
    double = await startDouble({ '.adr-dir': 'docs/adr\n' });
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  const base = () => ({ ref: 'main', sha: double.state.repo(REPO).refs.get('refs/heads/main')! });
  const proposal = (branch: string, path: string) => ({
    owner: OWNER,
    repo: NAME,
    base: base(),
    branch,
    files: [{ path, content: '# 3. X\n', message: 'ADR-0003: X' }],
    title: 'ADR-0003: X',
    body: 'Body\n\n<!-- design-review:adr-command issue=1 title=abc -->',
    draft: true,
  });

  it('reads the branch, its tree, the folder hints and wanted files in three requests', async () => {
    const gh = octokitFor(double);
    const snapshot = await readAdrRepository(gh, { owner: OWNER, repo: NAME, branch: 'main', wanted: (paths) => paths.filter((p) => p.endsWith('0002-use-kafka.md')) });
    expect(snapshot.adrDirs).toEqual(['docs/adr']);
    expect(snapshot.texts.get('docs/adr/0002-use-kafka.md')).toContain('# 2. Use Kafka');
    expect(snapshot.blobs.get('docs/adr/0001-use-postgres.md')).toMatch(/^[0-9a-f]{40}$/);
    expect(double.requests.map((r) => r.operationId)).toEqual(['git/get-ref', 'git/get-tree', 'graphql']);
  });

  it('sees numbers claimed by open pull requests through the GraphQL pullRequests connection', async () => {
    double.state.seedPullRequest(REPO, { branch: 'a', changes: { 'docs/adr/0003-a.md': '# 3. A\n' } });
    const closed = double.state.seedPullRequest(REPO, { branch: 'b', changes: { 'docs/adr/0004-b.md': '# 4. B\n' } });
    double.state.findIssue(REPO, closed.number)!.state = 'closed';
    const claims = await adrNumbersInOpenPullRequests(octokitFor(double), { owner: OWNER, repo: NAME, adrGlobs: ['docs/adr/**'] });
    expect([...claims.keys()]).toEqual([3]);
  });

  it('creates branch, file and draft pull request, and finds it again by its marker', async () => {
    const gh = octokitFor(double);
    const pull = await createAdrPullRequest(gh, proposal('adr/0003-x', 'docs/adr/0003-x.md'));
    expect(double.state.findPull(REPO, pull.number)?.draft).toBe(true);
    const found = await findMarkedPullRequest(gh, { owner: OWNER, repo: NAME, marker: '<!-- design-review:adr-command issue=1 title=abc -->', botLogin: botLogin(double) });
    expect(found?.number).toBe(pull.number);
    expect(await findMarkedPullRequest(gh, { owner: OWNER, repo: NAME, marker: '<!-- design-review:adr-command issue=2 title=abc -->', botLogin: botLogin(double) })).toBeUndefined();
  });

  it('reports a taken branch, and a taken file after deleting the branch it made', async () => {
    const gh = octokitFor(double);
    double.state.commit(REPO, { branch: 'adr/0003-x', files: { 'y.txt': 'y' } });
    await expect(createAdrPullRequest(gh, proposal('adr/0003-x', 'docs/adr/0003-x.md'))).rejects.toBeInstanceOf(BranchExistsError);
    await expect(createAdrPullRequest(gh, proposal('adr/0002-x', 'docs/adr/0002-use-kafka.md'))).rejects.toBeInstanceOf(FileExistsError);
    expect(double.state.repo(REPO).refs.has('refs/heads/adr/0002-x')).toBe(false);
    expect(double.requestsFor('git/delete-ref').map((r) => r.status)).toEqual([204]);
  });

  it('reads roles: maintain from role_name, and 404 as none', async () => {
    const gh = octokitFor(double);
    double.state.setPermission(REPO, 'mia', 'maintain');
    expect(await repositoryRole(gh, { owner: OWNER, repo: NAME, login: 'mia' })).toBe('maintain');
    expect(await repositoryRole(gh, { owner: OWNER, repo: NAME, login: 'nobody-known' })).toBe('none');
  });
});
