// readRepoConfig against Probot's own Context.config, both on the GitHub double, for the
// cases Probot handles and the `_extends` rule allows: no file, a plain file, `_extends` from the
// org's `.github` repository and from a repository the operator allows (nested objects merged,
// arrays concatenated). Then what the rule refuses, and errors that never quote another repository.
import { Context, ProbotOctokit } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { parseExtendsAllow } from '../../src/config/extends-allow.js';
import { checkRepoConfig, deepMerge, loadRepoConfig, readRepoConfig } from '../../src/github/repo-config.js';
import { startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { recordingLogger } from '../helpers/recording-logger.js';

const CONFIG = '.github/design-review.yml';
const SECRET_FILE = 'database_password: x\napi_key: y\n';

let github: GitHubDouble;
let octokit: InstanceType<typeof ProbotOctokit>;

beforeAll(async () => {
  github = await startGitHubDouble();
  github.state.addInstallation({ id: 42, account: 'acme' });
  const repo = (name: string, files: Record<string, string>, options: { private?: boolean } = {}) =>
    github.state.addRepo({ owner: 'acme', name, installationId: 42, private: options.private ?? false, files: { 'README.md': '# x\n', ...files } });
  repo('none', {});
  repo('plain', { [CONFIG]: 'rules:\n  adr-status: error\nstatuses: [proposed, accepted]\n' });
  repo('shared', { [CONFIG]: 'rules:\n  adr-date: off\n  adr-status: warn\nstatuses: [draft]\nreview:\n  drafts: false\n' });
  repo('extends-repo', { [CONFIG]: '_extends: shared\nrules:\n  adr-status: error\nstatuses: [accepted]\n' });
  repo('.github', { [CONFIG]: 'checks:\n  onWarning: success\n', 'broken.yml': `rules:\n  adr-status: error\n${SECRET_FILE}`, 'bad-yaml.yml': 'database_password: [x\n', 'chain.yml': '_extends: infra-secrets:deploy/prod.yml\n' });
  repo('extends-org', { [CONFIG]: '_extends: .github\nchecks:\n  onError: neutral\n' });
  repo('infra-secrets', { 'deploy/prod.yml': SECRET_FILE }, { private: true });
  repo('leaky', { [CONFIG]: 'rules:\n  adr-status: error\n_extends: infra-secrets:deploy/prod.yml\n' });
  repo('leaky-owner', { [CONFIG]: '_extends: other-org/.github\n' });
  repo('org-broken', { [CONFIG]: 'checks:\n  onError: neutral\n_extends: .github:broken.yml\n' });
  repo('org-bad-yaml', { [CONFIG]: '_extends: .github:bad-yaml.yml\n' });
  repo('org-chain', { [CONFIG]: '_extends: .github:chain.yml\n' });
  repo('self', { [CONFIG]: '_extends: self:.github/base.yml\nrules:\n  adr-status: error\n', '.github/base.yml': 'statuses: [draft]\nrulez: {}\n' });
  repo('loop', { [CONFIG]: '_extends: loop:.github/b.yml\n', '.github/b.yml': '_extends: loop\n' });
  repo('traversal', { [CONFIG]: '_extends: traversal:../../infra-secrets/contents/deploy/prod.yml\n' });
  repo('own-typo', { [CONFIG]: 'checks:\n  onError: neutral\n\nreview:\n  drafs: true\n' });
  octokit = new ProbotOctokit({ auth: { token: github.issueToken(42) }, baseUrl: github.url });
  github.state.addInstallation({ id: 43, account: 'solo' });
  github.state.addRepo({ owner: 'solo', name: 'bare', installationId: 43, files: { 'README.md': '# bare\n' } });
  github.state.addInstallation({ id: 44, account: 'orgdefault' });
  github.state.addRepo({ owner: 'orgdefault', name: '.github', installationId: 44, private: true, files: { [CONFIG]: `checks:\n  onError: neutral\n${SECRET_FILE}` } });
  github.state.addRepo({ owner: 'orgdefault', name: 'service', installationId: 44, files: { 'README.md': '# service\n' } });
});

afterAll(async () => {
  expect(github.violations).toEqual([]);
  await github?.close();
});

/** What Probot's `context.config('design-review.yml')` returns for acme/<name>. */
function probotConfig(name: string): Promise<unknown> {
  const event = { id: 'delivery-1', name: 'pull_request', payload: { repository: { name, owner: { login: 'acme' } } } };
  const context = new Context(event as unknown as ConstructorParameters<typeof Context>[0], octokit, recordingLogger());
  return context.config('design-review.yml');
}

const read = (repo: string, allow?: string, client = octokit, owner = 'acme') =>
  readRepoConfig(client, { owner, repo, path: CONFIG }, allow === undefined ? {} : { extendsAllow: parseExtendsAllow(allow).allow });

/** The ConfigError `promise` rejects with. */
async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ConfigError) return error;
  throw new Error(`expected a ConfigError, got ${String(error)}`);
}

/** Requests the double saw for acme/<repo> from the `seq`-th on. */
function requestsFor(repo: string, afterSeq: number) {
  return github.requests.filter((r) => r.seq > afterSeq && r.path.toLowerCase().includes(`/repos/acme/${repo}/`));
}

const lastSeq = () => github.requests.at(-1)?.seq ?? 0;

describe('readRepoConfig', () => {
  it.each([
    ['none', undefined],
    ['plain', undefined],
    ['extends-org', undefined],
    ['extends-repo', 'acme/shared'],
    ['extends-repo', 'acme/*'],
  ])('reads acme/%s exactly as Probot does (CONFIG_EXTENDS_ALLOW=%s)', async (name, allow) => {
    expect(await read(name, allow)).toEqual(await probotConfig(name));
  });

  it('returns null without a file, falls back to the org .github repository, and merges _extends with the repository winning', async () => {
    const solo = new ProbotOctokit({ auth: { token: github.issueToken(43) }, baseUrl: github.url });
    expect(await read('bare', undefined, solo, 'solo')).toBeNull();
    expect(await read('none')).toEqual({ checks: { onWarning: 'success' } });
    expect(await read('extends-repo', 'acme/shared')).toEqual({
      rules: { 'adr-date': 'off', 'adr-status': 'error' },
      statuses: ['draft', 'accepted'],
      review: { drafts: false },
    });
  });

  it('refuses another repository of the installation without requesting it, naming what is allowed', async () => {
    const before = lastSeq();
    const error = await configError(read('leaky'));
    expect(requestsFor('infra-secrets', before)).toEqual([]);
    expect(error).toMatchObject({ file: CONFIG, key: '_extends', line: 3 });
    expect(error.message).toMatch(/^\.github\/design-review\.yml:3: `_extends`: `_extends: infra-secrets:deploy\/prod\.yml` names acme\/infra-secrets, a repository this App does not read configuration from/);
    expect(error.message).toContain('acme/.github');
    expect(error.message).toContain('CONFIG_EXTENDS_ALLOW');
    expect(error.message).not.toMatch(/database_password|api_key/);
    // Another owner's `.github` is another repository too.
    await expect(read('leaky-owner')).rejects.toThrow(/names other-org\/\.github, a repository this App does not read/);
  });

  it('reads a repository the operator allows, and does not quote it either', async () => {
    const before = lastSeq();
    const error = await configError(read('leaky', 'acme/infra-secrets'));
    expect(requestsFor('infra-secrets', before)).toHaveLength(1);
    expect(error).toMatchObject({ file: CONFIG, key: '_extends', line: 3 });
    expect(error.message).toContain('the extended file acme/infra-secrets:deploy/prod.yml is not a valid design-review config');
    expect(error.message).not.toMatch(/database_password|api_key/);
  });

  it('never quotes an extended file of another repository, nor its lines: it names the file and where to look', async () => {
    const error = await configError(read('org-broken'));
    expect(error).toMatchObject({ file: CONFIG, key: '_extends', line: 3 });
    expect(error.message).toBe(
      '.github/design-review.yml:3: `_extends`: the extended file acme/.github:broken.yml is not a valid design-review config. ' +
        'Its content is not shown here because it belongs to another repository: check it in acme/.github ' +
        '(`npx design-review check --config broken.yml` there names the key and the line), or change `_extends`.',
    );
    const yaml = await configError(read('org-bad-yaml'));
    expect(yaml.message).toMatch(/^\.github\/design-review\.yml:1: `_extends`: the extended file acme\/\.github:bad-yaml\.yml is not a YAML mapping of keys\. /);
    expect(yaml.message).not.toMatch(/database_password|line 1\b|column/);
  });

  it('checks every `_extends` of the chain, and says nothing of one in another repository', async () => {
    const before = lastSeq();
    const error = await configError(read('org-chain'));
    expect(requestsFor('infra-secrets', before)).toEqual([]);
    expect(error.message).toMatch(/^\.github\/design-review\.yml:1: `_extends`: the extended file acme\/\.github:chain\.yml has an `_extends` that cannot be followed: it names a repository this App does not read configuration from/);
    expect(error.message).not.toContain('infra-secrets');
  });

  it('names the owner\'s default config when it stands in for a missing one, without quoting it', async () => {
    const client = new ProbotOctokit({ auth: { token: github.issueToken(44) }, baseUrl: github.url });
    const error = await configError(read('service', undefined, client, 'orgdefault'));
    expect(error.file).toBe('orgdefault/.github:.github/design-review.yml');
    expect(error.line).toBeUndefined();
    expect(error.message).toMatch(/read because this repository has no \.github\/design-review\.yml, is not a valid design-review config/);
    expect(error.message).toContain('or add .github/design-review.yml to this repository');
    expect(error.message).not.toMatch(/database_password|api_key/);
  });

  it('quotes the repository\'s own files with their own lines, extended ones included', async () => {
    const typo = await configError(read('own-typo'));
    expect(typo).toMatchObject({ file: CONFIG, key: 'review.drafs', line: 5 });
    const self = await configError(read('self'));
    expect(self).toMatchObject({ file: '.github/base.yml', key: 'rulez', line: 2 });
    expect(self.message).toMatch(/^\.github\/base\.yml:2: `rulez`: unknown key/);
  });

  it('refuses loops and paths that leave the repository, before any request', async () => {
    await expect(read('loop')).rejects.toThrow(/^\.github\/b\.yml:1: `_extends`: `_extends: loop` names a file already read/);
    const before = lastSeq();
    await expect(read('traversal')).rejects.toThrow(/is not a path to a \.yml or \.yaml file inside the repository/);
    expect(requestsFor('traversal', before).map((r) => r.path)).toEqual([expect.stringMatching(/\/contents\/\.github%2Fdesign-review\.yml$/)]);
  });
});

describe('loadRepoConfig, the loader of every GitHub surface', () => {
  const load = (repo: string, client = octokit, owner = 'acme') => loadRepoConfig(client, { owner, repo, path: CONFIG });

  it('gives the validated config with its defaults and the merged file it came from', async () => {
    const loaded = await load('plain');
    if (!('config' in loaded)) throw new Error(`expected a config, got ${loaded.problem.message}`);
    expect(loaded.raw).toEqual(await read('plain'));
    expect(loaded.config.rules['adr-status']).toBe('error');
    expect(loaded.config.statuses).toEqual(['proposed', 'accepted']);
    // A key the file leaves out has its default.
    expect(loaded.config.review.drafts).toBe(true);
  });

  it('gives the defaults for a repository without a file (raw: null)', async () => {
    const solo = new ProbotOctokit({ auth: { token: github.issueToken(43) }, baseUrl: github.url });
    const loaded = await load('bare', solo, 'solo');
    expect(loaded).toEqual(checkRepoConfig(null, CONFIG));
    expect(loaded).toMatchObject({ raw: null });
  });

  it('returns what is wrong, as the error readRepoConfig throws, rather than throwing: a bad key, YAML that does not parse, a refused _extends', async () => {
    for (const name of ['own-typo', 'org-bad-yaml', 'leaky']) {
      const loaded = await load(name);
      const thrown = await configError(read(name));
      expect(loaded, name).toEqual({ problem: thrown });
      expect('problem' in loaded && loaded.problem instanceof ConfigError).toBe(true);
    }
  });

  it('throws what is not about the config: GitHub refusing the request', async () => {
    const stranger = new ProbotOctokit({ auth: { token: 'not-a-token' }, baseUrl: github.url, retry: { enabled: false } });
    await expect(load('plain', stranger)).rejects.toMatchObject({ status: 401 });
  });
});

describe('checkRepoConfig', () => {
  it('validates a config kept from an earlier read, and says what is wrong as a value', () => {
    expect(checkRepoConfig({ statuses: ['draft'] }, CONFIG)).toMatchObject({ config: { statuses: ['draft'] }, raw: { statuses: ['draft'] } });
    const bad = checkRepoConfig({ rulez: {} }, CONFIG);
    expect('problem' in bad && bad.problem.message).toMatch(/^\.github\/design-review\.yml: `rulez`: unknown key/);
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
