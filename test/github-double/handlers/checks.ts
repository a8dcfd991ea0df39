// Check runs: create, update (annotations append), get, list for a ref.
import { checkRunJson } from '../response-shapes.js';
import type { CheckRunRecord } from '../state.js';
import { assertWritable, intParam, notFound, repoFromParams, unprocessable, type Handler, type HandlerContext } from './context.js';
import { pageOf } from './pagination.js';

interface CheckRunInput {
  name?: string;
  head_sha?: string;
  status?: CheckRunRecord['status'];
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  details_url?: string;
  external_id?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
}

// Shared by create and update: GitHub derives status from conclusion and stamps completion.
function apply(ctx: HandlerContext, run: CheckRunRecord, input: CheckRunInput): void {
  if (input.name !== undefined) run.name = input.name;
  if (input.details_url !== undefined) run.detailsUrl = input.details_url;
  if (input.external_id !== undefined) run.externalId = input.external_id;
  if (input.started_at !== undefined) run.startedAt = input.started_at;
  if (input.status !== undefined) run.status = input.status;
  if (input.conclusion !== undefined) {
    run.conclusion = input.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed' && run.conclusion === null) {
    throw unprocessable('Invalid request.\n\n"conclusion" wasn\'t supplied.');
  }
  if (run.status === 'completed') run.completedAt = input.completed_at ?? run.completedAt ?? ctx.state.timestamp();
  if (input.output !== undefined) {
    run.output = {
      title: input.output.title ?? run.output.title,
      summary: input.output.summary ?? run.output.summary,
      text: input.output.text ?? run.output.text,
      annotations: [...run.output.annotations, ...(input.output.annotations ?? [])],
    };
  }
}

function runFromParams(ctx: HandlerContext): CheckRunRecord {
  const repo = repoFromParams(ctx);
  const run = ctx.state.checkRuns.get(intParam(ctx, 'check_run_id'));
  if (run === undefined || run.repo !== repo.fullName) throw notFound();
  return run;
}

/** Handlers for checks/* operations, by operationId. */
export const checksHandlers: Record<string, Handler> = {
  'checks/create': (ctx) => {
    const repo = repoFromParams(ctx);
    assertWritable(repo);
    const input = ctx.body as CheckRunInput & { name: string; head_sha: string };
    if (ctx.state.objects.get(input.head_sha.toLowerCase())?.type !== 'commit') throw unprocessable(`No commit found for SHA: ${input.head_sha}`);
    const run = ctx.state.addCheckRun(repo.fullName, { name: input.name, headSha: input.head_sha.toLowerCase() });
    try {
      apply(ctx, run, input);
    } catch (error) {
      ctx.state.checkRuns.delete(run.id);
      throw error;
    }
    return { status: 201, body: checkRunJson(ctx.urls, ctx.state, run) };
  },
  'checks/update': (ctx) => {
    const run = runFromParams(ctx);
    assertWritable(ctx.state.repo(run.repo));
    const before = structuredClone(run);
    try {
      apply(ctx, run, ctx.body as CheckRunInput);
    } catch (error) {
      Object.assign(run, before);
      throw error;
    }
    return { status: 200, body: checkRunJson(ctx.urls, ctx.state, run) };
  },
  'checks/get': (ctx) => ({ status: 200, body: checkRunJson(ctx.urls, ctx.state, runFromParams(ctx)) }),
  'checks/list-for-ref': (ctx) => {
    const repo = repoFromParams(ctx);
    const sha = ctx.state.resolveRef(repo, ctx.params['ref']);
    if (sha === undefined) throw unprocessable(`No commit found for SHA: ${ctx.params['ref']}`);
    const name = ctx.query.get('check_name');
    const status = ctx.query.get('status');
    const appId = ctx.query.get('app_id');
    let runs = [...ctx.state.checkRuns.values()].filter(
      (r) =>
        r.repo === repo.fullName &&
        r.headSha === sha &&
        (name === null || r.name === name) &&
        (status === null || r.status === status) &&
        (appId === null || String(r.appId) === appId),
    );
    // filter=latest (the default) keeps the most recent run of each name.
    if ((ctx.query.get('filter') ?? 'latest') === 'latest') {
      const latest = new Map<string, CheckRunRecord>();
      for (const run of runs) if ((latest.get(run.name)?.id ?? -1) < run.id) latest.set(run.name, run);
      runs = [...latest.values()];
    }
    runs.sort((a, b) => b.id - a.id);
    const page = pageOf(ctx, runs);
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: page.items.map((r) => checkRunJson(ctx.urls, ctx.state, r)) },
      ...(page.link === '' ? {} : { headers: { link: page.link } }),
    };
  },
};
