/**
 * The most warnings a run may have and still pass: the CLI's `--max-warnings`
 * and the Action's `max-warnings` input, with ESLint's meaning (errors fail
 * the run anyway; -1, the default, sets no limit). Kept here, the lowest
 * layer both surfaces read, so the two accept and word it alike.
 */

/** No limit: warnings never fail the run. */
export const NO_WARNING_LIMIT = -1;

/** What to pass, for the message of a bad value. */
export const WARNING_LIMIT_HINT = 'a whole number of -1 or more: the most warnings that still pass (0: any warning fails; -1, the default: no limit)';

/** The limit written in `text` (`10`, `0`, `-1`), or undefined when it is not a whole number of -1 or more. */
export function parseWarningLimit(text: string): number | undefined {
  const trimmed = text.trim();
  const limit = Number(trimmed);
  // `String(limit) === trimmed` refuses `1e3`, `0x10`, `+5`, `1.0` and the empty string, which Number() would read.
  if (trimmed === '' || !Number.isSafeInteger(limit) || String(limit) !== trimmed || limit < NO_WARNING_LIMIT) return undefined;
  return limit;
}

/** Why the run fails on its warnings ("12 warnings, more than --max-warnings 10"), or undefined when they are within `limit`. */
export function warningLimitExceeded(warnings: number, limit: number, setting: string): string | undefined {
  if (limit === NO_WARNING_LIMIT || warnings <= limit) return undefined;
  return `${warnings} warning${warnings === 1 ? '' : 's'}, more than ${setting} ${limit}`;
}
