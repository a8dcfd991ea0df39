import { compareStrings } from '../compare-strings.js';
import type { DecisionDoc, TriggerCategory, TriggerKind } from '../document/model.js';
import { createStyle } from './ansi.js';

/**
 * The `triggers` report: every revisit trigger of the reviewed documents,
 * with its due date judged against the injected `today`; due ones first.
 */

/** Where a trigger stands on `today`. */
export type TriggerState = 'overdue' | 'due' | 'upcoming' | 'undated';

/** One row of the report. */
export interface TriggerRow {
  file: string;
  line: number;
  column: number;
  category: TriggerCategory | null;
  kind: TriggerKind;
  text: string;
  due?: string;
  state: TriggerState;
}

const stateOrder: Record<TriggerState, number> = { overdue: 0, due: 1, upcoming: 2, undated: 3 };

/** List the triggers of the documents: overdue and due first (oldest first), then upcoming, then undated. */
export function listTriggers(docs: DecisionDoc[], today: string): TriggerRow[] {
  const rows: TriggerRow[] = [];
  for (const doc of docs) {
    for (const t of doc.triggers) {
      const state: TriggerState = !t.due ? 'undated' : t.due < today ? 'overdue' : t.due === today ? 'due' : 'upcoming';
      const row: TriggerRow = { file: doc.path, line: t.line, column: t.column, category: t.category, kind: t.kind, text: t.text, state };
      if (t.due) row.due = t.due;
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

/** Text report: `file:line  category  kind  due  MARKER  text`, one trigger a line, then a count. */
export function renderTriggersText(rows: TriggerRow[], options: { today: string; color: boolean }): string {
  const style = createStyle(options.color);
  if (rows.length === 0) return `no revisit triggers found (today ${options.today})\n`;
  const cells = rows.map((r) => ({
    place: `${r.file}:${r.line}`,
    category: r.category ?? 'uncategorized',
    kind: r.kind,
    due: r.due ?? '-',
    marker: r.state === 'overdue' ? 'OVERDUE' : r.state === 'due' ? 'DUE' : '',
    text: r.text.replace(/\s+/g, ' ').trim(),
    state: r.state,
  }));
  const w = (key: 'place' | 'category' | 'kind' | 'due' | 'marker') => Math.max(...cells.map((c) => c[key].length));
  const widths = { place: w('place'), category: w('category'), kind: w('kind'), due: w('due'), marker: w('marker') };
  const lines = cells.map((c) => {
    const marker = c.marker.padEnd(widths.marker);
    const paintedMarker = c.state === 'overdue' ? style.red(marker) : c.state === 'due' ? style.yellow(marker) : marker;
    const parts = [
      c.place.padEnd(widths.place),
      style.dim(c.category.padEnd(widths.category)),
      style.dim(c.kind.padEnd(widths.kind)),
      c.due.padEnd(widths.due),
    ];
    if (widths.marker > 0) parts.push(paintedMarker);
    parts.push(c.text);
    return parts.join('  ').trimEnd();
  });
  const due = rows.filter((r) => r.state === 'due' || r.state === 'overdue').length;
  const summary = `${rows.length} trigger${rows.length === 1 ? '' : 's'}, ${due} due (today ${options.today})`;
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
    out.state = r.state;
    return out;
  });
  return `${JSON.stringify({ version: options.version, today: options.today, triggers }, null, 2)}\n`;
}
