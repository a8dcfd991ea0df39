// End to end, issue 13 item 3: what a repository's `_extends` may make the App read. The built App
// (node dist/main.js) against the GitHub double; the operator allows one other repository
// (CONFIG_EXTENDS_ALLOW), and each scenario has an organization and installation of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFor, startReviewHarness, type ReviewHarness } from './review-harness.js';
import { KAFKA_FLAWED, POSTGRES_CLEAN } from './review-fixtures.js';

const CONFIG = '.github/design-review.yml';
const SECRET_FILE = 'database_password: x\napi_key: y\n';

let harness: ReviewHarness;

beforeAll(async () => {
  harness = await startReviewHarness({ extraEnv: { CONFIG_EXTENDS_ALLOW: 'allowed-org/policies' } });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** An organization `<name>-org` with its own installation, holding `repos`; returns the owner. */
function organization(name: string, repos: Record<string, { files: Record<string, string>; private?: boolean }>): string {
  const { owner, installationId } = harness.installation(name);
  for (const [repo, seed] of Object.entries(repos)) {
    harness.github.state.addRepo({ owner, name: repo, installationId, private: seed.private ?? false, files: { 'README.md': `# ${repo}\n`, ...seed.files } });
  }
  return owner;
}

/** Opens pull request #1 on `<owner>/service` changing `adr`, delivers it and waits for the completed check run. */
async function review(owner: string, adr: string) {
  const repo = `${owner}/service`;
  const pull = harness.github.state.seedPullRequest(repo, { number: 1, branch: 'adr', changes: { 'docs/adr/0002-use-kafka.md': adr } });
  const response = await harness.deliverPullRequest(repo, 1, 'opened');
  expect(response.status).toBe(200);
  return harness.waitFor('completed check run', () => harness.completedRun(repo, pull.head.sha));
}

describe.concurrent('_extends, end to end', () => {
  it('refuses to read a private repository of the same installation: action_required naming what is allowed, no key shown, no request for it', async () => {
    const owner = organization('leak', {
      'infra-secrets': { private: true, files: { 'deploy/prod.yml': SECRET_FILE } },
      service: { files: { [CONFIG]: 'rules:\n  adr-status: error\n_extends: infra-secrets:deploy/prod.yml\n' } },
    });
    const run = await review(owner, POSTGRES_CLEAN);

    expect(run.conclusion).toBe('action_required');
    const shown = `${run.output.title}\n${run.output.summary}`;
    expect(shown).not.toContain('database_password');
    expect(shown).not.toContain('api_key');
    // It names the repository that was refused, what `_extends` may name, and how the operator allows more.
    expect(shown).toContain(`${owner}/infra-secrets`);
    expect(shown).toContain(`${owner}/.github`);
    expect(shown).toContain('CONFIG_EXTENDS_ALLOW');
    expect(shown).toMatch(/line 3/);
    expect(harness.github.requests.filter((r) => isFor(`${owner}/infra-secrets`, r))).toEqual([]);
    expect(harness.github.violations).toEqual([]);
  });

  it('reads the organisation defaults from the same owner\'s .github repository', async () => {
    const owner = organization('orgdefaults', {
      '.github': { private: true, files: { [CONFIG]: 'rules:\n  adr-status: error\n' } },
      service: { files: { [CONFIG]: '_extends: .github\n' } },
    });
    const run = await review(owner, KAFKA_FLAWED);
    // adr-status: error comes only from the organisation's file.
    expect(run.conclusion).toBe('failure');
    expect(run.output.annotations).toContainEqual(expect.objectContaining({ path: 'docs/adr/0002-use-kafka.md', annotation_level: 'failure', title: 'adr-status' }));
  });

  it('does not show the keys of an invalid file in the organisation\'s .github repository, and says where to look', async () => {
    const owner = organization('orgbroken', {
      '.github': { private: true, files: { [CONFIG]: `rules:\n  adr-status: error\n${SECRET_FILE}` } },
      service: { files: { [CONFIG]: 'checks:\n  onWarning: success\n_extends: .github\n' } },
    });
    const run = await review(owner, POSTGRES_CLEAN);

    expect(run.conclusion).toBe('action_required');
    const shown = `${run.output.title}\n${run.output.summary}`;
    expect(shown).not.toContain('database_password');
    expect(shown).not.toContain('api_key');
    expect(shown).toContain(`${owner}/.github:${CONFIG}`);
    // The line is the repository's own `_extends`, never a line of the other file.
    expect(shown).toMatch(/line 3/);
    expect(shown).not.toMatch(/line [14]\b/);
  });

  it('reads a repository the operator allows in CONFIG_EXTENDS_ALLOW', async () => {
    const { owner: allowedOwner, installationId } = harness.installation('allowed');
    expect(allowedOwner).toBe('allowed-org');
    harness.github.state.addRepo({ owner: allowedOwner, name: 'policies', installationId, files: { 'design-review/strict.yml': 'rules:\n  adr-status: error\n' } });
    harness.github.state.addRepo({ owner: allowedOwner, name: 'service', installationId, files: { [CONFIG]: '_extends: policies:design-review/strict.yml\n' } });
    const run = await review(allowedOwner, KAFKA_FLAWED);
    expect(run.conclusion).toBe('failure');
    expect(run.output.annotations).toContainEqual(expect.objectContaining({ title: 'adr-status', annotation_level: 'failure' }));
    expect(harness.github.requests.some((r) => isFor(`${allowedOwner}/policies`, r))).toBe(true);
  });
});
