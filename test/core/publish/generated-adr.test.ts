import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { draftAdrFromDesignDoc, needsGeneratedAdr } from '../../../src/core/publish/generated-adr.js';
import { planPublication } from '../../../src/core/publish/plan-publication.js';
import type { ChangedFile } from '../../../src/core/publish/types.js';
import { review } from '../../../src/core/review/review.js';
import type { Review, SourceFile } from '../../../src/core/review-model.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { builtinChecklists, reviewOptions, TODAY } from '../../helpers/review-options.js';

const DESIGN = 'docs/design/search.md';
const DESIGN_TEXT = [
  '# Search for the catalogue',
  '',
  '## Context',
  '',
  'Shoppers cannot find products; <b>search</b> today is a `LIKE` query.',
  '',
  'Target: p99 < 50 ms [sic].',
  '',
  '## Options',
  '',
  '- OpenSearch',
  '- PostgreSQL full-text search',
  '',
  '## Decision',
  '',
  'We will use PostgreSQL full-text search, because the team already runs PostgreSQL.',
  '',
  '## Consequences',
  '',
  '- Good, because no new service to run',
  '- Bad, because relevance tuning is limited',
  '',
].join('\n');
const ADR: SourceFile = { path: 'docs/adr/0004-use-kafka.md', kind: 'adr', content: '# 4. Use Kafka\n\n## Status\n\nAccepted\n\n## Context\n\nEvents.\n\n## Decision\n\nWe will use Kafka.\n' };

function reviewed(files: SourceFile[]): Review {
  return review(files, reviewOptions());
}

const design: SourceFile = { path: DESIGN, kind: 'design-doc', content: DESIGN_TEXT };
const designChanged: ChangedFile = { path: DESIGN, status: 'added', patch: '@@ -0,0 +1,2 @@\n+# Search for the catalogue\n+' };

beforeAll(() => {
  loadBuiltinTemplates();
});

describe('needsGeneratedAdr', () => {
  it('picks a design doc of the PR that decides, when the PR adds no ADR', () => {
    const r = reviewed([design, ADR]);
    expect(needsGeneratedAdr(r, [designChanged]).map((d) => d.path)).toEqual([DESIGN]);
    // An existing ADR modified by the PR does not record this decision.
    expect(needsGeneratedAdr(r, [designChanged, { path: ADR.path, status: 'modified' }])).toHaveLength(1);
  });

  it('picks nothing when the PR adds an ADR, or when the doc decides nothing or is not in the PR', () => {
    const r = reviewed([design, ADR]);
    expect(needsGeneratedAdr(r, [designChanged, { path: ADR.path, status: 'added' }])).toEqual([]);
    expect(needsGeneratedAdr(r, [{ path: DESIGN, status: 'removed' }])).toEqual([]);
    expect(needsGeneratedAdr(r, [])).toEqual([]);
    const undecided = reviewed([{ ...design, content: DESIGN_TEXT.replace(/## Decision\n\n.*\n/, '## Decision\n\nTODO\n') }]);
    expect(needsGeneratedAdr(undecided, [designChanged])).toEqual([]);
  });
});

describe('draftAdrFromDesignDoc', () => {
  it('prefills title, context, options, decision and consequences, with triggers per category', () => {
    const doc = reviewed([design]).documents[0]!;
    const adr = draftAdrFromDesignDoc(doc, { number: 5, today: TODAY, defaultCalendar: '6 months', categories: builtinChecklists().triggerCategories });
    expect(adr).toMatch(/^# 5\. Search for the catalogue\n\nDate: 2026-11-21\n/);
    expect(adr).toContain('## Status\n\nProposed');
    // Section text is plain (markup dropped by the parser); what remains is escaped for Markdown.
    expect(adr).toContain('Shoppers cannot find products; search today is a LIKE query.\nTarget: p99 &lt; 50 ms \\[sic\\].');
    expect(adr).toContain('- OpenSearch\n- PostgreSQL full-text search');
    expect(adr).toContain('## Decision\n\nWe will use PostgreSQL full-text search, because the team already runs PostgreSQL.\n\n## Consequences');
    expect(adr).toContain('- Good, because no new service to run\n- Bad, because relevance tuning is limited');
    expect(adr).toContain('- Calendar: revisit by 2027-05-21');
    expect(adr).toMatch(/- Scale: TODO/);
  });
});

describe('the generated ADR in the summary', () => {
  const base = {
    config: configSchema.parse({}),
    headSha: 'abc123',
    today: TODAY,
    checklists: builtinChecklists(),
  };

  it('is offered collapsed, numbered next, when the PR adds no ADR', () => {
    const plan = planPublication({ ...base, review: reviewed([design, ADR]), changed: [designChanged] });
    expect(plan.checkRun.summary).toContain('<details>\n<summary>📝 Draft ADR for <code>docs/design/search.md</code>: 0005-search-for-the-catalogue.md</summary>');
    expect(plan.checkRun.summary).toContain('`/adr new Search for the catalogue`');
    expect(plan.checkRun.summary).toMatch(/\n```markdown\n# 5\. Search for the catalogue\n[\s\S]*\n```\n\n<\/details>/);
    expect(planPublication({ ...base, review: reviewed([design]), changed: [designChanged], nextAdrNumber: 12 }).summaryComment).toContain('# 12. Search');
  });

  it('is absent when the PR adds an ADR', () => {
    const plan = planPublication({ ...base, review: reviewed([design, ADR]), changed: [designChanged, { path: ADR.path, status: 'added' }] });
    expect(plan.checkRun.summary).not.toContain('Draft ADR');
  });
});
