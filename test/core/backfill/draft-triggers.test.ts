import { describe, expect, it } from 'vitest';
import { calendarTrigger, categoriesOf, conditionFromNumbers, draftTriggers } from '../../../src/core/backfill/draft-triggers.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { builtinChecklists } from '../../helpers/review-options.js';

const categories = () => builtinChecklists().triggerCategories;
const doc = (md: string) => parseDecisionDoc(md, 'docs/adr/0001-x.md', 'adr', builtinChecklists()).doc;

describe('drafted triggers', () => {
  it('finds the categories a record points to, by the words of the issue and their synonyms', () => {
    expect(categoriesOf('Traffic doubles at sale time, when the peak load comes.', categories())).toEqual(['scale']);
    expect(categoriesOf('The vendor raises its pricing; our spend grows and we fear lock-in.', categories())).toEqual(['cost', 'technology']);
    expect(categoriesOf('Hiring is slow and the team size is fixed; GDPR applies.', categories())).toEqual(['team', 'compliance']);
    expect(categoriesOf('Latency and throughput matter.', categories())).toEqual(['performance']);
    expect(categoriesOf('We will use PostgreSQL.', categories())).toEqual([]);
  });

  it("needs a category's words twice (a compliance word once), and not in their everyday senses (shapes found on real records)", () => {
    // One mention says little about what would reopen the decision.
    expect(categoriesOf('Traffic is routed by the gateway.', categories())).toEqual([]);
    expect(categoriesOf('We handle GDPR requests by hand.', categories())).toEqual(['compliance']);
    // BrighterCommand ADR-0059 and ADR-0053, ADR-0010, adr/madr 0001, nats ADR-21 and ADR-43, a version-history table.
    expect(categoriesOf('Fixing it now costs the project a review; fixing it later costs more.', categories())).toEqual([]);
    expect(categoriesOf('The total retry budget is bounded; the CI time budget is 8 minutes.', categories())).toEqual([]);
    expect(categoriesOf('We instrument in compliance with the OTel documentation, in compliance with its naming.', categories())).toEqual([]);
    expect(categoriesOf('Dual license the work: everything needs to be licensed under one license.', categories())).toEqual([]);
    expect(categoriesOf('nats stream ls would load the orders context; the team have been working on XDG.', categories())).toEqual([]);
    expect(categoriesOf('Tombstones are retained for an audit trail; an audit of them is rare.', categories())).toEqual([]);
    expect(categoriesOf('Version history: version 1, version 2. Kept in version control.', categories())).toEqual([]);
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

  it('takes no count for a load and no bare amount for a spend (shapes found on real records)', () => {
    // nats-io ADR-50: "deliver the 5 writes as a batch"; ADR-8: "only return pending 0 messages".
    expect(conditionFromNumbers('scale', 'we want to be able to deliver the 5 writes as a batch')).toBeUndefined();
    expect(conditionFromNumbers('scale', 'return pending 0 messages as the final value')).toBeUndefined();
    expect(conditionFromNumbers('scale', '0 messages per second')).toBeUndefined();
    // BrighterCommand ADR-0037: a shell script's `if [[ "$1" == "--dry-run" ]]`.
    expect(conditionFromNumbers('cost', 'if [[ "$1" == "--dry-run" ]]; then')).toBeUndefined();
  });

  it('reads figures from the decision\'s own sections, not from the options it weighed', () => {
    // adr/madr 0014: the price of an option the record turned down, under "Pros and Cons of the Options".
    const record = doc(
      '# 14. Allow neutral arguments\n\n## Context and Problem Statement\n\nThe hosted tool\'s pricing worries us: our spend on tools is high.\n\n## Decision Outcome\n\nChosen option: "plain text".\n\n## Pros and Cons of the Options\n\n### Hosted tool\n\n- Bad, because it is expensive ($199/mo for 450k events).\n',
    );
    const drafted = draftTriggers(record, { today: '2026-12-06', categories: categories() });
    expect(drafted.map((d) => [d.category, d.placeholder])).toEqual([
      ['cost', true],
      ['calendar', false],
    ]);
    // The words of the options alone draft nothing.
    const optionsOnly = doc('# 15. X\n\n## Considered Options\n\n- A: spend grows with traffic\n- B: pricing per seat, spend fixed\n\n## Decision Outcome\n\nChosen option: "A".\n');
    expect(draftTriggers(optionsOnly, { today: '2026-12-06', categories: categories() }).map((d) => d.category)).toEqual(['calendar']);
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
