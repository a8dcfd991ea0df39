import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { cronProblem } from '../../../src/core/reminders/cron-expression.js';

describe('the reminders config group', () => {
  it('has defaults', () => {
    expect(configSchema.parse({}).reminders).toEqual({
      enabled: true,
      schedule: '0 6 * * *',
      labels: ['adr-revisit'],
      healthIssue: false,
      assignFromCodeowners: true,
    });
  });

  it('accepts every key', () => {
    const reminders = { enabled: false, schedule: '30 7 * * mon-fri', labels: ['adr-revisit', 'architecture'], healthIssue: true, assignFromCodeowners: false };
    expect(configSchema.parse({ reminders }).reminders).toEqual(reminders);
  });

  it.each([
    [{ schedule: '0 6 * *' }, 'expected 5 fields'],
    [{ schedule: '0 25 * * *' }, 'hour field "25": "25" is not a value from 0 to 23'],
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
  it.each(['0 6 * * *', '*/15 * * * *', '0 0 1 jan,jul *', '0 9 * * MON-FRI', '5,35 0-23/2 1-31 1-12 0-7'])('accepts %s', (cron) => {
    expect(cronProblem(cron)).toBeUndefined();
  });

  it.each([
    ['0 6 * * * *', 'expected 5 fields (minute hour day-of-month month day-of-week), as in \'0 6 * * *\', got 6'],
    ['60 * * * *', 'minute field "60": "60" is not a value from 0 to 59'],
    ['0 0 0 * *', 'day of month field "0": "0" is not a value from 1 to 31'],
    ['0 0 * 13 *', 'month field "13": "13" is not a value from 1 to 12 or a name'],
    ['0 0 * * 8', 'day of week field "8": "8" is not a value from 0 to 7 or a name'],
    ['*/0 * * * *', 'minute field "*/0": step "0" must be a number from 1 to 59'],
    ['0 5-1 * * *', 'hour field "5-1": range "5-1" runs backwards'],
    ['0 6 * * L', 'day of week field "L": "L" is not a value from 0 to 7 or a name'],
    ['@daily', "expected 5 fields (minute hour day-of-month month day-of-week), as in '0 6 * * *', got 1"],
    ['0 6 ,1 * *', 'day of month field ",1": empty list item'],
  ])('rejects %s', (cron, problem) => {
    expect(cronProblem(cron)).toBe(problem);
  });
});
