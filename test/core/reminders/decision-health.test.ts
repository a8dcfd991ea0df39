import { describe, expect, it } from 'vitest';
import { brokenSupersedeLinks, healthPictures, healthRows, renderHealthIssue } from '../../../src/core/reminders/decision-health.js';
import { HEALTH_MARKER, reminderMarker } from '../../../src/core/reminders/marker.js';
import { lastRemindersFromIssues } from '../../../src/core/reminders/plan-reminders.js';
import { utf8Length } from '../../../src/core/publish/truncate.js';
import type { ReminderAdr } from '../../../src/core/reminders/types.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { adr, COMMIT, config, fixtureAdr, TODAY } from './reminder-docs.js';

loadBuiltinTemplates();

const adrs = (): ReminderAdr[] => [
  fixtureAdr('0007-use-postgresql.md'),
  fixtureAdr('0008-adopt-kafka.md'),
  adr('0010-future.md', { title: '10. Future', frontMatter: ['status: accepted', 'date: 2026-01-01', 'revisit: 2027-01-01'] }),
  adr('0011-old.md', { title: '11. Old', frontMatter: ['status: superseded', 'date: 2020-01-01'], body: 'Superseded by [ADR-0099](0099-missing.md)\n' }),
  adr('0012-undated.md', { title: '12. Undated', frontMatter: ['status: accepted'] }),
];

describe('the decision health issue', () => {
  it('orders overdue first (oldest first), then upcoming, undated, and retired records last', () => {
    const issues = [{ number: 41, state: 'open' as const, labels: ['adr-revisit'], body: reminderMarker({ path: 'docs/adr/0008-adopt-kafka.md', occurrence: '2026-03-10', cause: 'calendar' }) }];
    const rows = healthRows({ adrs: adrs(), today: TODAY, config: config(), issues });
    expect(rows.map((r) => [r.label, r.status, r.overdue ?? '', r.next ?? '', r.reminder ?? 0])).toEqual([
      ['ADR-0008', 'accepted', '2026-03-10', '2026-09-10', 41],
      ['ADR-0007', 'accepted', '2026-05-01', '', 0],
      ['ADR-0010', 'accepted', '', '2027-01-01', 0],
      ['ADR-0012', 'accepted', '', '', 0],
      ['ADR-0011', 'superseded', '', '', 0],
    ]);
  });

  it('renders a table and the broken supersede links, marker first', () => {
    const { title, body, listed, total } = renderHealthIssue({ adrs: adrs(), today: TODAY, config: config(), issues: [] });
    expect(title).toBe('Decision health');
    expect([listed, total]).toEqual([5, 5]);
    const lines = body.split('\n');
    expect(lines[0]).toBe(HEALTH_MARKER);
    expect(body).toContain('5 decision records on 2026-06-15; 2 due for a revisit.');
    expect(body).toContain('| ADR-0008 | Adopt Kafka for order events | accepted | ⏰ 2026-03-10 | 2026-09-10 |');
    expect(body).toContain('| ADR-0011 | Old | superseded |  |  |');
    expect(body).toContain(
      '### Broken supersede links\n\n- ADR-0011 (docs/adr/0011-old.md, line 15): superseded by 0099-missing.md, which is not a record in this repository',
    );
  });

  it('finds only links whose target is missing', () => {
    const docs = [
      adr('0001-a.md', { title: '1. A', frontMatter: ['status: superseded'], body: 'Superseded by [ADR-0002](0002-b.md)\n' }).doc,
      adr('0002-b.md', { title: '2. B', body: 'Supersedes [ADR-0001](0001-a.md) and [ADR-0003](0003-c.md)\n' }).doc,
    ];
    expect(brokenSupersedeLinks(docs).map((l) => [l.path, l.relation, l.target])).toEqual([['docs/adr/0002-b.md', 'supersedes', '0003-c.md']]);
  });

  it('stays under the body limit for 2,000 ADRs by listing the overdue first and counting the rest', () => {
    const many: ReminderAdr[] = [];
    for (let i = 1; i <= 2000; i++) {
      const n = String(i).padStart(4, '0');
      const revisit = i % 8 === 0 ? '2026-01-01' : '2028-01-01';
      many.push(adrFast(i, `docs/adr/${n}-decision-${i}.md`, `Decision number ${i} about a fairly long subject — ünïcödé ${'x'.repeat(40)}`, revisit));
    }
    const { body, listed, total } = renderHealthIssue({ adrs: many, today: TODAY, config: config(), issues: [] });
    expect(total).toBe(2000);
    expect(utf8Length(body)).toBeLessThanOrEqual(65_535);
    expect(listed).toBeGreaterThan(250);
    expect(listed).toBeLessThan(2000);
    // The 250 overdue records come first, then the upcoming ones.
    const rows = body.split('\n').filter((l) => l.startsWith('| ADR-'));
    expect(rows).toHaveLength(listed);
    expect(rows.slice(0, 250).every((r) => r.includes('⏰ 2026-01-01'))).toBe(true);
    expect(rows.slice(250).some((r) => r.includes('⏰'))).toBe(false);
    expect(body).toContain(`…and ${2000 - listed} more records not listed, to fit GitHub's size limit: ${2000 - listed} accepted.`);
  });
  it('neutralises @mentions and #references from ADR titles in the health issue, which is edited at every sweep', () => {
    const loud = adr('0020-loud.md', { title: '20. Ping @octocat and @org/everyone about acme/shop#5', frontMatter: ['status: accepted', 'date: 2026-01-01', 'revisit: 2027-01-01'] });
    const { body } = renderHealthIssue({ adrs: [loud], today: TODAY, config: config(), issues: [] });
    const zw = '\u200b';
    expect(body).toContain(`| ADR-0020 | Ping @${zw}octocat and @${zw}org/everyone about acme/shop#${zw}5 | accepted |  | 2027-01-01 |`);
    expect(body).not.toMatch(/@[A-Za-z0-9]/);
    expect(body).not.toMatch(/#[0-9]/);
  });
  it('does not show a revisit whose reminder was closed as overdue, given the last reminders the planner derives', () => {
    // ADR-0008 recurs every 6 months (2026-03-10, 2026-09-10); its 2026-03-10 reminder was handled and closed.
    const issues = [{ number: 41, state: 'closed' as const, labels: ['adr-revisit'], body: reminderMarker({ path: 'docs/adr/0008-adopt-kafka.md', occurrence: '2026-03-10', cause: 'calendar' }) }];
    const lastReminders = lastRemindersFromIssues(issues);
    expect([...lastReminders]).toEqual([['docs/adr/0008-adopt-kafka.md', '2026-03-10']]);
    const kafka = (input: Parameters<typeof healthRows>[0]) => healthRows(input).find((r) => r.label === 'ADR-0008')!;
    // Without the last reminders the closed revisit still reads as due (the defect).
    expect(kafka({ adrs: adrs(), today: TODAY, config: config(), issues }).overdue).toBe('2026-03-10');
    const row = kafka({ adrs: adrs(), today: TODAY, config: config(), issues, lastReminders });
    expect([row.overdue, row.next, row.reminder]).toEqual([undefined, '2026-09-10', undefined]);
    const { body } = renderHealthIssue({ adrs: adrs(), today: TODAY, config: config(), issues, lastReminders });
    expect(body).toContain('| ADR-0008 | Adopt Kafka for order events | accepted |  | 2026-09-10 |');
    expect(body).toContain('5 decision records on 2026-06-15; 1 due for a revisit.');
  });

  it('draws the decision graph and the revisit timeline below the table, in fenced Mermaid', () => {
    const { body, pictures } = renderHealthIssue({ adrs: adrs(), today: TODAY, config: config(), issues: [] });
    expect(pictures).toBe(true);
    expect(body).toContain('### Decision graph\n\n```mermaid\nflowchart LR\n');
    // The superseded record's link to a missing record is drawn broken.
    expect(body).toMatch(/ {2}n\d+ --x\|superseded by\| x1\n/);
    expect(body).toContain('### Revisit timeline\n\n```mermaid\ngantt\n  title Revisit timeline\n');
    expect(body).toContain('    ADR-0008 ');
    expect(body).toMatch(/ADR-0008 [^\n]*:crit, milestone, t\d+, 2026-03-10, 0d/);
    expect(body.indexOf('### Decision graph')).toBeGreaterThan(body.indexOf('| ADR-0011 |'));
  });

  it('shows a revisit whose reminder was closed at its next date in the timeline too, as the table does', () => {
    const issues = [{ number: 41, state: 'closed' as const, labels: ['adr-revisit'], body: reminderMarker({ path: 'docs/adr/0008-adopt-kafka.md', occurrence: '2026-03-10', cause: 'calendar' }) }];
    const input = { adrs: adrs(), today: TODAY, config: config(), issues, lastReminders: lastRemindersFromIssues(issues) };
    const { timeline } = healthPictures(input, healthRows(input));
    const kafka = timeline!.block.split('\n').filter((l) => l.includes('ADR-0008'));
    expect(kafka).toHaveLength(1);
    expect(kafka[0]).toMatch(/:active, milestone, t\d+, 2026-09-10, 0d$/);
  });

  it('leaves the graph out of a log without links, and both pictures out when they would crowd out the table', () => {
    const plain = [adr('0010-future.md', { title: '10. Future', frontMatter: ['status: accepted', 'date: 2026-01-01', 'revisit: 2027-01-01'] })];
    const alone = renderHealthIssue({ adrs: plain, today: TODAY, config: config(), issues: [] });
    expect(alone.body).not.toContain('### Decision graph');
    expect(alone.body).toContain('### Revisit timeline');
    const full = renderHealthIssue({ adrs: adrs(), today: TODAY, config: config(), issues: [] });
    const tight = renderHealthIssue({ adrs: adrs(), today: TODAY, config: config(), issues: [] }, utf8Length(full.body) - 1);
    expect([tight.pictures, tight.listed]).toEqual([false, 5]);
    expect(tight.body).not.toContain('```mermaid');
  });

  it('derives the latest reminder per ADR from markers, open or closed, and keeps a later date the adapter knows', () => {
    const marker = (path: string, occurrence: string) => reminderMarker({ path, occurrence, cause: 'calendar' });
    const issues = [
      { number: 1, state: 'closed' as const, labels: [], body: marker('docs/adr/a.md', '2025-01-01') },
      { number: 2, state: 'open' as const, labels: ['adr-revisit'], body: marker('docs/adr/a.md', '2026-01-01') },
      { number: 3, state: 'closed' as const, labels: ['adr-revisit'], body: marker('docs/adr/b.md', '2025-06-01') },
      { number: 4, state: 'open' as const, labels: [], body: 'not a reminder' },
    ];
    const known = new Map([['docs/adr/b.md', '2025-12-01'], ['docs/adr/c.md', '2024-01-01']]);
    expect(Object.fromEntries(lastRemindersFromIssues(issues, known))).toEqual({ 'docs/adr/a.md': '2026-01-01', 'docs/adr/b.md': '2025-12-01', 'docs/adr/c.md': '2024-01-01' });
  });
});

/** A parsed ADR is ~1 ms; 2,000 of them share one parse and differ only in the fields the report reads. */
// One parse per revisit date, not per record: 2,000 parses were 20 s of this file.
const templates = new Map<string, ReminderAdr>();

function adrFast(i: number, path: string, title: string, revisit: string): ReminderAdr {
  let template = templates.get(revisit);
  if (!template) {
    template = adr('0001-template.md', { title: '1. T', frontMatter: ['status: accepted', 'date: 2025-01-01', `revisit: ${revisit}`] });
    templates.set(revisit, template);
  }
  return { doc: { ...template.doc, path, title: { value: `${i}. ${title}`, line: 5, column: 1 }, titleNumber: { value: i, line: 5, column: 1 }, fileNumber: i }, commit: COMMIT };
}
