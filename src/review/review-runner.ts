import type { Probot } from 'probot';
import type { GitHub } from '../github/github-client.js';
import { isoToday } from '../shared/clock.js';
import { reviewPullRequest, ReviewRetryError } from './pull-request-review.js';
import type { JobLog } from '../shared/job-log.js';
import { isTransientFailure } from '../github/transient-failure.js';
import { RetryLater, type ReviewJob, type ReviewRunner } from '../queue/review-queue.js';
import { ONLY_ATTEMPT, type JobAttempt } from '../queue/retry-policy.js';
import type { AppMetrics } from '../shared/metrics.js';
import { CONFIG_PATH } from '../config/load.js';
import { loadRepoConfig } from '../github/repo-config.js';
import type { ExtendsAllowList } from '../config/extends-allow.js';
import type { ReviewFiles } from './review-in-pool.js';

/**
 * The one runner both queue backends call: it turns a serializable job into
 * what a webhook handler would have had (an installation Octokit, a logger
 * carrying the delivery id, the repository's config) and runs the review.
 * Steps:
 *   1. authenticate as the installation (Probot caches the token);
 *   2. tag every request with the delivery id, as Probot's Context does, and count it;
 *   3. log as Probot's `context.log` does: a child logger with the delivery `id`;
 *   4. review, timing it by outcome; a failed attempt that another may fix is thrown
 *      as the queue's RetryLater (src/queue/review-queue.ts), anything else as it is.
 */

/** What the runner needs besides the job. */
export interface ReviewRunnerDeps {
  probot: Pick<Probot, 'auth' | 'log'>;
  appSlug: () => Promise<string>;
  /** The core pool's review (worker threads, time budgets). */
  reviewFiles: ReviewFiles;
  metrics: Pick<AppMetrics, 'githubRequests' | 'reviewDuration'>;
  /** Repositories the operator lets a config's `_extends` name (CONFIG_EXTENDS_ALLOW). */
  extendsAllow?: ExtendsAllowList;
  /** The App's clock: the review's "today" (date-dependent rules). The real one when not given. */
  now?: () => Date;
}

/** The bindings of a job's logger: Probot's `{ name: 'event', id }` plus what the job is about. */
export function jobLogBindings(job: ReviewJob): Record<string, string | number> {
  return { name: 'event', id: job.deliveryId, event: job.event, installation: job.installationId, pull: `${job.owner}/${job.repo}#${job.pullNumber}` };
}

/** The runner that reviews a job's pull request with the App's credentials. */
export function createReviewRunner(deps: ReviewRunnerDeps): ReviewRunner {
  const { probot, metrics } = deps;
  const now = deps.now ?? (() => new Date());
  return async (job, attempt = ONLY_ATTEMPT) => {
    const log: JobLog = probot.log.child(jobLogBindings(job));
    const stop = metrics.reviewDuration.startTimer();
    try {
      const octokit = await probot.auth(job.installationId);
      octokit.hook.before('request', (options) => {
        // Undocumented, but Probot sends it so GitHub Support can tie requests to the delivery.
        options.headers['x-github-delivery'] = job.deliveryId;
      });
      octokit.hook.after('request', (_response, options) => metrics.githubRequests.inc({ method: String(options.method) }));
      const { outcome } = await reviewPullRequest(
        {
          gh: octokit as unknown as GitHub,
          log,
          loadConfig: () => loadRepoConfig(octokit, { owner: job.owner, repo: job.repo, path: CONFIG_PATH }, deps.extendsAllow ? { extendsAllow: deps.extendsAllow } : {}),
          appSlug: deps.appSlug,
          reviewFiles: deps.reviewFiles,
        },
        { owner: job.owner, repo: job.repo, pullNumber: job.pullNumber },
        () => isoToday(now()),
        { ...attempt, ...(job.pendingCheckRun === undefined ? {} : { pendingCheckRun: job.pendingCheckRun }) },
      );
      stop({ outcome });
      log.info({ outcome }, 'design-review: review finished');
    } catch (error) {
      const retry = retryOf(job, attempt, error);
      stop({ outcome: retry === undefined ? 'error' : 'retry' });
      throw retry ?? error;
    }
  };
}

/**
 * The queue's RetryLater for a failed attempt that another attempt may fix: the review's own
 * (it left its check run in progress, handed to the next attempt), or an infrastructure failure
 * before the review began (the installation token); undefined when the failure is final.
 */
function retryOf(job: ReviewJob, attempt: JobAttempt, error: unknown): RetryLater | undefined {
  if (error instanceof ReviewRetryError) {
    const { pendingCheckRun: _handedOver, ...rest } = job;
    return new RetryLater(error.message, error.checkRun === undefined ? rest : { ...rest, pendingCheckRun: error.checkRun }, { cause: error });
  }
  if (attempt.retryInMs !== undefined && isTransientFailure(error)) {
    return new RetryLater(error instanceof Error ? error.message : String(error), job, { cause: error });
  }
  return undefined;
}
