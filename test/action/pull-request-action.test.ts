// The GitHub Action end to end: the built entry (dist/action/main.js) as a child process, with
// the variables a runner sets, against the GitHub double. The double's App is `github-actions`,
// so writes are attributed to `github-actions[bot]` as with a workflow's GITHUB_TOKEN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDelivery, pullRequestPatch, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { commands, runAction, type ActionRun, type RunOptions } from './action-process.js';
import { KAFKA_FLAWED as FLAWED_ADR, POSTGRES_CLEAN as CLEAN_ADR } from '../e2e/review-fixtures.js';

const INSTALLATION = 7;
const OWNER = 'acme';
const BOT = 'github-actions[bot]';
const MARKER = '<!-- design-review:summary -->';

let github: GitHubDouble;
let token: string;
const timings: string[] = [];

beforeAll(async () => {
  // GITHUB_TOKEN is an installation token of the github-actions App: the double plays that App.
  github = await startGitHubDouble({ app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions', owner: 'github' } });
  github.state.addInstallation({ id: INSTALLATION, account: OWNER });
  token = github.issueToken(INSTALLATION);
});

afterAll(async () => {
  await github?.close();
  if (timings.length > 0) console.info(`action runs, wall time: ${timings.join(', ')}`);
});

function seed(name: string, files: Record<string, string>, changes: Record<string, string>) {
  github.state.addRepo({ owner: OWNER, name, installationId: INSTALLATION, files: { 'README.md': `# ${name}\n`, ...files } });
  return github.state.seedPullRequest(`${OWNER}/${name}`, { number: 1, branch: 'adr', changes });
}

/** The `pull_request.opened` example payload, adapted to the seeded pull request. */
function openedEvent(name: string): Record<string, unknown> {
  return buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, `${OWNER}/${name}`, 1)).payload;
}

async function run(name: string, options: Partial<RunOptions> = {}): Promise<ActionRun> {
  const result = await runAction(github, { eventName: 'pull_request', payload: openedEvent(name), token, repository: `${OWNER}/${name}`, ...options });
  timings.push(`${name} ${Math.round(result.ms)} ms`);
  // The token must never reach the log, whatever happened.
  expect(result.stdout + result.stderr).not.toContain(token);
  return result;
}

/** An ADR complete enough for no error, with a few warnings (no options, no triggers, no trade-off). */
function warningsOnlyAdr(n: number): string {
  return `# ${n}. Use Redis for sessions ${n}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nSessions are lost on every deploy.\n\n## Decision\n\nKeep sessions in Redis.\n\n## Consequences\n\nSessions survive deploys.\n`;
}

function checkRuns(name: string) {
  return [...github.state.checkRuns.values()].filter((r) => r.repo === `${OWNER}/${name}`);
}

function summaryComments(name: string) {
  return github.state.commentsOn(`${OWNER}/${name}`, 1).filter((c) => c.body.includes(MARKER));
}

function reviewComments(name: string) {
  return [...github.state.reviewComments.values()].filter((c) => c.repo === `${OWNER}/${name}`);
}

// Each test has its own repository and the runs are separate processes, so they run at once:
// most of a run is the throttling plugin spacing writes (1 s, 3 s for comments), not CPU.
describe.concurrent('the GitHub Action, built, against the GitHub double', () => {
  it('reviews a clean ADR: success, outputs, step summary, one summary comment by github-actions[bot], exit 0', async () => {
    const pull = seed('clean', {}, { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR });
    const result = await run('clean');

    expect(result.code, result.stdout + result.stderr).toBe(0);
    const [checkRun] = checkRuns('clean');
    expect(checkRuns('clean')).toHaveLength(1);
    expect(checkRun).toMatchObject({ name: 'Design review', headSha: pull.head.sha, status: 'completed', conclusion: 'success' });
    expect(result.outputs).toMatchObject({ conclusion: 'success', findings: '0', outcome: 'reviewed', 'check-run-id': String(checkRun!.id) });
    expect(result.outputs['check-run-url']).toMatch(new RegExp(`/acme/clean/runs/${checkRun!.id}$`));
    expect(result.outputs['summary']).toBe(checkRun!.output.summary);
    expect(result.outputs['summary']).toContain('\n');
    expect(result.summary).toBe(`${checkRun!.output.summary}\n\n[Check run: ${checkRun!.output.title}](${result.outputs['check-run-url']})\n`);
    const comments = summaryComments('clean');
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.login).toBe(BOT);
    expect(commands(result, 'error')).toEqual([]);
    // No read-back: the review returns the check run it completed, and the outputs above equal GitHub's copy.
    expect(github.requestsFor('checks/get').filter((r) => r.path.includes('/acme/clean/'))).toEqual([]);
    expect(github.violations).toEqual([]);
    expect(github.unhandled).toEqual([]);
  });

  it('fails on a flawed ADR under an `error` rule inherited through `_extends`: failure, annotations, exit 1', async () => {
    // Org-wide defaults in acme/.github, pulled in by the repository's config as with the App.
    github.state.addRepo({ owner: OWNER, name: '.github', installationId: INSTALLATION, files: { '.github/design-review.yml': 'rules:\n  adr-status: error\n' } });
    const pull = seed('flawed', { '.github/design-review.yml': '_extends: .github\n' }, { 'docs/adr/0002-use-kafka.md': FLAWED_ADR });
    const result = await run('flawed');

    expect(result.code, result.stdout + result.stderr).toBe(1);
    const [checkRun] = checkRuns('flawed');
    expect(checkRun).toMatchObject({ headSha: pull.head.sha, conclusion: 'failure' });
    expect(checkRun!.output.annotations).toContainEqual(
      expect.objectContaining({ path: 'docs/adr/0002-use-kafka.md', annotation_level: 'failure', title: 'adr-status' }),
    );
    expect(result.outputs['conclusion']).toBe('failure');
    expect(Number(result.outputs['findings'])).toBe(checkRun!.output.annotations.length);
    expect(Number(result.outputs['findings'])).toBeGreaterThan(1);
    expect(commands(result, 'error').join('\n')).toMatch(/concluded "failure" \(fail-on: failure,action_required\)/);
    expect(github.requestsFor('pulls/create-review').filter((r) => r.path.includes('/acme/flawed/'))[0]?.body).toMatchObject({ event: 'COMMENT', commit_id: pull.head.sha });
    expect(reviewComments('flawed').length).toBeGreaterThan(0);
    expect(reviewComments('flawed').every((c) => c.user.login === BOT)).toBe(true);
    expect(github.violations).toEqual([]);
  });

  it('runs twice on the same event (GHE-style API URL) without duplicating the summary or the review comments', async () => {
    seed('rerun', { '.github/design-review.yml': 'rules:\n  adr-status: error\n' }, { 'docs/adr/0002-use-kafka.md': FLAWED_ADR });
    const event = openedEvent('rerun');
    const first = await run('rerun', { payload: event, apiPrefix: '/api/v3' });
    const commentsAfterFirst = reviewComments('rerun').map((c) => c.id);
    const second = await run('rerun', { payload: event, apiPrefix: '/api/v3' });

    expect([first.code, second.code]).toEqual([1, 1]);
    expect(first.outputs['findings']).toBe(second.outputs['findings']);
    expect(commentsAfterFirst.length).toBeGreaterThan(0);
    expect(reviewComments('rerun').map((c) => c.id)).toEqual(commentsAfterFirst);
    expect(summaryComments('rerun')).toHaveLength(1);
    expect(github.requests.filter((r) => r.path.includes('/acme/rerun/')).every((r) => r.path.startsWith('/api/v3/'))).toBe(true);
    expect(github.violations).toEqual([]);
  });

  it('fails the step on more warnings than `max-warnings`, counting every warning annotation it published', async () => {
    // Warnings only, and more than one batch of 50 annotations: the count is summed over the writes.
    const records = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`docs/adr/${String(i + 1).padStart(4, '0')}-use-redis-${i + 1}.md`, warningsOnlyAdr(i + 1)]));
    seed('many-warnings', {}, records);
    seed('warnings-allowed', {}, records);
    const [limited, allowed] = await Promise.all([run('many-warnings', { inputs: { 'max-warnings': '0' } }), run('warnings-allowed', { inputs: { 'max-warnings': '100000' } })]);

    const warnings = checkRuns('many-warnings')[0]!.output.annotations.filter((a) => (a as { annotation_level: string }).annotation_level === 'warning').length;
    expect(warnings).toBeGreaterThan(50);
    // Neutral, which the default fail-on lets pass: the limit is what fails the step.
    expect(limited.outputs).toMatchObject({ conclusion: 'neutral', findings: String(warnings), outcome: 'reviewed' });
    expect(limited.code, limited.stdout + limited.stderr).toBe(1);
    expect(commands(limited, 'error')).toEqual([`Design review: ${warnings} warnings, more than max-warnings 0 (the check run concluded "neutral")`]);
    expect(allowed.outputs).toMatchObject({ conclusion: 'neutral', findings: String(warnings) });
    expect(allowed.code, allowed.stdout + allowed.stderr).toBe(0);
    expect(commands(allowed, 'error')).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  it('answers an invalid config with action_required, nothing else written, exit 1', async () => {
    seed('misconfigured', { '.github/design-review.yml': 'rules:\n  no-such-rule: error\n' }, { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR });
    const result = await run('misconfigured');

    expect(result.code).toBe(1);
    expect(checkRuns('misconfigured')).toHaveLength(1);
    expect(checkRuns('misconfigured')[0]!.conclusion).toBe('action_required');
    expect(result.outputs).toMatchObject({ conclusion: 'action_required', outcome: 'invalid-config', findings: '0' });
    expect(result.outputs['summary']).toContain('no-such-rule');
    expect(commands(result, 'warning').join('\n')).toContain('no-such-rule');
    expect(summaryComments('misconfigured')).toEqual([]);
    expect(reviewComments('misconfigured')).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  it('leaves other events alone: a notice, exit 0, no GitHub request', async () => {
    // A double of its own, so "no request at all" is not blurred by the other tests' runs.
    const quiet = await startGitHubDouble({ app: { id: 15368, slug: 'github-actions' } });
    try {
      quiet.state.addInstallation({ id: INSTALLATION, account: OWNER });
      quiet.state.addRepo({ owner: OWNER, name: 'pushed', installationId: INSTALLATION, files: { 'README.md': '# pushed\n' } });
      quiet.state.seedPullRequest(`${OWNER}/pushed`, { number: 1, branch: 'adr', changes: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
      const opened = buildDelivery('pull_request', 'opened', pullRequestPatch(quiet.state, quiet.url, `${OWNER}/pushed`, 1)).payload;
      const base = { token: quiet.issueToken(INSTALLATION), repository: `${OWNER}/pushed` };
      const push = await runAction(quiet, { ...base, eventName: 'push', payload: buildDelivery('push', 0).payload });
      const closed = await runAction(quiet, { ...base, eventName: 'pull_request', payload: { ...opened, action: 'closed' } });
      const retitled = await runAction(quiet, { ...base, eventName: 'pull_request_target', payload: { ...opened, action: 'edited', changes: { title: { from: 'Old' } } } });

      expect([push.code, closed.code, retitled.code]).toEqual([0, 0, 0]);
      expect(commands(push, 'notice').join('\n')).toMatch(/"push" event has none/);
      expect(commands(closed, 'notice').join('\n')).toMatch(/pull_request\.closed does not change the documents/);
      expect(commands(retitled, 'notice').join('\n')).toMatch(/pull_request_target\.edited changes neither/);
      expect([push.outputs, closed.outputs, retitled.outputs]).toEqual([{}, {}, {}]);
      expect(quiet.requests).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('exits 1 naming `checks: write` when GitHub refuses to create the check run', async () => {
    seed('readonly', {}, { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR });
    github.failNext({
      method: 'POST',
      path: '/repos/acme/readonly/check-runs',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run', status: '403' },
    });
    const result = await run('readonly');

    expect(result.code).toBe(1);
    const errors = commands(result, 'error').join('\n');
    expect(errors).toContain('the token lacks `checks: write`');
    expect(errors).toContain('POST /repos/acme/readonly/check-runs');
    expect(errors).toContain('`pull-requests: write`');
    expect(checkRuns('readonly')).toEqual([]);
    expect(summaryComments('readonly')).toEqual([]);
    expect(result.outputs).toEqual({});
    expect(github.pendingFaults().filter((f) => f.path === '/repos/acme/readonly/check-runs')).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  it('fails the step when the review cannot finish, even with an empty fail-on, naming `pull-requests: write`', async () => {
    const pull = seed('nocomments', {}, { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR });
    github.failNext({
      method: 'POST',
      path: '/repos/acme/nocomments/issues/1/comments',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '403' },
    });
    const result = await run('nocomments', { inputs: { 'fail-on': '' } });

    expect(result.code).toBe(1);
    expect(commands(result, 'error').join('\n')).toContain('POST /repos/acme/nocomments/issues/1/comments (HTTP 403: Resource not accessible by integration): the token lacks `pull-requests: write`');
    // The job marks its check run failed, so it never stays in progress.
    expect(checkRuns('nocomments')).toEqual([expect.objectContaining({ headSha: pull.head.sha, conclusion: 'failure' })]);
    expect(result.outputs).toMatchObject({ outcome: 'failed', conclusion: 'failure' });
    expect(summaryComments('nocomments')).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  it('tells a fork pull request on `pull_request` (read-only GITHUB_TOKEN) to use pull_request_target', async () => {
    github.state.addRepo({ owner: OWNER, name: 'upstream', installationId: INSTALLATION, files: { 'README.md': '# upstream\n' } });
    github.state.addRepo({ owner: 'contributor', name: 'upstream', files: { 'README.md': '# upstream\n' } });
    github.state.commit('contributor/upstream', { branch: 'adr', files: { 'docs/adr/0001-use-postgresql.md': CLEAN_ADR } });
    github.state.openPullRequest(`${OWNER}/upstream`, { number: 1, head: 'adr', headRepo: 'contributor/upstream' });
    github.failNext({
      method: 'POST',
      path: '/repos/acme/upstream/check-runs',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run', status: '403' },
    });
    const result = await run('upstream');

    expect(result.code).toBe(1);
    const errors = commands(result, 'error').join('\n');
    expect(errors).toContain('the token lacks `checks: write`');
    expect(errors).toContain('comes from a fork');
    expect(errors).toContain('`pull_request_target`');
    expect(github.pendingFaults().filter((f) => f.path === '/repos/acme/upstream/check-runs')).toEqual([]);
    expect(github.violations).toEqual([]);
  });
});
