/**
 * The `triggers` report: the rows of `listTriggers` (reminders/trigger-rows.ts)
 * as text or JSON.
 */
import type { TriggerRow, TriggerState } from '../reminders/trigger-rows.js';
import { createStyle } from './ansi.js';

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
