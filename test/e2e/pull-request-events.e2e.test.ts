// End to end, per pull request event: re-requested checks, drafts, re-pushes, racing pushes,
// generated ADRs, a huge pull request and a fork. The built App runs as a child process against
// the GitHub double; every delivery is a real example payload patched to the seeded state.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHECK_NAME, isCompletion, isFor, isSummaryWrite, startReviewHarness, type ReviewHarness } from './review-harness.js';
import { KAFKA_CLEAN, KAFKA_FLAWED, KAFKA_STATUS_FIXED, ORDER_EVENTS_DESIGN } from './review-fixtures.js';

const ADR_PATH = 'docs/adr/0002-use-kafka.md';

let h: ReviewHarness;

beforeAll(async () => {
  // Eight scenarios at once, each on an installation of its own: let the App run as many reviews.
  h = await startReviewHarness({ extraEnv: { REVIEW_CONCURRENCY: '8' } });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/**
 * Seeds `<name>-org/<name>` on an installation of its own and a pull
 * request #1 changing `changes`; returns the repository's full name and the pull request.
 */
function seed(name: string, changes: Record<string, string | null>, options: { files?: Record<string, string>; draft?: boolean } = {}) {
  const { owner, installationId } = h.installation(name);
  h.github.state.addRepo({ owner, name, files: { 'README.md': `# ${name}\n`, ...options.files } });
  const repo = `${owner}/${name}`;
  const pull = h.github.state.seedPullRequest(repo, { number: 1, branch: 'change', changes, draft: options.draft ?? false });
  return { repo, pull, installationId };
}

/** Delivers `pull_request.<action>` and waits until the summary comment was written after it. */
async function reviewAfter(repo: string, action: string) {
  const seq = h.lastSeq();
  const response = await h.deliverPullRequest(repo, 1, action);
  if (response.status !== 200) throw new Error(`pull_request.${action} for ${repo}: HTTP ${response.status}, expected 200`);
  await h.requestAfter(seq, (r) => isSummaryWrite(repo, r));
}

/** Waits until nothing more reaches the double about `repo` for `ms` (only used to assert that nothing MORE happens). */
async function settle(repo: string, ms = 600) {
  const last = () => h.github.requests.filter((r) => isFor(repo, r)).at(-1)?.seq ?? 0;
  let seen = last();
  for (;;) {
    await new Promise((r) => setTimeout(r, ms));
    if (last() === seen) return;
    seen = last();
  }
}

function findingRule(body: string): string | undefined {
  return /\[`([a-z0-9-]+)`\]/.exec(body)?.[1];
}

// Concurrent: every scenario seeds a repository on an installation of its own, and the App spaces
// writes (1 s, 3 s for comments and reviews) per installation, so scenarios do not queue behind each
// other. Every "nothing more happened" check is scoped to the scenario's repository and installation.
describe.concurrent('pull request events, end to end', { timeout: 120_000 }, () => {
  it('re-reviews on check_run and check_suite re-requests, ignores another app\'s check, keeps one summary', async ({ expect }) => {
    const { repo, pull, installationId } = seed('rerequest', { [ADR_PATH]: KAFKA_FLAWED });
    await reviewAfter(repo, 'opened');
    await settle(repo);
    const comments = h.reviewComments(repo, 1).length;
    expect(comments).toBeGreaterThan(0);
    expect(h.checkRuns(repo, pull.head.sha)).toHaveLength(1);

    // Another app's check run re-requested: not ours, nothing happens.
    let seq = h.lastSeq();
    expect((await h.deliverCheckRunRerequested(repo, 1, 'randscape')).status).toBe(200);
    await settle(repo);
    expect(h.github.requests.filter((r) => r.seq > seq && (isFor(repo, r) || r.path.includes(`/installations/${installationId}/`)))).toEqual([]);

    // Ours re-requested: a new check run for the head, completed; comments not posted again.
    seq = h.lastSeq();
    expect((await h.deliverCheckRunRerequested(repo, 1, CHECK_NAME)).status).toBe(200);
    await h.requestAfter(seq, (r) => isCompletion(repo, r));
    await h.requestAfter(seq, (r) => r.operationId === 'issues/list-comments' && isFor(repo, r));
    await settle(repo);
    expect(h.checkRuns(repo, pull.head.sha).map((r) => r.status)).toEqual(['completed', 'completed']);

    seq = h.lastSeq();
    expect((await h.deliverCheckSuiteRerequested(repo, 1)).status).toBe(200);
    await h.requestAfter(seq, (r) => isCompletion(repo, r));
    await h.requestAfter(seq, (r) => r.operationId === 'issues/list-comments' && isFor(repo, r));
    await settle(repo);
    expect(h.checkRuns(repo, pull.head.sha).map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);

    expect(h.summaryComments(repo, 1)).toHaveLength(1);
    expect(h.reviewComments(repo, 1)).toHaveLength(comments);
    expect(h.github.requestsFor('pulls/create-review').filter((r) => isFor(repo, r))).toHaveLength(1);
    expect(h.github.requestsFor('issues/create-comment').filter((r) => isFor(repo, r))).toHaveLength(1);
    expect(h.github.violations).toEqual([]);
  });

  it('skips the comments of a draft with review.drafts: false, and posts them once it is ready for review', async ({ expect }) => {
    const { repo, pull } = seed('drafts-off', { [ADR_PATH]: KAFKA_FLAWED }, { draft: true, files: { '.github/design-review.yml': 'review:\n  drafts: false\n' } });
    let seq = h.lastSeq();
    expect((await h.deliverPullRequest(repo, 1, 'opened')).status).toBe(200);
    await h.requestAfter(seq, (r) => isCompletion(repo, r));
    await settle(repo);
    const run = h.completedRun(repo, pull.head.sha)!;
    expect(run.output.title).toMatch(/^Draft skipped/);
    expect(run.output.summary).toContain('review.drafts: false');
    expect(run.output.annotations.length).toBeGreaterThan(0);
    expect(h.reviewComments(repo, 1)).toEqual([]);
    expect(h.summaryComments(repo, 1)).toEqual([]);
    expect(h.github.requests.filter((r) => r.seq > seq && isFor(repo, r) && /pulls\/1\/(reviews|comments)|issues\/1\/comments/.test(r.path))).toEqual([]);

    h.github.state.findPull(repo, 1)!.draft = false;
    seq = h.lastSeq();
    await reviewAfter(repo, 'ready_for_review');
    expect(h.reviewComments(repo, 1).length).toBeGreaterThan(0);
    expect(h.summaryComments(repo, 1)).toHaveLength(1);
    const ready = h.github.requests.filter((r) => r.seq > seq && isCompletion(repo, r));
    expect(ready).toHaveLength(1);
    expect((ready[0]!.body as { output: { title: string } }).output.title).not.toMatch(/Draft skipped/);
    expect(h.github.violations).toEqual([]);
  });

  it('reviews a draft like any pull request with the default config', async ({ expect }) => {
    const { repo, pull } = seed('drafts-default', { [ADR_PATH]: KAFKA_FLAWED }, { draft: true });
    await reviewAfter(repo, 'opened');
    expect(h.completedRun(repo, pull.head.sha)!.output.title).not.toMatch(/Draft skipped/);
    expect(h.reviewComments(repo, 1).length).toBeGreaterThan(0);
    expect(h.summaryComments(repo, 1)).toHaveLength(1);
    expect(h.github.violations).toEqual([]);
  });

  it('follows re-pushes: the fixed finding\'s comment goes, the others stay unposted, the summary is edited until it says all clear', async ({ expect }) => {
    const { repo } = seed('repush', { [ADR_PATH]: KAFKA_FLAWED });
    await reviewAfter(repo, 'opened');
    const first = h.reviewComments(repo, 1);
    const [summary] = h.summaryComments(repo, 1);
    expect(first.map((c) => findingRule(c.body))).toContain('adr-status');
    const statusComment = first.find((c) => findingRule(c.body) === 'adr-status')!;
    const reviewsBefore = h.github.requestsFor('pulls/create-review').filter((r) => isFor(repo, r)).length;

    // Push 2 fixes the status typo only.
    const second = h.github.state.pushToPullRequest(repo, 1, { [ADR_PATH]: KAFKA_STATUS_FIXED }, 'Fix the status');
    await reviewAfter(repo, 'synchronize');
    const after = h.reviewComments(repo, 1);
    expect(after.map((c) => c.id)).toEqual(first.filter((c) => c.id !== statusComment.id).map((c) => c.id));
    expect(h.github.requestsFor('pulls/delete-review-comment').filter((r) => isFor(repo, r)).map((r) => r.path)).toEqual([
      `/api/v3/repos/${repo}/pulls/comments/${statusComment.id}`,
    ]);
    // Nothing new to say inline: no second review.
    expect(h.github.requestsFor('pulls/create-review').filter((r) => isFor(repo, r))).toHaveLength(reviewsBefore);
    expect(h.summaryComments(repo, 1).map((c) => c.id)).toEqual([summary!.id]);
    expect(h.summaryComments(repo, 1)[0]!.body).not.toContain('Acepted');
    expect(h.completedRun(repo, second)).toBeDefined();

    // Push 3 fixes everything.
    const third = h.github.state.pushToPullRequest(repo, 1, { [ADR_PATH]: KAFKA_CLEAN }, 'Fix the rest');
    await reviewAfter(repo, 'synchronize');
    expect(h.reviewComments(repo, 1)).toEqual([]);
    const finalSummary = h.summaryComments(repo, 1);
    expect(finalSummary.map((c) => c.id)).toEqual([summary!.id]);
    expect(finalSummary[0]!.body).toMatch(/All clear: 1 document reviewed, no findings/);
    expect(h.completedRun(repo, third)!.conclusion).toBe('success');
    expect(h.github.violations).toEqual([]);
  });

  it('two pushes delivered back to back: comments reflect the second, one summary, no check run left in progress', async ({ expect }) => {
    const { repo } = seed('race', { [ADR_PATH]: KAFKA_CLEAN });
    await reviewAfter(repo, 'opened');
    const summaryId = h.summaryComments(repo, 1)[0]!.id;

    // Push A (a flawed ADR) and deliver it; push B (A's ADR cleaned, another flawed one) while A is being reviewed.
    const seq = h.lastSeq();
    const shaA = h.github.state.pushToPullRequest(repo, 1, { [ADR_PATH]: KAFKA_FLAWED }, 'Push A');
    expect((await h.deliverPullRequest(repo, 1, 'synchronize')).status).toBe(200);
    await h.requestAfter(seq, (r) => r.operationId === 'checks/create' && isFor(repo, r) && (r.body as { head_sha?: string }).head_sha === shaA);
    const shaB = h.github.state.pushToPullRequest(repo, 1, { [ADR_PATH]: KAFKA_CLEAN, 'docs/adr/0003-use-redis.md': '# 3. Use Redis\n\n## Decision\n\nTODO\n' }, 'Push B');
    expect((await h.deliverPullRequest(repo, 1, 'synchronize')).status).toBe(200);

    await h.waitFor('a completed check run for B', () => h.completedRun(repo, shaB));
    await h.requestAfter(seq, (r) => isSummaryWrite(repo, r));
    await settle(repo);
    expect(h.checkRuns(repo, shaA).map((r) => r.status)).toEqual(['completed']);
    expect(h.checkRuns(repo, shaB).map((r) => r.status)).toEqual(['completed']);
    const comments = h.reviewComments(repo, 1);
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((c) => c.commitId === shaB && c.path === 'docs/adr/0003-use-redis.md')).toBe(true);
    const reviews = h.github.requestsFor('pulls/create-review').filter((r) => r.seq > seq && isFor(repo, r));
    expect(reviews.map((r) => (r.body as { commit_id: string }).commit_id)).toEqual([shaB]);
    const summaries = h.summaryComments(repo, 1);
    expect(summaries.map((c) => c.id)).toEqual([summaryId]);
    expect(summaries[0]!.body).toContain('0003-use-redis.md');
    expect(summaries[0]!.body).not.toContain('Acepted');
    expect(h.github.violations).toEqual([]);
  });

  it('offers an ADR drafted from a design doc that decides, numbered and collapsed', async ({ expect }) => {
    // ADRs 0001-0003 on the base branch: the draft takes the next number, 0004.
    const files = Object.fromEntries(
      ['use-postgresql', 'use-kafka', 'use-redis'].map((slug, i) => [`docs/adr/000${i + 1}-${slug}.md`, `# ${i + 1}. ${slug.replace(/-/g, ' ')}\n\n## Status\n\nAccepted\n`]),
    );
    const { repo } = seed('generated-adr', { 'docs/design/order-events.md': ORDER_EVENTS_DESIGN }, { files });
    await reviewAfter(repo, 'opened');
    const body = h.summaryComments(repo, 1)[0]!.body;
    const details = /<details>\n<summary>📝 Draft ADR for <code>docs\/design\/order-events\.md<\/code>: ([^<\n]+)<\/summary>[\s\S]*?<\/details>/.exec(body);
    expect(details).not.toBeNull();
    expect(details![1]).toBe('0004-order-events.md');
    expect(details![0]).toContain('# 4. Order events');
    expect(details![0]).toContain('We will publish order events to Kafka on the managed service.');
    expect(h.github.violations).toEqual([]);
  });

  it('completes a huge pull request (300 files, a 5 MB design doc, binaries under docs/adr) and says what it skipped', async ({ expect }) => {
    const changes: Record<string, string> = {
      // 5 MB of plain prose: over the 1 MB review.maxFileBytes this repository sets.
      'docs/design/capacity-model.md': `# Capacity model\n\n${'The cluster grows by one node per 10,000 orders a day. '.repeat(92_600)}\n`,
      // A UTF-16 file with an .md name (NUL bytes: binary to git and GitHub), and an image.
      'docs/adr/0004-export.md': Array.from('# 4. Export\n\n## Status\n\nAccepted\n', (c) => `${c}\u0000`).join(''),
      'docs/adr/0005-diagram.png': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0000\u0010',
      [ADR_PATH]: KAFKA_CLEAN,
    };
    for (let i = 0; i < 296; i += 1) changes[`src/generated/module-${String(i).padStart(3, '0')}.ts`] = `export const value${i} = ${i};\n`;
    expect(Object.keys(changes)).toHaveLength(300);
    expect(changes['docs/design/capacity-model.md']!.length).toBeGreaterThan(5_000_000);
    const { repo, pull } = seed('huge', changes, { files: { '.github/design-review.yml': 'review:\n  maxFileBytes: 1000000\n' } });

    const started = performance.now();
    await reviewAfter(repo, 'opened');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(20_000);
    const run = h.completedRun(repo, pull.head.sha)!;
    expect(run.conclusion).toBe('success');
    const body = h.summaryComments(repo, 1)[0]!.body;
    expect(body).toContain('### Not reviewed');
    expect(body).toMatch(/docs\/design\/capacity-model\.md.*larger than review\.maxFileBytes \(\d{7} > 1000000 bytes\)/);
    expect(body).toMatch(/docs\/adr\/0004-export\.md.*binary file/);
    expect(body).not.toContain('0005-diagram.png');
    // 300 files: three pages of 100, each read once.
    expect(h.github.requestsFor('pulls/list-files').filter((r) => isFor(repo, r))).toHaveLength(3);
    expect(h.github.violations).toEqual([]);
    console.info(`e2e: 300-file pull request reviewed in ${(elapsed / 1000).toFixed(1)} s`);
  });

  it('reads the documents of a fork pull request from the fork', async ({ expect }) => {
    const { owner } = h.installation('upstream');
    const repo = `${owner}/upstream`;
    const fork = `${owner}/upstream-contrib`;
    h.github.state.addRepo({ owner, name: 'upstream', files: { 'README.md': '# Upstream\n' } });
    // A fork in the same organization (GitHub allows it), so the installation's token reads it.
    h.github.state.forkRepo(repo, { owner, name: 'upstream-contrib' });
    const pull = h.github.state.seedPullRequest(repo, { number: 1, branch: 'adr-2', headRepo: fork, changes: { [ADR_PATH]: KAFKA_FLAWED } });
    expect(h.github.state.repo(repo).refs.has('refs/heads/adr-2')).toBe(false);

    await reviewAfter(repo, 'opened');
    const reads = h.github.requestsFor('graphql').filter((r) => JSON.stringify(r.body).includes(`${pull.head.sha}:${ADR_PATH}`));
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect((read.body as { variables: Record<string, string> }).variables).toMatchObject({ owner, name: 'upstream-contrib' });
    expect(h.completedRun(repo, pull.head.sha)!.output.annotations.length).toBeGreaterThan(0);
    expect(h.reviewComments(repo, 1).map((c) => c.path)).toContain(ADR_PATH);
    expect(h.summaryComments(repo, 1)).toHaveLength(1);
    expect(h.github.violations).toEqual([]);
  });
});
