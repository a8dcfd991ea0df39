// The review job against the GitHub double: ADR numbers claimed by other open pull requests.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reviewPullRequest, type ReviewJobDeps } from '../../src/review/pull-request-review.js';
import type { JobLog } from '../../src/shared/job-log.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import type { GitHubDouble } from '../github-double/index.js';
import { NAME, octokitFor, OWNER, REPO, startDouble } from '../github/double-octokit.js';
import { checkRepoConfig } from '../../src/github/repo-config.js';
import { CONFIG_PATH } from '../../src/config/load.js';

const TODAY = '2026-11-21';
const adr = (n: number, title: string): string => `# ${n}. ${title}\n\nDate: 2026-11-02\n\n## Status\n\nProposed\n\n## Context\n\nWe need it.\n`;
const DESIGN_DOC = `# Checkout redesign

## Context

Checkout times out under load.

## Decision

We will split checkout into a reservation step and a payment step.
`;

/** The log lines the job wrote, by level. */
interface Logged {
  warn: { obj: object; msg?: string }[];
  error: { obj: object; msg?: string }[];
}

function depsFor(double: GitHubDouble, logged: Logged, configure?: (gh: ReturnType<typeof octokitFor>) => void): ReviewJobDeps {
  const gh = octokitFor(double);
  configure?.(gh);
  const log: JobLog = {
    info: () => undefined,
    warn: (obj, msg) => void logged.warn.push({ obj, ...(msg === undefined ? {} : { msg }) }),
    error: (obj, msg) => void logged.error.push({ obj, ...(msg === undefined ? {} : { msg }) }),
  };
  return { gh, log, loadConfig: async () => checkRepoConfig(null, CONFIG_PATH), appSlug: async () => double.state.app.slug };
}

/** A check-run annotation as the job sent it (the double stores them as received). */
interface Annotation {
  path: string;
  start_line: number;
  annotation_level: string;
  message: string;
}

/** GraphQL queries the job sent that read open pull requests. */
function openPullQueries(double: GitHubDouble) {
  return double.requestsFor('graphql').filter((r) => (r.body as { query: string }).query.includes('pullRequests('));
}

function numberFindings(double: GitHubDouble) {
  const [run] = [...double.state.checkRuns.values()].filter((r) => r.status === 'completed');
  return (run!.output.annotations as Annotation[]).filter((a) => a.message.includes('ADR number'));
}

describe('reviewPullRequest: ADR numbers across open pull requests', () => {
  let double: GitHubDouble;
  let logged: Logged;
  beforeAll(() => loadBuiltinTemplates());
  beforeEach(async () => {
    // main holds docs/adr/0001 and 0002.
    double = await startDouble();
    logged = { warn: [], error: [] };
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it('reports the number another open pull request adds, on the title line, at the cost of one GraphQL query', async () => {
    double.state.seedPullRequest(REPO, { number: 5, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': adr(3, 'Use gRPC') } });
    double.state.seedPullRequest(REPO, { number: 6, branch: 'rest', changes: { 'docs/adr/0003-use-rest.md': `\n${adr(3, 'Use REST')}` } });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 6 }, () => TODAY)).outcome).toBe('reviewed');

    expect(numberFindings(double)).toEqual([
      expect.objectContaining({
        path: 'docs/adr/0003-use-rest.md',
        start_line: 2,
        annotation_level: 'failure',
        // Finding messages quote document text, so their `#N` is neutralised (zero-width space) like every echo (issue 13).
        message: expect.stringContaining('ADR number 0003 is also added by #\u200b5 (`docs/adr/0003-use-grpc.md`); the next free number is 0004'),
      }),
    ]);
    const comment = [...double.state.reviewComments.values()].find((c) => c.body.includes('ADR number 0003'));
    expect(comment).toMatchObject({ path: 'docs/adr/0003-use-rest.md', line: 2 });
    // The lookup is one query (50 open pull requests a page), this one left out of it.
    const queries = openPullQueries(double);
    expect(queries).toHaveLength(1);
    expect((queries[0]!.body as { variables: Record<string, unknown> }).variables).toEqual({ owner: OWNER, name: NAME, after: null });
    expect(logged.warn).toEqual([]);
  });

  it('stays quiet on numbering, and asks nothing about other pull requests, when the pull request adds no ADR', async () => {
    double.state.seedPullRequest(REPO, { number: 5, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': adr(3, 'Use gRPC') } });
    double.state.seedPullRequest(REPO, { number: 6, branch: 'edit', changes: { 'docs/adr/0002-use-kafka.md': adr(2, 'Use Kafka for order events') } });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 6 }, () => TODAY)).outcome).toBe('reviewed');

    expect(numberFindings(double)).toEqual([]);
    expect(openPullQueries(double)).toEqual([]);
  });

  it('reviews without the claims, with a warning, when GitHub fails the lookup', async () => {
    double.state.seedPullRequest(REPO, { number: 5, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': adr(3, 'Use gRPC') } });
    double.state.seedPullRequest(REPO, { number: 6, branch: 'rest', changes: { 'docs/adr/0003-use-rest.md': adr(3, 'Use REST') } });
    // GitHub answers exactly the open-pull-requests query with a 502.
    const deps = depsFor(double, logged, (gh) =>
      gh.hook.before('request', (options) => {
        if (String((options as { query?: unknown }).query ?? '').includes('pullRequests(')) double.failNext({ operationId: 'graphql', status: 502 });
      }),
    );

    expect((await reviewPullRequest(deps, { owner: OWNER, repo: NAME, pullNumber: 6 }, () => TODAY)).outcome).toBe('reviewed');

    expect(openPullQueries(double)).toHaveLength(1);
    expect(numberFindings(double)).toEqual([]);
    expect(logged.warn.map((w) => w.msg)).toEqual(['design-review: could not read the ADR numbers of other open pull requests; reviewing without them']);
    expect(logged.error).toEqual([]);
    // The review itself went through: the check run has the findings, the summary comment is posted.
    const [run] = [...double.state.checkRuns.values()];
    expect(run!.output.summary).not.toContain('The review stopped');
    expect((run!.output.annotations as Annotation[]).some((a) => a.path === 'docs/adr/0003-use-rest.md')).toBe(true);
    expect([...double.state.issueComments.values()].filter((c) => c.issueNumber === 6)).toHaveLength(1);
  });

  it('numbers a drafted ADR past the base branch and every open pull request', async () => {
    double.state.seedPullRequest(REPO, { number: 5, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': adr(3, 'Use gRPC') } });
    double.state.seedPullRequest(REPO, { number: 6, branch: 'design', changes: { 'docs/design/checkout.md': DESIGN_DOC } });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 6 }, () => TODAY)).outcome).toBe('reviewed');

    const summary = [...double.state.issueComments.values()].find((c) => c.issueNumber === 6)!;
    expect(summary.body).toContain('0004-checkout-redesign.md');
    expect(openPullQueries(double)).toHaveLength(1);
    expect(double.requestsFor('git/get-tree')).toHaveLength(1);
  });
});
