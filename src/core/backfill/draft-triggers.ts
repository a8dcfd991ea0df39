/**
 * Revisit triggers drafted from a record's own text, for ADRs written before
 * the team said when to revisit them: one trigger per category the record
 * points to (its `recordCues` in checklists/revisit-triggers.yml), as a
 * concrete condition built from the record's own numbers where it has them
 * ("p99 under 200 ms" → "p99 latency above 200 ms for a week"), otherwise a
 * `TODO:` placeholder the review flags (adr-placeholders) until someone fills
 * it; and a calendar trigger from the decision date (12 months for a Type 1
 * decision, 6 otherwise; once that date has passed, the next occurrence after
 * today).
 */
import { addMonths, compareIso, decisionDay } from '../document/dates.js';
import type { DecisionDoc, TriggerCategory } from '../document/model.js';
import type { TriggerCategoryDef } from '../document/parse-vocabulary.js';
import { findCue, normalizeForCues } from '../document/trigger-category.js';

/** One drafted trigger: the list item's text after `- `. */
export interface DraftedTrigger {
  category: TriggerCategory;
  /** `Performance: p99 latency above 200 ms for a week.` */
  text: string;
  /** True when the condition is a `TODO:` for someone to fill. */
  placeholder: boolean;
  /** The record's words the condition was built from, when it was. */
  source?: string;
}

export interface DraftOptions {
  /** Today, ISO (the caller's clock). */
  today: string;
  categories: readonly TriggerCategoryDef[];
}

/** Months to the calendar revisit: a one-way door is reopened less often than a two-way door. */
export const TYPE_1_MONTHS = 12;
export const TYPE_2_MONTHS = 6;

// The record's own numbers, per category. Each reads a short stretch of one sentence, bounded.
const LATENCY_CUE = /\b(p50|p75|p90|p95|p99|p99\.9|p999|latency|response times?)\b/gi;
// Read from just after a cue, in a window of the cue's sentence: one bounded scan per cue keeps a long text linear.
// A soft line break may fall inside the phrase; a sentence's end or another figure ends the look.
const LATENCY_FIGURE = /^[^.\d]{0,60}(\d+(?:\.\d+)?)\s?(ms|milliseconds?|seconds?|s)\b/i;
const FIGURE_WINDOW = 80;
// A load is a rate: "5 writes as a batch" or "pending 0 messages" are counts, not load.
const LOAD =
  /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|m|thousand|million)?\s+(requests|reqs|writes|reads|messages|events|orders|transactions|connections)(?:\s?\/\s?|\s(?:per|an?)\s)(second|sec|s|minute|min|hour|day)\b/i;
// A spend is a price per period: a bare "$1" is as likely a shell argument as a price.
const SPEND = /([$€£])\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|m)?(?:\s?\/\s?|\s(?:per|an?)\s)(month|year|mo|yr)\b/i;
const HEADCOUNT = /(?<![\d.,])(\d{1,4})\s+(engineers|developers|people|teams)\b/i;

const CATEGORY_ORDER: readonly TriggerCategory[] = ['scale', 'performance', 'cost', 'team', 'compliance', 'technology', 'organizational'];

/**
 * Occurrences a category's cues need in the record before it is drafted: a
 * word met once ("the cost of ordering", "a version history table") says
 * little about what would reopen the decision; one GDPR or PCI is enough.
 */
const MIN_OCCURRENCES: Partial<Record<TriggerCategory, number>> = { compliance: 1 };
const DEFAULT_MIN_OCCURRENCES = 2;

/** The categories the record's text points to, in domain order (calendar is always drafted apart). */
export function categoriesOf(text: string, categories: readonly TriggerCategoryDef[]): TriggerCategory[] {
  const normalized = normalizeForCues(text);
  const found = new Set<TriggerCategory>();
  for (const def of categories) {
    if (def.id === 'calendar') continue;
    const needed = MIN_OCCURRENCES[def.id] ?? DEFAULT_MIN_OCCURRENCES;
    let seen = 0;
    for (const cue of def.recordCues ?? []) {
      seen += occurrences(normalized, normalizeForCues(cue), needed - seen);
      if (seen >= needed) break;
    }
    if (seen >= needed) found.add(def.id);
  }
  return CATEGORY_ORDER.filter((c) => found.has(c));
}

/** Whole-phrase occurrences of `cue` in `text`, counted up to `max`. */
function occurrences(text: string, cue: string, max: number): number {
  let count = 0;
  for (let from = 0; count < max; count += 1) {
    const at = findCue(text.slice(from), cue);
    if (at === -1) break;
    from += at + cue.length;
  }
  return count;
}

/**
 * Sections whose words and figures are the decision's own. The options and
 * their pros and cons are left out: "$199/mo" there is often the price of an
 * option the record turned down.
 */
const FIGURE_SECTIONS: ReadonlySet<string> = new Set([
  'context',
  'drivers',
  'constraints',
  'decision',
  'rationale',
  'consequences',
  'positive-consequences',
  'negative-consequences',
  'trade-offs',
]);

/** The drafted triggers of `doc`: its categories, then the calendar. */
export function draftTriggers(doc: DecisionDoc, options: DraftOptions): DraftedTrigger[] {
  const own = decisionText(doc);
  const drafted = categoriesOf(own, options.categories).map((category) => draftCategory(category, own, options.categories));
  drafted.push(calendarTrigger(doc, options.today));
  return drafted;
}

/**
 * What the record says of its own decision, for the cues and the figures: its
 * title and the sections of FIGURE_SECTIONS (a record with none of them: all
 * its sections but the options, their pros and cons, and version tables).
 */
function decisionText(doc: DecisionDoc): string {
  const own = doc.sections.filter((s) => s.key !== null && FIGURE_SECTIONS.has(s.key));
  const sections = own.length > 0 ? own : doc.sections.filter((s) => s.key !== 'options' && s.key !== 'pros-cons' && !/\b(?:version|revision|change) history\b/i.test(s.heading));
  return [doc.title?.value ?? '', ...sections.map((s) => s.text)].join('\n');
}

function draftCategory(category: TriggerCategory, text: string, categories: readonly TriggerCategoryDef[]): DraftedTrigger {
  const def = categories.find((c) => c.id === category);
  const name = def?.name ?? category;
  const condition = conditionFromNumbers(category, text);
  if (condition) return { category, text: `${name}: ${condition.text}.`, placeholder: false, source: condition.source };
  const example = def?.examples[0]?.replace(/\.$/, '');
  return {
    category,
    text: `${name}: TODO: the ${name.toLowerCase()} condition that would reopen this decision${example ? `, e.g. "${example}"` : ''}.`,
    placeholder: true,
  };
}

/** A checkable condition from the record's own figures, or undefined when it gives none for the category. */
export function conditionFromNumbers(category: TriggerCategory, text: string): { text: string; source: string } | undefined {
  if (category === 'performance') {
    LATENCY_CUE.lastIndex = 0;
    for (let cue = LATENCY_CUE.exec(text); cue; cue = LATENCY_CUE.exec(text)) {
      const after = cue.index + cue[0].length;
      const m = LATENCY_FIGURE.exec(text.slice(after, after + FIGURE_WINDOW));
      if (!m) continue;
      const metric = cue[1]!.toLowerCase();
      const what = /^p\d/.test(metric) ? `${metric} latency` : metric.startsWith('response') ? 'response time' : 'latency';
      return { text: `${what} above ${m[1]} ${unitOf(m[2]!)} for a week`, source: text.slice(cue.index, after + m[0].length) };
    }
    return undefined;
  }
  if (category === 'scale') {
    const m = LOAD.exec(text);
    if (!m) return undefined;
    if (Number(m[1]!.replace(/,/g, '')) <= 0) return undefined;
    const amount = `${m[1]}${m[2] ? (m[2].length === 1 ? m[2].toLowerCase() : ` ${m[2].toLowerCase()}`) : ''}`;
    return { text: `sustained load above ${amount} ${m[3]!.toLowerCase()}/${periodOf(m[4]!)} for a week`, source: m[0] };
  }
  if (category === 'cost') {
    const m = SPEND.exec(text);
    if (!m) return undefined;
    if (Number(m[2]!.replace(/,/g, '')) <= 0) return undefined;
    return { text: `spend above ${m[1]}${m[2]}${m[3]?.toLowerCase() ?? ''} a ${/^y/i.test(m[4]!) ? 'year' : 'month'}`, source: m[0] };
  }
  if (category === 'team') {
    const m = HEADCOUNT.exec(text);
    if (!m) return undefined;
    const unit = m[2]!.toLowerCase();
    return { text: unit === 'teams' ? `more than ${m[1]} teams depend on it` : `the team grows past ${m[1]} ${unit}`, source: m[0] };
  }
  return undefined;
}

function unitOf(unit: string): string {
  return /^m/i.test(unit) ? 'ms' : 's';
}

function periodOf(period: string): string {
  const p = period.toLowerCase();
  if (p.startsWith('s')) return 's';
  if (p.startsWith('min')) return 'min';
  return p.startsWith('h') ? 'hour' : 'day';
}

/**
 * `Calendar: revisit by YYYY-MM-DD.`: the decision date plus 12 months (Type 1)
 * or 6, stepped by that period until it comes after today; from today when
 * the record has no decision date. The sentence holds the one date only, so
 * the parser reads it as the date trigger it is.
 */
export function calendarTrigger(doc: DecisionDoc, today: string): DraftedTrigger & { months: number; from?: string } {
  const months = doc.decisionType?.value === 'type-1' ? TYPE_1_MONTHS : TYPE_2_MONTHS;
  const decided = decisionDay(doc.date, today);
  let due = addMonths(decided ?? today, months);
  for (let n = 2; compareIso(due, today) <= 0; n += 1) due = addMonths(decided!, months * n);
  return { category: 'calendar', text: `Calendar: revisit by ${due}.`, placeholder: false, months, ...(decided ? { from: decided } : {}) };
}
