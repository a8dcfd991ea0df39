// readRepoConfig against Probot's own Context.config, both on the GitHub double, for the
// cases Probot handles: no file, a plain file, `_extends` from another repository and from
// the org's `.github` repository (nested objects merged, arrays concatenated).
import { Context, ProbotOctokit } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepMerge, readRepoConfig } from '../../src/github/repo-config.js';
import { startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { recordingLogger } from '../app/recording-logger.js';

let github: GitHubDouble;
let octokit: InstanceType<typeof ProbotOctokit>;

beforeAll(async () => {
  github = await startGitHubDouble();
  github.state.addInstallation({ id: 42, account: 'acme' });
  const repo = (name: string, files: Record<string, string>) => github.state.addRepo({ owner: 'acme', name, installationId: 42, files: { 'README.md': '# x\n', ...files } });
  repo('none', {});
  repo('plain', { '.github/design-review.yml': 'rules:\n  adr-status: error\nstatuses: [proposed, accepted]\n' });
  repo('shared', { '.github/design-review.yml': 'rules:\n  adr-date: off\n  adr-status: warn\nstatuses: [draft]\nreview:\n  drafts: false\n' });
  repo('extends-repo', { '.github/design-review.yml': '_extends: shared\nrules:\n  adr-status: error\nstatuses: [accepted]\n' });
  repo('.github', { '.github/design-review.yml': 'checks:\n  onWarning: success\n' });
  repo('extends-org', { '.github/design-review.yml': '_extends: .github\nchecks:\n  onError: neutral\n' });
  octokit = new ProbotOctokit({ auth: { token: github.issueToken(42) }, baseUrl: github.url });
  github.state.addInstallation({ id: 43, account: 'solo' });
  github.state.addRepo({ owner: 'solo', name: 'bare', installationId: 43, files: { 'README.md': '# bare\n' } });
});

afterAll(async () => {
  await github?.close();
});

/** What Probot's `context.config('design-review.yml')` returns for acme/<name>. */
function probotConfig(name: string): Promise<unknown> {
  const event = { id: 'delivery-1', name: 'pull_request', payload: { repository: { name, owner: { login: 'acme' } } } };
  const context = new Context(event as unknown as ConstructorParameters<typeof Context>[0], octokit, recordingLogger());
  return context.config('design-review.yml');
}

describe('readRepoConfig', () => {
  it.each(['none', 'plain', 'extends-repo', 'extends-org'])('reads acme/%s exactly as Probot does', async (name) => {
    const ours = await readRepoConfig(octokit, { owner: 'acme', repo: name, path: '.github/design-review.yml' });
    expect(ours).toEqual(await probotConfig(name));
  });

  it('returns null without a file, falls back to the org .github repository, and merges _extends with the repository winning', async () => {
    const solo = new ProbotOctokit({ auth: { token: github.issueToken(43) }, baseUrl: github.url });
    expect(await readRepoConfig(solo, { owner: 'solo', repo: 'bare', path: '.github/design-review.yml' })).toBeNull();
    expect(await readRepoConfig(octokit, { owner: 'acme', repo: 'none', path: '.github/design-review.yml' })).toEqual({ checks: { onWarning: 'success' } });
    expect(await readRepoConfig(octokit, { owner: 'acme', repo: 'extends-repo', path: '.github/design-review.yml' })).toEqual({
      rules: { 'adr-date': 'off', 'adr-status': 'error' },
      statuses: ['draft', 'accepted'],
      review: { drafts: false },
    });
    expect(github.violations).toEqual([]);
  });
});

describe('deepMerge', () => {
  it('merges objects key by key, concatenates arrays and copies rather than shares', () => {
    const base = { a: { b: [1], c: 'x' }, d: 1 };
    const merged = deepMerge(base, { a: { b: [2], e: true }, d: [3] }) as { a: { b: number[] } };
    expect(merged).toEqual({ a: { b: [1, 2], c: 'x', e: true }, d: [3] });
    merged.a.b.push(9);
    expect(base.a.b).toEqual([1]);
  });

  it('never writes to the prototype', () => {
    const merged = deepMerge({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});
