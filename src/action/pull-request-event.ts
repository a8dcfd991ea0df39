import { readFileSync } from 'node:fs';
import { reviewTargets, type ReviewPayload } from '../review/enqueue-review.js';
import type { PullRequestTarget } from '../shared/pull-request-target.js';

/**
 * Which workflow events the Action reviews: `pull_request` and
 * `pull_request_target` (same payload) with the actions the App listens to.
 * `edited` counts only when the base branch changed, as in the App
 * (`reviewTargets`): a new title changes no document.
 */

/** The events whose payload is a pull request the Action can review. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'] as const;
/** The pull request actions that start a review. */
export const REVIEW_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review', 'edited'] as const;

/** The pull request to review, or why this event is left alone. */
export type EventDecision =
  | { kind: 'review'; target: PullRequestTarget; fromFork: boolean; eventName: string }
  | { kind: 'skip'; reason: string };

interface PullRequestPayload extends ReviewPayload {
  pull_request?: { number: number; head?: { repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } };
}

/** Reads the event payload and decides whether it asks for a review (in `repository`, the workflow's, when given). */
export function decideEvent(eventName: string, eventPath: string | undefined, repository?: string): EventDecision {
  if (!(PULL_REQUEST_EVENTS as readonly string[]).includes(eventName)) {
    return {
      kind: 'skip',
      reason: `design-review reviews pull requests: the "${eventName || '(unset)'}" event has none, nothing to do. Run it on: pull_request (or pull_request_target).`,
    };
  }
  if (eventPath === undefined) return { kind: 'skip', reason: 'GITHUB_EVENT_PATH is not set, so there is no event payload to read; nothing to do.' };
  const payload = JSON.parse(readFileSync(eventPath, 'utf8')) as PullRequestPayload;
  const action = payload.action ?? '';
  if (!(REVIEW_ACTIONS as readonly string[]).includes(action)) {
    return { kind: 'skip', reason: `${eventName}.${action || '(no action)'} does not change the documents, nothing to review (reviewed: ${REVIEW_ACTIONS.join(', ')}).` };
  }
  const [fromPayload] = reviewTargets('pull_request', payload);
  if (fromPayload === undefined) {
    return { kind: 'skip', reason: `${eventName}.${action} changes neither the documents nor the base branch, nothing to review.` };
  }
  const headRepo = payload.pull_request?.head?.repo;
  const baseName = payload.pull_request?.base?.repo?.full_name;
  // A deleted fork leaves `head.repo` null: still a fork as far as the token is concerned.
  const fromFork = headRepo === null || (headRepo?.full_name !== undefined && baseName !== undefined && headRepo.full_name.toLowerCase() !== baseName.toLowerCase());
  // GITHUB_REPOSITORY is the runner's word on where the workflow runs, which is where the check run belongs.
  const [owner, repo] = repository?.split('/') ?? [];
  const target = owner && repo ? { ...fromPayload, owner, repo } : fromPayload;
  return { kind: 'review', target, fromFork, eventName };
}
