import { describe, expect, it } from 'vitest';
import { NO_WARNING_LIMIT, parseWarningLimit, warningLimitExceeded } from '../../src/config/warning-limit.js';

describe('parseWarningLimit', () => {
  it.each([
    ['0', 0],
    ['10', 10],
    [' 7 ', 7],
    ['-1', -1],
  ])('reads %j as %i', (text, limit) => {
    expect(parseWarningLimit(text)).toBe(limit);
  });

  it.each([['-2'], ['1.5'], ['1e3'], ['0x10'], ['+3'], ['ten'], [''], ['  '], ['9007199254740993']])('refuses %j', (text) => {
    expect(parseWarningLimit(text)).toBeUndefined();
  });
});

describe('warningLimitExceeded', () => {
  it('says why above the limit only', () => {
    expect(warningLimitExceeded(12, 10, '--max-warnings')).toBe('12 warnings, more than --max-warnings 10');
    expect(warningLimitExceeded(1, 0, 'max-warnings')).toBe('1 warning, more than max-warnings 0');
    expect(warningLimitExceeded(10, 10, '--max-warnings')).toBeUndefined();
    expect(warningLimitExceeded(0, 0, '--max-warnings')).toBeUndefined();
    expect(warningLimitExceeded(1_000_000, NO_WARNING_LIMIT, '--max-warnings')).toBeUndefined();
  });
});
