// Issue 13, items 5 and 7, end to end: the built App against the GitHub double.
// 5. A fork's ADR trigger `Revisit by 2020-01-01 cc @acme/security-team @octocat #1 acme/other#1`
//    reaches GitHub in no form that mentions anyone or references an issue.
// 7. A status line quoting a fake finding marker does not make a re-push re-post its comment.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { asSeen, HOSTILE_TRIGGER, liveInMarkdown, liveInText } from '../helpers/live-references.js';
import { isFor, isSummaryWrite, startReviewHarness, type ReviewHarness } from './review-harness.js';

const ADR_PATH = 'docs/adr/0001-use-postgresql.md';
const FAKE_MARKER = '<!-- design-review:finding 00000000deadbeef -->';

/** An ADR with a due revisit trigger (echoed in the summary) and a misspelt status (an inline suggestion). */
function adr(trigger: string, status = 'Accepted'): string {
  return [
    '# 1. Use PostgreSQL for order storage',
    '',
    'Date: 2019-03-12',
    '',
    '## Status',
    '',
    status,
    '',
    '## Context',
    '',
    'Orders need transactions across payments and stock. cc @octocat about #1',
    '',
    '## Decision',
    '',
    'We will store orders in PostgreSQL.',
    '',
    '## Consequences',
    '',
    '- Good, because joins work.',
    '- Bad, because migrations slow deploys down.',
    '',
    '## Revisit triggers',
    '',
    `- ${trigger}`,
    '',
  ].join('\n');
}

let h: ReviewHarness;

beforeAll(async () => {
  h = await startReviewHarness({ extraEnv: { REVIEW_CONCURRENCY: '4' } });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** Delivers `pull_request.<action>` and resolves with the summary comment write it led to. */
async function reviewAfter(repo: string, action: string) {
  const seq = h.lastSeq();
  const response = await h.deliverPullRequest(repo, 1, action);
  if (response.status !== 200) throw new Error(`pull_request.${action} for ${repo}: HTTP ${response.status}, expected 200`);
  return { seq, summary: await h.requestAfter(seq, (r) => isSummaryWrite(repo, r)) };
}

describe.concurrent('document text echoed by the App', { timeout: 120_000 }, () => {
  it('a fork\'s hostile revisit trigger: no live mention or reference in the summary comment, check run or review comments', async ({ expect }) => {
    const { owner } = h.installation('mentions');
    const repo = `${owner}/mentions`;
    h.github.state.addRepo({ owner, name: 'mentions', files: { 'README.md': '# mentions\n' } });
    const fork = `${owner}/mentions-fork`;
    h.github.state.forkRepo(repo, { owner, name: 'mentions-fork' });
    h.github.state.seedPullRequest(repo, { number: 1, branch: 'adr-1', headRepo: fork, changes: { [ADR_PATH]: adr(HOSTILE_TRIGGER, 'Acepted') } });

    const { seq, summary } = await reviewAfter(repo, 'opened');
    const body = (summary.body as { body: string }).body;
    // The trigger is echoed, as it reads, and nothing in it is live.
    expect(asSeen(body)).toContain(HOSTILE_TRIGGER);
    expect(liveInMarkdown(body)).toEqual([]);

    const after = h.github.requests.filter((r) => r.seq > seq && isFor(repo, r));
    const checkWrites = after.filter((r) => r.operationId === 'checks/create' || r.operationId === 'checks/update');
    const outputs = checkWrites.map((r) => (r.body as { output?: { title?: string; summary?: string; text?: string; annotations?: { message: string; title?: string; raw_details?: string }[] } }).output ?? {});
    expect(outputs.some((o) => asSeen(o.summary ?? '').includes(HOSTILE_TRIGGER))).toBe(true);
    for (const o of outputs) {
      for (const markdown of [o.title ?? '', o.summary ?? '', o.text ?? '']) expect(liveInMarkdown(markdown)).toEqual([]);
      for (const a of o.annotations ?? []) expect(liveInText(`${a.message} ${a.title ?? ''} ${a.raw_details ?? ''}`)).toEqual([]);
    }
    const inline = h.reviewComments(repo, 1);
    expect(inline.length).toBeGreaterThan(0);
    for (const c of inline) expect(liveInMarkdown(c.body)).toEqual([]);
    expect(h.github.violations).toEqual([]);
  });

  it('a fake finding marker in the status line: a re-push with the same findings deletes and posts nothing', async ({ expect }) => {
    const { owner } = h.installation('marker');
    const repo = `${owner}/marker`;
    h.github.state.addRepo({ owner, name: 'marker', files: { 'README.md': '# marker\n' } });
    const text = adr('Revisit by 2030-01-01.', `acepted ${FAKE_MARKER}`);
    h.github.state.seedPullRequest(repo, { number: 1, branch: 'adr-1', changes: { [ADR_PATH]: text } });
    await reviewAfter(repo, 'opened');
    const first = h.reviewComments(repo, 1);
    // The status suggestion quotes the fake marker ahead of the real one.
    expect(first.some((c) => c.body.includes(FAKE_MARKER))).toBe(true);

    // A push that changes no finding: only the decision's wording.
    h.github.state.pushToPullRequest(repo, 1, { [ADR_PATH]: text.replace('We will store', 'We store') }, 'Reword');
    const { seq } = await reviewAfter(repo, 'synchronize');
    // The summary is written after the inline comments are synced, so every request of that sync is in.
    const writes = h.github.requests.filter((r) => r.seq > seq && isFor(repo, r) && (r.operationId === 'pulls/delete-review-comment' || r.operationId === 'pulls/create-review'));
    expect(writes.map((r) => `${r.operationId} ${r.path}`)).toEqual([]);
    expect(h.reviewComments(repo, 1).map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(h.github.violations).toEqual([]);
  });
});
