import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { cronProblem, nextCronRun } from '../../../src/core/reminders/cron-expression.js';

describe('the reminders config group', () => {
  it('has defaults', () => {
    expect(configSchema.parse({}).reminders).toEqual({
      enabled: true,
      labels: ['adr-revisit'],
      healthIssue: false,
      assignFromCodeowners: true,
    });
  });

  it('accepts every key', () => {
    const reminders = { enabled: false, labels: ['adr-revisit', 'architecture'], healthIssue: true, assignFromCodeowners: false };
    expect(configSchema.parse({ reminders }).reminders).toEqual(reminders);
  });

  it.each([
    // The schedule is the App's (REMINDER_SCHEDULE), not a repository's: the key is refused, not ignored.
    [{ schedule: '0 6 * * *' }, 'Unrecognized key: "schedule"'],
    [{ labels: [] }, 'Too small'],
    [{ labels: ['a,b'] }, 'no commas'],
    [{ labels: [' padded'] }, 'no commas and no leading or trailing spaces'],
    [{ unknown: true }, 'Unrecognized key: "unknown"'],
  ])('rejects %j', (reminders, message) => {
    const result = configSchema.safeParse({ reminders });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path.slice(0, 1)).toEqual(['reminders']);
    expect(issue?.message).toContain(message);
  });
});

describe('cronProblem', () => {
  it.each(['0 6 * * *', '*/15 * * * *', '0 0 1 jan,jul *', '0 9 * * MON-FRI', '5,35 0-23/2 1-31 1-12 0-7', '0 6 * * 1#2'])('accepts %s', (cron) => {
    expect(cronProblem(cron)).toBeUndefined();
  });

  it.each([
    ['0 6 * * * *', "expected 5 fields (minute hour day-of-month month day-of-week), as in '0 6 * * *', got 6"],
    ['@daily', "expected 5 fields (minute hour day-of-month month day-of-week), as in '0 6 * * *', got 1"],
    ['60 * * * *', 'Constraint error, got value 60 expected range 0-59'],
    ['0 0 0 * *', 'Constraint error, got value 0 expected range 1-31'],
    ['0 0 * 13 *', 'Constraint error, got value 13 expected range 1-12'],
    ['0 0 * * 8', 'Constraint error, got value 8 expected range 0-7'],
    ['*/0 * * * *', 'Constraint error, cannot repeat at every 0 time.'],
    ['0 5-1 * * *', 'Invalid range: 5-1, min(5) > max(1)'],
    ['0 6 * * L', 'CronDayOfWeek Validation error, unexpected standalone L'],
    ['0 6 ,1 * *', 'Invalid list value format'],
    [`0 6 * * ${'1,'.repeat(120)}1`, 'a cron expression is at most 200 characters'],
  ])('rejects %s', (cron, problem) => {
    expect(cronProblem(cron)).toBe(problem);
  });
});

describe('nextCronRun', () => {
  it('names the first run strictly after the given time, in UTC by default', () => {
    expect(nextCronRun('0 6 * * *', new Date('2026-11-21T05:59:59Z')).toISOString()).toBe('2026-11-21T06:00:00.000Z');
    expect(nextCronRun('0 6 * * *', new Date('2026-11-21T06:00:00Z')).toISOString()).toBe('2026-11-22T06:00:00.000Z');
    expect(nextCronRun('0 9 * * MON-FRI', new Date('2026-11-21T12:00:00Z')).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('honours a time zone', () => {
    expect(nextCronRun('0 6 * * *', new Date('2026-11-21T00:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-11-21T05:00:00.000Z');
  });
});
