import type { PullRequestTarget } from '../shared/pull-request-target.js';
import { isoToday } from '../shared/clock.js';
import type { Config } from '../config/schema.js';
import { ChecklistError, MAX_CHECKLIST_CHARS, parseChecklistFiles, type ChecklistFile } from '../core/checklists/load-checklists.js';
import type { Checklists } from '../core/checklists/types.js';
import { toIndexEntry, type IndexEntry } from '../core/document/model.js';
import { nextAdrNumber } from '../core/new-adr/next-number.js';
import { needsGeneratedAdr } from '../core/publish/generated-adr.js';
import { planInvalidConfig, planPublication, type InvalidConfig } from '../core/publish/plan-publication.js';
import type { ChangedFile } from '../core/publish/types.js';
import { withDraftNote, withUnplacedComments } from '../core/publish/plan-amendments.js';
import { review } from '../core/review/review.js';
import type { ReviewFiles } from './review-in-pool.js';
import type { AdrNumberClaims } from '../core/review-model.js';
import { listAdrs } from '../github/adr-listing.js';
import { completeCheckRun, failCheckRun, markCheckRunRetrying, startCheckRun, type CheckRunRef, type CompletedCheckRun } from '../github/check-run.js';
import { fetchPullRequestDocuments, type PullRequestDocuments } from '../github/fetch-documents.js';
import { httpStatus, type GitHub } from '../github/github-client.js';
import { adrNumbersInOpenPullRequests } from '../github/open-pr-adr-numbers.js';
import { syncReviewComments } from '../github/review-comments.js';
import { upsertSummaryComment } from '../github/sticky-comment.js';
import type { LoadedConfig } from '../github/repo-config.js';
import { readPullRequest } from '../github/pull-request.js';
import { readFileAt } from '../github/repo-file.js';
import { isTransientFailure } from '../github/transient-failure.js';
import type { PendingCheckRun } from '../queue/review-queue.js';
import { ONLY_ATTEMPT, type JobAttempt } from '../queue/retry-policy.js';
import { builtinChecklistFiles, builtinChecklists } from '../io/builtin-checklists.js';
import { CONFIG_PATH } from '../config/load.js';
import { conventionsOrNone } from './pull-request-conventions.js';
import type { JobLog } from '../shared/job-log.js';

/**
 * The review job of one pull request, run from the queue after the webhook
 * was acknowledged (one attempt of it: the queue may retry). Steps:
 *   1. read the pull request (head sha, base, draft) as it is now; when an earlier
 *      attempt left a check run in progress on another sha (the head moved while it
 *      waited to retry), complete that one as cancelled;
 *   2. start the "Design review" check run (in progress; ours for this sha is reused, so
 *      a retry continues the run its failed attempt left), with the pull request number
 *      as `external_id` (GitHub lists no pull request on a fork's check run);
 *   3. load `.github/design-review.yml` (Probot, with `_extends`) and validate it;
 *      an invalid config completes the check run action_required, and nothing else;
 *   4. fetch the documents, load the checklists (built-in, plus the repository's
 *      files named by `checklists`, read from the base repository at the base sha, like
 *      the config from the default branch: a pull request cannot weaken its own review);
 *   5. when the pull request adds an ADR, read the ADR numbers other open pull
 *      requests add (a failure there only loses that check);
 *   6. review, plan the publication (a drafted ADR takes a number free on the base
 *      branch and in every open pull request; a changed record's gap that most records
 *      of its folder share is told as the folder's convention, see pull-request-conventions.ts),
 *      complete the check run;
 *   7. drafts with `review.drafts: false` stop here (the check run says so);
 *   8. re-read the head: if it moved on, a newer job posts the comments;
 *   9. sync the inline review comments; the ones GitHub refuses go into the summary;
 *  10. create or update the sticky summary comment.
 * Every failure once the check run exists ends it: an infrastructure failure (GitHub 5xx or
 * rate limit, network, Redis) that is not on the last attempt leaves it in progress saying the
 * review will retry, and throws ReviewRetryError so the queue retries; any other failure, or
 * any failure on the last attempt, completes it as failed with a short reason. A failure before
 * any check run exists is retried the same way, or else thrown as it is.
 */

/** Config file name, under `.github/` (Probot's `context.config`). */
export const CONFIG_FILE = 'design-review.yml';


/** The logger the job writes to (Probot's pino `context.log` fits). */
/** What the job needs from its surroundings, injected so tests can pin them. */
export interface ReviewJobDeps {
  /** Installation-authenticated client (Probot's `context.octokit`). */
  gh: GitHub;
  log: JobLog;
  /** The repository's config, or what is wrong with it (loadRepoConfig, src/github/repo-config.ts). */
  loadConfig: () => Promise<LoadedConfig>;
  /** The App's slug, as in `<slug>[bot]`. */
  appSlug: () => Promise<string>;
  /**
   * Reviews the documents: the App and the Action pass the core pool's (worker threads, a time
   * budget per document), so a hostile document never blocks the event loop; in this thread otherwise.
   */
  reviewFiles?: ReviewFiles;
  /** The config file, as messages that tell how to change a setting name it (the Action's `config` input); `.github/design-review.yml` by default. */
  configPath?: string;
}

/**
 * Where this run stands among the queue's attempts (`retryInMs` is undefined on the last one),
 * and the check run a failed earlier attempt left in progress, saying it would retry.
 */
export type ReviewAttempt = JobAttempt & { pendingCheckRun?: PendingCheckRun };

/**
 * Thrown when an attempt failed for an infrastructure reason and another attempt follows:
 * the check run (if any) is in progress and says so; `checkRun` is for the next attempt.
 */
export class ReviewRetryError extends Error {
  override readonly name = 'ReviewRetryError';
  constructor(
    message: string,
    readonly checkRun: PendingCheckRun | undefined,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** How the job ended. */
export type ReviewOutcome = 'reviewed' | 'invalid-config' | 'head-moved' | 'draft-skipped' | 'failed';

/** What a review did: how it ended, and the check run it completed (absent only when even saying it failed failed). */
export interface ReviewResult {
  outcome: ReviewOutcome;
  checkRun?: CompletedCheckRun;
}

/** Review one pull request and publish the result (see the steps above); `attempt` is the queue's. */
export async function reviewPullRequest(
  deps: ReviewJobDeps,
  target: PullRequestTarget,
  today: () => string = isoToday,
  // The Action's default: one attempt, every failure final.
  attempt: ReviewAttempt = ONLY_ATTEMPT,
): Promise<ReviewResult> {
  const { gh, log } = deps;
  const { owner, repo, pullNumber } = target;
  // The check run once it exists: from then on, every way out completes it or says it will retry.
  let started: StartedRun | undefined;
  try {
    const pr = await readPullRequest(gh, target);
    const headSha = pr.head.sha;
    const slug = await deps.appSlug();
    const botLogin = `${slug}[bot]`;
    await cancelSuperseded(gh, target, attempt.pendingCheckRun, headSha);
    // The pull request number, so a re-run of the check finds it even when GitHub lists no pull
    // request on the check run (a head branch in a fork): see reviewTargets.
    const externalId = String(pullNumber);
    const { checkRunId } = await startCheckRun(gh, { owner, repo, headSha, externalId, app: { slug } });
    const ref: CheckRunRef = { owner, repo, checkRunId };
    started = { ref, headSha };

    const loaded = await deps.loadConfig();
    if ('problem' in loaded) {
      const { run } = await completeCheckRun(gh, ref, planInvalidConfig(invalidConfig(loaded.problem)));
      log.warn({ owner, repo, pullNumber, err: loaded.problem.message }, 'design-review: invalid configuration');
      return { outcome: 'invalid-config', checkRun: run };
    }
    const { config } = loaded;

    const headRepo = pr.head.repo ?? pr.base.repo;
    const docs = await fetchPullRequestDocuments(gh, {
      owner,
      repo,
      pullNumber,
      head: { owner: headRepo.owner.login, repo: headRepo.name, sha: headSha },
      base: { sha: pr.base.sha, ref: pr.base.ref },
      config,
    });

    let checklists: Checklists;
    try {
      // The base, not the head (a fork's, on pull_request_target): the checklists are rules, like the config.
      checklists = await loadChecklists(gh, config, { owner, repo, sha: pr.base.sha });
    } catch (error) {
      if (!(error instanceof ChecklistError)) throw error;
      const { run } = await completeCheckRun(gh, ref, planInvalidConfig(invalidConfig(error)));
      return { outcome: 'invalid-config', checkRun: run };
    }

    const date = today();
    const added = addedPaths(docs);
    const lookup = { owner, repo, pullNumber, config, adrDirs: docs.adrDirs };
    // Only a pull request that adds an ADR pays for the lookup across open pull requests.
    const addsAdr = docs.files.some((f) => f.kind === 'adr' && added.includes(f.path));
    let claims = addsAdr ? await claimsOrNone(deps, lookup) : undefined;
    const reviewFiles = deps.reviewFiles ?? ((files, options) => Promise.resolve(review(files, options)));
    const result = await reviewFiles(docs.files, { config, checklists, today: date, index: docs.index, added, ...(claims ? { claims } : {}) });
    result.skipped.push(...docs.skipped);
    // A drafted ADR (a design doc that decides, in a pull request adding no ADR) needs the numbers taken
    // on the base branch, which is not listed without an ADR under review, and in other open pull requests.
    let baseIndex: IndexEntry[] = docs.index;
    if (!addsAdr && needsGeneratedAdr(result, docs.changed).length > 0) {
      claims = await claimsOrNone(deps, lookup);
      if (!docs.files.some((f) => f.kind === 'adr')) {
        const listing = { owner, repo, sha: pr.base.sha, config, adrDirs: docs.adrDirs, reviewedAdrPaths: [], exclude: new Set<string>() };
        baseIndex = (await baseAdrsOrNone(deps, listing, pullNumber)) ?? docs.index;
      }
    }
    // Only a changed record with a gap finding pays for reading its folder; a failure only loses the note.
    const conventions = await conventionsOrNone({
      gh,
      log,
      reviewFiles,
      owner,
      repo,
      pullNumber,
      baseSha: pr.base.sha,
      config,
      configPath: deps.configPath ?? CONFIG_PATH,
      checklists,
      today: date,
      docs,
      result,
    });
    const numbers = [
      ...baseIndex.map((e) => e.number),
      ...result.documents.filter((d) => d.kind === 'adr').map((d) => toIndexEntry(d).number),
      ...(claims?.keys() ?? []),
    ];
    const plan = planPublication({
      review: result,
      changed: docs.changed,
      config,
      headSha,
      repoUrl: pr.base.repo.html_url,
      lines: linesWithFindings(docs, result.findings),
      nextAdrNumber: nextAdrNumber(numbers),
      today: date,
      checklists,
      conventions,
      index: baseIndex,
    });

    const draftSkipped = pr.draft === true && !config.review.drafts;
    const { run } = await completeCheckRun(gh, ref, draftSkipped ? withDraftNote(plan) : plan);
    if (draftSkipped) return { outcome: 'draft-skipped', checkRun: run };

    // A push while we reviewed: the check run above belongs to this sha, the comments to the newer job.
    const now = await readPullRequest(gh, target);
    if (now.head.sha !== headSha) {
      log.info({ owner, repo, pullNumber, reviewed: headSha, head: now.head.sha }, 'design-review: head moved on, comments left to the newer review');
      return { outcome: 'head-moved', checkRun: run };
    }

    const synced = await syncReviewComments(gh, { owner, repo, pullNumber, commitId: headSha, botLogin }, plan.inlineComments);
    const body = synced.failed.length === 0 ? plan.summaryComment : withUnplacedComments(plan.summaryComment, synced.failed);
    await upsertSummaryComment(gh, { owner, repo, issueNumber: pullNumber, botLogin, body });
    log.info(
      { owner, repo, pullNumber, headSha, conclusion: plan.conclusion, findings: result.findings.length, posted: synced.posted.length },
      'design-review: review published',
    );
    return { outcome: 'reviewed', checkRun: run };
  } catch (error) {
    return settleFailure(deps, target, { error, attempt, started });
  }
}

// The check run of this attempt, and the commit it is on.
interface StartedRun {
  ref: CheckRunRef;
  headSha: string;
}

/**
 * Ends a failed attempt (see the header): retry, leaving the check run in progress with the
 * reason, or complete it as failed. Without a check run of its own, the attempt acts on the one
 * an earlier attempt left in progress, so that one never outlives the job either.
 */
async function settleFailure(
  deps: ReviewJobDeps,
  target: PullRequestTarget,
  failed: { error: unknown; attempt: ReviewAttempt; started: StartedRun | undefined },
): Promise<ReviewResult> {
  const { gh, log } = deps;
  const { owner, repo, pullNumber } = target;
  const { error, attempt } = failed;
  const pending = attempt.pendingCheckRun;
  const run = failed.started ?? (pending === undefined ? undefined : { ref: { owner, repo, checkRunId: pending.checkRunId }, headSha: pending.headSha });
  const where = { owner, repo, pullNumber, headSha: run?.headSha, checkRunId: run?.ref.checkRunId, attempt: attempt.number, of: attempt.of };
  const reason = failureReason(error);
  if (attempt.retryInMs !== undefined && isTransientFailure(error)) {
    log.warn({ ...where, retryInMs: attempt.retryInMs, err: error }, 'design-review: review failed for an infrastructure reason; it will be retried');
    if (run !== undefined) {
      try {
        await markCheckRunRetrying(gh, run.ref, { reason, attempt: attempt.number, of: attempt.of, retryInMs: attempt.retryInMs });
      } catch (markError) {
        // The next attempt finds the run in progress all the same.
        log.warn({ ...where, err: markError }, 'design-review: could not say on the check run that the review will retry');
      }
    }
    throw new ReviewRetryError(reason, run === undefined ? undefined : { headSha: run.headSha, checkRunId: run.ref.checkRunId }, { cause: error });
  }
  // No check run to report on (the pull request could not even be read): the job itself fails.
  if (run === undefined) throw error;
  log.error({ ...where, err: error }, 'design-review: review failed');
  try {
    return { outcome: 'failed', checkRun: await failCheckRun(gh, run.ref, reason) };
  } catch (failError) {
    log.error({ ...where, err: failError }, 'design-review: could not mark the check run as failed');
    return { outcome: 'failed' };
  }
}

// The run an earlier attempt left in progress on a commit that is no longer the head: the newer
// commit gets its own run, so that one is closed rather than left in progress for good.
async function cancelSuperseded(gh: GitHub, target: PullRequestTarget, pending: PendingCheckRun | undefined, headSha: string): Promise<void> {
  if (pending === undefined || pending.headSha === headSha) return;
  await failCheckRun(
    gh,
    { owner: target.owner, repo: target.repo, checkRunId: pending.checkRunId },
    `The pull request moved on to ${headSha.slice(0, 7)} while this review waited for its retry; that commit is reviewed instead.`,
    { conclusion: 'cancelled', title: 'Design review superseded by a newer commit' },
  );
}

/** What the check run reports of a config or checklist error: the file, and the key and line when known. */
function invalidConfig(error: { message: string; file: string; key?: string | undefined; line?: number | undefined }): InvalidConfig {
  return { message: error.message, file: error.file, ...(error.key ? { key: error.key } : {}), ...(error.line === undefined ? {} : { line: error.line }) };
}

/** Built-in checklists, plus the repository's own files when the config names some (read at `sha`). */
async function loadChecklists(gh: GitHub, config: Config, at: { owner: string; repo: string; sha: string }): Promise<Checklists> {
  if (config.checklists.length === 0) return builtinChecklists();
  const files: ChecklistFile[] = [...builtinChecklistFiles()];
  for (const path of config.checklists) files.push(await readRepoChecklist(gh, path, at));
  return parseChecklistFiles(files);
}

// Checklist paths are repository-relative; `..` or an absolute path is refused as in the CLI.
async function readRepoChecklist(gh: GitHub, requested: string, at: { owner: string; repo: string; sha: string }): Promise<ChecklistFile> {
  const path = requested.replace(/^\.\//, '');
  if (path.startsWith('/') || path.split('/').includes('..') || path.includes('\0')) {
    throw new ChecklistError(requested, '', 'checklist paths must name a file inside the repository, e.g. ".github/checklists/security.yml"');
  }
  const file = await readFileAt(gh, { owner: at.owner, repo: at.repo, path, ref: at.sha });
  if (file.kind === 'missing') throw new ChecklistError(path, '', `no such file at ${at.sha.slice(0, 7)}`);
  if (file.kind === 'not-a-file') throw new ChecklistError(path, '', 'not a file');
  if (file.size > MAX_CHECKLIST_CHARS * 4) throw new ChecklistError(path, '', `file is larger than ${MAX_CHECKLIST_CHARS} characters`);
  return { path, text: file.text };
}

/** Reviewed files the pull request creates (a copy is a new file too); only these are checked against other pull requests. */
function addedPaths(docs: PullRequestDocuments): string[] {
  const created = new Set(docs.changed.filter((f) => NEW_FILE.has(f.status)).map((f) => f.path));
  return docs.files.filter((f) => created.has(f.path)).map((f) => f.path);
}

const NEW_FILE: ReadonlySet<ChangedFile['status']> = new Set(['added', 'copied']);

/**
 * ADR numbers other open pull requests add, or none when GitHub cannot say:
 * losing this check must not lose the review.
 */
async function claimsOrNone(
  deps: ReviewJobDeps,
  at: { owner: string; repo: string; pullNumber: number; config: Config; adrDirs: readonly string[] },
): Promise<AdrNumberClaims | undefined> {
  const adrGlobs = [...at.config.paths.adr, ...at.adrDirs.map((dir) => `${dir.replace(/\/+$/, '')}/**`)];
  try {
    return await adrNumbersInOpenPullRequests(deps.gh, { owner: at.owner, repo: at.repo, exceptPull: at.pullNumber, adrGlobs });
  } catch (error) {
    deps.log.warn({ owner: at.owner, repo: at.repo, pullNumber: at.pullNumber, err: error }, 'design-review: could not read the ADR numbers of other open pull requests; reviewing without them');
    return undefined;
  }
}

/**
 * The ADRs on the base branch, or none when GitHub cannot list them: only the drafted ADR's
 * number depends on them, so losing them must not fail the check run and drop every finding.
 */
async function baseAdrsOrNone(deps: ReviewJobDeps, listing: Parameters<typeof listAdrs>[1], pullNumber: number): Promise<IndexEntry[] | undefined> {
  try {
    return (await listAdrs(deps.gh, listing)).index;
  } catch (error) {
    deps.log.warn(
      { owner: listing.owner, repo: listing.repo, pullNumber, sha: listing.sha, err: error },
      'design-review: could not list the ADRs on the base branch; numbering the drafted ADR without them',
    );
    return undefined;
  }
}

// Suggestions rewrite the commented line: split only the files with findings, from the text already fetched.
function linesWithFindings(docs: PullRequestDocuments, findings: readonly { file: string }[]): Map<string, string[]> {
  const files = new Set(findings.map((f) => f.file));
  return new Map(docs.files.filter((f) => files.has(f.path)).map((f) => [f.path, f.content.split('\n')]));
}

// A short, safe reason for the failed check run: the HTTP status, or the error's first line.
function failureReason(error: unknown): string {
  const status = httpStatus(error);
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
  return status === undefined ? `The review stopped with an error: ${first}` : `A GitHub API request failed (HTTP ${status}): ${first}`;
}
