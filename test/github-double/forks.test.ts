import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLATION_ID, REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

const FORK = 'acme/decisions-contrib';

describe('forks and pushes', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
    const { state } = seeded.double;
    state.forkRepo(REPO, { owner: 'acme', name: 'decisions-contrib', installationId: INSTALLATION_ID });
    state.seedPullRequest(REPO, { number: 5, branch: 'adr-3', headRepo: FORK, changes: { 'docs/adr/0003-use-redis.md': '# 3. Use Redis\n' } });
  });
  afterAll(() => seeded.double.close());

  it('serves a fork pull request: head in the fork, base in the parent, files from their merge base', async () => {
    const { state } = seeded.double;
    expect(state.repo(FORK).parent).toBe('acme/decisions');
    // The branch exists in the fork only.
    expect(state.repo(FORK).refs.has('refs/heads/adr-3')).toBe(true);
    expect(state.repo(REPO).refs.has('refs/heads/adr-3')).toBe(false);
    const pull = (await (await seeded.api(`/repos/${REPO}/pulls/5`)).json()) as {
      head: { label: string; repo: { full_name: string; fork: boolean } };
      base: { repo: { full_name: string; fork: boolean } };
    };
    expect(pull.head.repo).toMatchObject({ full_name: FORK, fork: true });
    expect(pull.head.label).toBe('acme:adr-3');
    expect(pull.base.repo).toMatchObject({ full_name: REPO, fork: false });
    const files = (await (await seeded.api(`/repos/${REPO}/pulls/5/files`)).json()) as { filename: string; status: string }[];
    expect(files.map((f) => `${f.status} ${f.filename}`)).toEqual(['added docs/adr/0003-use-redis.md']);
    const content = await seeded.api(`/repos/${FORK}/contents/docs/adr/0003-use-redis.md?ref=adr-3`);
    expect(content.status).toBe(200);
    expect(seeded.double.violations).toEqual([]);
  });

  it('pushes to a pull request: new head sha in the head repository, files recomputed', async () => {
    const { state } = seeded.double;
    const before = state.findPull(REPO, 5)!.head.sha;
    const sha = state.pushToPullRequest(REPO, 5, { 'docs/adr/0004-use-nats.md': '# 4. Use NATS\n' });
    expect(sha).not.toBe(before);
    expect(state.repo(FORK).refs.get('refs/heads/adr-3')).toBe(sha);
    const pull = (await (await seeded.api(`/repos/${REPO}/pulls/5`)).json()) as { head: { sha: string } };
    expect(pull.head.sha).toBe(sha);
    const files = (await (await seeded.api(`/repos/${REPO}/pulls/5/files`)).json()) as { filename: string }[];
    expect(files.map((f) => f.filename)).toEqual(['docs/adr/0003-use-redis.md', 'docs/adr/0004-use-nats.md']);
    expect(seeded.double.violations).toEqual([]);
  });
});
