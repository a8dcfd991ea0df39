import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_BASE_MS, DEFAULT_WRITE_SPACING_MS, readRetryBaseMs, readWriteSpacingMs, retryPacing, writeSpacingThrottle } from '../../src/github/request-pacing.js';

type Group = { key(id: string): { schedule(options: object, job: () => Promise<unknown>): Promise<unknown> } };

describe('GITHUB_WRITE_SPACING_MS', () => {
  it("defaults to plugin-throttling's 1 s, and then leaves the plugin's own limiters in place", () => {
    expect(DEFAULT_WRITE_SPACING_MS).toBe(1000);
    for (const value of [undefined, '', 'fast', '0', '-5', '2.5']) expect(readWriteSpacingMs({ GITHUB_WRITE_SPACING_MS: value })).toBe(1000);
    expect(writeSpacingThrottle(1000)).toEqual({});
  });

  it('reads a positive whole number of milliseconds', () => {
    expect(readWriteSpacingMs({ GITHUB_WRITE_SPACING_MS: '20' })).toBe(20);
  });

  it('spaces the writes of one installation that far apart, and notifying writes three times as far, one at a time', async () => {
    const { write, notifications } = writeSpacingThrottle(40) as { write: Group; notifications: Group };
    const starts = async (group: Group, id: string, n: number) => {
      const at: number[] = [];
      await Promise.all(Array.from({ length: n }, () => group.key(id).schedule({}, async () => void at.push(performance.now()))));
      return at.map((t) => t - at[0]!);
    };
    const [writes, notifying] = await Promise.all([starts(write, 'spacing-a', 3), starts(notifications, 'spacing-a', 2)]);
    expect(writes[1]).toBeGreaterThanOrEqual(39);
    expect(writes[2]! - writes[1]!).toBeGreaterThanOrEqual(39);
    expect(notifying[1]).toBeGreaterThanOrEqual(119);
  });

  it('keeps installations apart: one busy installation does not delay another', async () => {
    const { write } = writeSpacingThrottle(40) as { write: Group };
    const order: string[] = [];
    const job = (name: string) => async () => void order.push(name);
    await Promise.all([
      write.key('spacing-b').schedule({}, job('b1')),
      write.key('spacing-b').schedule({}, job('b2')),
      write.key('spacing-c').schedule({}, job('c1')),
    ]);
    // c's first write does not wait behind b's spacing: it starts before b's second.
    expect(order.indexOf('c1')).toBeLessThan(order.indexOf('b2'));
  });

  it('one set of limiters per process, shared by every client', () => {
    expect(writeSpacingThrottle(40)['write']).toBe(writeSpacingThrottle(40)['write']);
  });
});

describe('GITHUB_RETRY_BASE_MS', () => {
  it("defaults to plugin-retry's 1 s, and then passes the plugin nothing", () => {
    expect(DEFAULT_RETRY_BASE_MS).toBe(1000);
    for (const value of [undefined, '', 'soon', '0', '1.5']) expect(readRetryBaseMs({ GITHUB_RETRY_BASE_MS: value })).toBe(1000);
    expect(retryPacing(1000)).toEqual({});
  });

  it("sets plugin-retry's base wait (1, 4, 9 times it) to a positive whole number of milliseconds", () => {
    expect(readRetryBaseMs({ GITHUB_RETRY_BASE_MS: '10' })).toBe(10);
    expect(retryPacing(10)).toEqual({ retryAfterBaseValue: 10 });
  });
});
