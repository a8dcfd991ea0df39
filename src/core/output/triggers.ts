import { compareStrings } from '../compare-strings.js';
import type { DecisionDoc, TriggerCategory, TriggerKind } from '../document/model.js';
import { defaultRevisit, type DueOptions } from '../reminders/due.js';
import { triggerTiming, type TriggerTiming } from '../document/trigger-due.js';
import { createStyle } from './ansi.js';

/**
 * The `triggers` report: every revisit trigger of the reviewed documents,
 * judged against the injected `today` by `triggerTiming`, the same function
 * the reminder sweep and the health issue use; due ones first.
 */

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

const MARKERS: Record<TriggerState, string> = { overdue: 'OVERDUE', due: 'DUE', invalid: 'INVALID', upcoming: '', undated: '', inactive: 'INACTIVE' };

/** Text report: `file:line  category  kind  due  MARKER  text`, one trigger a line, then a count. */
export function renderTriggersText(rows: TriggerRow[], options: { today: string; color: boolean }): string {
  const style = createStyle(options.color);
  if (rows.length === 0) return `no revisit triggers found (today ${options.today})\n`;
  const cells = rows.map((r) => ({
    place: `${r.file}:${r.line}`,
    category: r.category ?? 'uncategorized',
    kind: r.kind,
    // A recurring trigger shows its latest occurrence and the next one: "2026-07-15, next 2027-01-15".
    due: r.last && r.next ? `${r.last}, next ${r.next}` : (r.due ?? '-'),
    marker: MARKERS[r.state],
    text: r.text.replace(/\s+/g, ' ').trim(),
    state: r.state,
    reason: r.reason,
  }));
  const w = (key: 'place' | 'category' | 'kind' | 'due' | 'marker') => Math.max(...cells.map((c) => c[key].length));
  const widths = { place: w('place'), category: w('category'), kind: w('kind'), due: w('due'), marker: w('marker') };
  const lines = cells.map((c) => {
    const marker = c.marker.padEnd(widths.marker);
    const paintedMarker =
      c.state === 'overdue' || c.state === 'invalid' ? style.red(marker) : c.state === 'due' ? style.yellow(marker) : c.state === 'inactive' ? style.dim(marker) : marker;
    const parts = [
      c.place.padEnd(widths.place),
      style.dim(c.category.padEnd(widths.category)),
      style.dim(c.kind.padEnd(widths.kind)),
      c.due.padEnd(widths.due),
    ];
    if (widths.marker > 0) parts.push(paintedMarker);
    parts.push(c.text);
    const line = parts.join('  ').trimEnd();
    // Why it can never fire, under the row: the fix is in the record.
    return c.state === 'invalid' && c.reason ? `${line}\n  ${style.dim(c.reason)}` : line;
  });
  const due = rows.filter((r) => r.state === 'due' || r.state === 'overdue').length;
  const inactive = rows.filter((r) => r.state === 'inactive').length;
  const invalid = rows.filter((r) => r.state === 'invalid').length;
  const extra = `${inactive > 0 ? `, ${inactive} inactive` : ''}${invalid > 0 ? `, ${invalid} invalid` : ''}`;
  const summary = `${rows.length} trigger${rows.length === 1 ? '' : 's'}, ${due} due${extra} (today ${options.today})`;
  lines.push('', due > 0 ? style.bold(summary) : summary);
  return `${lines.join('\n')}\n`;
}

/** JSON report: `{ version, today, triggers }`. */
export function renderTriggersJson(rows: TriggerRow[], options: { today: string; version: string }): string {
  const triggers = rows.map((r) => {
    const out: Record<string, unknown> = {
      file: r.file,
      line: r.line,
      column: r.column,
      category: r.category,
      kind: r.kind,
      text: r.text,
    };
    if (r.due) out.due = r.due;
    if (r.last) out.last = r.last;
    if (r.next) out.next = r.next;
    out.state = r.state;
    if (r.reason) out.reason = r.reason;
    return out;
  });
  return `${JSON.stringify({ version: options.version, today: options.today, triggers }, null, 2)}\n`;
}
