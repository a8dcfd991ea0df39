// End to end, issue 13's two stalls, reproduced as reported through the real App process and the
// GitHub double: a 65 KB comment by a user with no access (markdown that micromark reads in
// quadratic time) and a fork pull request adding an ADR of that shape. Before the core pool, the
// comment was parsed inside the webhook request (24 s; /healthz and every other delivery waited
// behind it) and the review ran on the event loop (36 s). Each test uses the App's own progress as
// its clock: it waits for the request that shows the hostile text is being read, then asks
// /healthz and sends another delivery, and checks that both were answered while the hostile text
// was still being read.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Annotation } from '../../src/core/publish/types.js';
import { buildDelivery, issueCommentPatch, sendDelivery, type WebhookDelivery } from '../github-double/index.js';
import { WEBHOOK_SECRET } from './app-process.js';
import { isCompletion, isFor, isSummaryWrite, startReviewHarness, type ReviewHarness } from './review-harness.js';
import { KAFKA_CLEAN } from './review-fixtures.js';

/** `- x` then `y` on 32,757 lines: every `y` a lazy continuation of the list item (65 KB, GitHub's comment limit). */
const LAZY_LINES = `- x\n${'y\n'.repeat(32_757)}`;
/** The comment as reported: the command first, the hostile list after it. */
const COMMAND_THEN_LIST = `/adr help\n\n${LAZY_LINES}`.slice(0, 65_536);
/** The other order: the whole list has to be read to know whether `/adr help` is a paragraph. */
const LIST_THEN_COMMAND = `${LAZY_LINES.slice(0, 65_500)}\n\n/adr help\n`;
/**
 * The fork's ADR: `- x` followed by 56k lazy lines (112 KB). micromark reads it in quadratic time:
 * about 70 s on a 2-core CI machine (20k lines: 9 s), so even a machine three times as fast is
 * still reading it when its 20 s budget ends.
 */
const HOSTILE_ADR = `- x\n${'y\n'.repeat(56_000)}`;

// The budgets the test runs with: long enough that the probes below run while a budget is being
// spent even on a loaded machine, short enough to keep the test quick.
const COMMAND_PARSE_TIMEOUT_MS = 5_000;
// The hostile ADR's budget is also how long the bystander pull request has to be reviewed before it
// (the test asserts that order): generous. A loaded CI machine once took over 6 s, when about 7 s
// of every review was GitHub's write spacing (1 s, 3 s for the review and the comment); the tests
// now space writes 10 ms apart (GITHUB_WRITE_SPACING_MS), so what is left is CPU. With 10 s, a
// full suite run on a loaded 2-core machine still once finished the hostile ADR's budget first
// (the probes and the bystander's review shared the cores with the rest of the suite): 20 s.
const REVIEW_DOCUMENT_TIMEOUT_MS = 20_000;
const PROBES = 10;

let h: ReviewHarness;

beforeAll(async () => {
  h = await startReviewHarness({
    extraEnv: {
      REVIEW_CONCURRENCY: '4',
      REVIEW_THREADS: '2',
      COMMAND_PARSE_TIMEOUT_MS: String(COMMAND_PARSE_TIMEOUT_MS),
      REVIEW_DOCUMENT_TIMEOUT_MS: String(REVIEW_DOCUMENT_TIMEOUT_MS),
    },
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
}, 120_000);

/** A repository on an installation of its own, with an issue, and `stranger` who has no access to it. */
function seedIssue(name: string) {
  const { owner } = h.installation(name);
  h.github.state.addRepo({ owner, name, files: { 'README.md': `# ${name}\n` } });
  const repo = `${owner}/${name}`;
  const issue = h.github.state.addIssue(repo, { title: 'Question', body: 'Context.', user: 'alice' });
  return { repo, issue };
}

function commentDelivery(repo: string, issueNumber: number, body: string, user: string): { commentId: number; delivery: WebhookDelivery } {
  const comment = h.github.state.addIssueComment(repo, issueNumber, { body, user });
  return { commentId: comment.id, delivery: buildDelivery('issue_comment', 'created', issueCommentPatch(h.github.state, h.github.url, comment.id), { secret: WEBHOOK_SECRET }) };
}

/** GET /healthz `PROBES` times, one after the other; each answer's latency in ms. */
async function probeHealth(): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < PROBES; i += 1) {
    const started = performance.now();
    const response = await fetch(`${h.app.url}/healthz`);
    if (response.status !== 200 || (await response.text()) !== 'ok') throw new Error(`/healthz answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
}

function isPermissionRead(repo: string, login: string, r: { path: string; operationId: string | undefined }): boolean {
  return r.operationId === 'repos/get-collaborator-permission-level' && isFor(repo, r) && r.path.endsWith(`/collaborators/${login}/permission`);
}

describe.concurrent('hostile input, end to end', { timeout: 120_000 }, () => {
  it('a 65 KB comment by a user with no access: the webhook does no work that grows with the text; one denied reply', async ({ expect }) => {
    const { repo, issue } = seedIssue('stall-comment');
    const short = commentDelivery(repo, issue.number, 'Thanks!', 'stranger');
    const shortStarted = performance.now();
    expect((await sendDelivery(h.app.webhookUrl, short.delivery, WEBHOOK_SECRET)).status).toBe(200);
    const shortAckMs = performance.now() - shortStarted;

    const seq = h.lastSeq();
    const { commentId, delivery } = commentDelivery(repo, issue.number, COMMAND_THEN_LIST, 'stranger');
    expect(COMMAND_THEN_LIST.length).toBeGreaterThan(65_000);
    const started = performance.now();
    const response = await sendDelivery(h.app.webhookUrl, delivery, WEBHOOK_SECRET);
    const ackMs = performance.now() - started;
    expect(response.status).toBe(200);
    // Answered about as fast as a one-word comment (it took 24 s when the webhook parsed the text).
    expect(ackMs).toBeLessThan(Math.max(1_000, 10 * shortAckMs));

    // The command comes before the list, so the part of the text that decides it is its first line:
    // after the permission read, one denied reply, no reaction.
    await h.requestAfter(seq, (r) => isPermissionRead(repo, 'stranger', r));
    const reply = await h.waitFor('the denied reply', () => h.github.state.commentsOn(repo, issue.number).find((c) => c.body.includes(`comment=${commentId}`)));
    expect(reply.body).toMatch(/write, maintain or admin/);
    expect(h.github.state.commentsOn(repo, issue.number).filter((c) => c.user.login === h.github.state.app.bot.login)).toHaveLength(1);
    expect(h.github.requests.filter((r) => r.seq > seq && isFor(repo, r) && r.path.includes('/reactions'))).toEqual([]);
    console.info(`e2e hostile comment (command first): webhook answered in ${ackMs.toFixed(1)} ms (a one-word comment: ${shortAckMs.toFixed(1)} ms)`);
    expect(h.github.violations).toEqual([]);
  });

  it('a 65 KB comment whose list comes before the command: /healthz and another delivery are answered while a worker thread reads it, then it is dropped', async ({ expect }) => {
    const { repo, issue } = seedIssue('stall-list');
    const other = seedIssue('stall-bystander');
    h.github.state.setPermission(other.repo, 'carol', 'write');
    const seq = h.lastSeq();
    const { commentId, delivery } = commentDelivery(repo, issue.number, LIST_THEN_COMMAND, 'stranger');
    const started = performance.now();
    const response = await sendDelivery(h.app.webhookUrl, delivery, WEBHOOK_SECRET);
    const ackMs = performance.now() - started;
    expect(response.status).toBe(200);

    // The permission read is the last step before the parse: from here a worker thread reads the list.
    await h.requestAfter(seq, (r) => isPermissionRead(repo, 'stranger', r));
    const latencies = await probeHealth();
    const bystander = commentDelivery(other.repo, other.issue.number, '/adr help', 'carol');
    const bystanderStarted = performance.now();
    expect((await sendDelivery(h.app.webhookUrl, bystander.delivery, WEBHOOK_SECRET)).status).toBe(200);
    const bystanderAckMs = performance.now() - bystanderStarted;
    // All of that happened while the hostile text was still being read: its budget has not run out.
    expect(h.app.output()).not.toContain('could not read the /adr command in time');

    await h.waitFor('the budget to stop the parse', () => h.app.output().includes('could not read the /adr command in time'), 60_000);
    // The other repository's command was answered in the meantime, on the other thread.
    await h.waitFor('the bystander reply', () => h.github.state.commentsOn(other.repo, other.issue.number).find((c) => c.body.includes(`comment=${bystander.commentId}`)));
    // The stranger gets nothing: a text that cannot be read in time is no command.
    expect(h.github.state.commentsOn(repo, issue.number).filter((c) => c.body.includes(`comment=${commentId}`))).toEqual([]);
    console.info(`e2e hostile comment (list first): webhook ${ackMs.toFixed(1)} ms; /healthz during the parse: ${summary(latencies)}; another delivery ${bystanderAckMs.toFixed(1)} ms`);
    expect(h.github.violations).toEqual([]);
  });

  it('a fork pull request adding a 112 KB hostile ADR: /healthz and another review go on; the ADR is skipped with a finding, the rest reviewed', async ({ expect }) => {
    const { owner } = h.installation('stall-fork');
    const repo = `${owner}/stall-fork`;
    h.github.state.addRepo({ owner, name: 'stall-fork', files: { 'README.md': '# Upstream\n' } });
    h.github.state.forkRepo(repo, { owner, name: 'stall-fork-contrib' });
    const hostilePath = 'docs/adr/0002-lists.md';
    const cleanPath = 'docs/adr/0003-use-kafka.md';
    const pull = h.github.state.seedPullRequest(repo, { number: 1, branch: 'adr', headRepo: `${owner}/stall-fork-contrib`, changes: { [hostilePath]: HOSTILE_ADR, [cleanPath]: KAFKA_CLEAN } });
    const bystander = h.installation('stall-review-bystander');
    const bystanderRepo = `${bystander.owner}/stall-review-bystander`;
    h.github.state.addRepo({ owner: bystander.owner, name: 'stall-review-bystander', files: { 'README.md': '# B\n' } });
    h.github.state.seedPullRequest(bystanderRepo, { number: 1, branch: 'adr', changes: { 'docs/adr/0002-use-kafka.md': KAFKA_CLEAN } });

    const seq = h.lastSeq();
    const started = performance.now();
    expect((await h.deliverPullRequest(repo, 1, 'opened')).status).toBe(200);
    const ackMs = performance.now() - started;
    // The documents are read in one GraphQL query; after it the review runs.
    await h.requestAfter(seq, (r) => r.operationId === 'graphql' && JSON.stringify(r.body).includes(`${pull.head.sha}:${hostilePath}`));
    const latencies = await probeHealth();
    const bystanderSeq = h.lastSeq();
    const bystanderStarted = performance.now();
    expect((await h.deliverPullRequest(bystanderRepo, 1, 'opened')).status).toBe(200);
    const bystanderAckMs = performance.now() - bystanderStarted;
    // The other repository is reviewed on the second thread while the hostile ADR holds the first.
    await h.requestAfter(bystanderSeq, (r) => isSummaryWrite(bystanderRepo, r));
    expect(h.github.requests.filter((r) => r.seq > seq && isCompletion(repo, r))).toEqual([]);

    await h.requestAfter(seq, (r) => isSummaryWrite(repo, r), 60_000);
    const run = h.completedRun(repo, pull.head.sha)!;
    const annotations = run.output.annotations as Annotation[];
    const skipped = annotations.filter((a) => a.path === hostilePath);
    expect(skipped.map((a) => a.message)).toEqual([expect.stringMatching(new RegExp(`took longer than ${REVIEW_DOCUMENT_TIMEOUT_MS / 1000} s to review and was stopped`))]);
    // The clean ADR of the same pull request was reviewed as usual: not skipped, in the summary.
    const summaryBody = h.summaryComments(repo, 1)[0]!.body;
    expect(summaryBody).toContain(cleanPath);
    expect(annotations.filter((a) => a.path === cleanPath && /Not reviewed/.test(a.message))).toEqual([]);
    console.info(`e2e hostile fork ADR: webhook ${ackMs.toFixed(1)} ms; /healthz during the review: ${summary(latencies)}; another delivery ${bystanderAckMs.toFixed(1)} ms`);
    expect(h.github.violations).toEqual([]);
  }, 120_000);
});
