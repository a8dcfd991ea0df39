/**
 * Revisit triggers (domain.md section 6): the conditions under which a decision
 * is reopened. Reads them from a revisit section's items, from revisit
 * sentences elsewhere in the text, and from front matter, and classifies each
 * as a date, a duration from the decision date, a recurring period, a
 * checkable threshold or event, or a vague wish ("revisit later").
 *
 * Pure: the decision date and "today" are parameters. Scanning is linear: the
 * text examined per trigger is capped, and every regex is bounded.
 */
import type { TriggerCategoryDef } from './parse-vocabulary.js';
import { addDuration, addMonths, compareIso, parseDateText } from './dates.js';
import type { Place, RevisitTrigger, TriggerCategory, TriggerKind } from './model.js';
import { startsWithPlaceholder } from './placeholders.js';
import { findDuration, findRecurrence, findTriggerDate, parsePeriod, type TriggerDate } from './trigger-calendar.js';
import { categoryFromCues, findCue, normalizeForCues } from './trigger-category.js';
import type { Locate } from './trigger-place.js';
import { clauses } from './trigger-split.js';
import { findConcrete, findNamedEvent, hasComparison } from './trigger-thresholds.js';

/** What trigger parsing needs from the document and the checklists. */
export interface TriggerContext {
  /** ISO decision date, from which durations and periods count. */
  decisionDate?: string;
  /** Categories and their cues (checklists/revisit-triggers.yml). */
  categories: TriggerCategoryDef[];
  /** Phrases that make a trigger vague ("when we grow"), lower-case. */
  vaguePhrases: string[];
  /** Finds a phrase of a trigger in the source, so places point at it; without it they point at the trigger's start. */
  locate?: Locate;
}

// A trigger is one sentence or list item; past this length it is prose that
// happens to sit in the section, and scanning further only costs time.
const TRIGGER_SCAN_LIMIT = 1000;
// An inline revisit sentence longer than this is read in windows of this size.
const SENTENCE_LIMIT = 500;

const CALENDAR_KINDS: ReadonlySet<TriggerKind> = new Set(['date', 'duration', 'recurring']);

/** True for a trigger that falls due on a day: a date, a duration from the decision, or a period. */
export function isDatedKind(trigger: Pick<RevisitTrigger, 'kind'>): boolean {
  return CALENDAR_KINDS.has(trigger.kind);
}

interface Classified {
  kind: TriggerKind;
  due?: string;
  everyMonths?: number;
  vaguePhrase?: string;
  /** A written date that is no calendar day (`2027-02-30`), as written. */
  impossible?: string;
  /** Category implied by what made the trigger concrete, used when no cue matched. */
  implied?: TriggerCategory;
}

/**
 * Classifies a trigger's text. The calendar parts come first because they
 * become reminders: "in 12 months or if traffic > 10× baseline" is a duration
 * (its category, scale, still comes from the cues). Recurrence comes before a
 * fixed date so "every year, starting 2027-01-01" keeps its period.
 *
 * Without a concrete part, a trigger is vague when it holds a known vague
 * phrase ("when we grow"), which becomes its `vaguePhrase`; otherwise a
 * checkable event in looser words ("a managed session service appears", "if
 * Redis can no longer keep up") is still a threshold, unless `namedEvents` is
 * false; what is left is vague with no phrase: the parser cannot read it, and
 * it may be concrete in words it does not know.
 */
function classify(scan: string, ctx: TriggerContext, namedEvents = true): Classified {
  const comparison = hasComparison(scan);
  const everyMonths = findRecurrence(scan, !comparison);
  if (everyMonths !== null) {
    const written = findTriggerDate(scan);
    const start = written?.due;
    const due = start ?? (ctx.decisionDate ? addMonths(ctx.decisionDate, everyMonths) : undefined);
    return { kind: 'recurring', everyMonths, ...(due ? { due } : {}), ...impossibleDate(written) };
  }
  const date = findTriggerDate(scan);
  if (date) return { kind: 'date', ...(date.due ? { due: date.due } : {}), ...impossibleDate(date) };
  const duration = findDuration(scan);
  if (duration) {
    return { kind: 'duration', ...(ctx.decisionDate ? { due: addDuration(ctx.decisionDate, duration) } : {}) };
  }
  const concrete = findConcrete(scan);
  if (concrete) return { kind: 'threshold', ...(concrete.category ? { implied: concrete.category } : {}) };
  const vaguePhrase = findVaguePhrase(scan, ctx.vaguePhrases);
  if (vaguePhrase) return { kind: 'vague', vaguePhrase };
  const event = namedEvents ? findNamedEvent(scan) : null;
  if (event) return { kind: 'threshold', ...(event.category ? { implied: event.category } : {}) };
  return { kind: 'vague' };
}

/** A written date with no day behind it and no second reading: `2027-02-30`, `2026-13-45`. */
function impossibleDate(date: TriggerDate | null): { impossible?: string } {
  return date && date.due === undefined && !date.ambiguous ? { impossible: date.raw } : {};
}

/** The earliest (then longest) known vague phrase in the text, or undefined when none of them is there. */
function findVaguePhrase(scan: string, phrases: readonly string[]): string | undefined {
  const normalized = normalizeForCues(scan);
  let best: { at: number; phrase: string } | undefined;
  for (const raw of phrases) {
    const phrase = normalizeForCues(raw).trim();
    const at = findCue(normalized, phrase);
    if (at === -1) continue;
    if (!best || at < best.at || (at === best.at && phrase.length > best.phrase.length)) best = { at, phrase };
  }
  return best?.phrase;
}

/** A trigger written under its category's name (`Scale: …`, `**Cost** — …`), as the ADR template offers them. */
const CATEGORY_LABEL =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(scale|team|cost|compliance|performance|technology|calendar|organi[sz]ational)(?:\*\*|__)?\s*(?::|—|–|-\s)/i;

/**
 * The category: a category label the author wrote wins; then the best non-calendar cue match, then what the concrete
 * part implies (a named standard is compliance even if the cues miss it),
 * then calendar for calendar triggers or calendar cues, else null.
 */
function categorize(scan: string, classified: Classified, ctx: TriggerContext): TriggerCategory | null {
  const labelled = CATEGORY_LABEL.exec(scan)?.[1]?.toLowerCase();
  if (labelled) return labelled.startsWith('organi') ? 'organizational' : (labelled as TriggerCategory);
  const fromCues = categoryFromCues(scan, ctx.categories);
  if (fromCues && fromCues !== 'calendar') return fromCues;
  if (classified.implied) return classified.implied;
  if (fromCues === 'calendar' || CALENDAR_KINDS.has(classified.kind)) return 'calendar';
  return null;
}

function build(
  text: string,
  place: Place,
  source: RevisitTrigger['source'],
  ctx: TriggerContext,
): RevisitTrigger {
  const scan = text.slice(0, TRIGGER_SCAN_LIMIT);
  const classified = classify(scan, ctx);
  const trigger: RevisitTrigger = {
    line: place.line,
    column: place.column,
    category: categorize(scan, classified, ctx),
    text,
    kind: classified.kind,
    source,
  };
  if (classified.due !== undefined) trigger.due = classified.due;
  if (classified.everyMonths !== undefined) trigger.everyMonths = classified.everyMonths;
  if (classified.vaguePhrase !== undefined) {
    trigger.vaguePhrase = classified.vaguePhrase;
    const at = ctx.locate?.(place, classified.vaguePhrase);
    if (at) trigger.vagueAt = at;
  }
  if (classified.impossible !== undefined) {
    trigger.impossibleDate = { value: classified.impossible, ...(ctx.locate?.(place, classified.impossible) ?? place) };
  }
  return trigger;
}

/**
 * Builds the triggers of one collapsed item or sentence: one per condition
 * when it holds two joined by a clause boundary ("> 2,000 writes/s, or after
 * 12 months"), each placed where its own text starts.
 */
function buildAll(text: string, place: Place, source: RevisitTrigger['source'], ctx: TriggerContext): RevisitTrigger[] {
  const parts = conditions(text, ctx);
  if (parts.length === 1) return [build(text, place, source, ctx)];
  const out: RevisitTrigger[] = [];
  let from = place;
  for (const [i, part] of parts.entries()) {
    // Past the previous part's start, so a repeated word is found in its own clause.
    const at = i === 0 ? place : (ctx.locate?.({ line: from.line, column: from.column + 1 }, part) ?? from);
    out.push(build(part, at, source, ctx));
    from = at;
  }
  return out;
}

/** True when a clause reads as a condition of its own: a date, duration, period or threshold (not a loose event or wish). */
function isCondition(text: string, ctx: TriggerContext): boolean {
  return classify(text.slice(0, TRIGGER_SCAN_LIMIT), ctx, false).kind !== 'vague';
}

/** The conditions of a text: its clauses, each kept apart only when it and the one before are both conditions. */
function conditions(text: string, ctx: TriggerContext): string[] {
  const parts = clauses(text);
  if (parts.length === 1) return [text];
  const out: string[] = [];
  for (const part of parts) {
    const last = out.length - 1;
    if (last >= 0 && !(isCondition(out[last]!, ctx) && isCondition(part.text, ctx))) out[last] = out[last]! + part.boundary + part.text;
    else out.push(part.text);
  }
  // A clause ends at its boundary's comma: "…sustained," reads "…sustained".
  return out.map((t) => t.replace(/[,;]$/, '').trim());
}

/** Parses one list item or sentence of a revisit-triggers section into a classified trigger. */
export function parseTrigger(
  text: string,
  place: Place,
  source: RevisitTrigger['source'],
  ctx: TriggerContext,
): RevisitTrigger {
  return build(collapse(text), place, source, ctx);
}

/** Parses one list item or sentence into its triggers: two conditions joined by ", or" give two triggers. */
export function parseTriggers(
  text: string,
  place: Place,
  source: RevisitTrigger['source'],
  ctx: TriggerContext,
): RevisitTrigger[] {
  return buildAll(collapse(text), place, source, ctx);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Wording that makes a sentence about revisiting the decision. Past tense
// ("we revisited") is history, not a trigger; "revisit triggers" names a section.
// The passive "will be revisited" and "is reconsidered every year" look ahead;
// "was" and "has been" do not, so they are not listed.
const STRONG_REVISIT =
  /\b(?:revisit(?:s|ing)?|re-visit(?:s|ing)?|re-?evaluat(?:e|es|ing|ion)|re-?assess(?:es|ing|ment)?|reconsider(?:s|ing|ation)?|re-?examin(?:e|es|ing|ation)|review date|revisit date|review-by|revisit-by)\b(?!\s(?:triggers?|conditions?|criteria|section|checklist)\b)|\b(?:be|being|is|are|gets?)\s(?:revisited|re-?evaluated|reassessed|reconsidered|re-?examined)\b/i;
// "Review" and "evaluate" also describe code review and one-off evaluations, so
// they only count with a calendar part, or a condition introduced by if/when.
const WEAK_REVISIT =
  /(?<!\b(?:code|peer|pr|pull request|security|design)\s)\b(?:review(?:s|ing)?|evaluat(?:e|es|ing|ion)|check (?:again|back))\b|\b(?:be|being|is|are|gets?)\s(?:reviewed|evaluated)\b/i;
const CONDITIONAL = /\b(?:if|when|whenever|once|should|unless)\b/i;

/**
 * Words without which neither STRONG_REVISIT nor WEAK_REVISIT can match: each
 * of their alternatives contains one of these, with no whitespace inside, so
 * it survives `collapse` unchanged. Most paragraphs hold none of them and are
 * skipped before the sentence splitting.
 */
const REVISIT_WORD = /revisit|re-visit|evaluat|assess|reconsider|examin|review|check/i;

/** False when `findInlineTriggers` would surely find nothing in the text: a cheap test to run first. */
export function mayHoldInlineTrigger(text: string): boolean {
  return REVISIT_WORD.test(text);
}

/** Sentences of a paragraph as [start, end) offsets; bounded look-back keeps it linear. */
function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const blankLine = ch === '\n' && text[i + 1] === '\n';
    const stop = (ch === '.' || ch === '!' || ch === '?') && (i + 1 === text.length || /\s/.test(text[i + 1]!));
    if (blankLine || (stop && !isAbbreviation(text, i))) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

// Words that end in a dot without ending a sentence. Not "ms", "no" or "min":
// "p99 > 500 ms." ends a sentence far more often than "Ms." starts a name.
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'vs', 'cf', 'approx', 'fig', 'mr', 'mrs', 'dr', 'incl', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** True when the dot at `dot` ends an abbreviation ("e.g.", "Sept.") rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  let from = dot;
  // At most 8 characters back: abbreviations are short, and a bound keeps the scan linear.
  while (from > 0 && dot - from < 8 && !/\s/.test(text[from - 1]!)) from--;
  const word = text.slice(from, dot).replace(/^[("'[]+/, '').toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/** Windows of at most SENTENCE_LIMIT characters, cut at whitespace where possible. */
function windows(start: number, end: number, text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  while (end - from > SENTENCE_LIMIT) {
    let cut = text.lastIndexOf(' ', from + SENTENCE_LIMIT);
    if (cut <= from + SENTENCE_LIMIT / 2) cut = from + SENTENCE_LIMIT;
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, end]);
  return out;
}

/** Finds revisit sentences in a paragraph's plain text outside a revisit section ("We will revisit this in 6 months"). */
export function findInlineTriggers(text: string, place: Place, ctx: TriggerContext): RevisitTrigger[] {
  const found: RevisitTrigger[] = [];
  if (!REVISIT_WORD.test(text)) return found;
  // Line bookkeeping advances monotonically with the spans, so it is linear too.
  let line = place.line;
  let lineStart = -1; // offset of the last newline seen; -1 = still on the first line
  let scanned = 0;
  for (const [sStart, sEnd] of sentenceSpans(text)) {
    for (const [wStart, wEnd] of windows(sStart, sEnd, text)) {
      const raw = text.slice(wStart, wEnd);
      if (!REVISIT_WORD.test(raw)) continue;
      const lead = raw.length - raw.trimStart().length;
      const sentence = collapse(raw);
      if (sentence === '' || !isRevisitSentence(sentence, ctx)) continue;
      const at = wStart + lead;
      for (; scanned < at; scanned++) {
        if (text[scanned] === '\n') {
          line++;
          lineStart = scanned;
        }
      }
      const column = lineStart === -1 ? place.column + at : at - lineStart;
      for (const trigger of buildAll(sentence, { line, column }, 'inline', ctx)) {
        // Prose that mentions revisiting in passing ("so that we revisit decisions
        // when their assumptions stop holding") is no trigger; a checkable
        // condition is, and so is a known vague promise ("we'll revisit later").
        if (trigger.kind !== 'vague' || trigger.vaguePhrase !== undefined) found.push(trigger);
      }
    }
  }
  return found;
}

function isRevisitSentence(sentence: string, ctx: TriggerContext): boolean {
  if (STRONG_REVISIT.test(sentence)) return true;
  if (!WEAK_REVISIT.test(sentence)) return false;
  // A sentence that only names a product ("We will evaluate Kafka when…") is not a revisit condition.
  // Without if/when only a calendar kind counts, and `classify` decides those first: skip the rest.
  if (!CONDITIONAL.test(sentence)) return isCalendar(sentence);
  const kind = classify(sentence, ctx, false).kind;
  return CALENDAR_KINDS.has(kind) || kind === 'threshold';
}

/** True when `classify` would find a recurring, date or duration kind: its first three steps. */
function isCalendar(scan: string): boolean {
  const comparison = hasComparison(scan);
  if (findRecurrence(scan, !comparison) !== null) return true;
  return findTriggerDate(scan) !== null || findDuration(scan) !== null;
}

// Front-matter keys that carry revisit triggers; the spellings seen in MADR-style headers.
const FRONT_MATTER_KEYS = [
  'revisit',
  'revisit-by',
  'review-by',
  'revisit_by',
  'review_by',
  'revisitBy',
  'reviewBy',
  'revisit-date',
  'review-date',
  'revisit-triggers',
];

/**
 * Triggers from front matter (`revisit:`, `review-by:`, `revisit-by:`): a date
 * (string or YAML Date), a condition, or a list of those or of objects
 * `{ when: '<query> > 0.5', every: '6 months', by: 2027-05-01 }`. One trigger
 * per object key: `when` is a threshold that keeps its `query`, `every` is
 * recurring, `by` is a date.
 */
export function triggersFromFrontMatter(
  fm: Record<string, unknown>,
  line: number,
  ctx: TriggerContext,
): RevisitTrigger[] {
  const place: Place = { line, column: 1 };
  const out: RevisitTrigger[] = [];
  for (const key of FRONT_MATTER_KEYS) {
    if (key in fm) collect(fm[key], place, ctx, out, 0);
  }
  return out;
}

function collect(value: unknown, place: Place, ctx: TriggerContext, out: RevisitTrigger[], depth: number): void {
  // Lists of lists are not a format anyone writes; the bound stops self-referencing YAML anchors.
  if (depth > 2 || value === null || value === undefined || typeof value === 'boolean') return;
  if (value instanceof Date) {
    const trigger = dateTrigger(value, place, ctx);
    if (trigger) out.push(trigger);
    return;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    const text = collapse(String(value));
    // `revisit: TODO` is a template leftover, not a trigger.
    if (text !== '' && !startsWithPlaceholder(text)) out.push(...buildAll(text, place, 'front-matter', ctx));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, place, ctx, out, depth + 1);
    return;
  }
  if (typeof value === 'object') collectObject(value as Record<string, unknown>, place, ctx, out, depth);
}

function collectObject(
  obj: Record<string, unknown>,
  place: Place,
  ctx: TriggerContext,
  out: RevisitTrigger[],
  depth: number,
): void {
  if (typeof obj.when === 'string' && obj.when.trim() !== '') {
    const query = obj.when.trim();
    const scan = query.slice(0, TRIGGER_SCAN_LIMIT);
    // A query is a monitor's condition: checkable by definition, whatever its syntax.
    out.push({
      ...place,
      category: categorize(scan, { kind: 'threshold', ...implied(scan) }, ctx),
      text: query,
      kind: 'threshold',
      query,
      source: 'front-matter',
    });
  }
  for (const key of ['if', 'condition', 'text']) {
    if (typeof obj[key] === 'string') collect(obj[key], place, ctx, out, depth + 1);
  }
  if (typeof obj.every === 'string' || typeof obj.every === 'number') {
    const text = String(obj.every).trim();
    // A bare number is a count of months, as in `every: 6`.
    const months = typeof obj.every === 'number' ? obj.every : parsePeriod(text);
    if (months !== null && months > 0) out.push(recurringTrigger(text, Math.round(months), place, ctx));
    else if (text !== '') out.push(build(text, place, 'front-matter', ctx));
  }
  if (obj.by !== undefined) collect(obj.by, place, ctx, out, depth + 1);
}

function implied(scan: string): { implied?: TriggerCategory } {
  const category = findConcrete(scan)?.category;
  return category ? { implied: category } : {};
}

function recurringTrigger(text: string, everyMonths: number, place: Place, ctx: TriggerContext): RevisitTrigger {
  const trigger: RevisitTrigger = {
    ...place,
    category: categorize(text, { kind: 'recurring' }, ctx),
    text: /^every\b/i.test(text) ? text : `every ${text}`,
    kind: 'recurring',
    everyMonths,
    source: 'front-matter',
  };
  if (ctx.decisionDate) trigger.due = addMonths(ctx.decisionDate, everyMonths);
  return trigger;
}

function dateTrigger(value: Date, place: Place, ctx: TriggerContext): RevisitTrigger | undefined {
  if (Number.isNaN(value.getTime())) return undefined;
  // YAML reads `2027-05-01` as UTC midnight; the UTC date is the one written.
  const iso = value.toISOString().slice(0, 10);
  return build(iso, place, 'front-matter', ctx);
}

/**
 * The next due date: for a recurring trigger the first occurrence strictly
 * after `after` (for example the last reminder), counted from a start date
 * written in the trigger, else from the decision date; for date and duration
 * triggers their `due`.
 */
export function nextDue(trigger: RevisitTrigger, decisionDate: string | undefined, after: string): string | undefined {
  if (trigger.kind === 'recurring' && trigger.everyMonths && trigger.everyMonths > 0) {
    const written = parseDateText(trigger.text)?.iso;
    // Occurrences are anchor + k × period, each computed from the anchor so
    // month-end clamping does not drift (Jan 31, Feb 28, Mar 31, not Mar 28).
    const anchor = written ?? decisionDate ?? trigger.due;
    if (!anchor) return undefined;
    const firstK = written || !decisionDate ? 0 : 1;
    return firstOccurrenceAfter(anchor, trigger.everyMonths, firstK, after);
  }
  if (trigger.kind === 'duration' && trigger.due === undefined && decisionDate) {
    // Parsed before the decision date was known: count from it now.
    const duration = findDuration(trigger.text.slice(0, TRIGGER_SCAN_LIMIT));
    return duration ? addDuration(decisionDate, duration) : undefined;
  }
  return trigger.due;
}

function firstOccurrenceAfter(anchor: string, period: number, firstK: number, after: string): string {
  const monthsBetween = monthIndex(after) - monthIndex(anchor);
  // Jump close to the answer, then step: at most a few iterations whatever the gap.
  let k = Math.max(firstK, Math.floor(monthsBetween / period) - 1);
  let candidate = addMonths(anchor, k * period);
  while (compareIso(candidate, after) <= 0) {
    k++;
    candidate = addMonths(anchor, k * period);
  }
  return candidate;
}

function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** True when the trigger has a due date on or before `today`. */
export function isDue(trigger: RevisitTrigger, today: string): boolean {
  return trigger.due !== undefined && compareIso(trigger.due, today) <= 0;
}
