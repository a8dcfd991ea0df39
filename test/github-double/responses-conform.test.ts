import { afterAll, describe, expect, it } from 'vitest';
import { matchRoute } from './openapi-router.js';
import { responseProblems } from './openapi-validation.js';
import type { GitHubDouble } from './server.js';
import { fakeAppJwt, INSTALLATION_ID, REPO, startSeededDouble } from './test-fixture.js';

// Drives every implemented operation once and checks the double's own answers against the
// response schemas of the description, so apps typed against Octokit see real shapes.
describe('responses conform to the OpenAPI response schemas', () => {
  let double: GitHubDouble | undefined;
  afterAll(() => double?.close());

  it('for every implemented operation', async () => {
    const seeded = await startSeededDouble();
    double = seeded.double;
    const { api, double: d } = seeded;
    const state = d.state;
    const pull = state.seedPullRequest(REPO, { number: 3, branch: 'adr', changes: { 'docs/adr/0003.md': '# 3\n\nctx\n' } });
    state.setPermission(REPO, 'alice', 'write');
    const jwt = { authorization: `Bearer ${fakeAppJwt(1)}` };

    await api('/app', { headers: jwt });
    await api(`/app/installations/${INSTALLATION_ID}`, { headers: jwt });
    await api(`/repos/${REPO}/installation`, { headers: jwt });
    await api(`/app/installations/${INSTALLATION_ID}/access_tokens`, { method: 'POST', headers: jwt, body: { repositories: ['decisions'] } });
    await api(`/repos/${REPO}`);
    await api(`/repos/${REPO}/contents/docs/adr/0001-use-postgres.md`);
    await api(`/repos/${REPO}/contents/docs/adr`);
    await api(`/repos/${REPO}/git/trees/main?recursive=1`);
    const file = state.objects.lookup(pull.head.sha, 'docs/adr/0003.md')!;
    await api(`/repos/${REPO}/git/blobs/${file.sha}`);
    await api(`/repos/${REPO}/git/ref/heads/main`);
    await api(`/repos/${REPO}/git/refs`, { method: 'POST', body: { ref: 'refs/heads/new', sha: pull.head.sha } });
    await api(`/repos/${REPO}/contents/docs/adr/0004.md`, { method: 'PUT', body: { message: 'm', content: 'IyA0Cg==', branch: 'new' } });
    await api(`/repos/${REPO}/pulls/3`);
    await api(`/repos/${REPO}/pulls?state=open`);
    await api(`/repos/${REPO}/pulls/3/files`);
    await api(`/repos/${REPO}/pulls`, { method: 'POST', body: { title: 't', head: 'new', base: 'main' } });
    await api(`/repos/${REPO}/pulls/3/reviews`, { method: 'POST', body: { event: 'COMMENT', body: 'b', comments: [{ path: 'docs/adr/0003.md', line: 1, body: 'c' }] } });
    await api(`/repos/${REPO}/pulls/3/reviews`);
    const reviewComment = (await (await api(`/repos/${REPO}/pulls/3/comments`)).json()) as { id: number }[];
    await api(`/repos/${REPO}/pulls/comments/${reviewComment[0]!.id}`, { method: 'DELETE' });
    const run = (await (await api(`/repos/${REPO}/check-runs`, { method: 'POST', body: { name: 'n', head_sha: pull.head.sha } })).json()) as { id: number };
    await api(`/repos/${REPO}/check-runs/${run.id}`, { method: 'PATCH', body: { conclusion: 'success', output: { title: 't', summary: 's' } } });
    await api(`/repos/${REPO}/check-runs/${run.id}`);
    await api(`/repos/${REPO}/commits/${pull.head.sha}/check-runs`);
    const comment = (await (await api(`/repos/${REPO}/issues/3/comments`, { method: 'POST', body: { body: 'hi' } })).json()) as { id: number };
    await api(`/repos/${REPO}/issues/3/comments`);
    await api(`/repos/${REPO}/issues/comments/${comment.id}`);
    await api(`/repos/${REPO}/issues/comments/${comment.id}`, { method: 'PATCH', body: { body: 'v2' } });
    await api(`/repos/${REPO}/issues/comments/${comment.id}/reactions`, { method: 'POST', body: { content: 'eyes' } });
    await api(`/repos/${REPO}/issues/3/reactions`, { method: 'POST', body: { content: '+1' } });
    await api(`/repos/${REPO}/issues/comments/${comment.id}`, { method: 'DELETE' });
    await api(`/repos/${REPO}/issues`, { method: 'POST', body: { title: 'Revisit', labels: ['adr'] } });
    await api(`/repos/${REPO}/issues?labels=adr&state=all`);
    await api(`/repos/${REPO}/issues/3`);
    await api(`/repos/${REPO}/issues/3`, { method: 'PATCH', body: { state: 'closed' } });
    await api(`/repos/${REPO}/issues/3/labels`, { method: 'POST', body: { labels: ['x'] } });
    await api(`/repos/${REPO}/collaborators/alice/permission`);

    const problems: string[] = [];
    let checked = 0;
    for (const request of d.requests) {
      expect(request.status, `${request.method} ${request.path}`).toBeLessThan(300);
      const routed = matchRoute(request.method, request.path);
      if (routed.kind !== 'matched') throw new Error(`unrouted ${request.path}`);
      const found = responseProblems(routed.match.operation, request.status, request.response);
      if (found !== undefined) checked += 1;
      for (const p of found ?? []) problems.push(`${request.operationId} ${request.status}: ${p}`);
    }
    expect(d.violations).toEqual([]);
    expect(problems).toEqual([]);
    // Everything but the two 204 deletes has a JSON response schema to check against.
    expect(checked).toBe(d.requests.length - 2);
  });
});
