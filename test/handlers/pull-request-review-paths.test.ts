// The review job against the GitHub double: fork pull requests, a failing base listing, checklists read at the base.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reviewTargets } from '../../src/handlers/enqueue-review.js';
import { reviewPullRequest, type JobLog, type ReviewJobDeps } from '../../src/handlers/pull-request-review.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import type { GitHubDouble } from '../github-double/index.js';
import { NAME, octokitFor, OWNER, REPO, startDouble } from '../github/double-octokit.js';

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
  return { gh: octokitFor(double), log, readConfig: async () => rawConfig, appSlug: async () => double.state.app.slug };
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

    expect(await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 7 }, () => TODAY)).toBe('reviewed');

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
