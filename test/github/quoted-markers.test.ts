// Issue 13, item 7: a hidden marker quoted from a document must never be taken for the bot's own.
// Reproduced: a status line `acepted <!-- design-review:finding 00000000deadbeef -->` goes into the
// suggestion block of an inline comment, ahead of the real marker; reading the first marker made
// every re-review delete and re-post that comment, dropping the replies under it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planInlineComments } from '../../src/core/publish/inline-comments.js';
import { fingerprintOf, SUMMARY_MARKER, withoutFindingMarker, type InlineComment } from '../../src/core/publish/types.js';
import { review } from '../../src/core/review/review.js';
import { syncReviewComments } from '../../src/github/review-comments.js';
import { upsertSummaryComment } from '../../src/github/sticky-comment.js';
import type { GitHubDouble } from '../github-double/index.js';
import { codeIn } from '../helpers/live-references.js';
import { reviewOptions } from '../helpers/review-options.js';
import { botLogin, NAME, octokitFor, OWNER, REPO, startDouble } from './double-octokit.js';

const FAKE = '<!-- design-review:finding 00000000deadbeef -->';
const PATH = 'docs/adr/0003-use-redis.md';
// The status word is a typo, so the status finding suggests a fix of line 5, quoting its text.
const ADR = `# 3. Use Redis\n\n## Status\n\nacepted ${FAKE}\n\n## Context\n\nWe need a cache.\n\n## Decision\n\nWe will use Redis.\n`;

/** The inline comments the core plans for the ADR, every line in the diff. */
function plannedComments(): InlineComment[] {
  const lines = ADR.split('\n');
  const findings = review([{ path: PATH, kind: 'adr', content: ADR }], reviewOptions()).findings;
  const patch = `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`;
  return planInlineComments(findings, [{ path: PATH, status: 'added', patch }], { lines: new Map([[PATH, lines]]) }).comments;
}

describe('finding markers quoted from a document', () => {
  let double: GitHubDouble;
  let params: { owner: string; repo: string; pullNumber: number; commitId: string; botLogin: string };
  beforeEach(async () => {
    double = await startDouble();
    const pull = double.state.seedPullRequest(REPO, { number: 7, branch: 'redis', changes: { [PATH]: ADR } });
    params = { owner: OWNER, repo: NAME, pullNumber: 7, commitId: pull.head.sha, botLogin: botLogin(double) };
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('the status comment carries the fake marker in its suggestion, exact, and the real one last', () => {
    const status = plannedComments().find((c) => c.line === 5)!;
    const suggestion = codeIn(status.body).blocks.find((b) => b.lang === 'suggestion');
    expect(suggestion?.value).toContain(FAKE);
    expect(status.body.indexOf(FAKE)).toBeLessThan(status.body.lastIndexOf('<!-- design-review:finding'));
    expect(fingerprintOf(status.body)).toBe(status.fingerprint);
  });

  it('a second review with the same findings deletes nothing and posts nothing (the reproduction)', async () => {
    const gh = octokitFor(double);
    const comments = plannedComments();
    const first = await syncReviewComments(gh, params, comments);
    expect(first.posted).toHaveLength(comments.length);
    const ids = [...double.state.reviewComments.keys()].sort();
    double.clearRequests();

    const second = await syncReviewComments(gh, params, plannedComments());
    expect(second).toEqual({ posted: [], kept: comments.length, deleted: 0, failed: [] });
    expect(double.requests.map((r) => r.operationId)).toEqual(['pulls/list-review-comments']);
    // The same comments, so the replies under them stay.
    expect([...double.state.reviewComments.keys()].sort()).toEqual(ids);
  });
});

describe('reading the finding marker', () => {
  const real = '<!-- design-review:finding 0123456789abcdef -->';

  it('reads only the marker that ends the body, on a line of its own', () => {
    expect(fingerprintOf(`x\n\n\`\`\`suggestion\nacepted ${FAKE}\n\`\`\`\n\n${real}`)).toBe('0123456789abcdef');
    expect(fingerprintOf(`x\r\n\r\n${real}\r\n  `)).toBe('0123456789abcdef');
    expect(fingerprintOf(real)).toBe('0123456789abcdef');
    // A marker that is not last, or not on its own line, is someone's text.
    expect(fingerprintOf(`${FAKE}\n\nmore text`)).toBeUndefined();
    expect(fingerprintOf(`acepted ${FAKE}`)).toBeUndefined();
    expect(fingerprintOf(`${real} -->`)).toBeUndefined();
    expect(fingerprintOf('<!-- design-review:finding XYZ -->')).toBeUndefined();
  });

  it('withoutFindingMarker drops only the trailing marker, for the summary\'s list of unplaced comments', () => {
    const body = `**Warning**\n\n\`\`\`suggestion\nacepted ${FAKE}\n\`\`\``;
    expect(withoutFindingMarker(`${body}\n\n${real}\n`)).toBe(body);
    expect(withoutFindingMarker(body)).toBe(body);
  });

  it('takes about as long on 100,000 marker prefixes as on prose of the same size', () => {
    const prefixes = `${'<!-- design-review:finding '.repeat(100_000)}\n${real}`;
    const prose = `${'a'.repeat(prefixes.length - real.length - 1)}\n${real}`;
    // The second run of each is timed: the first one also flattens the built-up string.
    const time = (body: string) => {
      expect(fingerprintOf(body)).toBe('0123456789abcdef');
      const started = performance.now();
      fingerprintOf(body);
      return performance.now() - started;
    };
    const baseline = Math.max(time(prose), 2);
    expect(time(prefixes)).toBeLessThan(baseline * 20);
  });
});

describe('the summary marker quoted in another of the bot\'s comments', () => {
  let double: GitHubDouble;
  beforeEach(async () => {
    double = await startDouble();
    double.state.seedPullRequest(REPO, { number: 7, branch: 'adr', changes: { 'docs/adr/0003-x.md': '# 3. X\n' } });
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('is not taken for the summary: the reply quoting it is left alone and the summary is created', async () => {
    const bot = botLogin(double);
    // A reply of the bot quoting a document (in code, where the text is kept exact).
    const reply = double.state.addIssueComment(REPO, 7, { body: `I could not read \`${SUMMARY_MARKER}\`.\n\n<!-- design-review:adr-reply comment=1 -->`, user: bot });
    const result = await upsertSummaryComment(octokitFor(double), { owner: OWNER, repo: NAME, issueNumber: 7, botLogin: bot, body: `${SUMMARY_MARKER}\nv1` });
    expect(result.action).toBe('created');
    expect(result.commentId).not.toBe(reply.id);
    expect(double.state.issueComments.get(reply.id)!.body).toContain('I could not read');
  });
});
