import { describe, expect, it } from 'vitest';
import { assessDue, inactiveReason, stillOccurs, type DueOptions } from '../../../src/core/reminders/due.js';
import { adr, fixtureAdr, TODAY } from './reminder-docs.js';

const options = (overrides: Partial<DueOptions> = {}): DueOptions => ({
  today: TODAY,
  type1Default: { months: 12 },
  type1DefaultText: '12 months',
  ...overrides,
});

const dated = (trigger: string, extra: string[] = []) =>
  adr('0001-use-x.md', { title: '1. Use X', frontMatter: ['status: accepted', 'date: 2025-05-01', ...extra], body: `## Revisit triggers\n\n- ${trigger}\n` }).doc;

describe('explicit revisit dates', () => {
  it('is due on and after the date written in the ADR', () => {
    const doc = dated('Revisit by 2026-06-15');
    expect(assessDue(doc, options()).due).toEqual({
      date: '2026-06-15',
      cause: 'calendar',
      reasons: [{ text: 'Revisit by 2026-06-15', line: 17, due: '2026-06-15' }],
    });
    expect(assessDue(doc, options({ today: '2026-09-01' })).due?.date).toBe('2026-06-15');
  });

  it('is not due the day before, and names the date as next', () => {
    const a = assessDue(dated('Revisit by 2026-06-16'), options());
    expect(a.due).toBeUndefined();
    expect(a.next).toBe('2026-06-16');
  });

  it('reads "Review date:" fields and front matter `review-by:`', () => {
    const field = adr('0002-x.md', { title: '2. X', frontMatter: ['date: 2025-01-01'], body: 'Review date: 2026-03-01\n' }).doc;
    expect(assessDue(field, options()).due?.date).toBe('2026-03-01');
    const fm = adr('0003-x.md', { title: '3. X', frontMatter: ['date: 2025-01-01', 'review-by: 2026-04-01'] }).doc;
    expect(assessDue(fm, options()).due?.date).toBe('2026-04-01');
    const future = adr('0004-x.md', { title: '4. X', frontMatter: ['date: 2025-01-01', 'revisit: 2027-05-01'] }).doc;
    expect(assessDue(future, options()).due).toBeUndefined();
    expect(assessDue(future, options()).next).toBe('2027-05-01');
  });

  it('is not due again once a reminder on or after the date exists', () => {
    expect(assessDue(dated('Revisit by 2026-05-01'), options({ lastReminder: '2026-05-01' })).due).toBeUndefined();
    expect(assessDue(dated('Revisit by 2026-05-01'), options({ lastReminder: '2026-04-30' })).due?.date).toBe('2026-05-01');
  });
});

describe('durations from the decision date', () => {
  it('counts "in 6 months" from the decision date', () => {
    const a = assessDue(dated('Revisit in 6 months'), options());
    expect(a.due?.date).toBe('2025-11-01');
    expect(a.due?.reasons[0]?.text).toBe('Revisit in 6 months');
  });

  it('is not due before the duration has passed', () => {
    expect(assessDue(dated('Revisit in 18 months'), options()).due).toBeUndefined();
    expect(assessDue(dated('Revisit in 18 months'), options()).next).toBe('2026-11-01');
  });

  it('skips a duration when the decision date is missing, naming file and line', () => {
    const doc = adr('0005-x.md', { title: '5. X', frontMatter: ['status: accepted'], body: '## Revisit triggers\n\n- Revisit in 6 months\n' }).doc;
    const a = assessDue(doc, options());
    expect(a.due).toBeUndefined();
    expect(a.skipped).toEqual([
      {
        path: 'docs/adr/0005-x.md',
        line: 16,
        message: 'duration trigger "Revisit in 6 months" skipped: it counts from the decision date, which the ADR does not give; add `Date: YYYY-MM-DD`',
      },
    ]);
  });

  it('skips a duration when the decision date is ambiguous', () => {
    const doc = adr('0006-x.md', { title: '6. X', body: 'Date: 04/09/2025\n\n## Revisit triggers\n\n- Revisit in 6 months\n' }).doc;
    const a = assessDue(doc, options());
    expect(a.due).toBeUndefined();
    expect(a.skipped[0]?.message).toContain('"04/09/2025" is ambiguous');
  });

  it('counts from a two-digit-year date whose other reading is still to come', () => {
    // 27/06/24 is 2024-06-27 or 2027-06-24; on the sweep's day only the first has happened.
    const doc = adr('0007-x.md', { title: '7. X', body: 'Date: 27/06/24\n\n## Revisit triggers\n\n- Revisit in 6 months\n' }).doc;
    const a = assessDue(doc, options());
    expect(a.skipped).toEqual([]);
    expect(a.due?.date).toBe('2024-12-27');
    const before = assessDue(doc, options({ today: '2024-07-01' }));
    expect(before.due).toBeUndefined();
    expect(before.next).toBe('2024-12-27');
  });
});

describe('recurring triggers', () => {
  const kafka = () => fixtureAdr('0008-adopt-kafka.md').doc;

  it('without any reminder yet, the latest occurrence up to today is due (missed ones are not replayed)', () => {
    // Decided 2025-03-10, every 6 months: 2025-09-10, 2026-03-10, 2026-09-10.
    const a = assessDue(kafka(), options());
    expect(a.due?.date).toBe('2026-03-10');
    expect(a.next).toBe('2026-09-10');
  });

  it('is due at the next occurrence after the last reminder', () => {
    expect(assessDue(kafka(), options({ lastReminder: '2025-09-10' })).due?.date).toBe('2026-03-10');
    expect(assessDue(kafka(), options({ lastReminder: '2026-03-10' })).due).toBeUndefined();
    expect(assessDue(kafka(), options({ lastReminder: '2026-03-10', today: '2026-09-10' })).due?.date).toBe('2026-09-10');
  });

  it('keeps month ends from drifting', () => {
    const doc = dated('every month', []);
    const jan31 = adr('0010-x.md', { title: '10. X', frontMatter: ['date: 2026-01-31'], body: '## Revisit triggers\n\n- every month\n' }).doc;
    expect(assessDue(jan31, options({ today: '2026-03-31' })).due?.date).toBe('2026-03-31');
    expect(assessDue(jan31, options({ today: '2026-03-30' })).due?.date).toBe('2026-02-28');
    expect(assessDue(doc, options()).due?.date).toBe('2026-06-01');
  });
});

describe('statuses that are never due', () => {
  it.each(['superseded', 'deprecated', 'rejected', 'withdrawn', 'reverted'])('%s', (status) => {
    const doc = adr('0011-x.md', { title: '11. X', frontMatter: [`status: ${status}`, 'date: 2024-01-01', 'revisit: 2025-01-01'] }).doc;
    const a = assessDue(doc, options());
    expect(a.inactive).toBe(`status ${status}`);
    expect(a.due).toBeUndefined();
    expect(stillOccurs(doc, '2025-01-01', 'calendar', options())).toBe(false);
  });

  it('a "Superseded by" link in the Status section retires an ADR whose status word was not updated', () => {
    const doc = adr('0012-x.md', {
      title: '12. X',
      frontMatter: ['date: 2024-01-01', 'revisit: 2025-01-01'],
      body: '## Status\n\nAccepted\n\nSuperseded by [ADR-0020](0020-y.md)\n',
    }).doc;
    expect(doc.status?.normalized).toBe('accepted');
    expect(inactiveReason(doc)).toBe('superseded by 0020-y.md');
    expect(assessDue(doc, options()).due).toBeUndefined();
  });

  it('a "Superseded by" link on the status line, or front matter `superseded-by:`, retires the ADR', () => {
    const field = adr('0014-x.md', {
      title: '14. X',
      frontMatter: ['date: 2024-01-01', 'revisit: 2025-01-01'],
      body: 'Status: Accepted, then superseded by [ADR-0021](0021-z.md)\n',
    }).doc;
    expect(field.status?.normalized).toBe('accepted');
    expect(inactiveReason(field)).toBe('superseded by 0021-z.md');
    expect(assessDue(field, options()).due).toBeUndefined();
    const fm = adr('0015-x.md', { title: '15. X', frontMatter: ['status: accepted', 'superseded-by: ADR-0022', 'date: 2024-01-01', 'revisit: 2025-01-01'] }).doc;
    expect(inactiveReason(fm)).toBe('superseded by ADR-0022');
    expect(assessDue(fm, options()).due).toBeUndefined();
  });

  it('a "superseded by" link in body prose about another ADR does not retire an accepted one', () => {
    const doc = adr('0016-x.md', {
      title: '16. X',
      frontMatter: ['status: accepted', 'date: 2024-01-01', 'revisit: 2025-01-01'],
      body: '## Background\n\nADR-0003 was superseded by [ADR-0005](0005-y.md) last year, which is why this one exists.\n',
    }).doc;
    expect(doc.supersededBy.map((l) => l.target)).toEqual(['0005-y.md']);
    expect(inactiveReason(doc)).toBeUndefined();
    expect(assessDue(doc, options()).due?.date).toBe('2025-01-01');
  });

  it('accepted and proposed ADRs with a past date are due', () => {
    for (const status of ['accepted', 'proposed']) {
      const doc = adr('0013-x.md', { title: '13. X', frontMatter: [`status: ${status}`, 'date: 2024-01-01', 'revisit: 2025-01-01'] }).doc;
      expect(assessDue(doc, options()).due?.date).toBe('2025-01-01');
    }
  });
});

describe('the Type 1 default', () => {
  const type1 = (frontMatter: string[], body = '') =>
    adr('0014-primary-database.md', { title: '14. Use PostgreSQL as the primary database', frontMatter, body }).doc;

  it('reminds a Type 1 decision without calendar trigger 12 months after acceptance', () => {
    const doc = type1(['status: accepted', 'date: 2025-05-01']);
    expect(doc.decisionType?.value).toBe('type-1');
    const a = assessDue(doc, options());
    expect(a.due).toEqual({
      date: '2026-05-01',
      cause: 'calendar',
      reasons: [{ text: 'Type 1 decision: 12 months after acceptance (2025-05-01), the configured default', due: '2026-05-01' }],
    });
  });

  it('does not apply when the ADR names a calendar trigger, when it is off, or before acceptance', () => {
    expect(assessDue(type1(['status: accepted', 'date: 2025-05-01', 'revisit: 2027-01-01']), options()).due).toBeUndefined();
    expect(assessDue(type1(['status: accepted', 'date: 2025-05-01']), options({ type1Default: null })).due).toBeUndefined();
    expect(assessDue(type1(['status: proposed', 'date: 2025-05-01']), options()).due).toBeUndefined();
    expect(assessDue(type1(['status: accepted', 'date: 2025-08-01']), options()).next).toBe('2026-08-01');
  });

  it('does not apply to a Type 2 decision', () => {
    const doc = adr('0015-formatter.md', { title: '15. Use Prettier as the formatter', frontMatter: ['status: accepted', 'date: 2024-01-01'] }).doc;
    expect(doc.decisionType?.value).not.toBe('type-1');
    expect(assessDue(doc, options()).due).toBeUndefined();
  });

  it('is skipped with a reason when the decision has no date', () => {
    const a = assessDue(type1(['status: accepted']), options());
    expect(a.due).toBeUndefined();
    expect(a.skipped).toEqual([
      {
        path: 'docs/adr/0014-primary-database.md',
        line: 4,
        message:
          'Type 1 decision without a calendar trigger: the default reminder (12 months after acceptance) is skipped: it counts from the decision date, which the ADR does not give; add `Date: YYYY-MM-DD`',
      },
    ]);
  });
});

describe('unreadable dates', () => {
  it('skips a date that is not a calendar day, naming file and line, and still reads the other triggers', () => {
    const a = assessDue(fixtureAdr('0009-unreadable-date.md').doc, options());
    expect(a.skipped).toEqual([
      {
        path: 'docs/adr/0009-unreadable-date.md',
        line: 19,
        message: 'revisit date in "Revisit by 2026-02-30" skipped: `2026-02-30` does not exist (February 2026 has 28 days): write a day that exists, as YYYY-MM-DD, such as 2026-02-28',
      },
    ]);
    expect(a.due?.date).toBe('2025-07-15');
  });

  it('says when day and month could be either way round', () => {
    const a = assessDue(dated('Revisit by 04/09/2026'), options());
    expect(a.due).toBeUndefined();
    expect(a.skipped[0]?.message).toContain('(day and month could be either way round)');
  });
});

describe('metric triggers', () => {
  const postgres = () => fixtureAdr('0007-use-postgresql.md').doc;
  const query = 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job="api"}[5m])) by (le))';

  it('are listed, not evaluated, without readings', () => {
    const a = assessDue(postgres(), options({ today: '2026-04-01' }));
    expect(a.due).toBeUndefined();
    expect(a.metrics).toEqual([{ line: 5, text: `${query} > 0.5`, condition: { query, comparator: '>', threshold: 0.5 }, breached: false }]);
  });

  it('make the ADR due today on a breach, not on a reading within the threshold', () => {
    const breach = assessDue(postgres(), options({ today: '2026-04-01', metrics: new Map([[query, 0.73]]) }));
    expect(breach.due).toEqual({ date: '2026-04-01', cause: 'metric', reasons: [{ text: `${query} > 0.5 (measured 0.73)`, line: 5, due: '2026-04-01' }] });
    expect(assessDue(postgres(), options({ today: '2026-04-01', metrics: new Map([[query, 0.5]]) })).due).toBeUndefined();
    expect(assessDue(postgres(), options({ today: '2026-04-01', metrics: new Map([[query, Number.NaN]]) })).due).toBeUndefined();
  });

  it('a breach within 30 days of the last reminder waits', () => {
    const m = new Map([[query, 0.9]]);
    expect(assessDue(postgres(), options({ today: '2026-04-01', lastReminder: '2026-03-10', metrics: m })).due).toBeUndefined();
    expect(assessDue(postgres(), options({ today: '2026-04-09', lastReminder: '2026-03-10', metrics: m })).due?.cause).toBe('metric');
  });
});

describe('stillOccurs', () => {
  it('holds for every occurrence of a recurring trigger up to today, not for other days', () => {
    const kafka = fixtureAdr('0008-adopt-kafka.md').doc;
    expect(stillOccurs(kafka, '2025-09-10', 'calendar', options())).toBe(true);
    expect(stillOccurs(kafka, '2026-03-10', 'calendar', options())).toBe(true);
    expect(stillOccurs(kafka, '2026-03-11', 'calendar', options())).toBe(false);
    expect(stillOccurs(kafka, '2026-09-10', 'calendar', options())).toBe(false);
  });
});
