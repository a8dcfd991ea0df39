// The review on the core pool (real worker threads, the built worker) against the same review in
// this thread: the same result for ordinary documents; a document over its budget, or left when
// the review's budget is spent, becomes a finding while the others are reviewed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SKIPPED_RULE_ID, review } from '../../src/core/review/review.js';
import type { SourceFile } from '../../src/core/review-model.js';
import { reviewInPool } from '../../src/review/review-in-pool.js';
import { testCorePool } from '../helpers/core-pool.js';
import { reviewOptions } from '../helpers/review-options.js';
import { ROOT } from '../e2e/app-process.js';

const EXAMPLES = join(ROOT, 'examples/docs');
const examples: SourceFile[] = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.md'))
  .sort()
  .map((p) => ({ path: `docs/${p}`, content: readFileSync(join(EXAMPLES, p), 'utf8') }));

/** An ADR micromark reads in quadratic time: `- x` and 30k lazy lines (seconds, far over the budgets below). */
const HOSTILE: SourceFile = { path: 'docs/adr/0009-lists.md', kind: 'adr', content: `- x\n${'y\n'.repeat(30_000)}` };

const pools = [testCorePool({ threads: 2 }), testCorePool({ threads: 1, documentTimeoutMs: 5_000, reviewTimeoutMs: 60_000 }), testCorePool({ threads: 1, documentTimeoutMs: 400, reviewTimeoutMs: 600 })];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('reviewInPool', () => {
  it('gives the same review as the core in this thread', async () => {
    expect(examples.length).toBeGreaterThan(2);
    const options = reviewOptions();
    expect(await reviewInPool(pools[0]!)(examples, options)).toEqual(review(examples, options));
  });

  it('skips a document over its budget with a finding that says what to do, and reviews the others', async () => {
    const options = reviewOptions();
    const result = await reviewInPool(pools[1]!)([HOSTILE, ...examples], options);
    const skipped = result.findings.filter((f) => f.file === HOSTILE.path);
    expect(skipped).toEqual([
      expect.objectContaining({ ruleId: SKIPPED_RULE_ID, severity: 'warning', line: 1, message: expect.stringMatching(/^Not reviewed: docs\/adr\/0009-lists\.md took longer than 5 s to review and was stopped: split the document.*REVIEW_DOCUMENT_TIMEOUT_MS/) }),
    ]);
    expect(result.skipped).toEqual([{ path: HOSTILE.path, reason: expect.stringContaining('took longer than 5 s') }]);
    // Every other document: exactly what a review without the hostile one finds.
    const alone = review(examples, options);
    expect(result.findings.filter((f) => f.file !== HOSTILE.path)).toEqual(alone.findings);
    expect(result.coverage).toEqual(alone.coverage);
  });

  it('leaves documents out once the review has spent its budget, and says why', async () => {
    const options = reviewOptions();
    // One thread, in order: the first hostile ADR is stopped at its 0.4 s, the second gets the 0.2 s
    // left of the review's 0.6 s, and nothing after them runs.
    const second: SourceFile = { ...HOSTILE, path: 'docs/adr/0010-more-lists.md' };
    const result = await reviewInPool(pools[2]!)([HOSTILE, second, ...examples], options);
    const messages = (path: string) => result.findings.filter((f) => f.file === path).map((f) => f.message);
    expect(messages(HOSTILE.path)).toEqual([expect.stringContaining('took longer than 0.4 s to review')]);
    expect(messages(second.path)).toEqual([expect.stringContaining('took longer than 0.2 s to review')]);
    for (const example of examples) {
      expect(messages(example.path)).toEqual([expect.stringMatching(/was left out: the documents of this pull request used up the review's 0\.6 s \(REVIEW_TIMEOUT_MS\)/)]);
    }
    expect(result.coverage).toEqual([]);
  });
});
