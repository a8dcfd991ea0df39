import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import type { Review } from '../../../src/core/review-model.js';
import { planInvalidConfig, planPublication, pullRequestGraph, type PublicationInput } from '../../../src/core/publish/plan-publication.js';
import { SUMMARY_MARKER, type ChangedFile } from '../../../src/core/publish/types.js';
import { utf8Length } from '../../../src/core/publish/truncate.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { builtinChecklists, TODAY } from '../../helpers/review-options.js';
import { cleanReview, sampleReview } from '../output/review-fixture.js';
import { nygard } from '../graph/graph-docs.js';

beforeAll(() => {
  loadBuiltinTemplates();
});

const changedFor = (review: Review): ChangedFile[] =>
  review.documents.map((d) => ({ path: d.path, status: 'modified', patch: '@@ -1,6 +1,6 @@\n a\n b\n c\n d\n-e\n+E\n f' }));

function input(review: Review, over: Partial<PublicationInput> = {}): PublicationInput {
  return {
    review,
    changed: changedFor(review),
    config: configSchema.parse({}),
    headSha: 'abc123',
    repoUrl: 'https://github.com/acme/shop',
    today: TODAY,
    checklists: builtinChecklists(),
    ...over,
  };
}

describe('planPublication', () => {
  it('renders the summary: coverage, questions, triggers, findings not posted inline, skipped files', () => {
    // Only lines 4 to 6 are in the diff: the status finding on line 5 goes inline, the rest is listed.
    const review = sampleReview();
    const changed = changedFor(review).map((f) => ({ ...f, patch: '@@ -4,3 +4,3 @@\n d\n-e\n+E\n f' }));
    const plan = planPublication(input(review, { changed }));
    expect(plan.inlineComments.map((c) => `${c.path}:${c.line}`)).toEqual(['docs/adr/0002-use-kafka.md:5']);
    expect(plan.conclusion).toBe('failure');
    expect(plan.checkRun.title).toBe('2 errors, 2 warnings in 4 documents');
    expect(plan.checkRun.summary).toMatchSnapshot();
    expect(plan.summaryComment).toBe(`${SUMMARY_MARKER}\n${plan.checkRun.summary}`);
  });

  it('lists inline findings only as a count', () => {
    const plan = planPublication(input(sampleReview()));
    // Lines 1 to 6 are in the diff: every finding of the fixture is on one of them.
    expect(plan.inlineComments.map((c) => `${c.path}:${c.line}`)).toEqual([
      'docs/adr/0002-use-kafka.md:1',
      'docs/adr/0002-use-kafka.md:5',
      'docs/adr/0003-broken.md:2',
      'docs/design/search.md:1',
    ]);
    expect(plan.checkRun.summary).toContain('Inline comments on the diff: 4.');
    expect(plan.checkRun.summary).not.toContain('Unexpected status');
    expect(plan.annotationBatches.flat()).toHaveLength(4);
  });

  it('says all clear when there are no findings, so the sticky comment stays', () => {
    const plan = planPublication(input(cleanReview()));
    expect(plan.conclusion).toBe('success');
    expect(plan.checkRun.title).toBe('All clear: 1 document reviewed');
    expect(plan.summaryComment).toContain('All clear: 1 document reviewed, no findings');
    expect(plan.summaryComment.startsWith(SUMMARY_MARKER)).toBe(true);
    expect(plan.annotationBatches).toEqual([]);
    expect(plan.inlineComments).toEqual([]);
  });

  it('maps the conclusion through the config', () => {
    const warningsOnly: Review = { ...sampleReview(), findings: sampleReview().findings.filter((f) => f.severity === 'warning') };
    expect(planPublication(input(warningsOnly)).conclusion).toBe('neutral');
    const strict = configSchema.parse({ checks: { onWarning: 'failure', onError: 'failure', onClean: 'neutral' } });
    expect(planPublication(input(warningsOnly, { config: strict })).conclusion).toBe('failure');
    expect(planPublication(input(cleanReview(), { config: strict })).conclusion).toBe('neutral');
    expect(() => configSchema.parse({ checks: { onError: 'action_required' } })).toThrow();
  });

  it('escapes file names and quoted text, and links locations to the head commit', () => {
    const review = sampleReview();
    review.documents = [];
    review.coverage = [];
    review.findings = [{ ruleId: 'adr-title', severity: 'warning', message: 'Title <script>x</script> | `ok`', file: 'docs/adr/we#ird [name].md', line: 9 }];
    review.skipped = [{ path: 'docs/<b>bold</b>.md', reason: 'binary file' }];
    const { summary } = planPublication(input(review, { changed: [] })).checkRun;
    expect(summary).toContain('Title &lt;script>x&lt;/script> \\| `ok`');
    expect(summary).toContain('[docs/adr/we#ird \\[name\\].md:9](https://github.com/acme/shop/blob/abc123/docs/adr/we%23ird%20%5Bname%5D.md#L9)');
    expect(summary).toContain('- docs/&lt;b>bold&lt;/b>.md: binary file');
    expect(summary).not.toContain('<script>');
  });

  it('keeps the summary and comment within 65,535 bytes with a notice', () => {
    const review = sampleReview();
    review.findings = Array.from({ length: 3000 }, (_, i) => ({
      ruleId: 'design-pillars',
      severity: 'warning' as const,
      message: `Missing pillar 持続可能性 number ${i} 🌱`,
      file: 'docs/design/search.md',
      line: 100 + i,
    }));
    const plan = planPublication(input(review));
    expect(utf8Length(plan.checkRun.summary)).toBeLessThanOrEqual(65_535);
    expect(utf8Length(plan.summaryComment)).toBeLessThanOrEqual(65_535);
    expect(plan.summaryComment.startsWith(SUMMARY_MARKER)).toBe(true);
    expect(plan.checkRun.summary).toMatch(/<\/details>\n\n---\n\n\*\*This summary was cut/);
    expect(plan.annotationBatches).toHaveLength(60);
  });
});

describe('planInvalidConfig', () => {
  it('asks for action with the key, the value and the message, and posts nothing else', () => {
    const plan = planInvalidConfig({
      file: '.github/design-review.yml',
      line: 4,
      key: 'revisit.defaultCalendar',
      value: 'sometimes',
      message: '.github/design-review.yml:4: `revisit.defaultCalendar`: expected a duration such as "6 months" or "1 year" (got "sometimes")',
    });
    expect(plan.conclusion).toBe('action_required');
    expect(plan.checkRun.title).toBe('Invalid configuration: revisit.defaultCalendar');
    expect(plan.checkRun.summary).toMatchInlineSnapshot(`
      "## ⚠️ Design review: invalid configuration

      The configuration in .github/design-review.yml (line 4) does not match the schema, so no documents were reviewed.

      - **Key**: revisit.defaultCalendar
      - **Value**: "sometimes"
      - **Problem**: .github/design-review.yml:4: \`revisit.defaultCalendar\`: expected a duration such as "6 months" or "1 year" (got "sometimes")

      Fix the file and push again; the configuration reference is in the README."
    `);
    expect(plan.annotationBatches).toEqual([]);
    expect(plan.inlineComments).toEqual([]);
    expect(plan.summaryComment).toBe('');
  });
});

describe('the decision graph in the pull request summary', () => {
  const listing = (path: string, n: number) => ({ path, kind: 'adr' as const, number: n, fileNumber: n, supersedes: [], supersededBy: [], listingOnly: true });
  const reviewOf = (...docs: ReturnType<typeof nygard>[]): Review => ({ findings: [], coverage: [], documents: docs, skipped: [] });

  it('draws the records a pull request supersedes or amends with their neighbours, from the base listing', () => {
    const added = nygard('docs/adr/0003-use-postgres.md', '3. Use PostgreSQL', 'Accepted\n\nSupersedes [ADR-0002](0002-use-mysql.md)');
    const index = [listing('docs/adr/0001-record.md', 1), listing('docs/adr/0002-use-mysql.md', 2)];
    const plan = planPublication(input(reviewOf(added), { index }));
    expect(plan.summaryComment).toContain(
      [
        '### Decision graph',
        '',
        'The records this pull request supersedes or amends, with their neighbours:',
        '',
        '```mermaid',
        'flowchart LR',
        '  n2["ADR-0002 · 0002-use-mysql.md"]:::superseded',
        '  n3["ADR-0003 · Use PostgreSQL"]:::accepted',
        '  n3 -->|supersedes| n2',
      ].join('\n'),
    );
    // The unrelated record stays out.
    expect(plan.summaryComment).not.toContain('ADR-0001');
    expect(plan.checkRun.summary).toContain('### Decision graph');
  });

  it('draws a link to a record the repository does not have as broken', () => {
    const added = nygard('docs/adr/0004-tune.md', '4. Tune', 'Accepted\n\nAmends [ADR-0009](0009-gone.md)');
    expect(pullRequestGraph(reviewOf(added), [listing('docs/adr/0001-record.md', 1)])).toContain('  n2 --x|amends| x1');
  });

  it('draws nothing when no record of the pull request supersedes or amends another', () => {
    const plain = nygard('docs/adr/0003-use-postgres.md', '3. Use PostgreSQL', 'Accepted\n\nRelates to ADR-0001');
    expect(pullRequestGraph(reviewOf(plain), [listing('docs/adr/0001-record.md', 1)])).toBeUndefined();
    expect(planPublication(input(reviewOf(plain))).summaryComment).not.toContain('### Decision graph');
  });
});
