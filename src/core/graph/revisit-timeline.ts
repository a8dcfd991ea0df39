/**
 * The revisit timeline: the dated revisit triggers of the log as a Mermaid
 * gantt, one section per trigger category, each revisit a milestone on its
 * date, overdue and due ones in red. The text names no "today" (Mermaid draws
 * its own today line when the picture is viewed), so a picture committed to
 * the docs or kept in the health issue changes only when a revisit does.
 * Built from the rows of `listTriggers`, so it shows exactly the dates the
 * `triggers` report and the reminder sweep work with.
 */
import { addMonths, compareIso } from '../document/dates.js';
import type { TriggerCategory, TriggerKind } from '../document/model.js';
import { cut } from '../render/record-label.js';
import { ganttText } from './mermaid-text.js';

/** What the timeline reads of one trigger row (`TriggerRow` of reminders/trigger-rows.ts). */
export interface TimelineTrigger {
  file: string;
  line: number;
  category: TriggerCategory | null;
  kind: TriggerKind | 'type-1-default';
  text: string;
  state: 'overdue' | 'due' | 'invalid' | 'upcoming' | 'undated' | 'inactive';
  due?: string;
}

export interface TimelineTask {
  /** Section title: the trigger's category. */
  section: string;
  /** `ADR-0012 every 6 months`: the record's label and the trigger's words, gantt-safe. */
  name: string;
  state: 'overdue' | 'due' | 'upcoming';
  /** The day it fell or falls due. */
  date: string;
  recurring: boolean;
  file: string;
  line: number;
}

export interface RevisitTimeline {
  today: string;
  tasks: TimelineTask[];
  /** Dated triggers due after the horizon. */
  later: number;
  /** Dated triggers left out past the task cap (the latest ones). */
  omitted: number;
}

export interface TimelineOptions {
  /** How far ahead the picture looks (default 24 months): later dates are counted. */
  horizonMonths?: number;
  /** At most this many tasks (default 60), overdue ones first. */
  maxTasks?: number;
}

const SECTION_ORDER: readonly (TriggerCategory | 'other')[] = [
  'scale',
  'performance',
  'cost',
  'team',
  'compliance',
  'technology',
  'organizational',
  'calendar',
  'other',
];
const SECTION_TITLES: Record<TriggerCategory | 'other', string> = {
  scale: 'Scale',
  performance: 'Performance',
  cost: 'Cost',
  team: 'Team',
  compliance: 'Compliance',
  technology: 'Technology',
  organizational: 'Organizational',
  calendar: 'Calendar',
  other: 'Uncategorized',
};
const NAME_TEXT_LIMIT = 48;

/**
 * The timeline of `rows` on `today`: every overdue, due and upcoming trigger
 * with a date, `labels` naming each record (`ADR-0012`) by path.
 */
export function buildRevisitTimeline(
  rows: readonly TimelineTrigger[],
  labels: ReadonlyMap<string, string>,
  today: string,
  options: TimelineOptions = {},
): RevisitTimeline {
  const horizon = addMonths(today, options.horizonMonths ?? 24);
  const max = options.maxTasks ?? 60;
  const dated = rows.filter(
    (r): r is TimelineTrigger & { due: string; state: TimelineTask['state'] } =>
      r.due !== undefined && (r.state === 'overdue' || r.state === 'due' || r.state === 'upcoming'),
  );
  const inHorizon = dated.filter((r) => compareIso(r.due, horizon) <= 0);
  const ordered = [...inHorizon].sort((a, b) => compareIso(a.due, b.due) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const kept = ordered.slice(0, max);
  const tasks = kept.map((r): TimelineTask => {
    const label = labels.get(r.file) ?? r.file.split('/').pop() ?? r.file;
    return {
      section: SECTION_TITLES[r.category ?? 'other'],
      name: ganttText(`${label} ${cut(r.text.replace(/\s+/g, ' ').trim(), NAME_TEXT_LIMIT)}`),
      state: r.state,
      date: r.due,
      recurring: r.kind === 'recurring',
      file: r.file,
      line: r.line,
    };
  });
  return { today, tasks, later: dated.length - inHorizon.length, omitted: inHorizon.length - kept.length };
}

/** Mermaid gantt text of the timeline (no code fence), or undefined when no trigger has a date to draw. */
export function renderTimelineMermaid(timeline: RevisitTimeline): string | undefined {
  if (timeline.tasks.length === 0) return undefined;
  const lines = ['gantt', '  title Revisit timeline', '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m'];
  let task = 0;
  for (const key of SECTION_ORDER) {
    const title = SECTION_TITLES[key];
    const members = timeline.tasks.filter((t) => t.section === title);
    if (members.length === 0) continue;
    lines.push(`  section ${title}`);
    for (const t of members) {
      task += 1;
      lines.push(`    ${t.name} :${taskSpec(t, task)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A milestone on the revisit's date: red when it is due or overdue, filled when it recurs. */
function taskSpec(t: TimelineTask, n: number): string {
  const tag = t.state === 'upcoming' ? (t.recurring ? 'active, ' : '') : 'crit, ';
  return `${tag}milestone, t${n}, ${t.date}, 0d`;
}

/** One sentence on the dated triggers the timeline leaves out, or undefined. */
export function timelineNote(timeline: RevisitTimeline): string | undefined {
  const parts: string[] = [];
  if (timeline.omitted > 0) parts.push(`${timeline.omitted} more within the horizon are not drawn`);
  if (timeline.later > 0) parts.push(`${timeline.later} fall${timeline.later === 1 ? 's' : ''} due later`);
  return parts.length > 0 ? `${parts.join('; ')}.` : undefined;
}
