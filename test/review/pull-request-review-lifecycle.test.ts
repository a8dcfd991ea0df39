// The check run's lifecycle in the review job, against the GitHub double: every path that creates
// a check run completes it (issue 13 item 6), and an attempt that fails for infrastructure reasons
// leaves it in progress saying it will retry, for the next attempt to complete (issue 13 item 4).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reviewPullRequest, ReviewRetryError, type ReviewAttempt, type ReviewJobDeps } from '../../src/review/pull-request-review.js';
import type { JobLog } from '../../src/shared/job-log.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import type { GitHubDouble } from '../github-double/index.js';
import { NAME, octokitFor, OWNER, REPO, startDouble } from '../github/double-octokit.js';
import { checkRepoConfig } from '../../src/github/repo-config.js';
import { CONFIG_PATH } from '../../src/config/load.js';

const TODAY = '2026-11-21';
const ADR = '# 3. Use gRPC\n\n## Status\n\nProposed\n';
const TARGET = { owner: OWNER, repo: NAME, pullNumber: 3 };

interface Logged {
  warn: string[];
  error: string[];
}

function depsFor(double: GitHubDouble, logged: Logged, rawConfig: unknown = null): ReviewJobDeps {
  const log: JobLog = {
    info: () => undefined,
    warn: (_obj, msg) => void logged.warn.push(msg ?? ''),
    error: (_obj, msg) => void logged.error.push(msg ?? ''),
  };
  return { gh: octokitFor(double), log, loadConfig: async () => checkRepoConfig(rawConfig, CONFIG_PATH), appSlug: async () => double.state.app.slug };
}

/** Attempt `number` of 3, 2 s apart: not the last one unless number is 3. */
function attempt(number: number, pending?: ReviewAttempt['pendingCheckRun']): ReviewAttempt {
  return { number, of: 3, retryInMs: number < 3 ? 2000 * 2 ** (number - 1) : undefined, ...(pending === undefined ? {} : { pendingCheckRun: pending }) };
}

let double: GitHubDouble;
let logged: Logged;
beforeAll(() => loadBuiltinTemplates());
beforeEach(async () => {
  double = await startDouble({ '.github/checklists/platform.yml': 'id: platform\nname: Platform\nitems: [oops\n' });
  logged = { warn: [], error: [] };
});
afterEach(async () => {
  expect(double.violations).toEqual([]);
  expect(double.unhandled).toEqual([]);
  await double.close();
});

const runs = () => [...double.state.checkRuns.values()];

describe('reviewPullRequest: an invalid config or checklist never leaves the check run in progress', () => {
  it('completes the invalid-config check run even when GitHub refuses the first completion (422 on checks/update)', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    double.failNext({ operationId: 'checks/update', status: 422 });

    expect((await reviewPullRequest(depsFor(double, logged, { review: { drafts: 'sometimes' } }), TARGET, () => TODAY)).outcome).toBe('failed');

    expect(double.pendingFaults()).toEqual([]);
    expect(double.requestsFor('checks/update').map((r) => r.status)).toEqual([422, 200]);
    expect(runs()).toHaveLength(1);
    expect(runs()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(runs()[0]!.output.summary).toContain('HTTP 422');
  });

  it('completes the invalid-checklist check run the same way', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    double.failNext({ operationId: 'checks/update', status: 422 });

    const { outcome } = await reviewPullRequest(depsFor(double, logged, { checklists: ['.github/checklists/platform.yml'] }), TARGET, () => TODAY);

    expect(outcome).toBe('failed');
    expect(double.requestsFor('checks/update').map((r) => r.status)).toEqual([422, 200]);
    expect(runs()).toHaveLength(1);
    expect(runs()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('still gives an invalid config one action_required check run and nothing else', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    expect((await reviewPullRequest(depsFor(double, logged, { review: { drafts: 'sometimes' } }), TARGET, () => TODAY)).outcome).toBe('invalid-config');
    expect(runs()).toHaveLength(1);
    expect(runs()[0]).toMatchObject({ status: 'completed', conclusion: 'action_required' });
    expect(double.requestsFor('pulls/list-files')).toEqual([]);
    expect(double.state.issueComments.size).toBe(0);
  });
});

describe('reviewPullRequest: attempts', () => {
  it('leaves the check run in progress saying it will retry on a GitHub 502, and the next attempt completes that same run', async () => {
    const pull = double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    double.failNext({ operationId: 'pulls/list-files', status: 502 });

    const first = await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(1)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(first).toBeInstanceOf(ReviewRetryError);
    const [run] = runs();
    expect((first as ReviewRetryError).checkRun).toEqual({ headSha: pull.head.sha, checkRunId: run!.id });
    expect(run).toMatchObject({ status: 'in_progress', conclusion: null });
    expect(run!.output.title).toBe('Design review will retry (attempt 1 of 3 failed)');
    expect(run!.output.summary).toContain('HTTP 502');
    expect(run!.output.summary).toContain('tried again in about 2 s');
    expect(logged.warn).toContain('design-review: review failed for an infrastructure reason; it will be retried');
    expect(logged.error).toEqual([]);

    expect((await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(2, (first as ReviewRetryError).checkRun))).outcome).toBe('reviewed');
    expect(runs()).toHaveLength(1);
    expect(runs()[0]).toMatchObject({ id: run!.id, status: 'completed', conclusion: 'failure' });
    expect(runs()[0]!.output.title).not.toContain('retry');
    expect(double.state.commentsOn(REPO, 3)).toHaveLength(1);
  });

  it('fails the check run with the reason on the last attempt', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    double.failNext({ operationId: 'pulls/list-files', status: 503 });
    expect((await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(3))).outcome).toBe('failed');
    expect(runs()).toHaveLength(1);
    expect(runs()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(runs()[0]!.output).toMatchObject({ title: 'Design review could not run' });
    expect(runs()[0]!.output.summary).toContain('HTTP 503');
    expect(logged.error).toEqual(['design-review: review failed']);
  });

  it('fails at once, on any attempt, when retrying cannot help (a 404)', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    double.failNext({ operationId: 'pulls/list-files', status: 404 });
    expect((await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(1))).outcome).toBe('failed');
    expect(runs()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(runs()[0]!.output.summary).toContain('HTTP 404');
  });

  it('retries a failure before the check run exists without creating one, and fails the run an earlier attempt left if the last one cannot start', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    double.failNext({ operationId: 'pulls/get', status: 500 });
    const error = await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewRetryError);
    expect((error as ReviewRetryError).checkRun).toBeUndefined();
    expect(runs()).toEqual([]);

    // An earlier attempt's run, then the last attempt cannot even read the pull request.
    double.failNext({ operationId: 'pulls/list-files', status: 502 });
    const second = (await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(2)).catch((e: unknown) => e)) as ReviewRetryError;
    expect(runs()[0]).toMatchObject({ status: 'in_progress' });
    double.failNext({ operationId: 'pulls/get', status: 502 });
    expect((await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(3, second.checkRun))).outcome).toBe('failed');
    expect(runs()).toHaveLength(1);
    expect(runs()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('cancels the run an earlier attempt left on a commit the pull request has moved on from, and reviews the new head', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    double.failNext({ operationId: 'pulls/list-files', status: 502 });
    const first = (await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(1)).catch((e: unknown) => e)) as ReviewRetryError;
    const newHead = double.state.pushToPullRequest(REPO, 3, { 'docs/adr/0003-use-grpc.md': `${ADR}\n## Context\n\nWe need streaming.\n` });

    expect((await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(2, first.checkRun))).outcome).toBe('reviewed');

    const old = runs().find((r) => r.id === first.checkRun!.checkRunId);
    expect(old).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(old!.output.title).toBe('Design review superseded by a newer commit');
    const current = runs().filter((r) => r.headSha === newHead);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ status: 'completed' });
    expect(runs().filter((r) => r.status !== 'completed')).toEqual([]);
  });
});

describe('reviewPullRequest returns what it did', () => {
  // The Action's outputs come from this value, with no request to read the run back.
  it('the outcome and the check run it completed, as GitHub stored it: id, page, conclusion, title, summary, annotations by level', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });

    const result = await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY);

    const [run] = runs();
    expect(result.outcome).toBe('reviewed');
    const levels = (level: string) => run!.output.annotations.filter((a) => (a as { annotation_level: string }).annotation_level === level).length;
    expect(result.checkRun).toEqual({
      id: run!.id,
      url: expect.stringMatching(new RegExp(`/runs/${run!.id}$`)),
      conclusion: run!.conclusion,
      title: run!.output.title,
      summary: run!.output.summary,
      annotations: { failure: levels('failure'), warning: levels('warning'), notice: levels('notice') },
    });
    // The ADR misses most sections: the counts are not all zero.
    expect(result.checkRun!.annotations.failure + result.checkRun!.annotations.warning).toBeGreaterThan(0);
  });

  it('an invalid config: the run that says so; a failed review: the run completed as failed', async () => {
    double.state.seedPullRequest(REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': ADR } });
    const invalid = await reviewPullRequest(depsFor(double, logged, { review: { drafts: 'sometimes' } }), TARGET, () => TODAY);
    expect(invalid).toMatchObject({ outcome: 'invalid-config', checkRun: { id: runs()[0]!.id, conclusion: runs()[0]!.conclusion, title: runs()[0]!.output.title } });

    double.failNext({ operationId: 'pulls/list-files', status: 502 });
    const failed = await reviewPullRequest(depsFor(double, logged), TARGET, () => TODAY, attempt(3));
    expect(failed).toMatchObject({ outcome: 'failed', checkRun: { conclusion: 'failure', title: 'Design review could not run', annotations: { failure: 0, warning: 0, notice: 0 } } });
    expect(runs().find((r) => r.id === failed.checkRun!.id)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});
