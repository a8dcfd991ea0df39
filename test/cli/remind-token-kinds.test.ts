// `design-review remind` run three times in a row with each kind of token a workflow gives it,
// against the GitHub double: every run must find the reminder and health issues the runs before it
// opened, whoever's account wrote them, and no run may take a person's issue carrying a copied
// marker for its own. The reported case runs the built binary; GITHUB_TOKEN runs runRemind, the
// function the binary's `remind` hands its flags and environment to, in this process (a process
// start costs about two seconds of CPU). Each kind has its own double and the two run side by side.
// The App's own sweep: test/reminders/installation-sweep-identity.test.ts; a personal token, and a sweep
// that cannot learn its login: test/reminders/reminder-sweep-identity.test.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRemind } from '../../src/cli/remind-command.js';
import { hasHealthMarker, parseReminderMarker } from '../../src/core/reminders/marker.js';
import type { GitHubDouble } from '../github-double/index.js';
import { DUE_ADR, forgeMarkers, identityFiles, INSTALLATION_ID, issuesOf, REPO, SECOND_DUE, startSweepDouble } from '../reminders/reminder-sweep-harness.js';
import { runCli, type CliResult } from './cli-harness.js';

const TODAY = '2026-06-15';
/** The open reminders every run must leave: one per due trigger. */
const DUE = [`${DUE_ADR} 2026-06-01`, `${SECOND_DUE} 2026-05-01`];
const CLEAN_ENV = {
  GITHUB_TOKEN: undefined,
  GITHUB_REPOSITORY: undefined,
  GITHUB_API_URL: undefined,
  GITHUB_ACTIONS: undefined,
  APP_ID: undefined,
  PRIVATE_KEY: undefined,
  PRIVATE_KEY_PATH: undefined,
  PROMETHEUS_URL: undefined,
  CONFIG_EXTENDS_ALLOW: undefined,
};

let dir: string;
const spacing = process.env['GITHUB_WRITE_SPACING_MS'];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'design-review-remind-kinds-'));
  // The double has no secondary rate limit: the clients of this process and of the binary space
  // writes and GraphQL queries 10 ms apart rather than 1 s (GITHUB_WRITE_SPACING_MS, read by the clients).
  process.env['GITHUB_WRITE_SPACING_MS'] ??= '10';
});
afterAll(async () => {
  if (spacing === undefined) delete process.env['GITHUB_WRITE_SPACING_MS'];
  else process.env['GITHUB_WRITE_SPACING_MS'] = spacing;
  await rm(dir, { recursive: true, force: true });
});


/** After a run: exactly one open reminder per due trigger and one health issue, all written by `author`. */
function expectOneOfEach(double: GitHubDouble, author: string, run: number): void {
  const mine = issuesOf(double).filter((i) => i.user.login === author);
  const open = mine.filter((i) => i.state === 'open');
  const reminders = open.map((i) => parseReminderMarker(i.body ?? '')).filter((m) => m !== undefined);
  expect(reminders.map((m) => `${m.path} ${m.occurrence}`).sort(), `open reminders after run ${run}`).toEqual(DUE);
  expect(open.filter((i) => hasHealthMarker(i.body ?? '')).map((i) => i.title), `health issues after run ${run}`).toEqual(['Decision health']);
  // Nothing was opened and closed again behind the count, and nobody else wrote the bot's issues.
  expect(mine.filter((i) => i.state === 'closed'), `closed issues after run ${run}`).toEqual([]);
  expect(issuesOf(double).filter((i) => i.user.login !== author && i.user.login !== 'mallory')).toEqual([]);
}

/** `design-review remind --today TODAY` with this environment, in this process. */
async function remindInProcess(env: Record<string, string | undefined>): Promise<CliResult> {
  const streams = { stdout: new PassThrough(), stderr: new PassThrough() };
  const text = { stdout: '', stderr: '' };
  streams.stdout.on('data', (chunk: Buffer) => (text.stdout += chunk.toString('utf8')));
  streams.stderr.on('data', (chunk: Buffer) => (text.stderr += chunk.toString('utf8')));
  const io = { cwd: dir, stdout: streams.stdout as unknown as NodeJS.WriteStream, stderr: streams.stderr as unknown as NodeJS.WriteStream };
  const code = await runRemind({ today: TODAY, dryRun: false, format: 'text' }, env, io);
  return { code, ...text };
}

async function threeRuns(double: GitHubDouble, env: Record<string, string | undefined>, author: string, how: 'binary' | 'in-process'): Promise<void> {
  for (const run of [1, 2, 3]) {
    const result = how === 'binary' ? await runCli(['remind', '--today', TODAY], dir, env) : await remindInProcess(env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(run === 1 ? /^acme\/decisions: swept \(opened #\d+, #\d+\)$/m : /^acme\/decisions: swept \(2 kept open\)$/m);
    expectOneOfEach(double, author, run);
  }
  expect(double.violations).toEqual([]);
  expect(double.unhandled).toEqual([]);
}

const tokenEnv = (double: GitHubDouble, token: string) => ({ ...CLEAN_ENV, GITHUB_ACTIONS: 'true', GITHUB_TOKEN: token, GITHUB_REPOSITORY: REPO, GITHUB_API_URL: double.url });

/** Requests that asked GraphQL's viewer who the token is. */
function viewerQueries(double: GitHubDouble) {
  return double.requestsFor('graphql').filter((r) => String((r.body as { query?: unknown } | undefined)?.query).includes('viewer'));
}

describe.concurrent("design-review remind finds its own reminders, whoever's token runs it (three runs each)", () => {
  const doubles: GitHubDouble[] = [];
  afterAll(async () => {
    await Promise.all(doubles.map((d) => d.close()));
  });
  async function double(appSlug: string): Promise<GitHubDouble> {
    const started = await startSweepDouble(identityFiles(), appSlug);
    doubles.push(started);
    return started;
  }

  it("the workflow's GITHUB_TOKEN (writes as github-actions[bot]); whose token it is is asked once per run, by GraphQL viewer", async ({ expect }) => {
    const github = await double('design-review');
    const token = github.issueToken(INSTALLATION_ID, { as: 'github-actions[bot]' });
    await threeRuns(github, tokenEnv(github, token), 'github-actions[bot]', 'in-process');
    expect(viewerQueries(github)).toHaveLength(3);
    // One listing per run, by creator: knowing whose issues are whose costs no listing by label.
    expect(github.requestsFor('issues/list-for-repo').map((r) => r.query['creator'])).toEqual(Array(3).fill('github-actions[bot]'));
  });

  it("a GitHub App's installation token in a workflow (writes as my-app[bot], GITHUB_ACTIONS=true, the reported case), beside a person's issue with copied markers, which it neither believes nor touches", async ({ expect }) => {
    const github = await double('my-app');
    // mallory copies the markers into a labelled issue: the due ADR "already reminded" for 2099,
    // the second ADR's real occurrence, and the health issue's marker.
    const { issue: forged, original } = forgeMarkers(github);
    await threeRuns(github, tokenEnv(github, github.issueToken(INSTALLATION_ID)), 'my-app[bot]', 'binary');
    expect({ title: forged.title, body: forged.body, state: forged.state, labels: forged.labels }).toEqual(original);
    expect(github.state.commentsOn(REPO, forged.number)).toEqual([]);
    expect(github.requests.filter((r) => r.method !== 'GET' && r.path.includes(`/issues/${forged.number}`))).toEqual([]);
  });
});
