/**
 * The sweep's plan for one repository, decided without GitHub: which reminder
 * issues to open, keep or close. The state lives in GitHub (each reminder's
 * hidden marker plus its label), so the plan is a function of the ADRs, the
 * clock and the issues found: planning again with the created issues in the
 * input creates nothing.
 *
 * Rules, in order of precedence:
 * - An issue is a reminder when its body carries a marker this app writes.
 *   Only reminders that also carry one of the configured labels are closed
 *   by the bot; every marker, labelled or not, counts against duplicates.
 * - An open reminder stays while its occurrence still follows from the ADR;
 *   it is closed with a comment when the ADR moved the date, lost the
 *   trigger, stopped standing (superseded…) or left the default branch.
 * - An ADR gets at most one open reminder: a new occurrence waits until the
 *   open one is closed, and an occurrence already reminded (open or closed)
 *   is never reminded again.
 */
import type { Config } from '../../config/schema.js';
import { compareIso, parseDuration } from '../document/dates.js';
import { escapeMarkdownSpan } from '../render/escape-markdown.js';
import { reminderAssignees } from './assignees.js';
import type { Codeowners } from './codeowners.js';
import { assessDue, stillOccurs, type DueOptions } from './due.js';
import { parseReminderMarker, type ReminderKey } from './marker.js';
import { adrLabel, reminderTitle, renderReminderBody } from './reminder-issue.js';
import type { CloseReminder, ExistingIssue, MetricReading, ReminderAction, ReminderAdr, ReminderPlan, SkipLog } from './types.js';

/** Input of `planReminders`. */
export interface PlanRemindersInput {
  /** Every ADR of the default branch (a missing ADR closes its open reminders). */
  adrs: ReminderAdr[];
  /** Today, ISO (the injected clock). */
  today: string;
  config: Config;
  /** Reminder issues found on the repository, open and closed, with the configured labels or the marker. */
  issues: ExistingIssue[];
  /** Last reminder date per ADR path, when the adapter knows more than the issues say. */
  lastReminders?: ReadonlyMap<string, string>;
  /** The repository's CODEOWNERS, for assignees. */
  codeowners?: Codeowners;
  /** Prometheus readings of the ADRs' `when:` queries; without them metric triggers are listed, not evaluated. */
  metrics?: MetricReading[];
  /** `https://github.com/owner/repo`, for the link to the ADR at its commit. */
  repoUrl?: string;
}

interface FoundReminder extends ReminderKey {
  issue: ExistingIssue;
  labelled: boolean;
}

/** Plan the reminder issues of one sweep: create, keep or close, plus a log of what was skipped and why. */
export function planReminders(input: PlanRemindersInput): ReminderPlan {
  const { config, today } = input;
  if (!config.reminders.enabled) return { actions: [], skipped: [] };
  const labels = config.reminders.labels;
  const found = findReminders(input.issues, labels);
  const byPath = groupBy(found, (r) => r.path);
  const metricsByPath = groupMetrics(input.metrics ?? []);
  const type1Default = parseDuration(config.revisit.type1Default);
  const lastReminders = lastRemindersFromIssues(input.issues, input.lastReminders);

  const actions: ReminderAction[] = [];
  const skipped: SkipLog[] = [];
  const seenPaths = new Set<string>();
  const adrs = [...input.adrs].sort((a, b) => (a.doc.path < b.doc.path ? -1 : a.doc.path > b.doc.path ? 1 : 0));
  for (const adr of adrs) {
    const { doc } = adr;
    if (seenPaths.has(doc.path)) continue;
    seenPaths.add(doc.path);
    const reminders = byPath.get(doc.path) ?? [];
    const options: DueOptions = {
      today,
      type1Default,
      type1DefaultText: config.revisit.type1Default.trim(),
      ...(lastReminders.has(doc.path) ? { lastReminder: lastReminders.get(doc.path)! } : {}),
      ...(metricsByPath.has(doc.path) ? { metrics: metricsByPath.get(doc.path)! } : {}),
    };
    const assessment = assessDue(doc, options);
    skipped.push(...assessment.skipped);

    const { open, duplicates } = openOnes(reminders);
    for (const { reminder, of } of duplicates) {
      actions.push(closeAction(reminder, 'duplicate', `Duplicate of #${of}, which reminds about the same revisit of ${escapeMarkdownSpan(adrLabel(doc))}. Closing this one.`));
    }
    let openKept = false;
    for (const reminder of open) {
      if (stillOccurs(doc, reminder.occurrence, reminder.cause, options) || !reminder.labelled) {
        // An unlabelled marker is not ours to close, but it still stands for the ADR's open reminder.
        if (reminder.labelled) actions.push({ action: 'keep', path: doc.path, occurrence: reminder.occurrence, number: reminder.issue.number });
        openKept = true;
        continue;
      }
      actions.push(closeAction(reminder, assessment.inactive ? 'inactive' : 'not-due', closeComment(adrLabel(doc), reminder, assessment)));
    }

    const due = assessment.due;
    if (!due || openKept) continue;
    if (reminders.some((r) => r.occurrence === due.date)) continue;
    actions.push({
      action: 'create',
      path: doc.path,
      occurrence: due.date,
      title: reminderTitle(doc),
      body: renderReminderBody(doc, assessment, due, { commit: adr.commit, ...(input.repoUrl ? { repoUrl: input.repoUrl } : {}) }),
      labels: [...labels],
      assignees: reminderAssignees(doc, input.codeowners, config.reminders.assignFromCodeowners),
    });
  }

  for (const [path, reminders] of byPath) {
    if (seenPaths.has(path)) continue;
    const { open, duplicates } = openOnes(reminders);
    for (const reminder of [...open, ...duplicates.map((d) => d.reminder)]) {
      if (!reminder.labelled) continue;
      const comment = `\`${escapeMarkdownSpan(path).replace(/`/g, "'")}\` is no longer on the default branch, so there is nothing to revisit. Closing this reminder.`;
      actions.push(closeAction(reminder, 'removed', comment));
    }
  }
  return { actions, skipped };
}

/** Issues with one of our markers, each once; `labelled` when it carries one of the configured labels (case-insensitive, as GitHub compares them). */
function findReminders(issues: ExistingIssue[], labels: readonly string[]): FoundReminder[] {
  const wanted = new Set(labels.map((l) => l.toLowerCase()));
  const out: FoundReminder[] = [];
  const numbers = new Set<number>();
  for (const issue of issues) {
    if (numbers.has(issue.number)) continue;
    numbers.add(issue.number);
    const key = parseReminderMarker(issue.body);
    if (!key) continue;
    out.push({ ...key, issue, labelled: issue.labels.some((l) => wanted.has(l.toLowerCase())) });
  }
  return out;
}

/**
 * Open reminders of one ADR, oldest issue first, and the labelled duplicates
 * of an occurrence already open (two sweeps racing): the oldest stands.
 */
function openOnes(reminders: FoundReminder[]): { open: FoundReminder[]; duplicates: { reminder: FoundReminder; of: number }[] } {
  const sorted = reminders.filter((r) => r.issue.state === 'open').sort((a, b) => a.issue.number - b.issue.number);
  const first = new Map<string, number>();
  const open: FoundReminder[] = [];
  const duplicates: { reminder: FoundReminder; of: number }[] = [];
  for (const r of sorted) {
    const key = `${r.occurrence} ${r.cause}`;
    const of = first.get(key);
    if (of === undefined) {
      first.set(key, r.issue.number);
      open.push(r);
    } else if (r.labelled) {
      duplicates.push({ reminder: r, of });
    }
  }
  return { open, duplicates };
}

/**
 * Last reminder per ADR path: the later of the adapter's date (`known`) and
 * the latest occurrence any reminder marker names, open or closed, labelled or
 * not. Only occurrences after it are due. Exported so the health issue judges
 * "overdue" exactly as the planner does: a revisit whose reminder was closed
 * is handled, not overdue.
 */
export function lastRemindersFromIssues(issues: readonly ExistingIssue[], known?: ReadonlyMap<string, string>): Map<string, string> {
  const last = new Map(known ?? []);
  for (const issue of issues) {
    const key = parseReminderMarker(issue.body);
    if (!key) continue;
    const seen = last.get(key.path);
    if (!seen || compareIso(key.occurrence, seen) > 0) last.set(key.path, key.occurrence);
  }
  return last;
}

function closeAction(reminder: FoundReminder, reason: CloseReminder['reason'], comment: string): CloseReminder {
  return { action: 'close', path: reminder.path, occurrence: reminder.occurrence, number: reminder.issue.number, reason, comment };
}

function closeComment(label: string, reminder: FoundReminder, assessment: { inactive?: string; next?: string }): string {
  const name = escapeMarkdownSpan(label);
  if (assessment.inactive) {
    return `${name} no longer stands (${escapeMarkdownSpan(assessment.inactive)}), so it needs no revisit. Closing this reminder.`;
  }
  const then = reminder.cause === 'metric' ? 'its metric trigger' : `its ${reminder.occurrence} revisit`;
  const next = assessment.next ? `the record now names ${assessment.next} as its next revisit date` : 'the record no longer names this revisit';
  return `${name} changed: ${next}, so ${then} is no longer due. Closing this reminder; a new one opens when the next date comes.`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function groupMetrics(readings: MetricReading[]): Map<string, Map<string, number>> {
  const map = new Map<string, Map<string, number>>();
  for (const r of readings) {
    let forPath = map.get(r.path);
    if (!forPath) map.set(r.path, (forPath = new Map()));
    forPath.set(r.query, r.value);
  }
  return map;
}

/**
 * The plan's actions without the closes a sweep cannot be sure of: an ADR that could not be read
 * is not gone (its reminders stay open until it reads again), nor is one missing from an
 * incomplete listing (GitHub truncated the tree, and the folder listing that stands in for it can
 * miss deeper folders): no reminder is closed as removed then. `held` lists the closes kept back
 * because of the incomplete listing, for the sweep to say so.
 */
export function withoutUnsureCloses(actions: readonly ReminderAction[], listing: { incomplete: boolean; unreadable: ReadonlySet<string> }): { actions: ReminderAction[]; held: string[] } {
  const removed = (a: ReminderAction) => a.action === 'close' && a.reason === 'removed';
  return {
    actions: actions.filter((a) => !(removed(a) && (listing.incomplete || listing.unreadable.has(a.path)))),
    held: listing.incomplete ? actions.filter(removed).map((a) => a.path) : [],
  };
}
