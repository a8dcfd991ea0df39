// Shared setup of the scenario e2e files: one GitHub double, one App process (`npm start`'s
// command), deliveries built from the real example payloads, and read-outs of the double's
// state for assertions. Each test seeds its own repository so tests do not see each other.
import { buildDelivery, pullRequestPatch, sendDelivery, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import type { CheckRunRecord, IssueCommentRecord, ReviewCommentRecord } from '../github-double/state.js';
import { startApp, waitFor as waitForApp, WEBHOOK_SECRET, type AppProcess } from './app-process.js';

export const INSTALLATION = 42;
export const SUMMARY_MARKER = '<!-- design-review:summary -->';
export const CHECK_NAME = 'Design review';

/** A double and an App process wired together, and what tests ask of them. */
export interface ReviewHarness {
  github: GitHubDouble;
  app: AppProcess;
  /** Polls until `probe` gives a value; on timeout the error carries the app's output. */
  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Sends a `pull_request.<action>` delivery for the pull request as the double holds it now. */
  deliverPullRequest(repo: string, number: number, action: string): Promise<Response>;
  /** Sends `check_run.rerequested` for a check run on the pull request's head. */
  deliverCheckRunRerequested(repo: string, number: number, checkName?: string): Promise<Response>;
  /** Sends `check_suite.rerequested` for the pull request's head. */
  deliverCheckSuiteRerequested(repo: string, number: number): Promise<Response>;
  checkRuns(repo: string, headSha?: string): CheckRunRecord[];
  /** The completed check run for `headSha` (the newest one when there are several). */
  completedRun(repo: string, headSha: string): CheckRunRecord | undefined;
  summaryComments(repo: string, number: number): IssueCommentRecord[];
  /** Review comments on the pull request, oldest first. */
  reviewComments(repo: string, number: number): ReviewCommentRecord[];
  /**
   * A fresh installation on a fresh organization `<name>-org`, so concurrent tests neither share
   * the App's per-installation queue nor Octokit's per-installation write spacing.
   */
  installation(name: string): { owner: string; installationId: number };
  /** Resolves once a request matching `match` arrives after request number `afterSeq`. */
  requestAfter(afterSeq: number, match: (r: GitHubDouble['requests'][number]) => boolean, timeoutMs?: number): Promise<GitHubDouble['requests'][number]>;
  /** The sequence number of the last recorded request (0 when none). */
  lastSeq(): number;
  close(): Promise<void>;
}

interface BranchJson {
  ref: string;
  sha: string;
  repo: { id: number; url: string; name: string };
}
interface PullJson {
  url: string;
  id: number;
  head: BranchJson;
  base: BranchJson;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Starts the double (installation 42 on `acme`) and the App (of `appRoot`, by default this checkout) against it. */
export async function startReviewHarness(options: { extraEnv?: NodeJS.ProcessEnv; appRoot?: string } = {}): Promise<ReviewHarness> {
  const github = await startGitHubDouble();
  github.state.addInstallation({ id: INSTALLATION, account: 'acme' });
  const app = await startApp(github, options.extraEnv, options.appRoot);

  const send = (name: string, action: string, patch: Record<string, unknown>) =>
    sendDelivery(app.webhookUrl, buildDelivery(name, action, patch, { secret: WEBHOOK_SECRET }), WEBHOOK_SECRET);

  // The `pull_requests` entry GitHub puts in check_run / check_suite payloads.
  const checkPullRequests = (repo: string, number: number) => {
    const patch = pullRequestPatch(github.state, github.url, repo, number);
    const pr = patch['pull_request'] as PullJson;
    const side = (s: BranchJson) => ({ ref: s.ref, sha: s.sha, repo: { id: s.repo.id, url: s.repo.url, name: s.repo.name } });
    return { patch, pr, entry: { url: pr.url, id: pr.id, number, head: side(pr.head), base: side(pr.base) } };
  };
  const repositoryOnly = (patch: Record<string, unknown>) => ({
    repository: patch['repository'],
    installation: patch['installation'],
    organization: undefined,
  });

  const harness: ReviewHarness = {
    github,
    app,
    waitFor: (what, probe, timeoutMs = 60_000) => waitForApp(what, probe, timeoutMs, () => app.output()),
    deliverPullRequest: (repo, number, action) => {
      const patch = pullRequestPatch(github.state, github.url, repo, number);
      // Not every action has an example with an installation; every action shares the payload shape.
      return send('pull_request', action, { ...patch, action });
    },
    deliverCheckRunRerequested: (repo, number, checkName = CHECK_NAME) => {
      const { patch, pr, entry } = checkPullRequests(repo, number);
      const headSha = pr.head.sha as string;
      return send('check_run', 'rerequested', {
        ...repositoryOnly(patch),
        check_run: {
          name: checkName,
          head_sha: headSha,
          pull_requests: [entry],
          check_suite: { head_sha: headSha, head_branch: pr.head.ref, pull_requests: [entry] },
        },
      });
    },
    deliverCheckSuiteRerequested: (repo, number) => {
      const { patch, pr, entry } = checkPullRequests(repo, number);
      return send('check_suite', 'rerequested', {
        ...repositoryOnly(patch),
        check_suite: { head_sha: pr.head.sha, head_branch: pr.head.ref, after: pr.head.sha, pull_requests: [entry] },
      });
    },
    checkRuns: (repo, headSha) =>
      [...github.state.checkRuns.values()].filter((r) => same(r.repo, repo) && (headSha === undefined || r.headSha === headSha)),
    completedRun: (repo, headSha) => harness.checkRuns(repo, headSha).filter((r) => r.status === 'completed').at(-1),
    summaryComments: (repo, number) => github.state.commentsOn(repo, number).filter((c) => c.body.includes(SUMMARY_MARKER)),
    reviewComments: (repo, number) =>
      [...github.state.reviewComments.values()].filter((c) => same(c.repo, repo) && c.pullNumber === number).sort((a, b) => a.id - b.id),
    requestAfter: (afterSeq, match, timeoutMs = 60_000) =>
      github.waitForRequest((r) => r.seq > afterSeq && match(r), timeoutMs).catch((error: unknown) => {
        const recent = github.requests.slice(-15).map((r) => `${r.seq} ${r.method} ${r.path} ${r.status}`);
        throw new Error(`${String(error)}\nlast requests:\n${recent.join('\n')}\napp output:\n${app.output().slice(-3000)}`);
      }),
    installation: (name) => {
      const owner = `${name}-org`;
      const { id } = github.state.addInstallation({ account: owner });
      return { owner, installationId: id };
    },
    lastSeq: () => github.requests.at(-1)?.seq ?? 0,
    close: async () => {
      await app.stop(3000);
      await github.close();
    },
  };
  return harness;
}

/** True for a request to `repo` (REST path under /repos/owner/name/). */
export function isFor(repo: string, r: { path: string }): boolean {
  return r.path.toLowerCase().includes(`/repos/${repo.toLowerCase()}/`);
}

/** A check-run update that completes it (carries a conclusion). */
export function isCompletion(repo: string, r: { path: string; operationId: string | undefined; body: unknown; status: number }): boolean {
  return r.operationId === 'checks/update' && isFor(repo, r) && r.status === 200 && typeof (r.body as { conclusion?: unknown })?.conclusion === 'string';
}

/** The sticky summary comment written (created or edited) for `repo`. */
export function isSummaryWrite(repo: string, r: { path: string; operationId: string | undefined; status: number }): boolean {
  return (r.operationId === 'issues/create-comment' || r.operationId === 'issues/update-comment') && isFor(repo, r) && r.status < 300;
}
