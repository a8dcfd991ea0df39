/**
 * What is due: the revisit occurrences of one ADR on a given day, from the
 * triggers the document parser read (explicit dates, durations from the
 * decision date, recurring periods), the config's default for Type 1
 * decisions without a calendar trigger, and metric breaches the caller
 * measured. Records that no longer stand (inactive.ts) are never due, and each
 * trigger's dates come from `triggerTiming` (trigger-due.ts), which `triggers`
 * and the health issue read too. A reminder that fires wrongly costs the app its installation, so
 * anything unreadable is skipped with a reason naming the file and line, never
 * guessed.
 */
import { addDays, addDuration, compareIso, decisionDay, type Duration } from '../document/dates.js';
import type { DecisionDoc, RevisitTrigger } from '../document/model.js';
import { isDatedKind, nextDue } from '../document/revisit-triggers.js';
import { formatCondition, isBreach, parsePrometheusCondition, type PrometheusCondition } from './prometheus-trigger.js';
import { inactiveReason } from '../document/inactive.js';
import { missingDecisionDate, triggerTiming } from '../document/trigger-due.js';
import type { Occurrence, OccurrenceReason, SkipLog } from './types.js';

export { inactiveReason } from '../document/inactive.js';

// Statuses of a decision in force. No status at all also counts: most MADR
// records keep it in the pull request, and the ADR is on the default branch.
const IN_FORCE_STATUSES: ReadonlySet<string> = new Set(['accepted', 'implemented', 'amended']);

// A breach that outlives a closed reminder was already weighed by a human;
// ask again at most this often while it lasts.
const BREACH_QUIET_DAYS = 30;

/** What `assessDue` needs besides the document. */
export interface DueOptions {
  /** Today, ISO (the caller's clock). */
  today: string;
  /** Reminder for Type 1 decisions without any calendar trigger (config `revisit.type1Default`); null turns it off. */
  type1Default: Duration | null;
  /** Label of the default in reminders, e.g. `12 months`. */
  type1DefaultText: string;
  /** Date of the last reminder for this ADR (its occurrence or the day it was opened): only later occurrences are due. */
  lastReminder?: string;
  /** Metric readings for this ADR's `when:` queries, by query. */
  metrics?: ReadonlyMap<string, number>;
}

/** A metric trigger of an ADR, read or not. */
export interface MetricTrigger {
  line: number;
  text: string;
  condition?: PrometheusCondition;
  /** Why the condition cannot be evaluated. */
  error?: string;
  /** The reading the caller passed, when any. */
  value?: number;
  breached: boolean;
}

/** Where an ADR stands on `today`. */
export interface DueAssessment {
  path: string;
  /** Why the ADR is never due (`status superseded`), when it is not active. */
  inactive?: string;
  /** The occurrence to remind about now: the latest one due after the last reminder. */
  due?: Occurrence;
  /** The next calendar occurrence after today, when any. */
  next?: string;
  /** Metric (`when:`) triggers, with their readings. */
  metrics: MetricTrigger[];
  /** Triggers or defaults that could not be read, naming file and line. */
  skipped: SkipLog[];
}

/** One calendar trigger's (or the Type 1 default's) occurrences as seen on `today`. */
interface CalendarReading {
  reasonText: string;
  line?: number;
  /** Latest occurrence on or before today. */
  latest?: string;
  /** First occurrence after today. */
  next?: string;
  /** True when the date is one of the reading's occurrences (any, past or future). */
  occursOn: (date: string) => boolean;
}

/** Assess one ADR: never due, due now (and why), or its next revisit date, with what could not be read. */
export function assessDue(doc: DecisionDoc, options: DueOptions): DueAssessment {
  const assessment: DueAssessment = { path: doc.path, metrics: [], skipped: [] };
  const inactive = inactiveReason(doc);
  if (inactive) {
    assessment.inactive = inactive;
    return assessment;
  }
  const { today } = options;
  const { readings, skipped } = calendarReadings(doc, options);
  assessment.skipped.push(...skipped);

  const reasons: OccurrenceReason[] = [];
  let latest: string | undefined;
  for (const reading of readings) {
    if (reading.next && (!assessment.next || compareIso(reading.next, assessment.next) < 0)) assessment.next = reading.next;
    if (!reading.latest) continue;
    if (options.lastReminder && compareIso(reading.latest, options.lastReminder) <= 0) continue;
    reasons.push({ text: reading.reasonText, due: reading.latest, ...(reading.line !== undefined ? { line: reading.line } : {}) });
    if (!latest || compareIso(reading.latest, latest) > 0) latest = reading.latest;
  }
  if (latest) assessment.due = { date: latest, cause: 'calendar', reasons: reasons.sort((a, b) => compareIso(b.due, a.due)) };

  assessment.metrics = readMetricTriggers(doc, options.metrics);
  for (const metric of assessment.metrics) {
    if (metric.error) assessment.skipped.push({ path: doc.path, line: metric.line, message: `metric trigger not evaluated: ${metric.error}` });
  }
  const breaches = assessment.metrics.filter((m) => m.breached);
  const quiet = options.lastReminder !== undefined && compareIso(addDays(options.lastReminder, BREACH_QUIET_DAYS), today) > 0;
  if (breaches.length > 0 && !quiet) {
    const metricReasons = breaches.map((m) => ({ text: `${formatCondition(m.condition!)} (measured ${m.value})`, line: m.line, due: today }));
    // A calendar occurrence due now already asks for the revisit; the breach is one more reason on it.
    if (assessment.due) assessment.due.reasons.push(...metricReasons);
    else assessment.due = { date: today, cause: 'metric', reasons: metricReasons };
  }
  return assessment;
}

/**
 * True when an occurrence (a reminder's identity) still follows from the ADR
 * as it reads now: a calendar date one of its triggers falls on, up to today;
 * for a metric reminder, a metric trigger the ADR still has. False for an ADR
 * that no longer stands.
 */
export function stillOccurs(doc: DecisionDoc, occurrence: Occurrence['date'], cause: Occurrence['cause'], options: DueOptions): boolean {
  if (inactiveReason(doc)) return false;
  if (compareIso(occurrence, options.today) > 0) return false;
  if (cause === 'metric') return readMetricTriggers(doc, undefined).some((m) => m.condition !== undefined);
  return calendarReadings(doc, options).readings.some((r) => r.occursOn(occurrence));
}

/** The metric (`when:` query) triggers of an ADR, parsed, with the caller's readings applied. */
export function readMetricTriggers(doc: DecisionDoc, readings: ReadonlyMap<string, number> | undefined): MetricTrigger[] {
  const out: MetricTrigger[] = [];
  for (const trigger of doc.triggers) {
    if (trigger.query === undefined) continue;
    const parsed = parsePrometheusCondition(trigger.query);
    if ('error' in parsed) {
      out.push({ line: trigger.line, text: trigger.query, error: parsed.error, breached: false });
      continue;
    }
    const value = readings?.get(parsed.query);
    const metric: MetricTrigger = { line: trigger.line, text: trigger.query, condition: parsed, breached: value !== undefined && isBreach(parsed, value) };
    if (value !== undefined) metric.value = value;
    out.push(metric);
  }
  return out;
}

function calendarReadings(doc: DecisionDoc, options: DueOptions): { readings: CalendarReading[]; skipped: SkipLog[] } {
  const readings: CalendarReading[] = [];
  const skipped: SkipLog[] = [];
  const calendar = doc.triggers.filter(isDatedKind);
  for (const trigger of calendar) {
    const reading = readCalendarTrigger(trigger, doc, options.today);
    if (typeof reading === 'string') skipped.push({ path: doc.path, line: trigger.line, message: reading });
    else readings.push(reading);
  }
  // Any calendar trigger the author wrote, readable or not, replaces the default: an unreadable one is reported instead.
  if (calendar.length === 0) {
    const fallback = type1DefaultReading(doc, options);
    if (typeof fallback === 'string') skipped.push({ path: doc.path, line: doc.date?.line ?? doc.title?.line ?? 1, message: fallback });
    else if (fallback) readings.push(fallback);
  }
  return { readings, skipped };
}

/** A calendar trigger's occurrences (as `triggerTiming` decides them), or why it cannot be read. */
function readCalendarTrigger(trigger: RevisitTrigger, doc: DecisionDoc, today: string): CalendarReading | string {
  const timing = triggerTiming(trigger, doc, today);
  if (timing.state !== 'active' || (timing.due === undefined && timing.next === undefined && timing.last === undefined)) {
    return timing.reason ?? `revisit trigger "${trigger.text}" skipped: it has no date`;
  }
  if (trigger.kind !== 'recurring') return onceOn(timing.due!, trigger.text, trigger.line, today);
  const decisionDate = decisionDay(doc.date, today);
  const first = nextDue(trigger, decisionDate, '0000-01-01');
  const occursOn = (date: string) => first !== undefined && compareIso(date, first) >= 0 && nextDue(trigger, decisionDate, addDays(date, -1)) === date;
  const reading: CalendarReading = { reasonText: trigger.text, line: trigger.line, occursOn };
  if (timing.next) reading.next = timing.next;
  if (timing.last) reading.latest = timing.last;
  return reading;
}

/** The Type 1 default of a record that stands and has no calendar trigger: what it says, where, and its day (or why it has none). */
export interface DefaultRevisit {
  text: string;
  line: number;
  due?: string;
  /** Why it cannot be dated. */
  reason?: string;
}

/**
 * The configured Type 1 default as the sweep applies it, for `design-review
 * triggers` to list beside the written triggers; undefined when it does not apply.
 */
export function defaultRevisit(doc: DecisionDoc, options: DueOptions): DefaultRevisit | undefined {
  if (inactiveReason(doc) || doc.triggers.some(isDatedKind)) return undefined;
  const reading = type1DefaultReading(doc, options);
  if (reading === undefined) return undefined;
  const line = doc.date?.line ?? doc.title?.line ?? 1;
  if (typeof reading === 'string') return { text: `Type 1 decision: ${options.type1DefaultText} after acceptance, the configured default`, line, reason: reading };
  return { text: reading.reasonText, line, due: (reading.latest ?? reading.next)! };
}

/** The default reminder of a Type 1 decision in force without any calendar trigger; a string says why it cannot be dated. */
function type1DefaultReading(doc: DecisionDoc, options: DueOptions): CalendarReading | string | undefined {
  if (doc.decisionType?.value !== 'type-1' || !options.type1Default) return undefined;
  const status = doc.status;
  const inForce = status === undefined || (!status.placeholder && (status.normalized === null || IN_FORCE_STATUSES.has(status.normalized)));
  if (!inForce) return undefined;
  // "2020-03-25 accepted" dates the acceptance itself; otherwise the decision date stands for it.
  const accepted = (status?.normalized === 'accepted' ? status.date : undefined) ?? decisionDay(doc.date, options.today);
  if (!accepted) {
    return `Type 1 decision without a calendar trigger: the default reminder (${options.type1DefaultText} after acceptance) is skipped: ${missingDecisionDate(doc)}`;
  }
  const due = addDuration(accepted, options.type1Default);
  return onceOn(due, `Type 1 decision: ${options.type1DefaultText} after acceptance (${accepted}), the configured default`, undefined, options.today);
}

function onceOn(due: string, text: string, line: number | undefined, today: string): CalendarReading {
  const reading: CalendarReading = { reasonText: text, occursOn: (date) => date === due };
  if (line !== undefined) reading.line = line;
  if (compareIso(due, today) <= 0) reading.latest = due;
  else reading.next = due;
  return reading;
}
