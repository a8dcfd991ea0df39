import { describe, expect, it } from 'vitest';
import { calendarTrigger, categoriesOf, conditionFromNumbers } from '../../../src/core/backfill/draft-triggers.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { builtinChecklists } from '../../helpers/review-options.js';

const categories = () => builtinChecklists().triggerCategories;
const doc = (md: string) => parseDecisionDoc(md, 'docs/adr/0001-x.md', 'adr', builtinChecklists()).doc;

describe('drafted triggers', () => {
  it('finds the categories a record points to, by the words of the issue and their synonyms', () => {
    expect(categoriesOf('Peak traffic doubles at sale time.', categories())).toEqual(['scale']);
    expect(categoriesOf('The vendor licence price rises with spend.', categories())).toEqual(['cost', 'technology']);
    expect(categoriesOf('Hiring a second team; GDPR audit next year.', categories())).toEqual(['team', 'compliance']);
    expect(categoriesOf('Latency and throughput of the library version 3.', categories())).toEqual(['performance', 'technology']);
    expect(categoriesOf('We will use PostgreSQL.', categories())).toEqual([]);
  });

  it('builds conditions from the record\'s own figures', () => {
    expect(conditionFromNumbers('performance', 'p99 under 200 ms')?.text).toBe('p99 latency above 200 ms for a week');
    expect(conditionFromNumbers('performance', 'Response times stay below 1.5 seconds.')?.text).toBe('response time above 1.5 s for a week');
    expect(conditionFromNumbers('scale', 'about 12k requests per second')?.text).toBe('sustained load above 12k requests/s for a week');
    expect(conditionFromNumbers('scale', '3 million events a day')?.text).toBe('sustained load above 3 million events/day for a week');
    expect(conditionFromNumbers('cost', 'it costs €1,200/year')?.text).toBe('spend above €1,200 a year');
    expect(conditionFromNumbers('team', 'a team of 6 engineers')?.text).toBe('the team grows past 6 engineers');
    expect(conditionFromNumbers('compliance', 'GDPR applies')).toBeUndefined();
    expect(conditionFromNumbers('performance', 'latency matters')).toBeUndefined();
  });

  it('dates the calendar trigger from the decision: 12 months for a Type 1 decision, 6 otherwise, the next one after today', () => {
    const record = (date: string, extra = '') => doc(`# 1. X\n\nDate: ${date}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.${extra}\n\n## Decision\n\nWe will.\n`);
    expect(calendarTrigger(record('2026-10-01'), '2026-12-06').text).toBe('Calendar: revisit by 2027-04-01.');
    expect(calendarTrigger(record('2024-05-20'), '2026-12-06').text).toBe('Calendar: revisit by 2027-05-20.');
    const type1 = record('2025-01-15', '\n\nThis is a one-way door: a Type 1 decision, hard to reverse.');
    expect(type1.decisionType?.value).toBe('type-1');
    expect(calendarTrigger(type1, '2026-12-06').text).toBe('Calendar: revisit by 2027-01-15.');
    // A due date that falls on today has passed: the next one.
    expect(calendarTrigger(record('2026-06-06'), '2026-12-06').text).toBe('Calendar: revisit by 2027-06-06.');
    const undated = doc('# X\n\n## Context\n\nWhy.\n\n## Decision\n\nWe will.\n');
    expect(calendarTrigger(undated, '2026-12-06').text).toBe('Calendar: revisit by 2027-06-06.');
  });
});
