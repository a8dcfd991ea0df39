import { generateKeyPairSync } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInstallationOctokit } from '../../src/github/token-octokit.js';
import { startGitHubDouble, type GitHubDouble } from '../github-double/index.js';

// The CLI's App-mode client must outlive one installation token (an hour): the double expires them.
describe('createInstallationOctokit', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    vi.useRealTimers();
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('requests a new installation token when the first one expired, where a token passed once gets 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-06-15T06:00:00Z');
    vi.setSystemTime(start);
    double = await startGitHubDouble();
    double.state.addInstallation({ id: 42, account: 'acme' });
    double.state.addRepo({ owner: 'acme', name: 'decisions', files: { 'README.md': '# Decisions\n' } });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const quiet = { warn: () => undefined, request: () => undefined };
    const gh = createInstallationOctokit({ app: { appId: double.state.app.id, privateKey, installationId: 42 }, baseUrl: double.url, userAgent: 'test', log: quiet });

    const { token } = (await gh.auth({ type: 'installation' })) as { token: string };
    expect((await gh.rest.repos.get({ owner: 'acme', repo: 'decisions' })).status).toBe(200);
    expect(double.requestsFor('apps/create-installation-access-token')).toHaveLength(1);

    vi.setSystemTime(new Date(start.getTime() + 61 * 60_000));
    const fixed = new Octokit({ auth: token, baseUrl: double.url, log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } });
    await expect(fixed.rest.repos.get({ owner: 'acme', repo: 'decisions' })).rejects.toMatchObject({ status: 401 });
    expect((await gh.rest.repos.get({ owner: 'acme', repo: 'decisions' })).status).toBe(200);
    expect(double.requestsFor('apps/create-installation-access-token')).toHaveLength(2);
  });
});
