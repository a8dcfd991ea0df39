/**
 * Numbers read from environment variables (the App's settings): one rule for
 * every setting, so a typo never stops the App and never means zero.
 */

/** `value` as a positive integer, or `fallback` when it is unset, not a number, not whole or not above 0. */
export function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
