// The review job against the GitHub double: fork pull requests, a failing base listing, checklists read at the base.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reviewTargets } from '../../src/review/enqueue-review.js';
import { reviewPullRequest, type ReviewJobDeps } from '../../src/review/pull-request-review.js';
import type { JobLog } from '../../src/shared/job-log.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import type { GitHubDouble } from '../github-double/index.js';
import { NAME, octokitFor, OWNER, REPO, startDouble } from '../github/double-octokit.js';
import { checkRepoConfig } from '../../src/github/repo-config.js';
import { CONFIG_PATH } from '../../src/config/load.js';

const TODAY = '2026-11-21';
const FLAWED_ADR = '# 3. Use gRPC\n\n## Status\n\nProposed\n';

interface Logged {
  warn: { obj: object; msg?: string }[];
  error: { obj: object; msg?: string }[];
}

function depsFor(double: GitHubDouble, logged: Logged, rawConfig: unknown = null): ReviewJobDeps {
  const log: JobLog = {
    info: () => undefined,
    warn: (obj, msg) => void logged.warn.push({ obj, ...(msg === undefined ? {} : { msg }) }),
    error: (obj, msg) => void logged.error.push({ obj, ...(msg === undefined ? {} : { msg }) }),
  };
  return { gh: octokitFor(double), log, loadConfig: async () => checkRepoConfig(rawConfig, CONFIG_PATH), appSlug: async () => double.state.app.slug };
}

describe('reviewPullRequest: fork pull requests', () => {
  let double: GitHubDouble;
  let logged: Logged;
  beforeAll(() => loadBuiltinTemplates());
  beforeEach(async () => {
    double = await startDouble();
    logged = { warn: [], error: [] };
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it('tags the check run with the pull request number, so a re-run without listed pull requests finds it', async () => {
    // A fork in the same organization, so the installation token reads it.
    const fork = double.state.forkRepo(REPO, { owner: OWNER, name: 'decisions-fork' });
    double.state.seedPullRequest(REPO, { number: 7, branch: 'grpc', headRepo: fork.fullName, changes: { 'docs/adr/0003-use-grpc.md': FLAWED_ADR } });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 7 }, () => TODAY)).outcome).toBe('reviewed');

    expect(double.requestsFor('checks/create').map((r) => (r.body as { external_id?: string }).external_id)).toEqual(['7']);
    const [stored] = [...double.state.checkRuns.values()];
    expect(stored!.externalId).toBe('7');
    // GitHub returns it on the check run, as the check_run webhook carries it.
    const { data: run } = await octokitFor(double).rest.checks.get({ owner: OWNER, repo: NAME, check_run_id: stored!.id });
    expect(run.external_id).toBe('7');
    // What GitHub sends for a re-run on a fork's pull request: our check, no pull requests listed.
    const payload = { action: 'rerequested', repository: { name: NAME, owner: { login: OWNER } }, check_run: { name: run.name, external_id: run.external_id, pull_requests: [] } };
    expect(reviewTargets('check_run', payload)).toEqual([{ owner: OWNER, repo: NAME, pullNumber: 7 }]);
    expect(logged.error).toEqual([]);
  });
});

const DESIGN_DOC = `# Checkout redesign

## Context

Checkout times out under load.

## Decision

We will split checkout into a reservation step and a payment step.
`;

/** The design doc with a finding the default rules make: a "no downsides" claim. */
const DESIGN_DOC_WITH_CLAIM = `${DESIGN_DOC}
## Drawbacks

None identified.
`;

describe('reviewPullRequest: the base branch listing for a drafted ADR', () => {
  let double: GitHubDouble;
  let logged: Logged;
  beforeAll(() => loadBuiltinTemplates());
  beforeEach(async () => {
    double = await startDouble();
    logged = { warn: [], error: [] };
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it('completes the review with its findings, with a warning, when GitHub fails the base tree read', async () => {
    const pull = double.state.seedPullRequest(REPO, { number: 6, branch: 'design', changes: { 'docs/design/checkout.md': DESIGN_DOC_WITH_CLAIM } });
    double.failNext({ operationId: 'git/get-tree', status: 502 });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 6 }, () => TODAY)).outcome).toBe('reviewed');

    // The listing was asked for, at the base, and failed.
    const reads = double.requestsFor('git/get-tree');
    expect(reads.map((r) => r.status)).toEqual([502]);
    expect(reads[0]!.path).toContain(pull.base.sha);
    expect(logged.warn.map((w) => w.msg)).toEqual(['design-review: could not list the ADRs on the base branch; numbering the drafted ADR without them']);
    expect(logged.error).toEqual([]);
    // The check run completed with the review, not the failure; the summary still offers the drafted ADR.
    const [run] = [...double.state.checkRuns.values()];
    expect(run).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    const annotations = run!.output.annotations as { path: string; title: string }[];
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.every((a) => a.path === 'docs/design/checkout.md')).toBe(true);
    expect(annotations.map((a) => a.title)).toContain('design-trade-offs');
    expect(run!.output.title).not.toBe('Design review could not run');
    expect(run!.output.summary).not.toContain('The review stopped');
    const summary = [...double.state.issueComments.values()].filter((c) => c.issueNumber === 6);
    expect(summary).toHaveLength(1);
    // Numbered from the pull request's own index (no ADRs), as the warning says.
    expect(summary[0]!.body).toContain('0001-checkout-redesign.md');
    expect([...double.state.reviewComments.values()].filter((c) => c.path === 'docs/design/checkout.md').length).toBeGreaterThan(0);
  });
});

const CHECKLIST_PATH = '.github/checklists/platform.yml';
const checklist = (cues: string): string => `id: platform-team
name: Platform team decision checklist
appliesTo: [adr, design-doc]
items:
  - id: data-residency
    text: Say in which regions data is stored.
    cues: [${cues}]
    severity: error
`;

describe('reviewPullRequest: custom checklists', () => {
  let double: GitHubDouble;
  let logged: Logged;
  beforeAll(() => loadBuiltinTemplates());
  beforeEach(async () => {
    double = await startDouble({ [CHECKLIST_PATH]: checklist('data residency') });
    logged = { warn: [], error: [] };
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it('reads them from the base repository at the base commit, so a fork pull request that weakens them is reviewed against the base version', async () => {
    const fork = double.state.forkRepo(REPO, { owner: OWNER, name: 'decisions-fork' });
    // The pull request makes the item met by any document that mentions checkout.
    const pull = double.state.seedPullRequest(REPO, {
      number: 8,
      branch: 'weaker',
      headRepo: fork.fullName,
      changes: { 'docs/design/checkout.md': DESIGN_DOC, [CHECKLIST_PATH]: checklist('data residency, checkout') },
    });

    const deps = depsFor(double, logged, { checklists: [CHECKLIST_PATH] });
    expect((await reviewPullRequest(deps, { owner: OWNER, repo: NAME, pullNumber: 8 }, () => TODAY)).outcome).toBe('reviewed');

    const reads = double.requestsFor('repos/get-content').filter((r) => r.path.includes('checklists'));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.path).toContain(`/repos/${REPO}/contents/`);
    expect(reads[0]!.query).toMatchObject({ ref: pull.base.sha });
    // The base version's cues: the design doc does not meet the item (the head version would say it does).
    const [run] = [...double.state.checkRuns.values()];
    const custom = (run!.output.annotations as { annotation_level: string; title: string; message: string }[]).filter((a) => a.message.includes('Say in which regions data is stored'));
    expect(custom).toHaveLength(1);
    expect(custom[0]!.message).toContain(`[error] Platform team decision checklist: Say in which regions data is stored. (item data-residency of ${CHECKLIST_PATH}`);
    expect(run).toMatchObject({ status: 'completed' });
    expect(logged.error).toEqual([]);
  });
});
