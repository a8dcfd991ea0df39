import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDelivery, DEFAULT_WEBHOOK_SECRET, deepMerge, sendDelivery, signDelivery } from './deliveries.js';
import { issueCommentPatch, pullRequestPatch } from './delivery-patches.js';
import { GitHubState } from './state.js';

const SECRET = 'webhook-secret';

/** What the app does on receipt: HMAC the raw body and compare in constant time. */
function verify(body: string, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook deliveries', () => {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let url = '';
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(verify(body, req.headers['x-hub-signature-256'] as string | undefined, SECRET) ? 200 : 401).end();
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/github/webhooks`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('picks a real example by action and deep-merges the patch', () => {
    const delivery = buildDelivery('pull_request', 'opened', {
      number: 7,
      installation: { id: 42 },
      pull_request: { number: 7, head: { sha: 'a'.repeat(40) } },
      repository: { name: 'decisions', owner: { login: 'acme' } },
    });
    expect(delivery.name).toBe('pull_request');
    expect(delivery.id).toMatch(/^[0-9a-f-]{36}$/);
    const payload = delivery.payload as any;
    expect(payload).toMatchObject({ action: 'opened', number: 7, installation: { id: 42 } });
    expect(payload.pull_request.head).toMatchObject({ sha: 'a'.repeat(40), ref: expect.any(String) });
    expect(payload.repository.owner.login).toBe('acme');
    expect(JSON.parse(delivery.body)).toEqual(payload);
    expect(delivery.signature).toBe(signDelivery(delivery.body, DEFAULT_WEBHOOK_SECRET));
  });

  it('accepts an index or predicate, and says which actions exist when none match', () => {
    expect(buildDelivery('issue_comment', (p) => p['action'] === 'edited').payload['action']).toBe('edited');
    expect(buildDelivery('push', 0).payload).toHaveProperty('commits');
    expect(() => buildDelivery('pull_request', 'exploded')).toThrow(/actions with examples: .*opened/);
  });

  it('signs with HMAC-SHA256 over the exact body', () => {
    const delivery = buildDelivery('issue_comment', 'created', {}, { secret: SECRET });
    expect(verify(delivery.body, delivery.signature, SECRET)).toBe(true);
    expect(verify(`${delivery.body} `, delivery.signature, SECRET)).toBe(false);
    expect(verify(delivery.body, delivery.signature, 'other')).toBe(false);
  });

  it('sends GitHub headers; a forged signature does not verify; a redelivery repeats id and bytes', async () => {
    const delivery = buildDelivery('pull_request', 'synchronize', { installation: { id: 42 } });
    expect((await sendDelivery(url, delivery, SECRET)).status).toBe(200);
    expect((await sendDelivery(url, delivery, SECRET, { forge: true })).status).toBe(401);
    expect((await sendDelivery(url, delivery, SECRET)).status).toBe(200);
    const [first, forged, again] = received.slice(-3);
    expect(first!.headers).toMatchObject({
      'x-github-event': 'pull_request',
      'x-github-delivery': delivery.id,
      'content-type': 'application/json',
    });
    expect(forged!.headers['x-hub-signature-256']).not.toBe(first!.headers['x-hub-signature-256']);
    expect(again!.body).toBe(first!.body);
    expect(again!.headers['x-github-delivery']).toBe(delivery.id);
  });

  it('builds payload patches from the double state so deliveries and API answers agree', () => {
    const state = new GitHubState();
    state.addInstallation({ id: 42, account: 'acme' });
    state.addRepo({ owner: 'acme', name: 'decisions', files: { 'README.md': 'x\n' } });
    const pull = state.seedPullRequest('acme/decisions', { number: 3, branch: 'adr', changes: { 'docs/adr/0001.md': '# 1\n' } });
    const comment = state.addIssueComment('acme/decisions', 3, { body: '/adr new Use gRPC', user: 'alice' });

    const opened = buildDelivery('pull_request', 'opened', pullRequestPatch(state, 'http://127.0.0.1:1', 'acme/decisions', 3)).payload as any;
    expect(opened).toMatchObject({
      number: 3,
      installation: { id: 42 },
      repository: { full_name: 'acme/decisions' },
      pull_request: { number: 3, head: { sha: pull.head.sha, ref: 'adr' }, base: { sha: pull.base.sha, ref: 'main' } },
    });
    const commented = buildDelivery('issue_comment', 'created', issueCommentPatch(state, 'http://127.0.0.1:1', comment.id)).payload as any;
    expect(commented).toMatchObject({ comment: { id: comment.id, body: '/adr new Use gRPC', user: { login: 'alice', type: 'User' } }, issue: { number: 3 } });
    expect(commented.issue.pull_request).toBeDefined();
  });

  it('deletes keys patched with undefined and replaces arrays', () => {
    expect(deepMerge({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: undefined }, l: [3] })).toEqual({ a: { b: 1 }, l: [3] });
  });
});
