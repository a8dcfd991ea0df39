/**
 * `design-review triggers` and the reminder sweep read the same records on the
 * same day and must say the same thing: an ADR gets a reminder exactly when
 * `triggers` lists one of its triggers due or overdue, for the latest such
 * date; an inactive or invalid trigger gets none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/core/document/dates.js';
import { listTriggers } from '../../../src/core/reminders/trigger-rows.js';
import { computeCoverage } from '../../../src/core/review/coverage.js';
import { builtinChecklists } from '../../helpers/review-options.js';
import { healthRows } from '../../../src/core/reminders/decision-health.js';
import { planReminders } from '../../../src/core/reminders/plan-reminders.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { adr, config } from './reminder-docs.js';

beforeAll(() => loadBuiltinTemplates());

const TODAY = '2026-12-05';

const adrs = [
  // Every 6 months from 2025-01-15: the latest missed occurrence is 2026-07-15.
  adr('0001-recurring.md', { title: '1. Recurring', frontMatter: ['status: accepted', 'date: 2025-01-15'], body: '## Revisit triggers\n\n- Calendar: every 6 months\n' }),
  adr('0002-superseded.md', {
    title: '2. Superseded',
    frontMatter: ['status: superseded', 'date: 2024-01-01'],
    body: '## Revisit triggers\n\n- Revisit by 2025-06-01\n- every 3 months\n',
  }),
  adr('0003-deprecated.md', { title: '3. Deprecated', frontMatter: ['status: deprecated', 'date: 2024-01-01'], body: '## Revisit triggers\n\n- every year\n' }),
  adr('0004-rejected.md', { title: '4. Rejected', frontMatter: ['status: rejected', 'date: 2024-01-01'], body: '## Revisit triggers\n\n- Revisit by 2026-01-01\n' }),
  adr('0005-impossible.md', { title: '5. Impossible', frontMatter: ['status: accepted', 'date: 2025-01-01'], body: '## Revisit triggers\n\n- Calendar: revisit by 2026-02-30\n' }),
  adr('0006-future.md', { title: '6. Future', frontMatter: ['status: accepted', 'date: 2025-01-01'], body: '## Revisit triggers\n\n- Revisit by 2027-05-01\n' }),
  // Two conditions: the duration (2026-03-01) is due, the threshold is not a date.
  adr('0007-two-conditions.md', {
    title: '7. Two conditions',
    frontMatter: ['status: accepted', 'date: 2025-03-01'],
    body: '## Revisit triggers\n\n- Write throughput exceeds 2,000 writes/s sustained, or after 12 months.\n',
  }),
  adr('0008-two-dates.md', {
    title: '8. Two dates',
    frontMatter: ['status: accepted', 'date: 2025-01-01'],
    body: '## Revisit triggers\n\n- Revisit by 2026-03-01\n- Revisit by 2026-11-30\n- Revisit by 2027-03-01\n',
  }),
  adr('0009-due-today.md', { title: '9. Due today', frontMatter: ['date: 2025-01-01'], body: '## Revisit triggers\n\n- Revisit by 2026-12-05\n' }),
  // No calendar trigger: the sweep's Type 1 default (12 months after acceptance) applies.
  adr('0010-type-1.md', { title: '10. Type 1', frontMatter: ['status: accepted', 'date: 2025-06-01'], body: 'This is a Type 1 decision: a one-way door.\n\n## Revisit triggers\n\n- p99 latency > 300 ms for 3 weeks\n' }),
  adr('0011-threshold-only.md', { title: '11. Threshold', frontMatter: ['status: accepted', 'date: 2025-06-01'], body: '## Revisit triggers\n\n- monthly spend > $50,000\n' }),
];
const docs = adrs.map((a) => a.doc);
const cfg = config();

/** What `triggers` says is due: per file, the latest due or overdue date. */
function dueByTriggers(): Map<string, string> {
  const rows = listTriggers(docs, TODAY, { type1Default: parseDuration(cfg.revisit.type1Default), type1DefaultText: cfg.revisit.type1Default });
  const due = new Map<string, string>();
  for (const row of rows) {
    if (row.state !== 'due' && row.state !== 'overdue') continue;
    const known = due.get(row.file);
    if (!known || row.due! > known) due.set(row.file, row.due!);
  }
  return due;
}

/** What the sweep opens: per file, the occurrence of the reminder it creates. */
function dueBySweep(): Map<string, string> {
  const plan = planReminders({ adrs, today: TODAY, config: cfg, issues: [] });
  return new Map(plan.actions.flatMap((a) => (a.action === 'create' ? [[a.path, a.occurrence] as const] : [])));
}

describe('triggers and the reminder sweep agree', () => {
  it('on which records are due, and for which date', () => {
    const sweep = dueBySweep();
    expect(dueByTriggers()).toEqual(sweep);
    // The expectation itself, so an agreement on nothing cannot pass.
    expect(Object.fromEntries(sweep)).toEqual({
      'docs/adr/0001-recurring.md': '2026-07-15',
      'docs/adr/0007-two-conditions.md': '2026-03-01',
      'docs/adr/0008-two-dates.md': '2026-11-30',
      'docs/adr/0009-due-today.md': '2026-12-05',
      'docs/adr/0010-type-1.md': '2026-06-01',
    });
  });

  it('on what is never reminded: inactive records and impossible dates', () => {
    const rows = listTriggers(docs, TODAY);
    const states = (file: string) => rows.filter((r) => r.file === `docs/adr/${file}`).map((r) => r.state);
    expect(states('0002-superseded.md')).toEqual(['inactive', 'inactive']);
    expect(states('0003-deprecated.md')).toEqual(['inactive']);
    expect(states('0004-rejected.md')).toEqual(['inactive']);
    expect(states('0005-impossible.md')).toEqual(['invalid']);
    const plan = planReminders({ adrs, today: TODAY, config: cfg, issues: [] });
    expect(plan.skipped.map((s) => s.path)).toEqual(['docs/adr/0005-impossible.md']);
    expect(plan.skipped[0]!.message).toMatch(/`2026-02-30` does not exist/);
  });

  it('and the health issue says the same: overdue where a reminder is due, next where triggers lists the next date', () => {
    const health = healthRows({ adrs, today: TODAY, config: cfg, issues: [] });
    const overdue = new Map(health.filter((r) => r.overdue).map((r) => [r.path, r.overdue!]));
    expect(overdue).toEqual(dueBySweep());
    expect(health.find((r) => r.path === 'docs/adr/0001-recurring.md')?.next).toBe('2027-01-15');
    expect(health.filter((r) => r.inactive).map((r) => r.path).sort()).toEqual([
      'docs/adr/0002-superseded.md',
      'docs/adr/0003-deprecated.md',
      'docs/adr/0004-rejected.md',
    ]);
  });

  it("and check's trigger summary counts the same triggers as due", () => {
    const rows = listTriggers(docs, TODAY);
    for (const doc of docs) {
      const listed = rows.filter((r) => r.file === doc.path && (r.state === 'due' || r.state === 'overdue')).length;
      expect(computeCoverage(doc, builtinChecklists(), TODAY).triggers.due, doc.path).toBe(listed);
    }
    // The superseded record's past date and the recurring trigger's first occurrence are not counted twice or wrongly.
    expect(computeCoverage(docs[1]!, builtinChecklists(), TODAY).triggers.due).toBe(0);
    expect(computeCoverage(docs[0]!, builtinChecklists(), TODAY).triggers.due).toBe(1);
  });

  it('once a reminder is open for the latest occurrence, the sweep opens nothing more', () => {
    const plan = planReminders({ adrs, today: TODAY, config: cfg, issues: [] });
    const issues = plan.actions.flatMap((a, i) => (a.action === 'create' ? [{ number: i + 1, state: 'open' as const, body: a.body, labels: a.labels }] : []));
    const again = planReminders({ adrs, today: TODAY, config: cfg, issues });
    expect(again.actions.filter((a) => a.action === 'create')).toEqual([]);
  });
});
