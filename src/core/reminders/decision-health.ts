/**
 * The optional "Decision health" issue: one per repository, edited in place
 * (found by its marker), listing every ADR with its status and next revisit
 * date, overdue ones first, and the supersede links that point nowhere. Kept
 * under GitHub's body limit by listing fewer ADRs and counting the rest.
 */
import type { Config } from '../../config/schema.js';
import { compareIso, parseDuration } from '../document/dates.js';
import type { DecisionDoc, DocLink } from '../document/model.js';
import { toIndexEntry } from '../document/model.js';
import { buildDecisionGraph } from '../graph/decision-graph.js';
import { graphNote, renderGraphMermaid } from '../graph/graph-mermaid.js';
import { buildRevisitTimeline, renderTimelineMermaid, timelineNote } from '../graph/revisit-timeline.js';
import { fencedBlock } from '../publish/suggestion-block.js';
import { escaped } from '../publish/escaped-markdown.js';
import { GITHUB_TEXT_LIMIT, mostThatFit, utf8Length } from '../publish/truncate.js';
import { renderTemplate } from '../render/templates.js';
import { assessDue } from './due.js';
import { HEALTH_MARKER, parseReminderMarker } from './marker.js';
import { adrLabel, adrTitleText, cut, quiet } from './reminder-issue.js';
import { listTriggers, type TriggerRow } from './trigger-rows.js';
import type { ExistingIssue, ReminderAdr } from './types.js';

/** Name of the health template (templates/decision-health.hbs). */
export const HEALTH_TEMPLATE = 'decision-health';

/** Title of the health issue. */
export const HEALTH_TITLE = 'Decision health';

// Broken links past this many are counted, not listed: a folder of them is one problem.
const MAX_BROKEN_LISTED = 100;
// The pictures are drawn only when this many rows of the table still fit beside them.
const ROWS_BEFORE_PICTURES = 20;

/** Where one ADR stands, for the health table. */
export interface HealthRow {
  path: string;
  label: string;
  title: string;
  status: string;
  /** Oldest due revisit not yet done: unreminded, or reminded by an open issue. */
  overdue?: string;
  next?: string;
  /** Number of the open reminder issue, when any. */
  reminder?: number;
  inactive: boolean;
}

/** A supersede link whose target is not an ADR of the repository. */
export interface BrokenLink {
  path: string;
  label: string;
  line: number;
  relation: DocLink['relation'];
  target: string;
}

/** Input of the health report: the same ADRs, clock, config and issues as the reminders. */
export interface HealthInput {
  adrs: ReminderAdr[];
  today: string;
  config: Config;
  issues: ExistingIssue[];
  /**
   * Last reminder per ADR path (`lastRemindersFromIssues` in plan-reminders.ts):
   * without it a revisit whose reminder was already closed shows as overdue.
   */
  lastReminders?: ReadonlyMap<string, string>;
}

/** The health issue to write: title and body (marker first, within GitHub's limit). */
export interface HealthIssue {
  title: string;
  body: string;
  /** ADRs listed in the body; the others are only counted. */
  listed: number;
  total: number;
  /** False when the pictures did not fit in GitHub's limit beside the table's first rows. */
  pictures: boolean;
}

/** The Mermaid pictures of the health issue: the decision graph and the revisit timeline, each fenced, with what they leave out. */
export interface HealthPictures {
  graph?: { block: string; note?: string };
  timeline?: { block: string; note?: string };
}

/**
 * The decision graph (superseded chains folded, at most 150 records) and the
 * revisit timeline of the health issue. The timeline agrees with the table: a
 * revisit whose reminder was closed is done, so a recurring trigger shows its
 * next occurrence instead and a one-off one is left out.
 */
export function healthPictures(input: HealthInput, rows: readonly HealthRow[]): HealthPictures {
  const docs = input.adrs.map((a) => a.doc);
  const pictures: HealthPictures = {};
  const graph = buildDecisionGraph(docs.map(toIndexEntry));
  // A log without a single link is a list of boxes: the table says it better.
  if (graph.edges.length > 0 || graph.broken.length > 0) {
    const note = graphNote(graph);
    pictures.graph = { block: fencedBlock('mermaid', renderGraphMermaid(graph).trimEnd()), ...(note ? { note } : {}) };
  }
  const overdue = new Set(rows.filter((r) => r.overdue).map((r) => r.path));
  const triggerRows = listTriggers(docs, input.today, {
    type1Default: parseDuration(input.config.revisit.type1Default),
    type1DefaultText: input.config.revisit.type1Default.trim(),
  }).flatMap((r) => asInHealthTable(r, overdue));
  const timeline = buildRevisitTimeline(triggerRows, new Map(input.adrs.map((a) => [a.doc.path, adrLabel(a.doc)])), input.today);
  const gantt = renderTimelineMermaid(timeline);
  if (gantt) {
    const note = timelineNote(timeline);
    pictures.timeline = { block: fencedBlock('mermaid', gantt.trimEnd()), ...(note ? { note } : {}) };
  }
  return pictures;
}

/** A past-due trigger row of a record the table does not show overdue (its reminder was closed): its next date, or nothing. */
function asInHealthTable(row: TriggerRow, overdue: ReadonlySet<string>): TriggerRow[] {
  if ((row.state !== 'overdue' && row.state !== 'due') || overdue.has(row.file)) return [row];
  return row.next ? [{ ...row, state: 'upcoming', due: row.next }] : [];
}

/** Rows of the health table, overdue first (oldest first), then by next date, undated, then ADRs that no longer stand. */
export function healthRows(input: HealthInput): HealthRow[] {
  const openReminders = new Map<string, { number: number; occurrence: string }>();
  for (const issue of input.issues) {
    const key = issue.state === 'open' ? parseReminderMarker(issue.body) : undefined;
    if (!key) continue;
    const known = openReminders.get(key.path);
    if (!known || compareIso(key.occurrence, known.occurrence) < 0) openReminders.set(key.path, { number: issue.number, occurrence: key.occurrence });
  }
  const type1Default = parseDuration(input.config.revisit.type1Default);
  const rows = input.adrs.map(({ doc }): HealthRow => {
    const last = input.lastReminders?.get(doc.path);
    const assessment = assessDue(doc, {
      today: input.today,
      type1Default,
      type1DefaultText: input.config.revisit.type1Default,
      ...(last ? { lastReminder: last } : {}),
    });
    const row: HealthRow = { path: doc.path, label: adrLabel(doc), title: cut(adrTitleText(doc), 100), status: statusText(doc), inactive: assessment.inactive !== undefined };
    const open = openReminders.get(doc.path);
    if (open && !row.inactive) {
      row.reminder = open.number;
      row.overdue = open.occurrence;
    } else if (assessment.due?.cause === 'calendar') {
      row.overdue = assessment.due.date;
    }
    if (assessment.next) row.next = assessment.next;
    return row;
  });
  return rows.sort(compareRows);
}

/** Supersede links (either way) whose target names no ADR of the repository, by number or file name. */
export function brokenSupersedeLinks(docs: readonly DecisionDoc[]): BrokenLink[] {
  const numbers = new Set<number>();
  const names = new Set<string>();
  for (const doc of docs) {
    const number = doc.titleNumber?.value ?? doc.fileNumber;
    if (number !== undefined) numbers.add(number);
    names.add(baseName(doc.path));
  }
  const broken: BrokenLink[] = [];
  for (const doc of docs) {
    for (const link of [...doc.supersedes, ...doc.supersededBy]) {
      const resolves = (link.number !== undefined && numbers.has(link.number)) || names.has(baseName(link.target.split('#')[0]!));
      if (!resolves) broken.push({ path: doc.path, label: adrLabel(doc), line: link.line, relation: link.relation, target: link.target });
    }
  }
  return broken;
}

/**
 * Render the health issue. When every row does not fit in GitHub's body limit
 * (65,536 characters, measured in UTF-8 bytes), the longest prefix of the
 * sorted rows that fits is listed (overdue ones come first) and the rest are
 * counted by status.
 */
export function renderHealthIssue(input: HealthInput, limit: number = GITHUB_TEXT_LIMIT): HealthIssue {
  const rows = healthRows(input);
  const broken = brokenSupersedeLinks(input.adrs.map((a) => a.doc));
  const pictures = healthPictures(input, rows);
  const render = (listed: number, drawn: boolean): string => {
    const omitted = rows.slice(listed);
    const data = {
      marker: escaped(HEALTH_MARKER),
      today: input.today,
      total: rows.length,
      overdueCount: rows.filter((r) => r.overdue).length,
      // ADR text is quietened (no @mentions or #refs): this issue is edited at every sweep.
      rows: rows.slice(0, listed).map((r) => ({ ...r, label: quiet(r.label), title: quiet(r.title), status: quiet(r.status) })),
      omitted: omitted.length,
      omittedByStatus: countBy(omitted.map((r) => quiet(r.status))),
      broken: broken.slice(0, MAX_BROKEN_LISTED).map((b) => ({ ...b, label: quiet(b.label), path: quiet(b.path), target: quiet(b.target) })),
      brokenOmitted: Math.max(0, broken.length - MAX_BROKEN_LISTED),
      // Fenced Mermaid: the labels are escaped for Mermaid, and nothing in a code block is a mention or a reference.
      graph: drawn && pictures.graph ? { block: escaped(pictures.graph.block), note: pictures.graph.note } : undefined,
      timeline: drawn && pictures.timeline ? { block: escaped(pictures.timeline.block), note: pictures.timeline.note } : undefined,
    };
    return renderTemplate(HEALTH_TEMPLATE, data).replace(/\n{3,}/g, '\n\n').trim();
  };
  // The table comes first: pictures that leave no room for its first rows are dropped.
  const drawn = utf8Length(render(Math.min(rows.length, ROWS_BEFORE_PICTURES), true)) <= limit;
  // The most rows that fit (overdue ones come first); the body grows with every row listed.
  const listed = mostThatFit(rows.length, (n) => utf8Length(render(n, drawn)) <= limit);
  const body = render(listed, drawn);
  return { title: HEALTH_TITLE, body, listed, total: rows.length, pictures: drawn && (pictures.graph !== undefined || pictures.timeline !== undefined) };
}

function statusText(doc: DecisionDoc): string {
  if (!doc.status || doc.status.placeholder) return 'not stated';
  return doc.status.normalized ?? 'not stated';
}

function compareRows(a: HealthRow, b: HealthRow): number {
  const rank = (r: HealthRow) => (r.inactive ? 3 : r.overdue ? 0 : r.next ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    compareIso(a.overdue ?? a.next ?? '', b.overdue ?? b.next ?? '') ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

function countBy(values: string[]): { status: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || (a.status < b.status ? -1 : 1));
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).toLowerCase();
}
