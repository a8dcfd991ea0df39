import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

function nextLink(response: Response): string | undefined {
  return /<([^>]+)>; rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
}

describe('pull requests', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
    const changes: Record<string, string | null> = { 'docs/adr/0002-use-kafka.md': '# 2. Use Kafka\n\n## Status\n\nAccepted\n' };
    for (let i = 3; i <= 7; i += 1) changes[`docs/adr/000${i}-decision.md`] = `# ${i}. Decision\n\nline two\n`;
    seeded.double.state.seedPullRequest(REPO, {
      number: 12,
      branch: 'adr-batch',
      title: 'More decisions',
      changes,
      renames: { 'docs/README.md': 'README.md' },
    });
  });
  afterAll(() => seeded.double.close());

  it('reports files with statuses, patches and a rename', async () => {
    const files = (await (await seeded.api(`/repos/${REPO}/pulls/12/files?per_page=100`)).json()) as {
      filename: string;
      status: string;
      previous_filename?: string;
      patch?: string;
    }[];
    // Sorted by path bytes, as git orders them ('R' < 'a').
    expect(files.map((f) => `${f.status} ${f.filename}`)).toEqual([
      'renamed docs/README.md',
      'modified docs/adr/0002-use-kafka.md',
      'added docs/adr/0003-decision.md',
      'added docs/adr/0004-decision.md',
      'added docs/adr/0005-decision.md',
      'added docs/adr/0006-decision.md',
      'added docs/adr/0007-decision.md',
    ]);
    expect(files[0]).toMatchObject({ previous_filename: 'README.md' });
    expect(files[0]!.patch).toBeUndefined();
    expect(files[2]!.patch).toBe('@@ -0,0 +1,3 @@\n+# 3. Decision\n+\n+line two');
    expect(files[1]!.patch).toBe('@@ -2,4 +2,4 @@\n \n ## Status\n \n-Proposed\n+Accepted');
  });

  it('paginates files with per_page/page and GitHub-style Link headers', async () => {
    const first = await seeded.api(`/repos/${REPO}/pulls/12/files?per_page=3`);
    const link = first.headers.get('link')!;
    expect(link).toContain('rel="next"');
    expect(link).toContain(`<${seeded.double.url}/repos/${REPO}/pulls/12/files?per_page=3&page=3>; rel="last"`);
    const names: string[] = ((await first.json()) as { filename: string }[]).map((f) => f.filename);
    let next = nextLink(first);
    let pages = 1;
    while (next !== undefined) {
      const page = await fetch(next, { headers: { authorization: `token ${seeded.token}` } });
      names.push(...((await page.json()) as { filename: string }[]).map((f) => f.filename));
      next = nextLink(page);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(names).toHaveLength(7);
    expect(new Set(names).size).toBe(7);
    expect(seeded.double.requestsFor('pulls/list-files').map((r) => r.query['page'] ?? '1')).toEqual(['1', '1', '2', '3']);
  });

  it('serves the pull request with head and base as seeded', async () => {
    const pull = (await (await seeded.api(`/repos/${REPO}/pulls/12`)).json()) as Record<string, any>;
    const state = seeded.double.state;
    expect(pull).toMatchObject({
      number: 12,
      state: 'open',
      draft: false,
      title: 'More decisions',
      changed_files: 7,
      commits: 1,
      head: { ref: 'adr-batch', sha: state.findPull(REPO, 12)!.head.sha, repo: { full_name: REPO } },
      base: { ref: 'main', repo: { full_name: REPO } },
    });
    const open = (await (await seeded.api(`/repos/${REPO}/pulls?state=open&head=acme:adr-batch`)).json()) as unknown[];
    expect(open).toHaveLength(1);
    expect(await (await seeded.api(`/repos/${REPO}/pulls?state=closed`)).json()).toEqual([]);
  });

  it('rejects a review whose comment is on a line outside the diff, like GitHub (422)', async () => {
    const response = await seeded.api(`/repos/${REPO}/pulls/12/reviews`, {
      method: 'POST',
      body: {
        event: 'COMMENT',
        body: 'Design review',
        comments: [
          { path: 'docs/adr/0003-decision.md', line: 1, body: 'fine: added line' },
          { path: 'docs/adr/0002-use-kafka.md', line: 1, side: 'RIGHT', body: 'line 1 is not in the hunk' },
        ],
      },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      message: 'Unprocessable Entity',
      errors: ["Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank"],
    });
    // All or nothing: the valid comment was not stored either.
    expect(seeded.double.state.reviewComments.size).toBe(0);
  });

  it('stores a review whose comments are on diff lines and lists it back', async () => {
    const response = await seeded.api(`/repos/${REPO}/pulls/12/reviews`, {
      method: 'POST',
      body: {
        event: 'COMMENT',
        body: 'Design review',
        comments: [
          { path: 'docs/adr/0002-use-kafka.md', line: 5, side: 'RIGHT', body: 'Accepted without trade-offs?' },
          { path: 'docs/adr/0003-decision.md', start_line: 1, line: 3, body: 'Missing context' },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ state: 'COMMENTED', user: { login: 'design-review[bot]', type: 'Bot' } });
    const comments = (await (await seeded.api(`/repos/${REPO}/pulls/12/comments`)).json()) as Record<string, unknown>[];
    expect(comments.map((c) => [c['path'], c['line'], c['start_line'], c['position']])).toEqual([
      ['docs/adr/0002-use-kafka.md', 5, null, 5],
      ['docs/adr/0003-decision.md', 3, 1, 3],
    ]);
    expect(comments[0]!['diff_hunk']).toBe('@@ -2,4 +2,4 @@\n \n ## Status\n \n-Proposed\n+Accepted');
    const reviews = (await (await seeded.api(`/repos/${REPO}/pulls/12/reviews`)).json()) as unknown[];
    expect(reviews).toHaveLength(1);
    const id = comments[0]!['id'] as number;
    expect((await seeded.api(`/repos/${REPO}/pulls/comments/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(seeded.double.violations).toEqual([]);
  });
});
