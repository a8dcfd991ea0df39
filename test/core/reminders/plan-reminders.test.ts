import { beforeAll, describe, expect, it } from 'vitest';
import { parseCodeowners } from '../../../src/core/reminders/codeowners.js';
import { reminderMarker } from '../../../src/core/reminders/marker.js';
import { planReminders, withoutUnsureCloses, type PlanRemindersInput } from '../../../src/core/reminders/plan-reminders.js';
import type { CreateReminder, ExistingIssue, ReminderAction } from '../../../src/core/reminders/types.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { adr, config, fixture, fixtureAdr, TODAY } from './reminder-docs.js';

beforeAll(() => loadBuiltinTemplates());

const base = (overrides: Partial<PlanRemindersInput> = {}): PlanRemindersInput => ({
  adrs: [fixtureAdr('0007-use-postgresql.md'), fixtureAdr('0008-adopt-kafka.md'), fixtureAdr('0009-unreadable-date.md')],
  today: TODAY,
  config: config(),
  issues: [],
  repoUrl: 'https://github.com/acme/shop',
  ...overrides,
});

const creates = (actions: ReminderAction[]) => actions.filter((a): a is CreateReminder => a.action === 'create');

/** The issues GitHub would hold after carrying out the creates, numbered from `first`. */
function asIssues(actions: ReminderAction[], first = 100): ExistingIssue[] {
  return creates(actions).map((c, i) => ({ number: first + i, state: 'open', body: c.body, labels: c.labels, title: c.title }));
}

const issue = (number: number, path: string, occurrence: string, state: 'open' | 'closed' = 'open', labels = ['adr-revisit']): ExistingIssue => ({
  number,
  state,
  body: `${reminderMarker({ path, occurrence, cause: 'calendar' })}\nbody`,
  labels,
});

describe('planReminders', () => {
  it('creates one reminder per due ADR with title, labels and assignees, and logs skipped triggers', () => {
    const plan = planReminders(base());
    expect(plan.actions.map((a) => [a.action, a.path, a.occurrence])).toEqual([
      ['create', 'docs/adr/0007-use-postgresql.md', '2026-05-01'],
      ['create', 'docs/adr/0008-adopt-kafka.md', '2026-03-10'],
      ['create', 'docs/adr/0009-unreadable-date.md', '2025-07-15'],
    ]);
    const [postgres, kafka] = creates(plan.actions);
    expect(postgres!.title).toBe('Revisit ADR-0007: Use PostgreSQL for primary database');
    expect(postgres!.labels).toEqual(['adr-revisit']);
    expect(postgres!.assignees).toEqual(['alice']);
    expect(kafka!.assignees).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        path: 'docs/adr/0009-unreadable-date.md',
        line: 19,
        message: 'revisit date in "Revisit by 2026-02-30" skipped: `2026-02-30` does not exist (February 2026 has 28 days): write a day that exists, as YYYY-MM-DD, such as 2026-02-28',
      },
    ]);
  });

  it('is idempotent: planning again with the created issues creates nothing and keeps them', () => {
    const first = planReminders(base());
    const second = planReminders(base({ issues: asIssues(first.actions) }));
    expect(creates(second.actions)).toEqual([]);
    expect(second.actions.map((a) => [a.action, a.path, a.occurrence, 'number' in a ? a.number : 0])).toEqual([
      ['keep', 'docs/adr/0007-use-postgresql.md', '2026-05-01', 100],
      ['keep', 'docs/adr/0008-adopt-kafka.md', '2026-03-10', 101],
      ['keep', 'docs/adr/0009-unreadable-date.md', '2025-07-15', 102],
    ]);
    // Days later, with the issues still open, nothing changes either.
    expect(creates(planReminders(base({ today: '2026-08-01', issues: asIssues(first.actions) })).actions)).toEqual([]);
  });

  it('does not remind again about an occurrence whose reminder was closed', () => {
    const plan = planReminders(base({ adrs: [fixtureAdr('0007-use-postgresql.md')], issues: [issue(5, 'docs/adr/0007-use-postgresql.md', '2026-05-01', 'closed')] }));
    expect(plan.actions).toEqual([]);
  });

  it('reminds at the next recurring occurrence once the last one was handled', () => {
    const kafka = [fixtureAdr('0008-adopt-kafka.md')];
    const closed = [issue(7, 'docs/adr/0008-adopt-kafka.md', '2026-03-10', 'closed')];
    expect(planReminders(base({ adrs: kafka, issues: closed })).actions).toEqual([]);
    const later = planReminders(base({ adrs: kafka, issues: closed, today: '2026-09-10' }));
    expect(later.actions.map((a) => [a.action, a.occurrence])).toEqual([['create', '2026-09-10']]);
    // The adapter may know of a later reminder than the issues show.
    expect(planReminders(base({ adrs: kafka, today: '2026-09-10', lastReminders: new Map([['docs/adr/0008-adopt-kafka.md', '2026-09-10']]) })).actions).toEqual([]);
  });

  it('keeps one open reminder per ADR: a newer occurrence waits for it', () => {
    const plan = planReminders(base({ adrs: [fixtureAdr('0008-adopt-kafka.md')], today: '2026-09-10', issues: [issue(7, 'docs/adr/0008-adopt-kafka.md', '2026-03-10')] }));
    expect(plan.actions).toEqual([{ action: 'keep', path: 'docs/adr/0008-adopt-kafka.md', occurrence: '2026-03-10', number: 7 }]);
  });

  it('closes a reminder when the ADR moved its revisit date', () => {
    const moved = adr('0007-use-postgresql.md', { title: '7. Use PostgreSQL', frontMatter: ['status: accepted', 'date: 2025-05-01', 'revisit: 2027-05-01'] });
    const plan = planReminders(base({ adrs: [moved], issues: [issue(12, 'docs/adr/0007-use-postgresql.md', '2026-05-01')] }));
    expect(plan.actions).toEqual([
      {
        action: 'close',
        path: 'docs/adr/0007-use-postgresql.md',
        occurrence: '2026-05-01',
        number: 12,
        reason: 'not-due',
        comment:
          'ADR-0007 changed: the record now names 2027-05-01 as its next revisit date, so its 2026-05-01 revisit is no longer due. Closing this reminder; a new one opens when the next date comes.',
      },
    ]);
  });

  it('closes a reminder when the ADR is superseded', () => {
    const superseded = adr('0007-use-postgresql.md', {
      title: '7. Use PostgreSQL',
      frontMatter: ['status: superseded', 'date: 2025-05-01', 'revisit: 2026-05-01'],
    });
    const plan = planReminders(base({ adrs: [superseded], issues: [issue(12, 'docs/adr/0007-use-postgresql.md', '2026-05-01')] }));
    expect(plan.actions).toEqual([
      expect.objectContaining({ action: 'close', number: 12, reason: 'inactive', comment: 'ADR-0007 no longer stands (status superseded), so it needs no revisit. Closing this reminder.' }),
    ]);
  });

  it('closes the reminders of an ADR that left the default branch, but not issues without our label', () => {
    const plan = planReminders(
      base({ adrs: [], issues: [issue(3, 'docs/adr/0042-gone.md', '2026-01-01'), issue(4, 'docs/adr/0043-gone.md', '2026-01-01', 'open', ['question'])] }),
    );
    expect(plan.actions).toEqual([
      expect.objectContaining({ action: 'close', number: 3, reason: 'removed', comment: '`docs/adr/0042-gone.md` is no longer on the default branch, so there is nothing to revisit. Closing this reminder.' }),
    ]);
  });

  it('an unlabelled issue with our marker prevents a duplicate but is not touched', () => {
    const plan = planReminders(base({ adrs: [fixtureAdr('0007-use-postgresql.md')], issues: [issue(9, 'docs/adr/0007-use-postgresql.md', '2026-05-01', 'open', [])] }));
    expect(plan.actions).toEqual([]);
  });

  it('closes duplicate open reminders of the same occurrence, keeping the oldest', () => {
    const path = 'docs/adr/0007-use-postgresql.md';
    const plan = planReminders(base({ adrs: [fixtureAdr('0007-use-postgresql.md')], issues: [issue(21, path, '2026-05-01'), issue(20, path, '2026-05-01', 'open', ['ADR-Revisit'])] }));
    expect(plan.actions).toEqual([
      expect.objectContaining({ action: 'close', number: 21, reason: 'duplicate', comment: 'Duplicate of #20, which reminds about the same revisit of ADR-0007. Closing this one.' }),
      { action: 'keep', path, occurrence: '2026-05-01', number: 20 },
    ]);
  });

  it('ignores issues whose marker it did not write', () => {
    const forged: ExistingIssue = { number: 1, state: 'open', labels: ['adr-revisit'], body: '<!-- design-review:reminder adr=docs%2Fadr%2F0007-use-postgresql.md occurrence=2026-05-01 -->' };
    const plan = planReminders(base({ adrs: [fixtureAdr('0007-use-postgresql.md')], issues: [forged] }));
    expect(plan.actions.map((a) => a.action)).toEqual(['create']);
  });

  it('never reminds about superseded, deprecated or rejected ADRs', () => {
    const adrs = ['superseded', 'deprecated', 'rejected'].map((status, i) =>
      adr(`00${20 + i}-x.md`, { title: `${20 + i}. X`, frontMatter: [`status: ${status}`, 'date: 2020-01-01', 'revisit: 2021-01-01'] }),
    );
    expect(planReminders(base({ adrs }))).toEqual({ actions: [], skipped: [] });
  });

  it('assigns CODEOWNERS users when no decider is a GitHub handle, and only when allowed', () => {
    const codeowners = parseCodeowners(fixture('CODEOWNERS'));
    const kafka = [fixtureAdr('0008-adopt-kafka.md')];
    expect(creates(planReminders(base({ adrs: kafka, codeowners })).actions)[0]!.assignees).toEqual(['arch-alice', 'arch-bob']);
    const off = config({ reminders: { assignFromCodeowners: false } });
    expect(creates(planReminders(base({ adrs: kafka, codeowners, config: off })).actions)[0]!.assignees).toEqual([]);
    // Deciders win over CODEOWNERS.
    expect(creates(planReminders(base({ adrs: [fixtureAdr('0007-use-postgresql.md')], codeowners })).actions)[0]!.assignees).toEqual(['alice']);
  });

  it('uses the configured labels, and does nothing when reminders are off', () => {
    const labelled = planReminders(base({ config: config({ reminders: { labels: ['revisit', 'architecture'] } }) }));
    expect(creates(labelled.actions)[0]!.labels).toEqual(['revisit', 'architecture']);
    expect(planReminders(base({ config: config({ reminders: { enabled: false } }) }))).toEqual({ actions: [], skipped: [] });
  });

  it('creates a metric reminder on a breach, once', () => {
    const query = 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job="api"}[5m])) by (le))';
    const input = base({ adrs: [fixtureAdr('0007-use-postgresql.md')], today: '2026-04-01', metrics: [{ path: 'docs/adr/0007-use-postgresql.md', query, value: 0.8 }] });
    const first = planReminders(input);
    expect(first.actions.map((a) => [a.action, a.occurrence])).toEqual([['create', '2026-04-01']]);
    expect(creates(first.actions)[0]!.body).toContain('occurrence=2026-04-01 cause=metric -->');
    const issues = asIssues(first.actions);
    expect(planReminders({ ...input, today: '2026-04-02', issues }).actions.map((a) => a.action)).toEqual(['keep']);
    // The calendar date comes while the metric reminder is open: still one open reminder.
    expect(planReminders({ ...input, today: '2026-05-02', issues }).actions.map((a) => a.action)).toEqual(['keep']);
  });

  it('escapes hostile titles in the issue title and body', () => {
    // The title as the parser hands it over (front matter `title:` keeps HTML and braces as written).
    const titled = (n: number, title: string) => {
      const a = adr(`00${n}-x.md`, { title: `${n}. placeholder`, frontMatter: ['date: 2025-01-01', 'revisit: 2026-01-01'] });
      a.doc.title = { value: `${n}. ${title}`, line: 5, column: 1 };
      return creates(planReminders(base({ adrs: [a] })).actions)[0]!;
    };
    const hostile = [
      '<img src=x onerror=alert(1)> Use <b>Redis</b>',
      '{{constructor}} and {{#each this}}x{{/each}}',
      'A'.repeat(300),
      '\u202Egnp.exe\u202C استخدام PostgreSQL',
    ];
    for (const [i, title] of hostile.entries()) {
      const created = titled(30 + i, title);
      expect(created.title.length).toBeLessThanOrEqual(120);
      expect(created.title).toMatch(new RegExp(`^Revisit ADR-00${30 + i}: `));
      expect(created.title).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(created.body).not.toMatch(/<img|<b>|[\u202A-\u202E\u2066-\u2069]/);
      expect(created.body).not.toContain('{{');
    }
    const html = titled(30, hostile[0]!);
    // GitHub shows issue titles as plain text: the title keeps the characters, the Markdown body escapes them.
    expect(html.title).toBe('Revisit ADR-0030: <img src=x onerror=alert(1)> Use <b>Redis</b>');
    expect(html.body).toContain('## ⏰ Time to revisit ADR-0030: &lt;img src=x onerror=alert(1)> Use &lt;b>Redis&lt;/b>');
    const braces = titled(31, hostile[1]!);
    expect(braces.body).toContain('\\{\\{constructor\\}\\} and \\{\\{#each this\\}\\}x\\{\\{/each\\}\\}');
    expect(titled(32, hostile[2]!).title).toBe(`Revisit ADR-0032: ${'A'.repeat(101)}…`);
    expect(titled(33, hostile[3]!).title).toBe('Revisit ADR-0033: gnp.exe استخدام PostgreSQL');
  });
});

describe('withoutUnsureCloses', () => {
  const close = (path: string, reason: 'removed' | 'inactive'): ReminderAction => ({ action: 'close', path, occurrence: '2026-01-01', number: 1, reason, comment: '' });
  const keep: ReminderAction = { action: 'keep', path: 'docs/adr/0003-c.md', occurrence: '2026-01-01', number: 3 };
  const actions = [close('docs/adr/0001-a.md', 'removed'), close('docs/adr/0002-b.md', 'inactive'), keep];

  it('keeps every action when the listing is complete and every ADR read', () => {
    expect(withoutUnsureCloses(actions, { incomplete: false, unreadable: new Set() })).toEqual({ actions, held: [] });
  });

  it('closes no reminder as removed when its ADR could not be read', () => {
    expect(withoutUnsureCloses(actions, { incomplete: false, unreadable: new Set(['docs/adr/0001-a.md']) })).toEqual({ actions: actions.slice(1), held: [] });
  });

  it('closes none as removed from an incomplete listing, and says which it held; other closes stand', () => {
    expect(withoutUnsureCloses(actions, { incomplete: true, unreadable: new Set() })).toEqual({ actions: actions.slice(1), held: ['docs/adr/0001-a.md'] });
  });
});
