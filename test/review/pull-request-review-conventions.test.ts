// The review job against the GitHub double: a changed record's gap that is its folder's convention
// is told in the summary, at the cost of reading the folder's other records in GraphQL batches.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reviewPullRequest, type ReviewJobDeps } from '../../src/review/pull-request-review.js';
import type { JobLog } from '../../src/shared/job-log.js';
import { MAX_CONVENTION_RECORDS } from '../../src/review/pull-request-conventions.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import { reviewInPool } from '../../src/review/review-in-pool.js';
import type { GitHubDouble } from '../github-double/index.js';
import type { RecordedRequest } from '../github-double/recording.js';
import { NAME, octokitFor, OWNER, REPO, startDouble } from '../github/double-octokit.js';
import { testCorePool } from '../helpers/core-pool.js';
import { checkRepoConfig } from '../../src/github/repo-config.js';
import { CONFIG_PATH } from '../../src/config/load.js';

const TODAY = '2026-11-21';
const NOTE = "looks like the folder's convention";

/** An ADR in our own words: complete, but dated only when asked. */
function adr(n: number, dated: boolean): string {
  return [
    `# ${n}. Keep invoices for service ${n}`,
    '',
    dated ? 'Date: 2025-06-02\n' : '',
    '## Status\n\nAccepted\n',
    '## Context\n\nFinance reads invoices by customer every month.\n',
    '## Considered Options\n\n- A relational table\n- An object store bucket per month\n',
    '## Decision\n\nWe keep invoices in a relational table, because finance queries them by customer.\n',
    '## Consequences\n\n- Good, because one backup covers them.\n- Bad, because the table grows by about 2 GB a year.\n',
    '## Revisit Triggers\n\n- Revisit when the table exceeds 500 GB.\n- Revisit on 2028-03-01.\n',
  ].join('\n');
}

const pathOf = (n: number) => `docs/decisions/${String(n).padStart(4, '0')}-invoices.md`;

/** Base records 1..`count` of docs/decisions; the first `undated` have no date. */
function folder(count: number, undated: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= count; n += 1) files[pathOf(n)] = adr(n, n > undated);
  return files;
}

interface Logged {
  info: { obj: object; msg?: string }[];
  warn: { obj: object; msg?: string }[];
  error: { obj: object; msg?: string }[];
}

function depsFor(double: GitHubDouble, logged: Logged, options: { config?: unknown; configure?: (gh: ReturnType<typeof octokitFor>) => void } = {}): ReviewJobDeps {
  const gh = octokitFor(double);
  options.configure?.(gh);
  const push = (list: Logged['info']) => (obj: object, msg?: string) => void list.push({ obj, ...(msg === undefined ? {} : { msg }) });
  const log: JobLog = { info: push(logged.info), warn: push(logged.warn), error: push(logged.error) };
  return { gh, log, loadConfig: async () => checkRepoConfig(options.config ?? null, CONFIG_PATH), appSlug: async () => double.state.app.slug };
}

/** GraphQL blob reads at `sha`, with the paths each asked for. */
function blobReadsAt(double: GitHubDouble, sha: string): string[][] {
  return double
    .requestsFor('graphql')
    .map((r: RecordedRequest) => Object.values((r.body as { variables: Record<string, unknown> }).variables).filter((v): v is string => typeof v === 'string' && v.startsWith(`${sha}:`)))
    .filter((paths) => paths.length > 0)
    .map((paths) => paths.map((p) => p.slice(sha.length + 1)).sort());
}

function summaryComment(double: GitHubDouble, number: number): string {
  const comments = [...double.state.issueComments.values()].filter((c) => c.issueNumber === number);
  expect(comments).toHaveLength(1);
  return comments[0]!.body;
}

/** The records with a "Missing decision date" finding, from the check run's annotations. */
function undatedAnnotations(double: GitHubDouble): string[] {
  const runs = [...double.state.checkRuns.values()].filter((r) => r.status === 'completed');
  return runs.flatMap((r) => (r.output.annotations as { path: string; message: string }[]).filter((a) => a.message.includes('Missing decision date')).map((a) => a.path));
}

function completedRun(double: GitHubDouble) {
  const runs = [...double.state.checkRuns.values()];
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ status: 'completed' });
  return runs[0]!;
}

const FAILED_READ = "design-review: could not read the other records of the folder to tell its convention; publishing the review without the folder note";

describe('reviewPullRequest: folder conventions', () => {
  let double: GitHubDouble;
  let logged: Logged;
  beforeAll(() => loadBuiltinTemplates());
  beforeEach(() => {
    logged = { info: [], warn: [], error: [] };
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    expect(logged.error).toEqual([]);
    await double.close();
  });

  it("tells that an added record's missing date is the folder's convention, reading the folder's 6 records in one GraphQL query", async () => {
    double = await startDouble(folder(6, 6));
    const pull = double.state.seedPullRequest(REPO, { number: 3, branch: 'invoices', changes: { [pathOf(7)]: adr(7, false) } });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 3 }, () => TODAY)).outcome).toBe('reviewed');

    const note =
      "7 of 7 ADRs in docs/decisions have no decision date, which looks like the folder's convention: " +
      'set `rules: { adr-date: off }` in .github/design-review.yml to stop checking for it, or add one to each record.';
    const body = summaryComment(double, 3);
    expect(body).toContain(note);
    expect(body.split(NOTE)).toHaveLength(2);
    const run = completedRun(double);
    expect(run.output.summary).toContain(note);
    // The per-record finding stays: annotation and inline comment on the added record.
    expect((run.output.annotations as { path: string; title: string }[]).filter((a) => a.title === 'adr-date').map((a) => a.path)).toEqual([pathOf(7)]);
    expect([...double.state.reviewComments.values()].filter((c) => c.body.includes('Missing decision date')).map((c) => c.path)).toEqual([pathOf(7)]);
    // One query for the six base records (the base listing is the review's own: one tree read), beside the
    // head read and the open pull requests' numbers.
    expect(blobReadsAt(double, pull.base.sha)).toEqual([Object.keys(folder(6, 6)).sort()]);
    expect(double.requestsFor('graphql')).toHaveLength(3);
    expect(double.requestsFor('git/get-tree')).toHaveLength(1);
    expect(logged.warn).toEqual([]);
  });

  it("counts the pull request's versions: an edited record once, deleted ones not at all", async () => {
    double = await startDouble(folder(6, 6));
    const pull = double.state.seedPullRequest(REPO, {
      number: 4,
      branch: 'tidy',
      changes: { [pathOf(1)]: adr(1, false).replace('Finance reads', 'The finance team reads'), [pathOf(2)]: null },
    });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 4 }, () => TODAY)).outcome).toBe('reviewed');

    // 0001 is the pull request's version, 0002 is gone: the base read is 0003 to 0006, and 5 of 5 lack a date.
    expect(blobReadsAt(double, pull.base.sha)).toEqual([[pathOf(3), pathOf(4), pathOf(5), pathOf(6)]]);
    expect(summaryComment(double, 4)).toContain('5 of 5 ADRs in docs/decisions have no decision date');
  });

  it("names the Action's config file in the note", async () => {
    double = await startDouble(folder(6, 6));
    double.state.seedPullRequest(REPO, { number: 11, branch: 'invoices', changes: { [pathOf(7)]: adr(7, false) } });
    const deps = { ...depsFor(double, logged), configPath: 'ci/design-review.yml' };

    expect((await reviewPullRequest(deps, { owner: OWNER, repo: NAME, pullNumber: 11 }, () => TODAY)).outcome).toBe('reviewed');

    expect(summaryComment(double, 11)).toContain('set `rules: { adr-date: off }` in ci/design-review.yml to stop checking for it');
  });

  it('says nothing of a folder below the threshold', async () => {
    double = await startDouble(folder(6, 3)); // with the added record: 4 of 7 undated
    const pull = double.state.seedPullRequest(REPO, { number: 5, branch: 'invoices', changes: { [pathOf(7)]: adr(7, false) } });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 5 }, () => TODAY)).outcome).toBe('reviewed');

    expect(blobReadsAt(double, pull.base.sha)).toHaveLength(1);
    expect(summaryComment(double, 5)).not.toContain(NOTE);
    expect(undatedAnnotations(double)).toEqual([pathOf(7)]);
    expect(logged.warn).toEqual([]);
  });

  it('reads nothing more when the changed record has no gap, its folder is too small to tell, or with review.folderConventions: false', async () => {
    double = await startDouble(folder(6, 6));
    const dated = double.state.seedPullRequest(REPO, { number: 6, branch: 'dated', changes: { [pathOf(7)]: adr(7, true) } });
    double.state.seedPullRequest(REPO, { number: 7, branch: 'undated', changes: { [pathOf(8)]: adr(8, false) } });
    // docs/adr holds two undated ADRs on main: with this one, 3 records, fewer than a convention needs.
    double.state.seedPullRequest(REPO, { number: 10, branch: 'small', changes: { 'docs/adr/0003-use-grpc.md': adr(3, false) } });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 6 }, () => TODAY)).outcome).toBe('reviewed');
    const off = depsFor(double, logged, { config: { review: { folderConventions: false } } });
    expect((await reviewPullRequest(off, { owner: OWNER, repo: NAME, pullNumber: 7 }, () => TODAY)).outcome).toBe('reviewed');
    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 10 }, () => TODAY)).outcome).toBe('reviewed');

    expect(blobReadsAt(double, dated.base.sha)).toEqual([]);
    expect(undatedAnnotations(double)).toEqual([pathOf(8), 'docs/adr/0003-use-grpc.md']);
    expect(summaryComment(double, 7)).not.toContain(NOTE);
    expect(summaryComment(double, 10)).not.toContain(NOTE);
  });

  it('publishes the review without the note, with a warning, when GitHub fails the folder read', async () => {
    double = await startDouble(folder(6, 6));
    const pull = double.state.seedPullRequest(REPO, { number: 8, branch: 'invoices', changes: { [pathOf(7)]: adr(7, false) } });
    // GitHub answers exactly the read of base records with a 502.
    const deps = depsFor(double, logged, {
      configure: (gh) =>
        gh.hook.before('request', (options) => {
          const variables = (options as { variables?: Record<string, unknown> }).variables ?? {};
          if (Object.values(variables).some((v) => typeof v === 'string' && v.startsWith(`${pull.base.sha}:`))) double.failNext({ operationId: 'graphql', status: 502 });
        }),
    });

    expect((await reviewPullRequest(deps, { owner: OWNER, repo: NAME, pullNumber: 8 }, () => TODAY)).outcome).toBe('reviewed');

    expect(double.requestsFor('graphql').filter((r) => r.status === 502)).toHaveLength(1);
    expect(logged.warn.map((w) => w.msg)).toEqual([FAILED_READ]);
    expect(logged.warn[0]!.obj).toMatchObject({ owner: OWNER, repo: NAME, pullNumber: 8, folders: ['docs/decisions'] });
    // Nothing secret in the warning: the token is the double's, and it is not in it.
    expect(JSON.stringify(logged.warn[0]!.obj)).not.toContain(double.issueToken(42).slice(0, 12));
    const run = completedRun(double);
    expect(run.output.summary).not.toContain('The review stopped');
    expect((run.output.annotations as { path: string; title: string }[]).some((a) => a.title === 'adr-date')).toBe(true);
    expect(undatedAnnotations(double)).toEqual([pathOf(7)]);
    expect(summaryComment(double, 8)).not.toContain(NOTE);
  });

  it(`leaves a folder of more than ${MAX_CONVENTION_RECORDS} records unread, and says so in the log`, async () => {
    double = await startDouble(folder(MAX_CONVENTION_RECORDS + 1, MAX_CONVENTION_RECORDS + 1));
    const pull = double.state.seedPullRequest(REPO, { number: 9, branch: 'one-more', changes: { [pathOf(MAX_CONVENTION_RECORDS + 2)]: adr(MAX_CONVENTION_RECORDS + 2, false) } });

    expect((await reviewPullRequest(depsFor(double, logged), { owner: OWNER, repo: NAME, pullNumber: 9 }, () => TODAY)).outcome).toBe('reviewed');

    expect(blobReadsAt(double, pull.base.sha)).toEqual([]);
    expect(summaryComment(double, 9)).not.toContain(NOTE);
    expect(logged.info.filter((i) => i.msg?.includes('folder too large'))).toEqual([
      { obj: expect.objectContaining({ folder: 'docs/decisions', records: MAX_CONVENTION_RECORDS + 1, limit: MAX_CONVENTION_RECORDS }), msg: expect.any(String) },
    ]);
    expect(logged.warn).toEqual([]);
  });
});

describe('reviewPullRequest: folder conventions on the core pool', () => {
  // One thread, a 5 s budget per document (it starts when the thread begins the record, not while
  // a fresh thread loads): the hostile base record below takes about 40 s, a plain one milliseconds,
  // or a second on a fresh thread of a loaded machine (a 2 s budget once stopped a plain one in a full local run).
  const pool = testCorePool({ threads: 1, documentTimeoutMs: 5_000 });
  // The test without a hostile record is about the note, not the budget: the default budget.
  const plainPool = testCorePool({ threads: 1 });
  let double: GitHubDouble;
  let logged: Logged;
  beforeAll(() => loadBuiltinTemplates());
  afterAll(() => Promise.all([pool.close(), plainPool.close()]));
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('tells the convention when every record is reviewed in time, and publishes without it, with a warning, when one is stopped', async () => {
    logged = { info: [], warn: [], error: [] };
    // micromark reads `- x` and 30,000 lazy lines in quadratic time: far over the budget.
    const hostile = `- x\n${'y\n'.repeat(30_000)}`;
    double = await startDouble({ ...folder(6, 6), 'docs/decisions/0099-lists.md': hostile });
    double.state.seedPullRequest(REPO, { number: 3, branch: 'plain', changes: { [pathOf(7)]: adr(7, false) } });
    const deps = { ...depsFor(double, logged), reviewFiles: reviewInPool(pool) };

    expect((await reviewPullRequest(deps, { owner: OWNER, repo: NAME, pullNumber: 3 }, () => TODAY)).outcome).toBe('reviewed');

    expect(logged.warn.map((w) => w.msg)).toEqual([
      'design-review: some records of the folder could not be reviewed in time to tell its convention; publishing the review without the folder note',
    ]);
    expect(logged.warn[0]!.obj).toMatchObject({ folder: 'docs/decisions', notReviewed: 1 });
    expect(summaryComment(double, 3)).not.toContain(NOTE);
    expect(undatedAnnotations(double)).toEqual([pathOf(7)]);
    expect(logged.error).toEqual([]);
  });

  it('tells it on the pool as in this thread', async () => {
    logged = { info: [], warn: [], error: [] };
    double = await startDouble(folder(6, 6));
    double.state.seedPullRequest(REPO, { number: 3, branch: 'plain', changes: { [pathOf(7)]: adr(7, false) } });
    const deps = { ...depsFor(double, logged), reviewFiles: reviewInPool(plainPool) };

    expect((await reviewPullRequest(deps, { owner: OWNER, repo: NAME, pullNumber: 3 }, () => TODAY)).outcome).toBe('reviewed');

    expect(summaryComment(double, 3)).toContain('7 of 7 ADRs in docs/decisions have no decision date');
    expect(logged.warn).toEqual([]);
    expect(logged.error).toEqual([]);
  });
});
