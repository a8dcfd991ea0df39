import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeAppJwt, INSTALLATION_ID, REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

describe('app authentication', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
    seeded.double.state.addInstallation({ id: 77, account: 'elsewhere' });
    seeded.double.state.addRepo({ owner: 'elsewhere', name: 'notes' });
  });
  afterAll(() => seeded.double.close());

  const asApp = (path: string, method = 'GET', jwt = fakeAppJwt(1)): Promise<Response> =>
    fetch(`${seeded.double.url}${path}`, { method, headers: { authorization: `Bearer ${jwt}`, accept: 'application/vnd.github+json' } });

  it('goes from the App JWT to an installation token to a repository call', async () => {
    const app = (await (await asApp('/app')).json()) as { slug: string; id: number };
    expect(app).toMatchObject({ slug: 'design-review', id: 1 });
    const installation = (await (await asApp(`/repos/${REPO}/installation`)).json()) as { id: number; account: { login: string } };
    expect(installation).toMatchObject({ id: INSTALLATION_ID, account: { login: 'acme' } });

    const minted = await asApp(`/api/v3/app/installations/${INSTALLATION_ID}/access_tokens`, 'POST');
    expect(minted.status).toBe(201);
    const { token, expires_at } = (await minted.json()) as { token: string; expires_at: string };
    expect(token).toMatch(/^ghs_/);
    expect(Date.parse(expires_at)).toBeGreaterThan(Date.now());
    const repo = await fetch(`${seeded.double.url}/repos/${REPO}`, { headers: { authorization: `token ${token}` } });
    expect(repo.status).toBe(200);
    expect(seeded.double.requests.at(-1)).toMatchObject({ auth: 'installation-token', headers: { authorization: 'token [redacted]' } });
  });

  it('refuses missing, unknown and misplaced credentials', async () => {
    expect((await fetch(`${seeded.double.url}/app`)).status).toBe(401);
    expect((await asApp('/app', 'GET', 'not-a-jwt')).status).toBe(401);
    expect((await asApp('/app', 'GET', fakeAppJwt(999))).status).toBe(401);
    expect((await asApp(`/repos/${REPO}`)).status).toBe(401);
    expect((await fetch(`${seeded.double.url}/repos/${REPO}`, { headers: { authorization: 'token ghs_unknown' } })).status).toBe(401);
  });

  it('hides repositories of other installations behind 404, like GitHub', async () => {
    expect((await seeded.api('/repos/elsewhere/notes')).status).toBe(404);
  });

  it('archived repositories are read-only', async () => {
    seeded.double.state.repo(REPO).archived = true;
    const response = await seeded.api(`/repos/${REPO}/issues`, { method: 'POST', body: { title: 'x' } });
    seeded.double.state.repo(REPO).archived = false;
    expect(response.status).toBe(403);
  });

  it('can run without auth checks', async () => {
    const open = await startSeededDouble({ auth: 'off' });
    expect((await fetch(`${open.double.url}/repos/${REPO}`)).status).toBe(200);
    await open.double.close();
  });
});
