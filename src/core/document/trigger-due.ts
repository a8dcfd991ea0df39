/**
 * What one revisit trigger says is due on a given day. The one place that
 * decides it: `design-review triggers`, the reminder sweep (through
 * `assessDue`) and the Decision health issue all read a trigger through
 * `triggerTiming`, so they cannot disagree about a record.
 */
import { addMonths, compareIso, decisionDay } from './dates.js';
import type { DecisionDoc, RevisitTrigger } from './model.js';
import { isDatedKind, nextDue } from './revisit-triggers.js';
import { impossibleDateAdvice } from './trigger-calendar.js';
import { inactiveReason } from './inactive.js';

/**
 * `active`: the trigger stands (it may still lack a date, see `reason`);
 * `inactive`: the record no longer stands (superseded, deprecated, rejected…);
 * `invalid`: the trigger's own date is no calendar day or reads two ways, so it can never fire.
 */
export type TriggerStanding = 'active' | 'inactive' | 'invalid';

/** One trigger as seen on `today`. */
export interface TriggerTiming {
  state: TriggerStanding;
  /** Why it is inactive or invalid, or why an active calendar trigger has no date (no decision date to count from). */
  reason?: string;
  /** Date and duration triggers: the day it falls due (past or future). */
  due?: string;
  /** Recurring triggers: the latest occurrence on or before today (the one a reminder is for). */
  last?: string;
  /** Recurring triggers: the first occurrence after today. */
  next?: string;
}

/** Decide where a trigger of `doc` stands on `today` (ISO): pure, the clock is the caller's. */
export function triggerTiming(trigger: RevisitTrigger, doc: DecisionDoc, today: string): TriggerTiming {
  const inactive = inactiveReason(doc);
  if (inactive) return { state: 'inactive', reason: inactive };
  if (!isDatedKind(trigger)) return { state: 'active' };
  const decisionDate = decisionDay(doc.date, today);
  const quoted = `"${trigger.text.length > 80 ? `${trigger.text.slice(0, 79)}…` : trigger.text}"`;
  if (trigger.impossibleDate) {
    return { state: 'invalid', reason: `revisit date in ${quoted} skipped: ${impossibleDateAdvice(trigger.impossibleDate.value)}` };
  }
  if (trigger.kind === 'recurring') {
    const next = nextDue(trigger, decisionDate, today);
    if (!next || !trigger.everyMonths) return { state: 'active', reason: `recurring trigger ${quoted} skipped: ${missingDecisionDate(doc)}` };
    const timing: TriggerTiming = { state: 'active', next };
    const last = latestOnOrBefore(trigger, decisionDate, today);
    if (last) timing.last = last;
    return timing;
  }
  const due = nextDue(trigger, decisionDate, today);
  if (due) return { state: 'active', due };
  if (trigger.kind === 'duration') return { state: 'active', reason: `duration trigger ${quoted} skipped: ${missingDecisionDate(doc)}` };
  return {
    state: 'invalid',
    reason: `revisit date in ${quoted} skipped: it is not a readable calendar day${
      /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/.test(trigger.text) ? ' (day and month could be either way round)' : ''
    }; write it as YYYY-MM-DD`,
  };
}

/** The date on or before `today` a reminder is owed for (unless one was sent), or undefined: nothing is due yet, or ever. */
export function dueBy(timing: TriggerTiming, today: string): string | undefined {
  if (timing.state !== 'active') return undefined;
  const date = timing.last ?? timing.due;
  return date !== undefined && compareIso(date, today) <= 0 ? date : undefined;
}

/** The latest occurrence of a recurring trigger on or before `today`, found from one period back: a few steps whatever the gap. */
function latestOnOrBefore(trigger: RevisitTrigger, decisionDate: string | undefined, today: string): string | undefined {
  // One month of slack: month-end clamping makes some gaps a few days longer than the period.
  let candidate = nextDue(trigger, decisionDate, addMonths(today, -((trigger.everyMonths ?? 1) + 1)));
  if (!candidate || compareIso(candidate, today) > 0) return undefined;
  for (;;) {
    const following = nextDue(trigger, decisionDate, candidate);
    if (!following || compareIso(following, today) > 0) return candidate;
    candidate = following;
  }
}

/** Why a trigger counted from the decision date has no date. */
export function missingDecisionDate(doc: DecisionDoc): string {
  if (doc.date?.ambiguous) return `it counts from the decision date, and "${doc.date.raw}" is ambiguous (line ${doc.date.line}); write it as YYYY-MM-DD`;
  if (doc.date) return `it counts from the decision date, and "${doc.date.raw}" is not a readable date (line ${doc.date.line}); write it as YYYY-MM-DD`;
  return 'it counts from the decision date, which the ADR does not give; add `Date: YYYY-MM-DD`';
}
