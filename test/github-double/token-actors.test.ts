// Tokens that write as another account than the app's bot: a workflow's GITHUB_TOKEN
// (github-actions[bot]), a personal token (a user). Writes carry that author, GraphQL `viewer`
// names it, and requests are still checked against GitHub's OpenAPI description.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLATION_ID, REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

describe('tokens that act as another account', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
  });
  afterAll(() => seeded.double.close());

  const call = (token: string, path: string, body?: unknown) =>
    fetch(`${seeded.double.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('writes issues and comments as the account, and GraphQL viewer names it; the default token stays the app bot', async () => {
    const cases: [string, string | undefined, string, string][] = [
      ['actions', 'github-actions[bot]', 'github-actions[bot]', 'Bot'],
      ['person', 'ops-olga', 'ops-olga', 'User'],
      ['app', undefined, 'design-review[bot]', 'Bot'],
    ];
    for (const [title, as, login, type] of cases) {
      const token = as === undefined ? seeded.token : seeded.double.issueToken(INSTALLATION_ID, { as });
      const created = await call(token, `/repos/${REPO}/issues`, { title, labels: ['adr-revisit'] });
      expect(created.status).toBe(201);
      const issue = (await created.json()) as { number: number; user: { login: string; type: string } };
      expect(issue.user).toMatchObject({ login, type });
      const comment = (await (await call(token, `/repos/${REPO}/issues/${issue.number}/comments`, { body: 'hi' })).json()) as { user: { login: string } };
      expect(comment.user.login).toBe(login);
      const viewer = (await (await call(token, '/graphql', { query: 'query { viewer { login } }' })).json()) as { data: { viewer: { login: string } } };
      expect(viewer.data.viewer.login).toBe(login);
      const listed = (await (await call(token, `/repos/${REPO}/issues?creator=${encodeURIComponent(login)}&state=all`)).json()) as { number: number }[];
      expect(listed.map((i) => i.number)).toEqual([issue.number]);
    }
    expect(seeded.double.violations).toEqual([]);
  });

  it('still refuses a request GitHub would refuse', async () => {
    const token = seeded.double.issueToken(INSTALLATION_ID, { as: 'github-actions[bot]' });
    const response = await call(token, `/repos/${REPO}/issues`, { labels: ['no title'] });
    expect(response.status).toBe(422);
    expect(seeded.double.violations.map((v) => v.kind)).toEqual(['request-body']);
    seeded.double.violations.length = 0;
  });
});
