import { describe, expect, it } from 'vitest';
import { withDraftNote, withUnplacedComments } from '../../../src/core/publish/plan-amendments.js';
import { findingMarker, type PublishPlan } from '../../../src/core/publish/types.js';

const plan: PublishPlan = {
  conclusion: 'failure',
  checkRun: { title: '1 error in 1 document', summary: '## Design review\n\nOne error.' },
  annotationBatches: [],
  inlineComments: [],
  summaryComment: 'summary',
};

describe('withDraftNote', () => {
  it('says on the check run why a draft has no comments, keeping the review', () => {
    const drafted = withDraftNote(plan);
    expect(drafted.checkRun.title).toBe('Draft skipped: 1 error in 1 document');
    expect(drafted.checkRun.summary).toBe('Draft pull request: review comments skipped (`review.drafts: false`). They are posted once it is ready for review.\n\n## Design review\n\nOne error.');
    expect(drafted.conclusion).toBe('failure');
    expect(withDraftNote({ ...plan, checkRun: { ...plan.checkRun, title: 'x'.repeat(300) } }).checkRun.title).toHaveLength(255);
  });
});

describe('withUnplacedComments', () => {
  it('adds the comments GitHub would not place to the summary, without their markers, the path in a safe code span', () => {
    const body = `Missing \`## Context\` section\n\n${findingMarker('0123456789abcdef')}`;
    const summary = withUnplacedComments('summary', [{ path: 'docs/adr/0001-`tick`.md', line: 3, body, fingerprint: '0123456789abcdef' }]);
    expect(summary).toBe('summary\n\n### Findings not placed on the diff\n\n**``docs/adr/0001-`tick`.md`` line 3**\n\nMissing `## Context` section\n');
    expect(summary).not.toContain('design-review:finding');
  });
});
