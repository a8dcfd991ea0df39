import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import { findingFingerprint } from '../../../src/core/publish/fingerprint.js';
import { planInlineComments } from '../../../src/core/publish/inline-comments.js';
import { fingerprintOf, type ChangedFile } from '../../../src/core/publish/types.js';

const ADR = 'docs/adr/0002-use-kafka.md';
const ADR_LINES = ['# 2. Use Kafka', '', '## Status', '', '**Acepted** (PR #12)', '', '## Context', '', 'We need events.'];
const added: ChangedFile = { path: ADR, status: 'added', patch: `@@ -0,0 +1,${ADR_LINES.length} @@\n${ADR_LINES.map((l) => `+${l}`).join('\n')}` };

const skeleton: Finding = {
  ruleId: 'adr-revisit-triggers',
  severity: 'warning',
  message: 'No revisit triggers: add a `## Revisit triggers` section',
  file: ADR,
  line: 1,
  column: 1,
  suggestion: '## Revisit triggers\n\n- Calendar: revisit by <date>\n- Scale: …\n',
};
const status: Finding = {
  ruleId: 'adr-status',
  severity: 'error',
  message: 'Unexpected status `acepted`, expected one of proposed, accepted',
  file: ADR,
  line: 5,
  column: 1,
  suggestion: 'accepted',
};

describe('planInlineComments', () => {
  it('comments on diff lines and sends the rest to the summary', () => {
    const modified: ChangedFile = { path: 'docs/adr/0001-x.md', status: 'modified', patch: '@@ -3,2 +3,2 @@\n ## Status\n-a\n+b' };
    const outside: Finding = { ...status, file: 'docs/adr/0001-x.md', line: 10 };
    const lineless: Finding = { ruleId: 'adr-number', severity: 'error', message: 'Duplicate number', file: ADR };
    const removed: Finding = { ...status, file: 'docs/adr/0009-gone.md', line: 1 };
    const split = planInlineComments([skeleton, status, outside, lineless, removed], [added, modified, { path: 'docs/adr/0009-gone.md', status: 'removed' }]);
    expect(split.comments.map((c) => [c.path, c.line])).toEqual([[ADR, 1], [ADR, 5]]);
    expect(split.inline).toEqual(expect.arrayContaining([skeleton, status]));
    expect(split.rest).toEqual(expect.arrayContaining([outside, lineless, removed]));
    expect(split.rest).toHaveLength(3);
  });

  it('ends each body with the finding marker of a line-independent fingerprint', () => {
    const [comment] = planInlineComments([status], [added]).comments;
    expect(comment!.fingerprint).toBe(findingFingerprint(status));
    const moved: Finding = { ...status, line: 99 };
    expect(findingFingerprint(moved)).toBe(comment!.fingerprint);
    expect(fingerprintOf(comment!.body)).toBe(comment!.fingerprint);
    expect(comment!.body.endsWith(`<!-- design-review:finding ${comment!.fingerprint} -->`)).toBe(true);
    expect(comment!.body).toContain('[`adr-status`](https://github.com/design-review-bot/design-review-bot#adr-status)');
    expect(comment!.body).toContain('Unexpected status `acepted`');
  });

  it('suggests the original line followed by the skeleton for a missing section', () => {
    const [comment] = planInlineComments([skeleton], [added], { lines: new Map([[ADR, ADR_LINES]]) }).comments;
    expect(comment!.body).toContain(
      '```suggestion\n# 2. Use Kafka\n\n## Revisit triggers\n\n- Calendar: revisit by <date>\n- Scale: …\n```',
    );
  });

  it('replaces the status word in place, keeping markup and capitalisation', () => {
    const [comment] = planInlineComments([status], [added], { lines: new Map([[ADR, ADR_LINES]]) }).comments;
    expect(comment!.body).toContain('```suggestion\n**Accepted** (PR #12)\n```');
  });

  it('falls back to a markdown block without the file contents', () => {
    const [comment] = planInlineComments([skeleton], [added]).comments;
    expect(comment!.body).not.toContain('```suggestion');
    expect(comment!.body).toContain('```markdown\n## Revisit triggers\n\n- Calendar: revisit by <date>\n- Scale: …\n```');
  });

  it('posts one comment per path, line and rule, listing every message', () => {
    const pillars = ['Security', 'Reliability'].map((p): Finding => ({ ruleId: 'design-pillars', severity: 'warning', message: `Missing pillar ${p}`, file: ADR, line: 1 }));
    const split = planInlineComments([...pillars, skeleton], [added]);
    expect(split.comments).toHaveLength(2);
    const body = split.comments.find((c) => c.body.includes('design-pillars'))!.body;
    expect(body).toContain('- Missing pillar Security\n- Missing pillar Reliability');
    expect(split.inline).toHaveLength(3);
  });

  it('caps the comments, errors first, and sends the overflow to the summary', () => {
    const many = ADR_LINES.map((_, i): Finding => ({ ruleId: `rule-${i}`, severity: i === 8 ? 'error' : 'warning', message: 'm', file: ADR, line: i + 1 }));
    const split = planInlineComments(many, [added], { max: 3 });
    expect(split.comments).toHaveLength(3);
    expect(split.comments.some((c) => c.line === 9)).toBe(true);
    expect(split.rest).toHaveLength(many.length - 3);
  });

  it('escapes document text quoted outside code spans', () => {
    const quoted: Finding = { ...status, suggestion: undefined, message: 'Placeholder <img src=x onerror=alert(1)> [link](javascript:x) left in `<b>`' };
    const [comment] = planInlineComments([quoted], [added]).comments;
    expect(comment!.body).toContain('Placeholder &lt;img src=x onerror=alert(1)> \\[link\\](javascript:x) left in `<b>`');
  });
});
