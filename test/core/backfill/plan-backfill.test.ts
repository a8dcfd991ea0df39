import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBackfill, type BackfillSource } from '../../../src/core/backfill/plan-backfill.js';
import { review } from '../../../src/core/review/review.js';
import { builtinChecklists, reviewOptions } from '../../helpers/review-options.js';

const TODAY = '2026-12-06';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/backfill', name), 'utf8');
const plan = (...records: BackfillSource[]) => planBackfill(records, { today: TODAY, vocabulary: builtinChecklists() });

describe('backfill plan', () => {
  it('drafts a Nygard record a section after its Consequences, from its own numbers, and changes nothing else', () => {
    const before = fixture('nygard-numbers.md');
    const { changes } = plan({ path: 'docs/adr/0002-publish-order-events.md', text: before });
    expect(changes).toHaveLength(1);
    const change = changes[0]!;
    expect(change.after).toBe(
      `${before}\n## Revisit Triggers\n\n` +
        [
          '- Scale: sustained load above 2,000 orders/s for a week.',
          '- Performance: p99 latency above 200 ms for a week.',
          '- Cost: spend above $4k a month.',
          '- Calendar: revisit by 2027-03-01.',
          '',
        ].join('\n'),
    );
    expect(change.line).toBe(25);
    expect(change.after.split('\n')[change.line - 1]).toBe('## Revisit Triggers');
    expect(change.drafted.map((d) => [d.category, d.placeholder, d.source])).toEqual([
      ['scale', false, '2,000 orders/s'],
      ['performance', false, 'p99 latency must\nstay under 200 ms'],
      ['cost', false, '$4k per month'],
      ['calendar', false, undefined],
    ]);
  });

  it('puts the section before MADR\'s More Information, at the depth of the record\'s sections, with placeholders where the record has no figure', () => {
    const before = fixture('madr-more-information.md');
    const { changes } = plan({ path: 'docs/decisions/0003-use-madr.md', text: before });
    const after = changes[0]!.after;
    expect(after).toBe(
      before.replace(
        '## More Information',
        '## Revisit Triggers\n\n- Technology: TODO: the technology condition that would reopen this decision, e.g. "A managed service appears that covers the need".\n- Calendar: revisit by 2027-01-10.\n\n## More Information',
      ),
    );
  });

  it('keeps a CRLF record CRLF, and a file without a final newline without one', () => {
    const before = fixture('crlf-no-final-newline.md');
    const after = plan({ path: 'docs/adr/0004-keep-logs.md', text: before }).changes[0]!.after;
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      '\r\n\r\n## Revisit Triggers\r\n\r\n- Compliance: TODO: the compliance condition that would reopen this decision, e.g. "The product enters HIPAA, PCI-DSS, GDPR or SOC 2 scope".\r\n- Calendar: revisit by 2027-04-01.',
    );
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('skips superseded, deprecated, rejected and unaccepted records, saying why, and leaves records that say when to revisit', () => {
    const withTriggers = `${fixture('nygard-numbers.md')}\n## Revisit Triggers\n\n- Calendar: every 6 months.\n`;
    const proposed = fixture('nygard-numbers.md').replace('Accepted', 'Proposed');
    const deprecated = fixture('nygard-numbers.md').replace('Accepted', 'Deprecated');
    const result = plan(
      { path: 'docs/adr/0001-use-mysql.md', text: fixture('superseded.md') },
      { path: 'docs/adr/0002-a.md', text: withTriggers },
      { path: 'docs/adr/0003-b.md', text: proposed },
      { path: 'docs/adr/0004-c.md', text: deprecated },
    );
    expect(result.changes).toEqual([]);
    expect(result.covered).toBe(1);
    expect(result.skipped).toEqual([
      { path: 'docs/adr/0001-use-mysql.md', reason: 'status superseded' },
      { path: 'docs/adr/0003-b.md', reason: 'status proposed: not accepted yet' },
      { path: 'docs/adr/0004-c.md', reason: 'status deprecated' },
    ]);
  });

  it('drafts a record without a status, and is idempotent: a backfilled record is covered', () => {
    const noStatus = fixture('nygard-numbers.md').replace('## Status\n\nAccepted\n\n', '');
    const first = plan({ path: 'docs/adr/0002-a.md', text: noStatus });
    expect(first.changes).toHaveLength(1);
    const second = plan({ path: 'docs/adr/0002-a.md', text: first.changes[0]!.after });
    expect([second.changes.length, second.covered]).toEqual([0, 1]);
  });

  it('drafts sections the review accepts once their placeholders are filled, and flags the placeholders until then', () => {
    const records = ['nygard-numbers.md', 'madr-more-information.md', 'crlf-no-final-newline.md'].map((name, i) => ({
      path: `docs/adr/000${i + 2}-${name}`,
      text: fixture(name),
    }));
    const { changes } = plan(...records);
    expect(changes).toHaveLength(3);
    const checklists = builtinChecklists();
    const drafted = review(changes.map((c) => ({ path: c.path, content: c.after, kind: 'adr' as const })), reviewOptions({}, { today: TODAY }));
    const placeholderLines = changes.flatMap((c) => c.after.split(/\r?\n/).flatMap((l, i) => (l.includes('TODO:') ? [`${c.path}:${i + 1}`] : [])));
    expect(placeholderLines).toHaveLength(2);
    const flagged = drafted.findings.filter((f) => f.ruleId === 'adr-placeholders').map((f) => `${f.file}:${f.line}`);
    expect(flagged).toEqual(expect.arrayContaining(placeholderLines));
    expect(drafted.findings.filter((f) => f.ruleId === 'adr-revisit-triggers')).toEqual([]);

    // Filled as a team would: the placeholder's own example.
    const filled = changes.map((c) => ({
      path: c.path,
      kind: 'adr' as const,
      content: c.after.replace(/TODO: the [a-z]+ condition that would reopen this decision, e\.g\. "([^"]+)"\./g, '$1.'),
    }));
    const after = review(filled, reviewOptions({}, { today: TODAY, checklists }));
    expect(after.findings.filter((f) => f.ruleId === 'adr-revisit-triggers' || f.ruleId === 'adr-placeholders')).toEqual([]);
    // Each drafted trigger is read as the category and kind it was drafted as.
    const doc = after.documents.find((d) => d.path.endsWith('nygard-numbers.md'))!;
    expect(doc.triggers.map((t) => [t.category, t.kind])).toEqual([
      ['scale', 'threshold'],
      ['performance', 'threshold'],
      ['cost', 'threshold'],
      ['calendar', 'date'],
    ]);
  });
});
