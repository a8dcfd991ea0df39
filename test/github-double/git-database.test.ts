import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

/** The git database writes: a tree with inline content on a base tree, a commit of it, a branch moved to it. */
describe('git database writes', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
  });
  afterAll(() => seeded.double.close());

  const json = async <T>(path: string, init?: Parameters<SeededDouble['api']>[1]) => {
    const response = await seeded.api(path, init);
    return { status: response.status, body: (await response.json()) as T };
  };

  it('builds a tree on a base tree, commits it, and moves a branch with its pull request', async () => {
    const { state } = seeded.double;
    const main = state.resolveRef(state.repo(REPO), 'main')!;
    const base = await json<{ tree: { sha: string } }>(`/repos/${REPO}/git/commits/${main}`);
    expect(base.status).toBe(200);
    const tree = await json<{ sha: string; tree: { path: string }[] }>(`/repos/${REPO}/git/trees`, {
      method: 'POST',
      body: { base_tree: base.body.tree.sha, tree: [{ path: 'docs/adr/0009-new.md', mode: '100644', type: 'blob', content: '# 9. New\n' }] },
    });
    expect(tree.status).toBe(201);
    // The same content again is the same tree: trees are content-addressed, as in git.
    const again = await json<{ sha: string }>(`/repos/${REPO}/git/trees`, {
      method: 'POST',
      body: { base_tree: base.body.tree.sha, tree: [{ path: 'docs/adr/0009-new.md', mode: '100644', type: 'blob', content: '# 9. New\n' }] },
    });
    expect(again.body.sha).toBe(tree.body.sha);

    const commit = await json<{ sha: string; tree: { sha: string }; parents: { sha: string }[] }>(`/repos/${REPO}/git/commits`, {
      method: 'POST',
      body: { message: 'Add 9', tree: tree.body.sha, parents: [main] },
    });
    expect(commit.status).toBe(201);
    expect([commit.body.tree.sha, commit.body.parents.map((p) => p.sha)]).toEqual([tree.body.sha, [main]]);

    expect((await seeded.api(`/repos/${REPO}/git/refs`, { method: 'POST', body: { ref: 'refs/heads/topic', sha: main } })).status).toBe(201);
    const pull = state.openPullRequest(REPO, { head: 'topic', title: 'x' });
    state.commit(REPO, { branch: 'topic', files: { 'x.md': 'x' } });
    // Not a fast forward (the branch has a commit the new one lacks): refused unless forced.
    const refused = await seeded.api(`/repos/${REPO}/git/refs/heads/topic`, { method: 'PATCH', body: { sha: commit.body.sha } });
    expect(refused.status).toBe(422);
    const moved = await seeded.api(`/repos/${REPO}/git/refs/heads/topic`, { method: 'PATCH', body: { sha: commit.body.sha, force: true } });
    expect(moved.status).toBe(200);
    expect(pull.head.sha).toBe(commit.body.sha);
    expect(pull.files.map((f) => f.filename)).toEqual(['docs/adr/0009-new.md']);
    expect((await seeded.api(`/repos/${REPO}/git/refs/heads/nope`, { method: 'PATCH', body: { sha: commit.body.sha, force: true } })).status).toBe(422);
    expect(seeded.double.violations).toEqual([]);
  });

  it('refuses a tree on an unknown base and a commit of an unknown tree', async () => {
    const bad = '0'.repeat(40);
    expect((await seeded.api(`/repos/${REPO}/git/trees`, { method: 'POST', body: { base_tree: bad, tree: [] } })).status).toBe(422);
    expect((await seeded.api(`/repos/${REPO}/git/commits`, { method: 'POST', body: { message: 'x', tree: bad, parents: [] } })).status).toBe(422);
    expect((await seeded.api(`/repos/${REPO}/git/commits/${bad}`)).status).toBe(404);
  });

  it("edits a pull request's title and body", async () => {
    const { state } = seeded.double;
    state.commit(REPO, { branch: 'edit-me', files: { 'y.md': 'y' } });
    const pull = state.openPullRequest(REPO, { head: 'edit-me', title: 'Old', body: 'old' });
    const edited = await json<{ title: string; body: string }>(`/repos/${REPO}/pulls/${pull.number}`, { method: 'PATCH', body: { title: 'New', body: 'new' } });
    expect([edited.status, edited.body.title, edited.body.body]).toEqual([200, 'New', 'new']);
    expect(seeded.double.violations).toEqual([]);
  });
});
