/**
 * The reminder issue of one ADR and occurrence: its title (bounded, plain
 * text) and its body (templates/reminder-issue.hbs, user text escaped by the
 * renderer's helpers, the hidden marker first so a cut never loses it).
 */
import { decisionDay } from '../document/dates.js';
import type { DecisionDoc, RevisitTrigger } from '../document/model.js';
import { findSection } from '../document/model.js';
import { escaped } from '../publish/escaped-markdown.js';
import { GITHUB_TEXT_LIMIT, truncateToLimit, utf8Length } from '../publish/truncate.js';
import { sanitizeText } from '../render/escape-markdown.js';
import { neutralizeReferences } from '../render/neutralize-references.js';
import { cut, oneLine, recordLabel, recordTitleText } from '../render/record-label.js';
import { renderTemplate } from '../render/templates.js';

export { cut } from '../render/record-label.js';
import type { DueAssessment } from './due.js';
import { reminderMarker } from './marker.js';
import type { Occurrence } from './types.js';

/** Name of the reminder template (templates/reminder-issue.hbs). */
export const REMINDER_TEMPLATE = 'reminder-issue';

// GitHub allows 256 characters in an issue title; a reminder title is read in a list, so much less.
const TITLE_LIMIT = 120;
// "In brief": enough to recall the decision without reposting the record.
const BRIEF_LIMIT = 600;
const TRIGGER_TEXT_LIMIT = 300;
const TRADE_OFF_LIMIT = 300;
const MAX_TRADE_OFFS = 10;
const MAX_TRIGGERS = 50;

/** Where the ADR is read from: the repository's web URL (optional) and the commit. */
export interface ReminderLinkContext {
  /** `https://github.com/owner/repo`; without it the body names the path and commit as text. */
  repoUrl?: string;
  commit: string;
}

/** `ADR-0007` from the number in the title or file name; the file name when the ADR has none. */
export function adrLabel(doc: DecisionDoc): string {
  return recordLabel(doc.path, doc.titleNumber?.value ?? doc.fileNumber);
}

/** The ADR's title without its number prefix (`7. Use X` → `Use X`), as one clean line; the file name when it has none. */
export function adrTitleText(doc: DecisionDoc): string {
  return recordTitleText(doc.path, doc.title?.value, doc.titleNumber?.value);
}

/** Issue title: `Revisit ADR-0007: Use PostgreSQL for primary database`, at most 120 characters, no control or bidi characters. */
export function reminderTitle(doc: DecisionDoc): string {
  return cut(`Revisit ${oneLine(adrLabel(doc))}: ${adrTitleText(doc)}`, TITLE_LIMIT);
}

/** Render the reminder body for an occurrence, within GitHub's body limit, marker first. */
export function renderReminderBody(
  doc: DecisionDoc,
  assessment: DueAssessment,
  occurrence: Occurrence,
  link: ReminderLinkContext,
): string {
  const marker = reminderMarker({ path: doc.path, occurrence: occurrence.date, cause: occurrence.cause });
  const data = {
    marker: escaped(marker),
    label: quiet(adrLabel(doc)),
    title: quiet(adrTitleText(doc)),
    occurrence: occurrence.date,
    metricCause: occurrence.cause === 'metric',
    reasons: occurrence.reasons.map((r) => ({ text: quiet(cut(r.text, TRIGGER_TEXT_LIMIT)), line: r.line, due: r.due })),
    status: doc.status && !doc.status.placeholder ? quiet(cut(doc.status.raw, 100)) : undefined,
    // The occurrence is on or before the sweep's day and after the decision, so it bounds the reading as well.
    decided: decisionDay(doc.date, occurrence.date),
    // Only the shown text is quietened; the link target (adrUrl) keeps the real path.
    path: quiet(doc.path),
    commit: /^[0-9a-f]{7,64}$/i.test(link.commit) ? link.commit : 'an unknown commit',
    adrUrl: link.repoUrl && /^[0-9a-f]{7,64}$/i.test(link.commit) ? blobUrl(link.repoUrl, link.commit, doc.path) : undefined,
    context: mapDefined(brief(findSection(doc, 'context')?.text), quiet),
    decision: mapDefined(brief(findSection(doc, 'decision')?.text), quiet),
    tradeOffs: doc.tradeOffs.slice(0, MAX_TRADE_OFFS).map((t) => quiet(cut(t.value, TRADE_OFF_LIMIT))),
    triggers: doc.triggers.slice(0, MAX_TRIGGERS).map((t) => triggerItem(t, assessment)),
  };
  const body = renderTemplate(REMINDER_TEMPLATE, data).replace(/\n{3,}/g, '\n\n').trim();
  // The marker opens the body; truncating after it keeps it whatever the size.
  const rest = body.slice(marker.length);
  return marker + truncateToLimit(rest, GITHUB_TEXT_LIMIT - utf8Length(marker), '\n\n---\n\n_This reminder was cut to fit GitHub\'s size limit; the record has the rest._');
}

/** A checkbox item for a trigger: what it says, and whether the bot watches it. */
function triggerItem(trigger: RevisitTrigger, assessment: DueAssessment): { text: string; category?: string; note?: string } {
  const item: { text: string; category?: string; note?: string } = { text: quiet(cut(trigger.text, TRIGGER_TEXT_LIMIT)) };
  if (trigger.category) item.category = trigger.category;
  if (trigger.query !== undefined) {
    const metric = assessment.metrics.find((m) => m.text === trigger.query && m.line === trigger.line);
    if (metric?.error) item.note = `not evaluated: ${metric.error}`;
    else if (metric?.value !== undefined) item.note = `measured ${metric.value}${metric.breached ? ', breached' : ''}`;
    else item.note = 'not evaluated: no Prometheus reading';
  } else if (trigger.kind === 'vague') {
    item.note = 'too vague to check: make it a threshold or a date';
  } else if (trigger.kind === 'threshold') {
    item.note = 'for you to evaluate';
  } else if (trigger.due) {
    item.note = `calendar, ${trigger.due}`;
  }
  return item;
}

/**
 * ADR text echoed into an issue, made unable to notify: the md* helpers leave
 * `@` and `#` alone, so "cc @octocat and @org/everyone" would ping them when
 * the reminder opens (and at every edit of the health issue), and `#123` or
 * `owner/repo#5` would post a cross-reference on that issue. The shared
 * neutralizeReferences keeps the text readable and breaks GitHub's
 * autolinking. Assignees are set separately: they are the intended notification.
 */
export const quiet: (text: string) => string = neutralizeReferences;

function mapDefined<T, U>(value: T | undefined, f: (v: T) => U): U | undefined {
  return value === undefined ? undefined : f(value);
}

/** `https://github.com/o/r/blob/<commit>/<path>` with each path segment encoded. */
function blobUrl(repoUrl: string, commit: string, path: string): string {
  return `${repoUrl.replace(/\/+$/, '')}/blob/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The first paragraph-ish part of a section, at most BRIEF_LIMIT characters, cut at a word. */
function brief(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const clean = sanitizeText(text).trim();
  if (clean === '') return undefined;
  return cut(clean, BRIEF_LIMIT);
}

