import { InvalidArgumentError } from 'commander';

/**
 * The CLI's clock: `--today` (or `--date` for `new`) when given, else the
 * current UTC date. The core never reads the clock itself.
 */

/** Today's date in UTC, ISO `YYYY-MM-DD`. */
export { isoToday as currentUtcDate } from '../shared/clock.js';

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** Commander argument parser for date flags: rejects anything but a real `YYYY-MM-DD` date. */
export function parseDateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2026-05-10.');
  return value;
}
