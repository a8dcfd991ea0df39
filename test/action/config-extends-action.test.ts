// The built Action (dist/action/main.js) refuses an `_extends` of another repository as the App
// does: action_required, exit 1, nothing of that repository requested or shown. Plus the
// CONFIG_EXTENDS_ALLOW setting it reads from the workflow's env.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReviewSettings, ActionInputError } from '../../src/action/action-settings.js';
import { buildDelivery, pullRequestPatch, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { POSTGRES_CLEAN } from '../e2e/review-fixtures.js';
import { commands, runAction } from './action-process.js';

const INSTALLATION = 7;
const OWNER = 'acme';

let github: GitHubDouble;

beforeAll(async () => {
  github = await startGitHubDouble({ app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions', owner: 'github' } });
  github.state.addInstallation({ id: INSTALLATION, account: OWNER });
});

afterAll(async () => {
  await github?.close();
});

describe('the Action and `_extends`', () => {
  it('refuses a private repository of the same owner: action_required, exit 1, no request for it, no key shown', async () => {
    github.state.addRepo({ owner: OWNER, name: 'infra-secrets', installationId: INSTALLATION, private: true, files: { 'deploy/prod.yml': 'database_password: x\napi_key: y\n' } });
    github.state.addRepo({ owner: OWNER, name: 'service', installationId: INSTALLATION, files: { '.github/design-review.yml': '_extends: infra-secrets:deploy/prod.yml\n' } });
    github.state.seedPullRequest(`${OWNER}/service`, { number: 1, branch: 'adr', changes: { 'docs/adr/0001-use-postgresql.md': POSTGRES_CLEAN } });
    const payload = buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, `${OWNER}/service`, 1)).payload;

    const result = await runAction(github, { eventName: 'pull_request', payload, token: github.issueToken(INSTALLATION), repository: `${OWNER}/service` });

    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.outputs).toMatchObject({ conclusion: 'action_required', outcome: 'invalid-config' });
    expect(result.outputs['summary']).toContain('names acme/infra-secrets, a repository this App does not read configuration from');
    expect(result.outputs['summary']).toContain('CONFIG_EXTENDS_ALLOW');
    const everything = `${result.stdout}${result.stderr}${result.summary}${JSON.stringify([...github.state.checkRuns.values()])}`;
    expect(everything).not.toMatch(/database_password|api_key/);
    expect(commands(result, 'warning').join('\n')).toContain('_extends');
    expect(github.requests.filter((r) => r.path.includes('/repos/acme/infra-secrets/'))).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  it('reads CONFIG_EXTENDS_ALLOW from the workflow env, and stops on a bad entry', () => {
    const env = { INPUT_GITHUB_TOKEN: 't', CONFIG_EXTENDS_ALLOW: 'acme/policies, shared/*' };
    expect(readReviewSettings(env).extendsAllow).toEqual({ repos: ['acme/policies'], owners: ['shared'] });
    expect(readReviewSettings({ INPUT_GITHUB_TOKEN: 't' }).extendsAllow).toEqual({ repos: [], owners: [] });
    expect(() => readReviewSettings({ ...env, CONFIG_EXTENDS_ALLOW: 'policies' })).toThrow(ActionInputError);
    expect(() => readReviewSettings({ ...env, CONFIG_EXTENDS_ALLOW: 'policies' })).toThrow(/CONFIG_EXTENDS_ALLOW: "policies" is not owner\/repo or owner\/\*/);
  });
});
