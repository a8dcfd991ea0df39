import { describe, expect, it } from 'vitest';
import { encodeMarkerPath, hasHealthMarker, HEALTH_MARKER, parseReminderMarker, reminderMarker } from '../../../src/core/reminders/marker.js';

describe('reminder markers', () => {
  it('writes a readable marker and reads it back', () => {
    const marker = reminderMarker({ path: 'docs/adr/0007-x.md', occurrence: '2027-05-01', cause: 'calendar' });
    expect(marker).toBe('<!-- design-review:reminder adr=docs/adr/0007-x.md occurrence=2027-05-01 -->');
    expect(parseReminderMarker(`${marker}\n## Time to revisit`)).toEqual({ path: 'docs/adr/0007-x.md', occurrence: '2027-05-01', cause: 'calendar' });
    const metric = reminderMarker({ path: 'a/b.md', occurrence: '2026-01-02', cause: 'metric' });
    expect(metric).toBe('<!-- design-review:reminder adr=a/b.md occurrence=2026-01-02 cause=metric -->');
    expect(parseReminderMarker(metric)?.cause).toBe('metric');
  });

  it.each([
    'docs/adr/0007 use --> x.md',
    'docs/adr/a--b---c.md',
    'docs/décisions/0001-café.md',
    'docs/adr/"quoted" <b>.md',
    'docs/adr/שלום.md',
  ])('encodes %j so the comment cannot end early or hold "--"', (path) => {
    const marker = reminderMarker({ path, occurrence: '2027-05-01', cause: 'calendar' });
    const inner = marker.slice('<!--'.length, -'-->'.length);
    expect(inner).not.toContain('--');
    expect(encodeMarkerPath(path)).toMatch(/^[A-Za-z0-9%/._~!'()*-]+$/);
    expect(parseReminderMarker(marker)?.path).toBe(path);
  });

  it('finds the marker among other text', () => {
    const body = `Some words\n<!-- other:marker -->\n${reminderMarker({ path: 'x/y.md', occurrence: '2026-02-28', cause: 'calendar' })}\nmore`;
    expect(parseReminderMarker(body)?.path).toBe('x/y.md');
  });

  it.each([
    ['no marker', 'just an issue'],
    ['another tool', '<!-- other-bot:reminder adr=x.md occurrence=2026-01-01 -->'],
    ['not a real day', '<!-- design-review:reminder adr=x.md occurrence=2026-02-30 -->'],
    ['non-canonical path encoding', '<!-- design-review:reminder adr=docs%2Fx.md occurrence=2026-01-01 -->'],
    ['bad percent escape', '<!-- design-review:reminder adr=docs/%E0%A4%A.md occurrence=2026-01-01 -->'],
    ['path escaping the repository', '<!-- design-review:reminder adr=../x.md occurrence=2026-01-01 -->'],
    ['extra spacing', '<!--  design-review:reminder adr=x.md occurrence=2026-01-01 -->'],
    ['unknown cause', '<!-- design-review:reminder adr=x.md occurrence=2026-01-01 cause=other -->'],
  ])('ignores a marker it did not write: %s', (_name, body) => {
    expect(parseReminderMarker(body)).toBeUndefined();
  });

  it('takes the first valid marker when a body quotes another', () => {
    const first = reminderMarker({ path: 'a.md', occurrence: '2026-01-01', cause: 'calendar' });
    const second = reminderMarker({ path: 'b.md', occurrence: '2026-01-01', cause: 'calendar' });
    expect(parseReminderMarker(`${first}\n> ${second}`)?.path).toBe('a.md');
  });

  it('reads a body of a megabyte of dashes quickly', () => {
    const start = performance.now();
    expect(parseReminderMarker(`<!-- design-review:reminder adr=${'-'.repeat(1_000_000)}`)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('encodes paths readably and recognises the health marker', () => {
    expect(encodeMarkerPath('docs/adr/0001-a b.md')).toBe('docs/adr/0001-a%20b.md');
    expect(hasHealthMarker(`${HEALTH_MARKER}\n# x`)).toBe(true);
    expect(hasHealthMarker('<!-- design-review:summary -->')).toBe(false);
  });
});
