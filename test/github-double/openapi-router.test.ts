import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchRoute, openApiLoadCount } from './openapi-router.js';
import { startGitHubDouble } from './server.js';
import { startSeededDouble, type SeededDouble } from './test-fixture.js';

function routed(method: string, path: string): { operationId: string; params: Record<string, string> } | string {
  const result = matchRoute(method, path);
  return result.kind === 'matched' ? { operationId: result.match.operation.operationId, params: result.match.pathParams } : result.kind;
}

describe('openapi router', () => {
  it('matches concrete paths to templates with decoded parameters', () => {
    expect(routed('GET', '/repos/acme/decisions/pulls/1/files')).toEqual({
      operationId: 'pulls/list-files',
      params: { owner: 'acme', repo: 'decisions', pull_number: '1' },
    });
    expect(routed('POST', '/app/installations/42/access_tokens')).toMatchObject({ operationId: 'apps/create-installation-access-token' });
  });

  it('prefers literal segments over parameters', () => {
    expect(routed('GET', '/user/repos')).toMatchObject({ operationId: 'repos/list-for-authenticated-user' });
    expect(routed('GET', '/user/123')).toMatchObject({ operationId: 'users/get-by-id' });
    expect(routed('PATCH', '/repos/o/r/issues/comments/9')).toMatchObject({ operationId: 'issues/update-comment' });
    expect(routed('GET', '/repos/o/r/issues/9/comments')).toMatchObject({ operationId: 'issues/list-comments' });
  });

  it('lets multi-segment parameters keep their slashes, encoded or not', () => {
    expect(routed('GET', '/repos/o/r/contents/docs/adr/0001.md')).toMatchObject({ params: { path: 'docs/adr/0001.md' } });
    expect(routed('GET', '/repos/o/r/contents/docs%2Fadr%2F0001.md')).toMatchObject({ params: { path: 'docs/adr/0001.md' } });
    expect(routed('GET', '/repos/o/r/git/ref/heads/feature/x')).toMatchObject({ operationId: 'git/get-ref', params: { ref: 'heads/feature/x' } });
    expect(routed('GET', '/repos/o/r/commits/feature/x/check-runs')).toMatchObject({ operationId: 'checks/list-for-ref', params: { ref: 'feature/x' } });
  });

  it('tells unknown paths from unknown methods', () => {
    expect(routed('GET', '/repos/o/r/no-such-thing')).toBe('unknown-path');
    expect(routed('DELETE', '/repos/o/r/pulls/1/files')).toBe('unknown-method');
  });
});

describe('request validation through the double', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
  });
  afterAll(() => seeded.double.close());

  it('accepts the GitHub Enterprise /api/v3 prefix and keeps it in links', async () => {
    const response = await seeded.api('/api/v3/repos/acme/decisions');
    expect(response.status).toBe(200);
    const repo = (await response.json()) as { full_name: string; url: string };
    expect(repo.full_name).toBe('acme/decisions');
    expect(repo.url).toBe(`${seeded.double.url}/api/v3/repos/acme/decisions`);
    expect(seeded.double.requests.at(-1)).toMatchObject({ operationId: 'repos/get', path: '/api/v3/repos/acme/decisions', violations: [] });
  });

  it('answers an unknown route with 404 naming it and records a violation', async () => {
    const response = await seeded.api('/repos/acme/decisions/pulls/1/filez');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toContain('GET /repos/acme/decisions/pulls/1/filez');
    expect(seeded.double.violations.at(-1)).toMatchObject({ kind: 'unknown-path', path: '/repos/acme/decisions/pulls/1/filez' });
  });

  it('flags a check run body with a bad enum or missing required fields (422 like GitHub)', async () => {
    const before = seeded.double.violations.length;
    const sha = seeded.double.state.resolveRef(seeded.double.state.repo('acme/decisions'), 'main')!;
    const maybe = await seeded.api('/repos/acme/decisions/check-runs', { method: 'POST', body: { name: 'design-review', head_sha: sha, conclusion: 'maybe' } });
    expect(maybe.status).toBe(422);
    const missing = await seeded.api('/repos/acme/decisions/check-runs', { method: 'POST', body: { status: 'queued' } });
    expect(missing.status).toBe(422);
    const found = seeded.double.violations.slice(before);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ kind: 'request-body', operationId: 'checks/create' });
    expect(found[0]!.message).toContain('/conclusion must be equal to one of the allowed values');
    expect(found[1]!.message).toMatch(/must have required property 'name'.*must have required property 'head_sha'/);
    expect(seeded.double.state.checkRuns.size).toBe(0);
  });

  it('flags bad and unknown query parameters but still answers', async () => {
    const before = seeded.double.violations.length;
    const response = await seeded.api('/repos/acme/decisions/pulls?state=opened&per_pag=5');
    expect(response.status).toBe(200);
    expect(seeded.double.violations.slice(before).map((v) => v.message)).toEqual([
      'query parameter "state" must be one of open, closed, all, got "opened"',
      'unknown query parameter "per_pag" for pulls/list',
    ]);
  });

  it('treats a non-integer path parameter as 404 with a violation', async () => {
    const response = await seeded.api('/repos/acme/decisions/pulls/abc');
    expect(response.status).toBe(404);
    expect(seeded.double.violations.at(-1)).toMatchObject({ kind: 'path-parameter', operationId: 'pulls/get' });
  });

  it('answers 501 for valid operations it does not implement, without calling them violations', async () => {
    const before = seeded.double.violations.length;
    const response = await seeded.api('/repos/acme/decisions/releases');
    expect(response.status).toBe(501);
    expect(seeded.double.violations.length).toBe(before);
    expect(seeded.double.unhandled.at(-1)).toMatchObject({ operationId: 'repos/list-releases' });
  });

  it('reads the OpenAPI routing description once per process, however many doubles run', async () => {
    const second = await startGitHubDouble();
    await fetch(`${second.url}/app`);
    await second.close();
    expect(openApiLoadCount()).toBe(1);
  });
});
