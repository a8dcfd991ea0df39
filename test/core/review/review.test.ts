import { describe, expect, it } from 'vitest';
import { review, reviewDocument, reviewRepository } from '../../../src/core/review/review.js';
import { reviewOptions } from '../../helpers/review-options.js';

const adr = (n: number, title: string, extra = '') => `# ${n}. ${title}

Date: 2026-01-12

## Status

Accepted

## Context

We need a database for orders that supports transactions across tables.

## Considered Options

- PostgreSQL
- MongoDB

## Decision

We will use PostgreSQL.

## Consequences

- Good, because it is transactional.
- Bad, because we have to run schema migrations.

## Trade-offs accepted

We give up schema flexibility in exchange for transactions.

## Revisit triggers

- Calendar: revisit by 2027-01-12.
- Scale: revisit if data > 10 TB.
${extra}`;

describe('review', () => {
  it('reviews the other files when one is binary, invalid UTF-8 or throws nothing', () => {
    const result = review(
      [
        { path: 'docs/adr/0001-a.md', content: adr(1, 'Use PostgreSQL'), kind: 'adr' },
        { path: 'docs/adr/0002-b.md', content: new Uint8Array([0x23, 0x00, 0x01]), kind: 'adr' },
        { path: 'docs/adr/0003-c.md', content: new Uint8Array([0x23, 0x20, 0xc3, 0x28]), kind: 'adr' },
      ],
      reviewOptions(),
    );
    expect(result.documents.map((d) => d.path)).toEqual(['docs/adr/0001-a.md']);
    expect(result.skipped.map((s) => s.path)).toEqual(['docs/adr/0002-b.md', 'docs/adr/0003-c.md']);
    const skipped = result.findings.filter((f) => f.ruleId === 'document-skipped');
    expect(skipped).toHaveLength(2);
    expect(skipped[0]?.message).toContain('docs/adr/0002-b.md looks binary');
    expect(skipped[1]?.message).toContain('not valid UTF-8');
  });

  it('finds duplicate ADR numbers across documents and honours lint comments in the repository phase', () => {
    const files = [
      { path: 'docs/adr/0001-a.md', content: adr(1, 'Use PostgreSQL'), kind: 'adr' as const },
      { path: 'docs/adr/0001-b.md', content: adr(1, 'Use Redis'), kind: 'adr' as const },
    ];
    const dup = review(files, reviewOptions()).findings.filter((f) => f.ruleId === 'adr-number');
    expect(dup.length).toBeGreaterThan(0);
    const disabled = [
      files[0]!,
      { ...files[1]!, content: `<!-- lint disable adr-number -->\n\n${adr(1, 'Use Redis')}` },
    ];
    const after = review(disabled, reviewOptions()).findings.filter((f) => f.ruleId === 'adr-number');
    expect(after.every((f) => f.file === 'docs/adr/0001-a.md')).toBe(true);
  });

  it('gives the same findings whether phases run together or apart (workers run phase 1)', () => {
    const opts = reviewOptions();
    const files = [
      { path: 'docs/adr/0001-a.md', content: adr(1, 'Use PostgreSQL'), kind: 'adr' as const },
      { path: 'docs/adr/0002-b.md', content: '# 2. Use Redis\n\n## Status\n\nmaybe\n', kind: 'adr' as const },
    ];
    const cloned = files.map((f) => structuredClone(reviewDocument(f, opts)));
    expect(reviewRepository(cloned, opts)).toEqual(review(files, opts));
  });

  it('applies rule severities from the config and turns rules off', () => {
    const content = '# 2. Use Redis\n\n## Status\n\nmaybe\n\n## Decision\n\nUse Redis.\n';
    const file = { path: 'docs/adr/0002-redis.md', content, kind: 'adr' as const };
    const asError = review([file], reviewOptions({ rules: { 'adr-status': 'error' } })).findings.filter((f) => f.ruleId === 'adr-status');
    expect(asError.length).toBeGreaterThan(0);
    expect(asError.every((f) => f.severity === 'error')).toBe(true);
    const off = review([file], reviewOptions({ rules: { 'adr-status': 'off' } })).findings.filter((f) => f.ruleId === 'adr-status');
    expect(off).toEqual([]);
  });

  it('reports a malformed lint comment without losing the other findings', () => {
    const content = '<!-- lint shout adr-status -->\n\n# 2. Use Redis\n\n## Status\n\nmaybe\n';
    const result = review([{ path: 'docs/adr/0002-redis.md', content, kind: 'adr' }], reviewOptions());
    expect(result.findings.some((f) => f.ruleId === 'lint-comment' && f.line === 1)).toBe(true);
    expect(result.findings.some((f) => f.ruleId === 'adr-status')).toBe(true);
  });
});

describe('repository index from a folder listing', () => {
  it('resolves a supersede link to a listed record without judging its unknown links', () => {
    const content = adr(5, 'Use Kafka', '\nSupersedes [ADR-0002](0002-use-rabbitmq.md)\n');
    const listed = { path: 'docs/adr/0002-use-rabbitmq.md', kind: 'adr' as const, fileNumber: 2, number: 2, supersedes: [], supersededBy: [], listingOnly: true };
    const opts = reviewOptions({}, { index: [listed] });
    const findings = review([{ path: 'docs/adr/0005-use-kafka.md', content, kind: 'adr' }], opts).findings.filter((f) => f.ruleId === 'adr-supersede-links');
    expect(findings).toEqual([]);
    const missing = review([{ path: 'docs/adr/0005-use-kafka.md', content: adr(5, 'Use Kafka', '\nSupersedes [ADR-0003](0003-nope.md)\n'), kind: 'adr' }], opts);
    expect(missing.findings.filter((f) => f.ruleId === 'adr-supersede-links').map((f) => f.message)).toEqual([
      expect.stringContaining('names no ADR in this repository'),
    ]);
  });
});

describe('numbering across open pull requests', () => {
  const files = [
    { path: 'docs/adr/0001-use-postgresql.md', content: adr(1, 'Use PostgreSQL'), kind: 'adr' as const },
    { path: 'docs/adr/0002-use-kafka.md', content: adr(2, 'Use Kafka'), kind: 'adr' as const },
  ];
  const claims = new Map([[2, [{ pull: 34, path: 'docs/adr/0002-use-pulsar.md' }]]]);
  const numberFindings = (extra: Parameters<typeof reviewOptions>[1]) =>
    review(files, reviewOptions({}, extra)).findings.filter((f) => f.ruleId === 'adr-number');

  it('ignores claims when the caller does not say what the change adds (the CLI)', () => {
    expect(numberFindings({ claims })).toEqual([]);
  });

  it('reports an added ADR whose number another open pull request adds, on its title line, with the rule severity', () => {
    const found = numberFindings({ added: ['docs/adr/0002-use-kafka.md'], claims });
    expect(found).toEqual([
      expect.objectContaining({
        file: 'docs/adr/0002-use-kafka.md',
        line: 1,
        severity: 'error',
        message: 'ADR number 0002 is also added by #34 (`docs/adr/0002-use-pulsar.md`); the next free number is 0003',
      }),
    ]);
    const warned = review(files, reviewOptions({ rules: { 'adr-number': 'warn' } }, { added: ['docs/adr/0002-use-kafka.md'], claims }));
    expect(warned.findings.find((f) => f.ruleId === 'adr-number')?.severity).toBe('warning');
  });

  it('honours `<!-- lint disable adr-number -->` in the added ADR', () => {
    const disabled = [files[0]!, { ...files[1]!, content: `<!-- lint disable adr-number -->\n\n${files[1]!.content}` }];
    const found = review(disabled, reviewOptions({}, { added: ['docs/adr/0002-use-kafka.md'], claims })).findings;
    expect(found.filter((f) => f.ruleId === 'adr-number')).toEqual([]);
  });
});
