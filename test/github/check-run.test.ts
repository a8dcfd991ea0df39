import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, PublishPlan } from '../../src/core/publish/types.js';
import { completeCheckRun, failCheckRun, startCheckRun } from '../../src/github/check-run.js';
import type { GitHubDouble } from '../github-double/index.js';
import { NAME, octokitFor, OWNER, REPO, startDouble } from './double-octokit.js';

function annotation(i: number): Annotation {
  return {
    path: 'docs/adr/0003-x.md',
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: i % 3 === 0 ? 'failure' : 'warning',
    message: `Finding ${i}`,
    title: 'adr-status',
  };
}

function plan(annotations: Annotation[]): PublishPlan {
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += 50) batches.push(annotations.slice(i, i + 50));
  return {
    conclusion: 'failure',
    checkRun: { title: '120 findings', summary: '## Design review\n\n120 findings', text: 'Details' },
    annotationBatches: batches,
    inlineComments: [],
    summaryComment: '',
  };
}

describe('check run', () => {
  let double: GitHubDouble;
  let headSha: string;
  beforeEach(async () => {
    double = await startDouble();
    headSha = double.state.seedPullRequest(REPO, { number: 7, branch: 'adr', changes: { 'docs/adr/0003-x.md': '# 3. X\n' } }).head.sha;
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('starts in progress and reuses our in-progress run for the same commit', async () => {
    const gh = octokitFor(double);
    const app = { id: double.state.app.id };
    const first = await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha, externalId: 'pr-7', app });
    expect(first.reused).toBe(false);
    const run = double.state.checkRuns.get(first.checkRunId)!;
    expect(run).toMatchObject({ name: 'Design review', status: 'in_progress', externalId: 'pr-7', headSha });

    const again = await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha, app });
    expect(again).toEqual({ checkRunId: first.checkRunId, reused: true });
    expect(double.requestsFor('checks/create')).toHaveLength(1);
    expect(double.requestsFor('checks/list-for-ref')[0]!.query).toMatchObject({ check_name: 'Design review', status: 'in_progress', filter: 'all', app_id: String(app.id) });
    // By slug too (the Action knows `github-actions`, not an app id).
    expect(await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha, app: { slug: double.state.app.slug } })).toEqual(again);
  });

  it("does not reuse another app's run, a completed run, or any run without knowing the app", async () => {
    const gh = octokitFor(double);
    double.state.addCheckRun(REPO, { name: 'Design review', headSha, status: 'in_progress', appId: 999 });
    double.state.addCheckRun(REPO, { name: 'Design review', headSha, conclusion: 'success' });
    const started = await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha, app: { id: double.state.app.id } });
    expect(started.reused).toBe(false);
    const blind = await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha });
    expect(blind.reused).toBe(false);
    expect(double.requestsFor('checks/list-for-ref')).toHaveLength(1);
    expect(double.requestsFor('checks/create')).toHaveLength(2);
  });

  it('completes with 120 annotations in three updates, all appended', async () => {
    const gh = octokitFor(double);
    const { checkRunId } = await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha });
    const annotations = Array.from({ length: 120 }, (_, i) => annotation(i));

    const result = await completeCheckRun(gh, { owner: OWNER, repo: NAME, checkRunId }, plan(annotations));

    expect(result.updates).toBe(3);
    // What it returns is what GitHub stored: every annotation, counted by level.
    const stored = double.state.checkRuns.get(checkRunId)!;
    const count = (level: string) => stored.output.annotations.filter((a) => (a as { annotation_level: string }).annotation_level === level).length;
    expect(result.run).toEqual({
      id: checkRunId,
      url: expect.stringMatching(new RegExp(`/runs/${checkRunId}$`)),
      conclusion: stored.conclusion,
      title: stored.output.title,
      summary: stored.output.summary,
      annotations: { failure: count('failure'), warning: count('warning'), notice: count('notice') },
    });
    expect(result.run.annotations.failure + result.run.annotations.warning + result.run.annotations.notice).toBe(120);
    const updates = double.requestsFor('checks/update').map((r) => r.body as { conclusion?: string; output: Record<string, unknown> & { annotations?: unknown[] } });
    expect(updates.map((u) => u.output.annotations?.length)).toEqual([50, 50, 20]);
    expect(updates[0]).toMatchObject({ conclusion: 'failure', output: { title: '120 findings', summary: '## Design review\n\n120 findings', text: 'Details' } });
    expect(updates.slice(1).every((u) => u.conclusion === undefined && u.output['text'] === undefined && u.output['summary'] !== undefined)).toBe(true);
    const run = double.state.checkRuns.get(checkRunId)!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.output.annotations).toEqual(annotations);
  });

  it('re-chunks a batch over 50 and completes with a single update when there is nothing to annotate', async () => {
    const gh = octokitFor(double);
    const { checkRunId } = await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha });
    const oversized = { ...plan([]), annotationBatches: [Array.from({ length: 60 }, (_, i) => annotation(i))] };
    expect((await completeCheckRun(gh, { owner: OWNER, repo: NAME, checkRunId }, oversized)).updates).toBe(2);

    const second = await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha });
    const clean: PublishPlan = { ...plan([]), conclusion: 'success', checkRun: { title: 'No findings', summary: 'All good' } };
    expect(await completeCheckRun(gh, { owner: OWNER, repo: NAME, checkRunId: second.checkRunId }, clean)).toMatchObject({ updates: 1, run: { conclusion: 'success', annotations: { failure: 0, warning: 0, notice: 0 } } });
    const last = double.requestsFor('checks/update').at(-1)!.body as { output: Record<string, unknown> };
    expect(last.output).toEqual({ title: 'No findings', summary: 'All good' });
  });

  it('fails the run with the reason', async () => {
    const gh = octokitFor(double);
    const { checkRunId } = await startCheckRun(gh, { owner: OWNER, repo: NAME, headSha });
    const failed = await failCheckRun(gh, { owner: OWNER, repo: NAME, checkRunId }, 'Could not read .github/design-review.yml: unknown key "pathz"');
    expect(failed).toMatchObject({ id: checkRunId, conclusion: 'failure', title: 'Design review could not run', summary: double.state.checkRuns.get(checkRunId)!.output.summary });
    expect(double.state.checkRuns.get(checkRunId)).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Design review could not run', summary: 'Could not read .github/design-review.yml: unknown key "pathz"' },
    });
  });
});
