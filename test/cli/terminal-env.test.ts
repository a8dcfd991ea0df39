import { describe, expect, it } from 'vitest';
import { currentUtcDate, isIsoDate, parseDateOption } from '../../src/cli/clock.js';
import { createProgress, useColor } from '../../src/cli/terminal-env.js';

describe('useColor', () => {
  it('colours a TTY unless --no-color or NO_COLOR; FORCE_COLOR forces it', () => {
    expect(useColor(true, { isTTY: true }, {})).toBe(true);
    expect(useColor(true, { isTTY: false }, {})).toBe(false);
    expect(useColor(false, { isTTY: true }, {})).toBe(false);
    expect(useColor(true, { isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(true, { isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColor(true, { isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(true, { isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(false, { isTTY: false }, { FORCE_COLOR: '1' })).toBe(false);
  });
});

describe('createProgress', () => {
  const fakeStream = (isTTY: boolean) => {
    const writes: string[] = [];
    const stream = { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream;
    return { stream, writes };
  };

  it('draws and clears a line on a TTY for large runs', () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(120, stream);
    progress.update(20);
    progress.update(20);
    progress.update(120);
    progress.clear();
    expect(writes).toEqual(['\r\u001b[Kreviewed 20/120 files', '\r\u001b[Kreviewed 120/120 files', '\r\u001b[K']);
  });

  it('stays silent when not a TTY or for small runs', () => {
    for (const [tty, total] of [[false, 500], [true, 50]] as const) {
      const { stream, writes } = fakeStream(tty);
      const progress = createProgress(total, stream);
      progress.update(10);
      progress.clear();
      expect(writes).toEqual([]);
    }
  });
});

describe('clock', () => {
  it('reads real YYYY-MM-DD dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(() => parseDateOption('tomorrow')).toThrow(/YYYY-MM-DD/);
    expect(parseDateOption('2026-11-21')).toBe('2026-11-21');
  });

  it('gives the UTC date', () => {
    expect(currentUtcDate(new Date('2026-11-21T23:59:59-05:00'))).toBe('2026-11-22');
  });
});
