/**
 * The adapters' clock: the core never reads it, it is given today's date. One place, so the App,
 * the Action and the CLI agree on what "today" is (the UTC date).
 */

/** Today's date in UTC, ISO `YYYY-MM-DD`. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
