import { describe, expect, it } from 'vitest';
import { buildRevisitTimeline, renderTimelineMermaid, timelineNote, type TimelineTrigger } from '../../../src/core/graph/revisit-timeline.js';
import { listTriggers } from '../../../src/core/reminders/trigger-rows.js';
import { nygard } from './graph-docs.js';

const TODAY = '2026-12-06';
const row = (over: Partial<TimelineTrigger>): TimelineTrigger => ({
  file: 'docs/adr/0001-a.md',
  line: 5,
  category: 'calendar',
  kind: 'date',
  text: 'Revisit by 2027-01-01',
  state: 'upcoming',
  due: '2027-01-01',
  ...over,
});

describe('revisit timeline', () => {
  it('draws each revisit as a milestone on its date by category, overdue and due ones red, and names no today', () => {
    const rows = [
      row({ category: 'cost', text: 'If spend exceeds $5k a month, or by 2026-03-01', state: 'overdue', due: '2026-03-01' }),
      row({ file: 'docs/adr/0002-b.md', category: 'calendar', kind: 'recurring', text: 'Every 6 months', state: 'upcoming', due: '2027-06-01' }),
      row({ file: 'docs/adr/0003-c.md', category: 'scale', kind: 'duration', text: 'After 12 months', state: 'due', due: TODAY }),
      row({ file: 'docs/adr/0004-d.md', category: null, text: 'p99 over 200 ms', kind: 'threshold', state: 'undated', due: undefined }),
      row({ file: 'docs/adr/0005-e.md', state: 'inactive', due: undefined }),
    ];
    const labels = new Map([
      ['docs/adr/0001-a.md', 'ADR-0001'],
      ['docs/adr/0002-b.md', 'ADR-0002'],
      ['docs/adr/0003-c.md', 'ADR-0003'],
    ]);
    const timeline = buildRevisitTimeline(rows, labels, TODAY);
    expect(renderTimelineMermaid(timeline)).toBe(
      [
        'gantt',
        '  title Revisit timeline',
        '  dateFormat YYYY-MM-DD',
        '  axisFormat %Y-%m',
        '  section Scale',
        '    ADR-0003 After 12 months :crit, milestone, t1, 2026-12-06, 0d',
        '  section Cost',
        '    ADR-0001 If spend exceeds $5k a month, or by 2026-03-01 :crit, milestone, t2, 2026-03-01, 0d',
        '  section Calendar',
        '    ADR-0002 Every 6 months :active, milestone, t3, 2027-06-01, 0d',
        '',
      ].join('\n'),
    );
    expect(timelineNote(timeline)).toBeUndefined();
  });

  it('counts dates past the horizon and past the task cap, and draws nothing without a date', () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => row({ line: i + 1, due: `2027-0${i + 1}-01` })),
      row({ line: 9, due: '2030-01-01' }),
    ];
    const timeline = buildRevisitTimeline(rows, new Map(), TODAY, { maxTasks: 3, horizonMonths: 12 });
    expect(timeline.tasks.map((t) => t.date)).toEqual(['2027-01-01', '2027-02-01', '2027-03-01']);
    expect([timeline.omitted, timeline.later]).toEqual([2, 1]);
    expect(timelineNote(timeline)).toBe('2 more within the horizon are not drawn; 1 falls due later.');
    // Unnumbered records are named by their file.
    expect(timeline.tasks[0]!.name).toBe('0001-a.md Revisit by 2027-01-01');
    expect(renderTimelineMermaid(buildRevisitTimeline([row({ state: 'undated', due: undefined })], new Map(), TODAY))).toBeUndefined();
  });

  it('shows the dates the triggers report gives: a recurring trigger at its latest missed occurrence', () => {
    const doc = nygard('docs/adr/0001-a.md', '1. A', 'Accepted', '## Revisit Triggers\n\n- Calendar: every 6 months');
    const rows = listTriggers([doc], TODAY);
    const timeline = buildRevisitTimeline(rows, new Map([[doc.path, 'ADR-0001']]), TODAY);
    expect(timeline.tasks.map((t) => [t.state, t.date, t.section])).toEqual([['overdue', rows[0]!.due, 'Calendar']]);
    expect(rows[0]!.due).toBe('2026-07-15');
  });
});
