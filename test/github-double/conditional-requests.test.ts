import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubDouble } from './index.js';
import { startSeededDouble, type SeededDouble } from './test-fixture.js';

describe('github-double: conditional requests, installation repositories, issue assignees and issues turned off', () => {
  let seeded: SeededDouble;
  let double: GitHubDouble;
  afterEach(async () => {
    await double.close();
  });

  it('sends an ETag on 200 GETs and answers 304 with an empty body when If-None-Match names it', async () => {
    seeded = await startSeededDouble();
    double = seeded.double;
    const first = await seeded.api('/repos/acme/decisions/git/ref/heads/main');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]{32}"$/);
    const again = await seeded.api('/repos/acme/decisions/git/ref/heads/main', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // The strong form of the same tag and `*` match too (weak comparison); a stale tag does not.
    expect((await seeded.api('/repos/acme/decisions/git/ref/heads/main', { headers: { 'if-none-match': etag!.slice(2) } })).status).toBe(304);
    expect((await seeded.api('/repos/acme/decisions/git/ref/heads/main', { headers: { 'if-none-match': '*' } })).status).toBe(304);
    double.state.commit('acme/decisions', { files: { 'x.md': 'x' } });
    const moved = await seeded.api('/repos/acme/decisions/git/ref/heads/main', { headers: { 'if-none-match': etag! } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    expect(double.requests.map((r) => r.status)).toEqual([200, 304, 304, 304, 200]);
    expect(double.violations).toEqual([]);
  });

  it('sends no ETag on errors and writes', async () => {
    seeded = await startSeededDouble();
    double = seeded.double;
    expect((await seeded.api('/repos/acme/decisions/git/ref/heads/nope')).headers.get('etag')).toBeNull();
    const created = await seeded.api('/repos/acme/decisions/issues', { method: 'POST', body: { title: 'x' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBeNull();
  });

  it('lists the repositories the installation token sees, paginated inside an object', async () => {
    seeded = await startSeededDouble();
    double = seeded.double;
    for (let i = 0; i < 3; i++) double.state.addRepo({ owner: 'acme', name: `r${i}` });
    double.state.addInstallation({ id: 7, account: 'other' });
    double.state.addRepo({ owner: 'other', name: 'hidden' });
    const page = await seeded.api('/installation/repositories?per_page=3');
    const body = (await page.json()) as { total_count: number; repositories: { full_name: string }[] };
    expect(body.total_count).toBe(4);
    expect(body.repositories.map((r) => r.full_name)).toEqual(['acme/decisions', 'acme/r0', 'acme/r1']);
    expect(page.headers.get('link')).toContain('rel="next"');
    expect(double.violations).toEqual([]);
  });

  it('refuses an assignee without access with 422, assigns one with access', async () => {
    seeded = await startSeededDouble();
    double = seeded.double;
    double.state.setPermission('acme/decisions', 'alice', 'triage');
    const refused = await seeded.api('/repos/acme/decisions/issues', { method: 'POST', body: { title: 't', assignees: ['alice', 'mallory'] } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ message: 'Validation Failed', errors: [{ value: 'mallory', field: 'assignees', code: 'invalid' }] });
    const ok = await seeded.api('/repos/acme/decisions/issues', { method: 'POST', body: { title: 't', assignees: ['alice'] } });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ assignee: { login: 'alice' }, assignees: [{ login: 'alice' }] });
  });

  it('answers 410 for issues of a repository with issues turned off, and reports has_issues: false', async () => {
    seeded = await startSeededDouble();
    double = seeded.double;
    double.state.addRepo({ owner: 'acme', name: 'quiet', hasIssues: false });
    expect(await (await seeded.api('/repos/acme/quiet')).json()).toMatchObject({ has_issues: false });
    expect((await seeded.api('/repos/acme/quiet/issues')).status).toBe(410);
    expect((await seeded.api('/repos/acme/quiet/issues', { method: 'POST', body: { title: 'x' } })).status).toBe(410);
  });

  it('lets `after` matching requests through before a scripted fault', async () => {
    seeded = await startSeededDouble();
    double = seeded.double;
    double.failNext({ operationId: 'issues/create', status: 502, after: 1 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await seeded.api('/repos/acme/decisions/issues', { method: 'POST', body: { title: `t${i}` } })).status);
    expect(statuses).toEqual([201, 502, 201]);
  });
});
