import { CronExpressionParser } from 'cron-parser';

/**
 * The sweep's schedule: a standard five-field cron expression (`0 6 * * *`),
 * read by cron-parser, the parser BullMQ's job schedulers use, so the
 * embedded scheduler and the Redis one agree on what an expression means.
 * Five fields only: cron-parser also takes a leading seconds field, which
 * would let a config sweep every installation every second.
 */

// An expression longer than this is not a schedule anyone writes; the bound keeps parsing cheap.
const MAX_LENGTH = 200;

/** Why a five-field cron expression is invalid, or undefined when it is valid. */
export function cronProblem(expression: string): string | undefined {
  if (expression.length > MAX_LENGTH) return `a cron expression is at most ${MAX_LENGTH} characters`;
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `expected 5 fields (minute hour day-of-month month day-of-week), as in '0 6 * * *', got ${fields.length}`;
  }
  try {
    CronExpressionParser.parse(expression, { strict: false });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The first time strictly after `after` that a valid expression names, in UTC unless `tz` says otherwise. */
export function nextCronRun(expression: string, after: Date, tz = 'UTC'): Date {
  return CronExpressionParser.parse(expression, { currentDate: after, tz }).next().toDate();
}
