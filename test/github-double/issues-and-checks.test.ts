import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

describe('issues, comments, labels and reactions', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
    seeded.double.state.seedPullRequest(REPO, { number: 5, branch: 'adr', changes: { 'docs/adr/0003.md': '# 3\n' } });
  });
  afterAll(() => seeded.double.close());

  it('creates, paginates, edits and deletes pull request conversation comments', async () => {
    seeded.double.state.addIssueComment(REPO, 5, { body: 'LGTM', user: 'alice' });
    seeded.double.state.addIssueComment(REPO, 5, { body: 'ci', user: 'ci[bot]' });
    const created = await seeded.api(`/repos/${REPO}/issues/5/comments`, { method: 'POST', body: { body: '<!-- design-review:summary -->\nv1' } });
    expect(created.status).toBe(201);
    const mine = (await created.json()) as { id: number; user: { login: string; type: string } };
    expect(mine.user).toMatchObject({ login: 'design-review[bot]', type: 'Bot' });

    const page1 = await seeded.api(`/repos/${REPO}/issues/5/comments?per_page=2`);
    expect(page1.headers.get('link')).toContain('rel="next"');
    const page2 = (await (await seeded.api(`/repos/${REPO}/issues/5/comments?per_page=2&page=2`)).json()) as { id: number }[];
    expect(page2.map((c) => c.id)).toEqual([mine.id]);
    const users = ((await page1.json()) as { user: { login: string; type: string } }[]).map((c) => `${c.user.login}:${c.user.type}`);
    expect(users).toEqual(['alice:User', 'ci[bot]:Bot']);

    expect((await seeded.api(`/repos/${REPO}/issues/comments/${mine.id}`, { method: 'PATCH', body: { body: 'v2' } })).status).toBe(200);
    expect(seeded.double.state.issueComments.get(mine.id)!.body).toBe('v2');
    expect((await seeded.api(`/repos/${REPO}/issues/comments/${mine.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await seeded.api(`/repos/${REPO}/issues/comments/${mine.id}`, { method: 'PATCH', body: { body: 'v3' } })).status).toBe(404);
  });

  it('creates reminder issues, filters them by label and state, and closes them', async () => {
    const created = await seeded.api(`/repos/${REPO}/issues`, { method: 'POST', body: { title: 'Revisit ADR 1', body: 'trigger hit', labels: ['adr-revisit'] } });
    expect(created.status).toBe(201);
    const issue = (await created.json()) as { number: number; labels: { name: string }[] };
    expect(issue.number).toBe(6);
    expect(issue.labels.map((l) => l.name)).toEqual(['adr-revisit']);
    const labels = (await (await seeded.api(`/repos/${REPO}/issues/6/labels`, { method: 'POST', body: { labels: ['design'] } })).json()) as { name: string }[];
    expect(labels.map((l) => l.name)).toEqual(['adr-revisit', 'design']);

    const open = (await (await seeded.api(`/repos/${REPO}/issues?labels=adr-revisit,design&state=open`)).json()) as { number: number }[];
    expect(open.map((i) => i.number)).toEqual([6]);
    await seeded.api(`/repos/${REPO}/issues/6`, { method: 'PATCH', body: { state: 'closed', state_reason: 'completed' } });
    expect(await (await seeded.api(`/repos/${REPO}/issues?labels=adr-revisit`)).json()).toEqual([]);
    const all = (await (await seeded.api(`/repos/${REPO}/issues?state=all`)).json()) as { number: number; pull_request?: unknown }[];
    expect(all.map((i) => [i.number, i.pull_request !== undefined])).toEqual([
      [6, false],
      [5, true],
    ]);
  });

  it('adds reactions once per user and content (201, then 200)', async () => {
    const comment = seeded.double.state.addIssueComment(REPO, 5, { body: '/adr new Use gRPC', user: 'alice' });
    const react = (): Promise<Response> => seeded.api(`/repos/${REPO}/issues/comments/${comment.id}/reactions`, { method: 'POST', body: { content: 'eyes' } });
    expect((await react()).status).toBe(201);
    expect((await react()).status).toBe(200);
    expect((await seeded.api(`/repos/${REPO}/issues/5/reactions`, { method: 'POST', body: { content: 'rocket' } })).status).toBe(201);
    expect((await seeded.api(`/repos/${REPO}/issues/5/reactions`, { method: 'POST', body: { content: 'party' } })).status).toBe(422);
  });

  it('reports collaborator permissions', async () => {
    seeded.double.state.setPermission(REPO, 'alice', 'maintain');
    const alice = (await (await seeded.api(`/repos/${REPO}/collaborators/alice/permission`)).json()) as Record<string, unknown>;
    expect(alice).toMatchObject({ permission: 'write', role_name: 'maintain', user: { login: 'alice' } });
    seeded.double.state.account('mallory');
    expect(await (await seeded.api(`/repos/${REPO}/collaborators/mallory/permission`)).json()).toMatchObject({ permission: 'read' });
    expect((await seeded.api(`/repos/${REPO}/collaborators/nobody-at-all/permission`)).status).toBe(404);
  });

  it('saw no OpenAPI violations except the deliberate bad reaction', () => {
    expect(seeded.double.violations.map((v) => v.operationId)).toEqual(['reactions/create-for-issue']);
    expect(seeded.double.violations[0]!.message).toContain('/content must be equal to one of the allowed values');
  });
});

describe('check runs', () => {
  let seeded: SeededDouble;
  let sha = '';
  beforeAll(async () => {
    seeded = await startSeededDouble();
    sha = seeded.double.state.seedPullRequest(REPO, { number: 2, branch: 'adr', changes: { 'docs/adr/0003.md': '# 3\n' } }).head.sha;
  });
  afterAll(() => seeded.double.close());

  it('creates in progress, completes with annotations appended, and lists the latest per name', async () => {
    const created = await seeded.api(`/repos/${REPO}/check-runs`, { method: 'POST', body: { name: 'Design review', head_sha: sha, status: 'in_progress' } });
    expect(created.status).toBe(201);
    const run = (await created.json()) as { id: number; status: string; pull_requests: { number: number }[] };
    expect(run).toMatchObject({ status: 'in_progress', pull_requests: [{ number: 2 }] });

    const annotation = { path: 'docs/adr/0003.md', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'No context' };
    await seeded.api(`/repos/${REPO}/check-runs/${run.id}`, { method: 'PATCH', body: { output: { title: 't', summary: 's', annotations: [annotation] } } });
    const done = await seeded.api(`/repos/${REPO}/check-runs/${run.id}`, {
      method: 'PATCH',
      body: { conclusion: 'neutral', output: { title: 'Design review', summary: '1 finding', annotations: [annotation] } },
    });
    expect(await done.json()).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { annotations_count: 2, summary: '1 finding' } });

    await seeded.api(`/repos/${REPO}/check-runs`, { method: 'POST', body: { name: 'Design review', head_sha: sha, conclusion: 'success' } });
    const listed = (await (await seeded.api(`/repos/${REPO}/commits/${sha}/check-runs?check_name=Design%20review`)).json()) as {
      total_count: number;
      check_runs: { conclusion: string }[];
    };
    expect(listed.total_count).toBe(1);
    expect(listed.check_runs[0]!.conclusion).toBe('success');
    const byBranch = (await (await seeded.api(`/repos/${REPO}/commits/adr/check-runs?filter=all`)).json()) as { total_count: number };
    expect(byBranch.total_count).toBe(2);
    expect(seeded.double.violations).toEqual([]);
  });

  it('rejects completing without a conclusion and unknown head shas', async () => {
    expect((await seeded.api(`/repos/${REPO}/check-runs`, { method: 'POST', body: { name: 'x', head_sha: sha, status: 'completed' } })).status).toBe(422);
    expect((await seeded.api(`/repos/${REPO}/check-runs`, { method: 'POST', body: { name: 'x', head_sha: 'f'.repeat(40) } })).status).toBe(422);
  });
});
