import { describe, expect, it } from 'vitest';
import type { TriggerCategoryDef } from '../../../src/core/checklists/types.js';
import {
  buildAdrData,
  DEFAULT_CRITERIA,
  TRIGGER_CATEGORY_ORDER,
  triggerPrompts,
  type AdrInput,
} from '../../../src/core/new-adr/adr-data.js';

const categories: TriggerCategoryDef[] = [
  { id: 'cost', name: 'Cost', cues: ['spend'], examples: ['Spend passes $8,000/month.', 'Second example'], revisits: 'sizing' },
  { id: 'scale', name: 'Scale', cues: ['traffic'], examples: ['Traffic passes 10x baseline.'], revisits: 'database' },
];

function input(overrides: Partial<AdrInput> = {}): AdrInput {
  return { title: 'Use PostgreSQL', number: 7, date: '2026-11-21', defaultCalendar: '6 months', categories, ...overrides };
}

describe('buildAdrData', () => {
  it('fills defaults: proposed status, empty lists, padded number', () => {
    const data = buildAdrData(input());
    expect(data).toMatchObject({
      title: 'Use PostgreSQL',
      number: 7,
      numberPadded: '0007',
      date: '2026-11-21',
      status: 'proposed',
      statusLabel: 'Proposed',
      deciders: [],
      options: [],
      consequences: [],
      defaultCalendar: '6 months',
    });
    expect(data.context).toBeUndefined();
    expect(data.issueUrl).toBeUndefined();
  });

  it.each([
    ['6 months', '2026-11-21', '2027-05-21'],
    ['1 year', '2026-11-21', '2027-11-21'],
    ['12 months', '2024-02-29', '2025-02-28'],
    ['1 month', '2026-01-31', '2026-02-28'],
    ['2 weeks', '2026-12-25', '2027-01-08'],
    ['90 days', '2026-11-21', '2027-02-19'],
  ])('due date: %s after %s is %s', (defaultCalendar, date, due) => {
    expect(buildAdrData(input({ defaultCalendar, date })).due).toBe(due);
  });

  it('offers the eight categories in order, calendar included, with the first checklist example', () => {
    const { triggers } = buildAdrData(input());
    expect(triggers.map((t) => t.id)).toEqual([...TRIGGER_CATEGORY_ORDER]);
    expect(triggers.map((t) => t.id)).toEqual([
      'scale', 'team', 'cost', 'compliance', 'performance', 'technology', 'calendar', 'organizational',
    ]);
    expect(triggers.find((t) => t.id === 'cost')).toMatchObject({ name: 'Cost', example: 'Spend passes $8,000/month.', calendar: false });
    expect(triggers.filter((t) => t.calendar).map((t) => t.id)).toEqual(['calendar']);
  });

  it('falls back to a built-in example when the checklist lacks a category', () => {
    const prompts = triggerPrompts([]);
    expect(prompts).toHaveLength(8);
    for (const p of prompts) expect(p.example.length).toBeGreaterThan(5);
  });

  it('gives a decision matrix whose weights add up to 100', () => {
    const { criteria } = buildAdrData(input());
    expect(criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect(criteria.map((c) => c.name)).toEqual(DEFAULT_CRITERIA.map((c) => c.name));
    criteria[0]!.weight = 0;
    expect(DEFAULT_CRITERIA[0]!.weight).not.toBe(0);
  });

  it('trims text and drops empty list entries', () => {
    const data = buildAdrData(
      input({
        title: '  Use \n PostgreSQL  ',
        context: '  \n',
        deciders: [' @alice ', '', '  '],
        options: ['PostgreSQL', ' ', 'MySQL'],
        status: ' Accepted ',
      }),
    );
    expect(data.title).toBe('Use PostgreSQL');
    expect(data.context).toBeUndefined();
    expect(data.deciders).toEqual(['@alice']);
    expect(data.options).toEqual(['PostgreSQL', 'MySQL']);
    expect(data.status).toBe('accepted');
    expect(data.statusLabel).toBe('Accepted');
  });

  it('labels a GitHub issue or pull request link by its number', () => {
    expect(buildAdrData(input({ issueUrl: 'https://github.com/o/r/issues/12' })).issueLabel).toBe('#12');
    expect(buildAdrData(input({ issueUrl: 'https://github.com/o/r/pull/34#discussion' })).issueLabel).toBe('#34');
    expect(buildAdrData(input({ issueUrl: 'https://jira.example.com/browse/ARCH-1' })).issueLabel).toBe(
      'https://jira.example.com/browse/ARCH-1',
    );
  });

  it.each([
    [{ title: '   ' }, /title is empty/],
    [{ title: 'x'.repeat(301) }, /301 characters/],
    [{ number: 0 }, /positive integer ADR number/],
    [{ number: 1.5 }, /positive integer ADR number/],
    [{ date: '21/11/2026' }, /YYYY-MM-DD/],
    [{ date: '2026-02-30' }, /YYYY-MM-DD/],
    [{ defaultCalendar: 'soon' }, /duration such as "6 months"/],
  ] as [Partial<AdrInput>, RegExp][])('rejects %j', (overrides, message) => {
    expect(() => buildAdrData(input(overrides))).toThrow(message);
  });

  it('accepts a 300-character title', () => {
    expect(buildAdrData(input({ title: 'y'.repeat(300) })).title).toHaveLength(300);
  });
});
