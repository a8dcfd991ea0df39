import type { Config } from '../config/schema.js';
import { addDays, compareIso, parseDuration } from '../core/document/dates.js';
import type { DecisionDoc } from '../core/document/model.js';
import { assessDue } from '../core/reminders/due.js';
import { parseReminderMarker } from '../core/reminders/marker.js';
import type { ExistingIssue } from '../core/reminders/types.js';

/**
 * When the remembered sweep of an unchanged repository stops being enough:
 * the first day any ADR's next calendar occurrence comes. An ADR already due
 * but not reminded (its previous reminder is still open) is looked at again
 * the next day, since closing that issue changes nothing on the branch.
 */

/** Far future: nothing in the ADRs will ever come due by the calendar. */
export const NEVER = '9999-12-31';

/** The first date a sweep of the same ADRs and reminders could plan something new. */
export function nextCheckDate(docs: readonly DecisionDoc[], issues: readonly ExistingIssue[], today: string, config: Config): string {
  const last = new Map<string, string>();
  for (const issue of issues) {
    const key = parseReminderMarker(issue.body);
    if (!key) continue;
    const known = last.get(key.path);
    if (!known || compareIso(key.occurrence, known) > 0) last.set(key.path, key.occurrence);
  }
  const type1Default = parseDuration(config.revisit.type1Default);
  let next = NEVER;
  for (const doc of docs) {
    const lastReminder = last.get(doc.path);
    const assessment = assessDue(doc, {
      today,
      type1Default,
      type1DefaultText: config.revisit.type1Default.trim(),
      ...(lastReminder ? { lastReminder } : {}),
    });
    if (assessment.due) return addDays(today, 1);
    if (assessment.next && compareIso(assessment.next, next) < 0) next = assessment.next;
  }
  return next;
}

// The health body names the day it was written; a new day alone is no reason to edit it.
const DATED_LINE = /^(\d+ decision records? on )\d{4}-\d{2}-\d{2}(;)/m;

/** True when two health bodies differ at most in the day they were written. */
export function sameHealthBody(a: string, b: string): boolean {
  return a.replace(DATED_LINE, '$1…$2') === b.replace(DATED_LINE, '$1…$2');
}
