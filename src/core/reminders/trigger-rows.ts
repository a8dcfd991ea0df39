/**
 * The revisit triggers of a set of documents as rows, judged against the
 * injected `today` by `triggerTiming`, the same function the reminder sweep
 * uses; due ones first. The `triggers` report, the health issue's timeline and
 * `design-review graph --timeline` read these rows.
 */
import { compareStrings } from '../compare-strings.js';
import type { DecisionDoc, TriggerCategory, TriggerKind } from '../document/model.js';
import { triggerTiming, type TriggerTiming } from '../document/trigger-due.js';
import { defaultRevisit, type DueOptions } from './due.js';

/** Where a trigger stands on `today`. */
export type TriggerState = 'overdue' | 'due' | 'invalid' | 'upcoming' | 'undated' | 'inactive';

/** One row of the report. */
export interface TriggerRow {
  file: string;
  line: number;
  column: number;
  category: TriggerCategory | null;
  /** `type-1-default`: no trigger is written, and the sweep reminds this Type 1 decision after the configured default. */
  kind: TriggerKind | 'type-1-default';
  text: string;
  /** The date the state speaks of: a date or duration's due day; a recurring trigger's latest occurrence, else its next. */
  due?: string;
  /** Recurring triggers: the latest occurrence on or before today. */
  last?: string;
  /** Recurring triggers: the first occurrence after today. */
  next?: string;
  state: TriggerState;
  /** Why a trigger is inactive or invalid, or why a calendar trigger has no date. */
  reason?: string;
}

const stateOrder: Record<TriggerState, number> = { overdue: 0, due: 1, invalid: 2, upcoming: 3, undated: 4, inactive: 5 };

/** List the triggers of the documents: overdue and due first (oldest first), then invalid, upcoming, undated and inactive. */
export function listTriggers(docs: DecisionDoc[], today: string, defaults?: TriggerDefaults): TriggerRow[] {
  const rows: TriggerRow[] = [];
  for (const doc of docs) {
    const fallback = defaults && doc.kind === 'adr' ? defaultRevisit(doc, { today, ...defaults }) : undefined;
    if (fallback) {
      const row: TriggerRow = { file: doc.path, line: fallback.line, column: 1, category: 'calendar', kind: 'type-1-default', text: fallback.text, state: 'undated' };
      Object.assign(row, rowTiming(fallback.due ? { state: 'active', due: fallback.due } : { state: 'active', reason: fallback.reason! }, today));
      rows.push(row);
    }
    for (const t of doc.triggers) {
      const row: TriggerRow = { file: doc.path, line: t.line, column: t.column, category: t.category, kind: t.kind, text: t.text, state: 'undated' };
      Object.assign(row, rowTiming(triggerTiming(t, doc, today), today));
      rows.push(row);
    }
  }
  return rows.sort(
    (a, b) =>
      stateOrder[a.state] - stateOrder[b.state] ||
      compareStrings(a.due ?? '', b.due ?? '') ||
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/** The config's Type 1 default (`revisit.type1Default`), so the report lists the reminder the sweep would open for a Type 1 decision without triggers. */
export type TriggerDefaults = Pick<DueOptions, 'type1Default' | 'type1DefaultText'>;

/** The state and dates of a row from the trigger's timing. */
function rowTiming(timing: TriggerTiming, today: string): Pick<TriggerRow, 'state' | 'due' | 'last' | 'next' | 'reason'> {
  const reason = timing.reason !== undefined ? { reason: timing.reason } : {};
  if (timing.state !== 'active') return { state: timing.state, ...reason };
  const dates = { ...(timing.last ? { last: timing.last } : {}), ...(timing.next ? { next: timing.next } : {}) };
  const due = timing.last ?? timing.due ?? timing.next;
  if (!due) return { state: 'undated', ...reason };
  const state: TriggerState = due < today ? 'overdue' : due === today ? 'due' : 'upcoming';
  return { state, due, ...dates };
}

