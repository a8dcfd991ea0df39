import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADR_1, REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

interface ContentFile {
  type: string;
  encoding: string;
  content: string;
  sha: string;
  path: string;
  size: number;
}

describe('contents, trees and blobs', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
  });
  afterAll(() => seeded.double.close());

  it('serves a file as base64 with its git blob sha', async () => {
    const response = await seeded.api(`/repos/${REPO}/contents/docs/adr/0001-use-postgres.md`);
    expect(response.status).toBe(200);
    const file = (await response.json()) as ContentFile;
    expect(file).toMatchObject({ type: 'file', encoding: 'base64', path: 'docs/adr/0001-use-postgres.md', size: Buffer.byteLength(ADR_1) });
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe(ADR_1);
    // The sha is git's: `git hash-object` of the same bytes.
    const { createHash } = await import('node:crypto');
    expect(file.sha).toBe(createHash('sha1').update(`blob ${Buffer.byteLength(ADR_1)}\0${ADR_1}`).digest('hex'));
  });

  it('lists a directory, answers 404 for a missing path, and reads at a ref', async () => {
    const listing = (await (await seeded.api(`/repos/${REPO}/contents/docs/adr`)).json()) as { name: string; type: string }[];
    expect(listing.map((e) => [e.name, e.type])).toEqual([
      ['0001-use-postgres.md', 'file'],
      ['0002-use-kafka.md', 'file'],
    ]);
    expect((await seeded.api(`/repos/${REPO}/contents/docs/adr/9999.md`)).status).toBe(404);

    const old = seeded.double.state.resolveRef(seeded.double.state.repo(REPO), 'main')!;
    seeded.double.state.commit(REPO, { files: { 'docs/adr/0001-use-postgres.md': '# changed\n' } });
    const atOld = (await (await seeded.api(`/repos/${REPO}/contents/docs%2Fadr%2F0001-use-postgres.md?ref=${old}`)).json()) as ContentFile;
    expect(Buffer.from(atOld.content, 'base64').toString('utf8')).toBe(ADR_1);
    expect((await seeded.api(`/repos/${REPO}/contents/README.md?ref=no-such-branch`)).status).toBe(404);
  });

  it('returns raw bytes for the raw media type', async () => {
    const response = await seeded.api(`/repos/${REPO}/contents/README.md`, { headers: { accept: 'application/vnd.github.raw+json' } });
    expect(await response.text()).toBe('# Decisions\n');
  });

  it('walks a tree recursively and reads its blobs back', async () => {
    const tree = (await (await seeded.api(`/repos/${REPO}/git/trees/main?recursive=1`)).json()) as {
      truncated: boolean;
      tree: { path: string; type: string; sha: string; mode: string }[];
    };
    expect(tree.truncated).toBe(false);
    expect(tree.tree.map((e) => `${e.type} ${e.path}`)).toEqual([
      'blob README.md',
      'tree docs',
      'tree docs/adr',
      'blob docs/adr/0001-use-postgres.md',
      'blob docs/adr/0002-use-kafka.md',
    ]);
    const flat = (await (await seeded.api(`/repos/${REPO}/git/trees/main`)).json()) as { tree: { path: string }[] };
    expect(flat.tree.map((e) => e.path)).toEqual(['README.md', 'docs']);

    const kafka = tree.tree.find((e) => e.path === 'docs/adr/0002-use-kafka.md')!;
    const blob = (await (await seeded.api(`/repos/${REPO}/git/blobs/${kafka.sha}`)).json()) as { content: string; encoding: string; sha: string };
    expect(blob.encoding).toBe('base64');
    expect(Buffer.from(blob.content, 'base64').toString('utf8')).toContain('# 2. Use Kafka');
    expect(seeded.double.violations).toEqual([]);
  });

  it('creates a branch and a file on it, the way an /adr command opens its pull request', async () => {
    const main = (await (await seeded.api(`/repos/${REPO}/git/ref/heads/main`)).json()) as { object: { sha: string } };
    const created = await seeded.api(`/repos/${REPO}/git/refs`, { method: 'POST', body: { ref: 'refs/heads/adr/0003', sha: main.object.sha } });
    expect(created.status).toBe(201);
    expect((await seeded.api(`/repos/${REPO}/git/refs`, { method: 'POST', body: { ref: 'refs/heads/adr/0003', sha: main.object.sha } })).status).toBe(422);

    const content = Buffer.from('# 3. Use gRPC\n').toString('base64');
    const put = await seeded.api(`/repos/${REPO}/contents/docs/adr/0003-use-grpc.md`, {
      method: 'PUT',
      body: { message: 'Add ADR 3', content, branch: 'adr/0003' },
    });
    expect(put.status).toBe(201);
    const { commit } = (await put.json()) as { commit: { sha: string; message: string } };
    expect(commit.message).toBe('Add ADR 3');
    const onBranch = (await (await seeded.api(`/repos/${REPO}/contents/docs/adr/0003-use-grpc.md?ref=adr/0003`)).json()) as ContentFile;
    expect(onBranch.content.replace(/\n/g, '')).toBe(content);
    expect((await seeded.api(`/repos/${REPO}/contents/docs/adr/0003-use-grpc.md`)).status).toBe(404);

    // Updating needs the current blob sha, as on GitHub.
    const update = await seeded.api(`/repos/${REPO}/contents/docs/adr/0003-use-grpc.md`, {
      method: 'PUT',
      body: { message: 'Edit', content, branch: 'adr/0003' },
    });
    expect(update.status).toBe(422);

    const pull = await seeded.api(`/repos/${REPO}/pulls`, { method: 'POST', body: { title: 'ADR 3', head: 'adr/0003', base: 'main' } });
    expect(pull.status).toBe(201);
    const body = (await pull.json()) as { number: number; changed_files: number; user: { login: string } };
    expect(body.changed_files).toBe(1);
    expect(body.user.login).toBe('design-review[bot]');
    expect(seeded.double.violations).toEqual([]);
  });

  it('lists matching refs by name prefix, sorted, and an empty array when none match', async () => {
    const main = (await (await seeded.api(`/repos/${REPO}/git/ref/heads/main`)).json()) as { object: { sha: string } };
    for (const ref of ['refs/heads/adr/0009-b', 'refs/heads/adr/0009-a', 'refs/heads/adr/00090-c']) {
      expect((await seeded.api(`/repos/${REPO}/git/refs`, { method: 'POST', body: { ref, sha: main.object.sha } })).status).toBe(201);
    }
    // Octokit encodes the slashes; GitHub matches a prefix of the full name, not whole path segments.
    const listed = await seeded.api(`/repos/${REPO}/git/matching-refs/${encodeURIComponent('heads/adr/0009-')}`);
    expect(listed.status).toBe(200);
    const refs = (await listed.json()) as { ref: string; object: { sha: string } }[];
    expect(refs.map((r) => r.ref)).toEqual(['refs/heads/adr/0009-a', 'refs/heads/adr/0009-b']);
    expect(refs[0]!.object.sha).toBe(main.object.sha);
    expect(await (await seeded.api(`/repos/${REPO}/git/matching-refs/heads/adr/0010-`)).json()).toEqual([]);
    expect(seeded.double.violations).toEqual([]);
  });
});
