import { CHECK_RUN_NAME } from '../github/check-run.js';
import type { ReviewJob } from '../queue/review-queue.js';
import type { PullRequestTarget } from '../shared/pull-request-target.js';

/**
 * Which deliveries deserve a review, and the queue jobs for them. Pure: the
 * webhook handler passes the event name and payload, and gets back the pull
 * requests to review; it never waits for the review itself. Steps:
 *   1. decide relevance (edited: only a changed base; re-requests: only our check, only with pull requests);
 *   2. name the pull requests the delivery is about (a re-run of our check on a fork's pull request,
 *      for which GitHub lists none, names it by the check run's `external_id`);
 *   3. build one serializable job per pull request (the queue derives ids, ordering and coalescing from it).
 */

/** The part of a webhook payload read here. */
export interface ReviewPayload {
  action?: string;
  installation?: { id: number };
  repository?: { name: string; owner: { login: string } };
  pull_request?: { number: number };
  changes?: { base?: unknown };
  check_run?: { name?: string; external_id?: string | null; pull_requests?: { number: number }[] };
  check_suite?: { pull_requests?: { number: number }[] };
}

/** The pull requests a delivery asks to review; empty when it is not relevant. */
export function reviewTargets(eventName: string, payload: ReviewPayload): PullRequestTarget[] {
  const repository = payload.repository;
  if (repository === undefined) return [];
  const at = (numbers: number[]): PullRequestTarget[] =>
    [...new Set(numbers)].map((pullNumber) => ({ owner: repository.owner.login, repo: repository.name, pullNumber }));
  if (eventName === 'pull_request') {
    if (payload.pull_request === undefined) return [];
    // An edited title or body changes no document; a new base branch changes the diff.
    if (payload.action === 'edited' && payload.changes?.base === undefined) return [];
    return at([payload.pull_request.number]);
  }
  if (eventName === 'check_run') {
    if (payload.check_run?.name !== undefined && payload.check_run.name !== CHECK_RUN_NAME) return [];
    const listed = (payload.check_run?.pull_requests ?? []).map((p) => p.number);
    if (listed.length > 0) return at(listed);
    // GitHub leaves `pull_requests` empty when the head branch is in a fork; our check run carries the
    // pull request number in `external_id` (set by the review job), so a re-run still finds its pull request.
    if (payload.action !== 'rerequested' || payload.check_run?.name !== CHECK_RUN_NAME) return [];
    const fromExternalId = pullNumberOf(payload.check_run.external_id);
    return fromExternalId === undefined ? [] : at([fromExternalId]);
  }
  if (eventName === 'check_suite') return at((payload.check_suite?.pull_requests ?? []).map((p) => p.number));
  return [];
}

// Only a plain decimal pull request number: anything else in `external_id` was not written by us.
function pullNumberOf(externalId: string | null | undefined): number | undefined {
  if (externalId == null || !/^[1-9][0-9]{0,14}$/.test(externalId)) return undefined;
  return Number(externalId);
}

/** The delivery a job comes from. */
export interface DeliveryInfo {
  id: string;
  /** `pull_request.opened`, ... */
  event: string;
  installationId: number | undefined;
}

/** One queue job per target; none without an installation (nothing to authenticate as). */
export function reviewJobs(delivery: DeliveryInfo, targets: readonly PullRequestTarget[]): ReviewJob[] {
  const installationId = delivery.installationId;
  if (installationId === undefined) return [];
  return targets.map((target) => ({
    deliveryId: delivery.id,
    event: delivery.event,
    installationId,
    owner: target.owner,
    repo: target.repo,
    pullNumber: target.pullNumber,
  }));
}
