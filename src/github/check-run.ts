import type { Annotation, PublishPlan } from '../core/publish/types.js';
import type { GitHub } from './github-client.js';

/**
 * The "Design review" check run: started (or reused) when a review begins,
 * completed with the plan's conclusion and annotations. GitHub takes at most
 * 50 annotations per request and appends the annotations of every update
 * (checks/update in GitHub's OpenAPI description: "Each time you update the
 * check run, annotations are appended"), so batches after the first go in
 * further updates.
 */

/** GitHub's limit of annotations per create or update request. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit on `output.summary` and `output.text`. */
export const MAX_OUTPUT_CHARS = 65_535;

/** The check run's default name. */
export const CHECK_RUN_NAME = 'Design review';

/** Which check run to start. */
export interface StartCheckRunParams {
  owner: string;
  repo: string;
  headSha: string;
  name?: string;
  externalId?: string;
  /**
   * The app publishing the check (its id, or its slug as in `<slug>[bot]`). With it, an
   * in-progress run of this app for the same commit is reused (a redelivered webhook, a
   * second event for one push); without it a new run is always created.
   */
  app?: { id?: number; slug?: string };
}

/** The check run to update. */
export interface CheckRunRef {
  owner: string;
  repo: string;
  checkRunId: number;
}

/** Starts the check run in progress, reusing our in-progress run for the same commit; returns its id. */
export async function startCheckRun(gh: GitHub, params: StartCheckRunParams): Promise<{ checkRunId: number; reused: boolean }> {
  const name = params.name ?? CHECK_RUN_NAME;
  const app = params.app;
  if (app !== undefined && (app.id !== undefined || app.slug !== undefined)) {
    const { data } = await gh.rest.checks.listForRef({
      owner: params.owner,
      repo: params.repo,
      ref: params.headSha,
      check_name: name,
      status: 'in_progress',
      // Every matching run, not only the latest one per name: a newer completed run must not hide ours.
      filter: 'all',
      ...(app.id === undefined ? {} : { app_id: app.id }),
      per_page: 100,
    });
    const ours = data.check_runs.find(
      (run) =>
        run.head_sha === params.headSha &&
        run.status === 'in_progress' &&
        (app.id === undefined || run.app?.id === app.id) &&
        (app.slug === undefined || run.app?.slug === app.slug),
    );
    if (ours !== undefined) return { checkRunId: ours.id, reused: true };
  }
  const { data } = await gh.rest.checks.create({
    owner: params.owner,
    repo: params.repo,
    name,
    head_sha: params.headSha,
    status: 'in_progress',
    ...(params.externalId === undefined ? {} : { external_id: params.externalId }),
  });
  return { checkRunId: data.id, reused: false };
}

/** A check run as this process completed it: what GitHub stored and shows (the summary as clipped to its limit). */
export interface CompletedCheckRun {
  id: number;
  /** Its page on GitHub ('' when GitHub gave none). */
  url: string;
  conclusion: string;
  title: string;
  summary: string;
  /** Annotations written, by level: GitHub's `annotations_count` is their sum. */
  annotations: { failure: number; warning: number; notice: number };
}

/** Completes the check run with the plan: conclusion and first batch of annotations, then one update per further batch. */
export async function completeCheckRun(gh: GitHub, ref: CheckRunRef, plan: PublishPlan): Promise<{ updates: number; run: CompletedCheckRun }> {
  const title = plan.checkRun.title;
  const summary = clip(plan.checkRun.summary);
  const text = plan.checkRun.text === undefined ? undefined : clip(plan.checkRun.text);
  // Re-chunked so a batch over GitHub's limit cannot make the update fail.
  const [firstBatch, ...later] = chunks(plan.annotationBatches.flat(), MAX_ANNOTATIONS_PER_REQUEST);
  const { data } = await gh.rest.checks.update({
    owner: ref.owner,
    repo: ref.repo,
    check_run_id: ref.checkRunId,
    conclusion: plan.conclusion,
    output: { title, summary, ...(text === undefined ? {} : { text }), ...annotations(firstBatch) },
  });
  // Later updates repeat title and summary (`summary` is required in `output`) and add annotations only.
  for (const batch of later) {
    await gh.rest.checks.update({
      owner: ref.owner,
      repo: ref.repo,
      check_run_id: ref.checkRunId,
      output: { title, summary, ...annotations(batch) },
    });
  }
  const levels = { failure: 0, warning: 0, notice: 0 };
  for (const annotation of plan.annotationBatches.flat()) levels[annotation.annotation_level] += 1;
  return { updates: 1 + later.length, run: { id: ref.checkRunId, url: data.html_url ?? '', conclusion: plan.conclusion, title, summary, annotations: levels } };
}

/** Completes the check run as failed (the review itself could not run), with the reason in the output. */
export async function failCheckRun(
  gh: GitHub,
  ref: CheckRunRef,
  reason: string,
  options: { conclusion?: 'failure' | 'neutral' | 'cancelled'; title?: string } = {},
): Promise<CompletedCheckRun> {
  const conclusion = options.conclusion ?? 'failure';
  const title = options.title ?? 'Design review could not run';
  const summary = clip(reason);
  const { data } = await gh.rest.checks.update({ owner: ref.owner, repo: ref.repo, check_run_id: ref.checkRunId, conclusion, output: { title, summary } });
  return { id: ref.checkRunId, url: data.html_url ?? '', conclusion, title, summary, annotations: { failure: 0, warning: 0, notice: 0 } };
}

/**
 * Keeps the check run in progress and says why it has no result yet: the
 * attempt failed for a reason a later one may not meet (GitHub or Redis
 * unavailable), and the review is tried again in about `retryInMs`.
 */
export async function markCheckRunRetrying(
  gh: GitHub,
  ref: CheckRunRef,
  retry: { reason: string; attempt: number; of: number; retryInMs: number },
): Promise<void> {
  const seconds = Math.max(1, Math.round(retry.retryInMs / 1000));
  const summary = [
    `Attempt ${retry.attempt} of ${retry.of} could not finish, for a reason that is not about this pull request:`,
    '',
    `> ${retry.reason}`,
    '',
    `The review is tried again in about ${seconds} s; this check stays in progress until then.`,
    'If it is still in progress long after that, comment `/adr check` on the pull request to review it again.',
  ].join('\n');
  await gh.rest.checks.update({
    owner: ref.owner,
    repo: ref.repo,
    check_run_id: ref.checkRunId,
    status: 'in_progress',
    output: { title: `Design review will retry (attempt ${retry.attempt} of ${retry.of} failed)`, summary: clip(summary) },
  });
}

function annotations(batch: Annotation[] | undefined): { annotations?: Annotation[] } {
  return batch === undefined || batch.length === 0 ? {} : { annotations: batch };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// GitHub rejects a summary or text over 65,535 characters; cut with a visible note rather than fail the run.
function clip(markdown: string): string {
  if (markdown.length <= MAX_OUTPUT_CHARS) return markdown;
  const note = '\n\n… (truncated: see the summary comment)';
  return markdown.slice(0, MAX_OUTPUT_CHARS - note.length) + note;
}
