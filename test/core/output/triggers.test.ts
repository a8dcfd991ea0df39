import { describe, expect, it } from 'vitest';
import { renderTriggersJson, renderTriggersText } from '../../../src/core/output/triggers.js';
import { listTriggers } from '../../../src/core/reminders/trigger-rows.js';
import type { RevisitTrigger } from '../../../src/core/document/model.js';
import { doc } from './review-fixture.js';

const trigger = (line: number, kind: RevisitTrigger['kind'], due?: string): RevisitTrigger => ({
  line,
  column: 3,
  category: kind === 'threshold' ? 'scale' : 'calendar',
  text: `trigger on line ${line}`,
  kind,
  source: 'section',
  ...(due ? { due } : {}),
});

const docs = [
  doc('docs/adr/0001-a.md', 'adr', [trigger(10, 'duration', '2027-01-01'), trigger(11, 'threshold')]),
  doc('docs/adr/0002-b.md', 'adr', [trigger(20, 'date', '2026-11-21'), { ...trigger(21, 'recurring', '2026-05-01'), everyMonths: 12 }]),
];

describe('listTriggers', () => {
  it('puts overdue and due triggers first, then upcoming, then undated', () => {
    const rows = listTriggers(docs, '2026-11-21');
    expect(rows.map((r) => `${r.file}:${r.line}:${r.state}`)).toEqual([
      'docs/adr/0002-b.md:21:overdue',
      'docs/adr/0002-b.md:20:due',
      'docs/adr/0001-a.md:10:upcoming',
      'docs/adr/0001-a.md:11:undated',
    ]);
  });

  it('renders text rows with markers and a count', () => {
    const text = renderTriggersText(listTriggers(docs, '2026-11-21'), { today: '2026-11-21', color: false });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^docs\/adr\/0002-b\.md:21 {2}calendar {2}recurring {2}2026-05-01, next 2027-05-01 {2}OVERDUE {2}trigger on line 21$/);
    expect(lines[1]).toMatch(/^docs\/adr\/0002-b\.md:20 .*2026-11-21 +DUE {6}trigger on line 20$/);
    expect(lines[3]).toMatch(/^docs\/adr\/0001-a\.md:11 {2}scale .* - {37}trigger on line 11$/);
    expect(text).toContain('4 triggers, 2 due (today 2026-11-21)');
    expect(renderTriggersText([], { today: '2026-11-21', color: false })).toBe('no revisit triggers found (today 2026-11-21)\n');
  });

  it('renders JSON', () => {
    const json = JSON.parse(renderTriggersJson(listTriggers(docs, '2026-11-21'), { today: '2026-11-21', version: '0' }));
    expect(json.today).toBe('2026-11-21');
    expect(json.triggers[0]).toEqual({
      file: 'docs/adr/0002-b.md', line: 21, column: 3, category: 'calendar', kind: 'recurring',
      text: 'trigger on line 21', due: '2026-05-01', last: '2026-05-01', next: '2027-05-01', state: 'overdue',
    });
    expect(json.triggers[3].due).toBeUndefined();
  });
});
