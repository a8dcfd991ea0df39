import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { primaryRateLimit, secondaryRateLimit } from './fault-injection.js';
import { REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

describe('failNext', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
  });
  afterAll(() => seeded.double.close());

  it('answers 502 once for a template, then serves the retry', async () => {
    seeded.double.failNext({ method: 'GET', path: '/repos/{owner}/{repo}/contents/{path}', status: 502 });
    const first = await seeded.api(`/repos/${REPO}/contents/README.md`);
    expect(first.status).toBe(502);
    expect(await first.json()).toEqual({ message: 'Server Error' });
    const retry = await seeded.api(`/repos/${REPO}/contents/README.md`);
    expect(retry.status).toBe(200);
    const recorded = seeded.double.requestsFor('repos/get-content');
    expect(recorded.map((r) => [r.status, r.injectedFault])).toEqual([
      [502, true],
      [200, false],
    ]);
    expect(seeded.double.pendingFaults()).toEqual([]);
  });

  it('answers a secondary rate limit: 403, retry-after and the documented message', async () => {
    seeded.double.failNext(secondaryRateLimit({ method: 'POST', path: /\/issues\/\d+\/comments$/, retryAfterSeconds: 1 }));
    seeded.double.state.addIssue(REPO, { title: 'Reminder', number: 40 });
    const limited = await seeded.api(`/repos/${REPO}/issues/40/comments`, { method: 'POST', body: { body: 'hello' } });
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as { message: string }).message).toMatch(/^You have exceeded a secondary rate limit/);
    expect(seeded.double.state.commentsOn(REPO, 40)).toHaveLength(0);
    const retry = await seeded.api(`/repos/${REPO}/issues/40/comments`, { method: 'POST', body: { body: 'hello' } });
    expect(retry.status).toBe(201);
    // Both attempts carried the same body: what an idempotency assertion compares.
    const bodies = seeded.double.requestsFor('issues/create-comment').map((r) => r.body);
    expect(bodies).toEqual([{ body: 'hello' }, { body: 'hello' }]);
  });

  it('fills in GitHub bodies from the status and headers, and honours `times`', async () => {
    seeded.double.failNext({ operationId: 'repos/get', status: 429, headers: { 'retry-after': '2' }, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await seeded.api(`/repos/${REPO}`)).status);
    expect(statuses).toEqual([429, 429, 200]);

    seeded.double.failNext(primaryRateLimit({ resetEpochSeconds: 1_700_000_000, installationId: 42, path: `/repos/${REPO}` }));
    const primary = await seeded.api(`/repos/${REPO}`);
    expect(primary.status).toBe(403);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await primary.json()) as { message: string }).message).toBe('API rate limit exceeded for installation ID 42.');
  });

  it('still validates the request a fault answers', async () => {
    seeded.double.failNext({ status: 502 });
    const response = await seeded.api(`/repos/${REPO}/check-runs`, { method: 'POST', body: { name: 'x' } });
    expect(response.status).toBe(422);
    expect(seeded.double.violations.at(-1)).toMatchObject({ kind: 'request-body', operationId: 'checks/create' });
    expect(seeded.double.pendingFaults()).toHaveLength(1);
    expect((await seeded.api(`/repos/${REPO}`)).status).toBe(502);
  });
});
