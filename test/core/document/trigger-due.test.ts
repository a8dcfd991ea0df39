import { describe, expect, it } from 'vitest';
import type { DecisionDoc } from '../../../src/core/document/model.js';
import { dueBy, triggerTiming } from '../../../src/core/document/trigger-due.js';
import { adr } from '../reminders/reminder-docs.js';

/** An ADR decided on `date` with one revisit trigger, and that trigger. */
function record(trigger: string, frontMatter: string[] = ['status: accepted', 'date: 2025-01-15']): DecisionDoc {
  return adr('0001-use-x.md', { title: '1. Use X', frontMatter, body: `## Revisit triggers\n\n- ${trigger}\n` }).doc;
}

function timing(doc: DecisionDoc, today: string) {
  expect(doc.triggers).toHaveLength(1);
  return triggerTiming(doc.triggers[0]!, doc, today);
}

describe('triggerTiming: recurring triggers', () => {
  it('gives the latest missed occurrence and the next, not the first one', () => {
    // Every 6 months from 2025-01-15: 2025-07-15, 2026-01-15, 2026-07-15, 2027-01-15…
    const t = timing(record('Calendar: every 6 months'), '2026-12-05');
    expect(t).toEqual({ state: 'active', last: '2026-07-15', next: '2027-01-15' });
    expect(dueBy(t, '2026-12-05')).toBe('2026-07-15');
  });

  it('has no last occurrence before the first one comes, and counts the day itself as the latest', () => {
    expect(timing(record('every 6 months'), '2025-07-14')).toEqual({ state: 'active', next: '2025-07-15' });
    expect(timing(record('every 6 months'), '2025-07-15')).toEqual({ state: 'active', last: '2025-07-15', next: '2026-01-15' });
  });

  it('counts from a start date written in the trigger', () => {
    const t = timing(record('every year, starting 2026-03-01'), '2026-12-05');
    expect(t).toEqual({ state: 'active', last: '2026-03-01', next: '2027-03-01' });
  });

  it('says why it has no date when the decision date is missing', () => {
    const t = timing(record('every 6 months', ['status: accepted']), '2026-12-05');
    expect(t.state).toBe('active');
    expect(t.last).toBeUndefined();
    expect(t.reason).toMatch(/recurring trigger "every 6 months" skipped: .*add `Date: YYYY-MM-DD`/);
  });
});

describe('triggerTiming: dates and durations', () => {
  it('gives a written date as its due date, past or future', () => {
    expect(timing(record('Revisit by 2027-05-01'), '2026-12-05')).toEqual({ state: 'active', due: '2027-05-01' });
    expect(dueBy(timing(record('Revisit by 2027-05-01'), '2026-12-05'), '2026-12-05')).toBeUndefined();
    expect(dueBy(timing(record('Revisit by 2026-05-01'), '2026-12-05'), '2026-12-05')).toBe('2026-05-01');
  });

  it('counts a duration from the decision date', () => {
    expect(timing(record('Revisit after 12 months'), '2026-12-05')).toEqual({ state: 'active', due: '2026-01-15' });
  });

  it('has no dates for a threshold', () => {
    expect(timing(record('p99 latency > 300 ms for 3 weeks'), '2026-12-05')).toEqual({ state: 'active' });
  });
});

describe('triggerTiming: impossible dates', () => {
  it.each([
    ['Calendar: revisit by 2027-02-30', /`2027-02-30` does not exist \(February 2027 has 28 days\): .*such as 2027-02-28/],
    ['Revisit by 2026-13-45', /`2026-13-45` does not exist \(there is no month 13\)/],
    ['Revisit by 2028-02-30', /February 2028 has 29 days.*such as 2028-02-29/],
  ])('%j is invalid, saying why and what to write', (trigger, reason) => {
    const t = timing(record(trigger), '2026-12-05');
    expect(t.state).toBe('invalid');
    expect(t.reason).toMatch(reason);
    expect(t.due).toBeUndefined();
    expect(dueBy(t, '2026-12-05')).toBeUndefined();
  });

  it('an ambiguous date is invalid too: it reads two ways', () => {
    const t = timing(record('Revisit by 04/09/2027'), '2026-12-05');
    expect(t.state).toBe('invalid');
    expect(t.reason).toContain('day and month could be either way round');
  });
});

describe('triggerTiming: records that no longer stand', () => {
  it.each(['superseded', 'deprecated', 'rejected', 'declined', 'withdrawn', 'reverted'])('status %s makes every trigger inactive', (status) => {
    const doc = record('Revisit by 2026-05-01', [`status: ${status}`, 'date: 2025-01-15']);
    const t = timing(doc, '2026-12-05');
    expect(t).toEqual({ state: 'inactive', reason: `status ${status}` });
    expect(dueBy(t, '2026-12-05')).toBeUndefined();
  });

  it('a "Superseded by" link in the Status section makes it inactive even with an "Accepted" word left', () => {
    const doc = adr('0002-x.md', {
      title: '2. X',
      frontMatter: ['date: 2025-01-15'],
      body: '## Status\n\nAccepted\n\nSuperseded by [ADR-0009](0009-y.md)\n\n## Revisit triggers\n\n- every 6 months\n',
    }).doc;
    expect(timing(doc, '2026-12-05')).toEqual({ state: 'inactive', reason: 'superseded by 0009-y.md' });
  });

  it('an accepted, proposed or unstated record stays active', () => {
    for (const fm of [['status: accepted'], ['status: proposed'], []]) {
      expect(timing(record('every 6 months', [...fm, 'date: 2025-01-15']), '2026-12-05').state).toBe('active');
    }
  });
});
