/**
 * The calendar part of a revisit trigger: a fixed date ("Revisit by
 * 2027-05-01", "by Q3 2027"), a duration from the decision date ("in 6
 * months", "evaluate after 30 days") or a period ("every 6 months",
 * "annually"), in English or in French MADR wording ("tous les 12 mois",
 * "d'ici le 1er mars 2027"). Domain.md section 6: these become reminders.
 */
import { DURATION_NUMBER, DURATION_UNIT, durationOf, parseDateText, toIso, type Duration } from './dates.js';

const YEAR = '(?:19|20|21)\\d{2}';
// "6 months", "six-month", "half a year": the number group is 1 (or 3 for "half a").
const DURATION = `(?:(half)\\s(?:a|an)\\s(year|month)|(${DURATION_NUMBER})(?:\\s{1,2}|-)(${DURATION_UNIT}))\\b`;

// A recurring period written with "every"/"each": "every 6 months", "every other year", "each quarter".
const EVERY = new RegExp(
  `\\b(?:every|each)\\s{1,2}(other\\s{1,2})?(?:(${DURATION_NUMBER})(?:\\s{1,2}|-))?(${DURATION_UNIT})\\b`,
  'i',
);
// "once a year", "twice per year", "three times a year".
const TIMES_PER = new RegExp(
  `\\b(once|twice|two times|three times|four times)\\s(?:a|per|each|every)\\s(${DURATION_UNIT})\\b`,
  'i',
);
// A periodic review named as such: "annual review", "quarterly re-evaluation".
const PERIODIC_REVIEW =
  /\b(annual|yearly|biennial|semi-?annual|bi-?annual|half-?yearly|quarterly|monthly|bi-?monthly)\s(?:review|revisit|check|checkpoint|re-?evaluation|reassessment|assessment|audit)s?\b/i;
// Bare frequency adverbs; "monthly spend" and "quarterly revenue" are metrics,
// so the caller only asks for these when the text has no numeric comparison.
const ADVERB =
  /\b(annually|yearly|biennially|semi-?annually|bi-?annually|half-?yearly|quarterly|monthly|bi-?monthly)\b/i;

// Months per period word. "Biannually" is read as twice a year, its common use
// in English business writing; "biennially" is every two years.
const PERIOD_WORDS: Record<string, number> = {
  annual: 12, annually: 12, yearly: 12, biennial: 24, biennially: 24,
  semiannual: 6, semiannually: 6, biannual: 6, biannually: 6, halfyearly: 6,
  quarterly: 3, monthly: 1, bimonthly: 2,
};

// French MADR triggers: "tous les 12 mois", "tous les ans", "chaque trimestre",
// "une fois par an", "revue annuelle", "annuellement".
const FR_NUMBER = '(?:\\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|dix-huit|vingt-quatre)';
const FR_UNIT = '(?:jours?|semaines?|mois|ans?|ann[ée]es?|trimestres?|semestres?)';
const FR_EVERY = new RegExp(
  `(?<![\\p{L}])(?:tou(?:te)?s\\s{1,2}les|chaque)\\s{1,2}(?:(${FR_NUMBER})\\s{1,2})?(${FR_UNIT})(?![\\p{L}])`,
  'iu',
);
const FR_TIMES_PER = new RegExp(`(?<![\\p{L}])(une|deux) fois par\\s{1,2}(${FR_UNIT})(?![\\p{L}])`, 'iu');
const FR_PERIODIC =
  /(?<![\p{L}])(?:(?:revue|révision|réévaluation|évaluation|point)\s(annuelle|semestrielle|trimestrielle|mensuelle)|(annuellement|semestriellement|trimestriellement|mensuellement))(?![\p{L}])/iu;

const FR_NUMBERS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12,
  'dix-huit': 18, 'vingt-quatre': 24,
};
const FR_PERIOD_WORDS: Record<string, number> = {
  annuelle: 12, annuellement: 12, semestrielle: 6, semestriellement: 6, trimestrielle: 3, trimestriellement: 3,
  mensuelle: 1, mensuellement: 1,
};

/** A French count and unit ("12 mois", "deux ans") as a duration; null when unreadable. */
function frenchDuration(numberText: string | undefined, unitText: string): Duration | null {
  const lower = (numberText ?? '1').toLowerCase();
  const n = FR_NUMBERS[lower] ?? Number(lower);
  if (!Number.isFinite(n) || n <= 0) return null;
  const unit = unitText.toLowerCase();
  if (unit === 'mois') return { months: n };
  if (unit.startsWith('an')) return { months: n * 12 };
  if (unit.startsWith('tri')) return { months: n * 3 };
  if (unit.startsWith('semes')) return { months: n * 6 };
  if (unit.startsWith('sem')) return { days: n * 7 };
  return { days: n };
}

function toMonths(d: Duration): number {
  return d.months ?? Math.max(1, Math.round((d.days ?? 0) / 30.44));
}

/** The recurrence period of a French trigger in months, or null. */
function findFrenchRecurrence(text: string, allowAdverbs: boolean): number | null {
  const every = FR_EVERY.exec(text);
  if (every) {
    const d = frenchDuration(every[1], every[2]!);
    if (d) return toMonths(d);
  }
  const timesPer = FR_TIMES_PER.exec(text);
  if (timesPer) {
    const per = frenchDuration('1', timesPer[2]!);
    if (per) return Math.max(1, Math.round(toMonths(per) / (timesPer[1]!.toLowerCase() === 'deux' ? 2 : 1)));
  }
  const periodic = FR_PERIODIC.exec(text);
  // "mensuellement" may describe a metric like "monthly" does; "revue annuelle" never does.
  if (periodic && (periodic[1] || allowAdverbs)) return FR_PERIOD_WORDS[(periodic[1] ?? periodic[2])!.toLowerCase()] ?? 12;
  return null;
}

/**
 * The recurrence period of a trigger in months, or null. `allowAdverbs` is
 * false when the text holds a numeric comparison, where "monthly" and
 * "quarterly" describe the metric ("monthly spend exceeds $50K").
 */
export function findRecurrence(text: string, allowAdverbs: boolean): number | null {
  const every = EVERY.exec(text);
  if (every) {
    const months = periodMonths(every[2] ?? '1', every[3]!);
    if (months !== null) return every[1] ? months * 2 : months;
  }
  const timesPer = TIMES_PER.exec(text);
  if (timesPer) {
    const per = periodMonths('1', timesPer[2]!);
    const times = { once: 1, twice: 2, 'two times': 2, 'three times': 3, 'four times': 4 }[
      timesPer[1]!.toLowerCase() as 'once'
    ];
    if (per !== null && times) return Math.max(1, Math.round(per / times));
  }
  const review = PERIODIC_REVIEW.exec(text);
  if (review) return periodWord(review[1]!);
  if (allowAdverbs) {
    const adverb = ADVERB.exec(text);
    if (adverb) return periodWord(adverb[1]!);
  }
  return findFrenchRecurrence(text, allowAdverbs);
}

/**
 * A period written as a front-matter value (`every: 6 months`, `every:
 * quarterly`, `every: every year`) in months, or null.
 */
export function parsePeriod(text: string): number | null {
  const recurrence = findRecurrence(text, true);
  if (recurrence !== null) return recurrence;
  const m = new RegExp(DURATION, 'i').exec(text);
  return m ? durationMonths(m) : null;
}

function periodWord(word: string): number {
  return PERIOD_WORDS[word.toLowerCase().replace(/-/g, '')] ?? 12;
}

/**
 * A period in whole months. Reminders more often than monthly are noise for a
 * decision record, so sub-month periods round up to one month.
 */
function periodMonths(numberText: string, unitText: string): number | null {
  const d = durationOf(numberText, unitText);
  if (!d) return null;
  if (d.months) return d.months;
  return Math.max(1, Math.round((d.days ?? 0) / 30.44));
}

function durationMonths(m: RegExpExecArray): number | null {
  const d = durationFromMatch(m);
  if (!d) return null;
  return d.months ?? Math.max(1, Math.round((d.days ?? 0) / 30.44));
}

function durationFromMatch(m: RegExpExecArray): Duration | null {
  if (m[1]) return /year/i.test(m[2]!) ? { months: 6 } : { days: 15 };
  return durationOf(m[3]!, m[4]!);
}

// A duration counted from the decision: "in 6 months", "after 30 days",
// "within a year", "6 months after adoption", "a 30-day trial", "at the
// 6-month mark". Not "for 3 weeks" or "three weeks running": those are the
// window of a metric threshold ("p99 over SLA for 3 weeks").
const DURATION_FORMS: RegExp[] = [
  new RegExp(
    `\\b(?:in|after|within|once)\\s{1,2}(?:(?:another|the next|the first|about|around|roughly|approximately|some)\\s{1,2})?${DURATION}`,
    'i',
  ),
  new RegExp(`(?<![\\w.,-])${DURATION}\\s{1,2}(?:after|from|post|following|since|into|later)\\b`, 'i'),
  new RegExp(`(?<![\\w.,-])${DURATION}\\s{1,2}(?:trial|pilot|time-?box|review|evaluation|experiment|check-?in|mark)\\b`, 'i'),
  new RegExp(`\\b(?:time-?box|trial|pilot|experiment)\\s{1,2}(?:of|for)\\s{1,2}(?:a\\s|an\\s)?${DURATION}`, 'i'),
  // The whole trigger is a duration ("6 months", "Review: 1 year").
  new RegExp(`^[\\W_]{0,4}(?:(?:revisit|review|re-?evaluate|reassess)\\w{0,3}:?\\s{1,2})?${DURATION}[\\W_]{0,4}$`, 'i'),
];

// French: "dans 6 mois", "d'ici 12 mois", "au bout d'un an", "après 30 jours".
const FR_DURATION = new RegExp(
  `(?<![\\p{L}])(?:dans|apr[èe]s|d['’]ici|sous|au bout d['’]|au bout de)\\s{0,2}(${FR_NUMBER})\\s{1,2}(${FR_UNIT})(?![\\p{L}])`,
  'iu',
);

/** A duration counted from the decision date, or null when the text has none. */
export function findDuration(text: string): Duration | null {
  for (const re of DURATION_FORMS) {
    const m = re.exec(text);
    if (m) return durationFromMatch(m);
  }
  const fr = FR_DURATION.exec(text);
  return fr ? frenchDuration(fr[1], fr[2]!) : null;
}

/** An explicit revisit date: `due` is absent when the date is ambiguous or not a real day. */
export interface TriggerDate {
  raw: string;
  due?: string;
  ambiguous: boolean;
}

const QUARTER = new RegExp(`\\bQ([1-4])\\s?(?:of\\s)?(${YEAR})\\b|\\b(${YEAR})\\s?-?Q([1-4])\\b`, 'i');
const HALF = new RegExp(`\\bH([12])\\s?(${YEAR})\\b`, 'i');
const END_OF_YEAR = new RegExp(`\\b(?:end of|year-end|eoy)\\s(${YEAR})\\b`, 'i');
const MID_YEAR = new RegExp(`\\bmid-?\\s?(${YEAR})\\b`, 'i');
// "by 2027", "in 2027": not "in 2000 ms" or "by 2048 TB".
const YEAR_ONLY = new RegExp(
  `\\b(?:by|before|until|in|during|early)\\s(${YEAR})\\b(?!\\s?(?:%|ms|s|sec|tb|gb|mb|pb|rps|qps|tps|k|m|b|x)\\b|[-/.,]\\d)`,
  'i',
);

const FR_MONTHS: Record<string, number> = {
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
};
const FR_MONTH = `(${Object.keys(FR_MONTHS).join('|')})`;
// "1er mars 2027", "15 juin 2027", "mars 2027" (from its first day).
const FR_DATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:(\\d{1,2})(?:er)?\\s{1,2})?${FR_MONTH}\\s{1,2}(${YEAR})(?!\\d)`, 'iu');
// "d'ici fin 2027", "fin 2027", "d'ici 2027", "avant 2027".
const FR_YEAR = new RegExp(`(?<![\\p{L}])(?:(fin)|d['’]ici|avant|courant|en)\\s{1,2}(?:d[ée]but\\s{1,2})?(${YEAR})(?![\\d%])`, 'iu');

function frenchTriggerDate(text: string): TriggerDate | null {
  const date = FR_DATE.exec(text);
  if (date) {
    const month = FR_MONTHS[date[2]!.toLowerCase()]!;
    const year = +date[3]!;
    if (!date[1]) return { raw: date[0], ambiguous: false, due: toIso(year, month, 1)! };
    const due = toIso(year, month, +date[1]);
    return { raw: date[0], ambiguous: false, ...(due ? { due } : {}) };
  }
  const year = FR_YEAR.exec(text);
  if (year) return { raw: year[0], ambiguous: false, due: year[1] ? `${year[2]}-12-31` : `${year[2]}-01-01` };
  return null;
}

/**
 * The revisit date written in a trigger: a full date, or a month, quarter,
 * half or year, which count from their first day (a reminder at the start of
 * "Q3 2027" is the conservative reading), except "end of 2027".
 */
export function findTriggerDate(text: string): TriggerDate | null {
  const date = parseDateText(text);
  if (date) {
    const due = date.iso ?? (date.month ? `${date.month}-01` : undefined);
    return { raw: date.raw, ambiguous: date.ambiguous, ...(due ? { due } : {}) };
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const q = +(quarter[1] ?? quarter[4])!;
    const year = +(quarter[2] ?? quarter[3])!;
    return { raw: quarter[0], ambiguous: false, due: toIso(year, (q - 1) * 3 + 1, 1)! };
  }
  const half = HALF.exec(text);
  if (half) return { raw: half[0], ambiguous: false, due: toIso(+half[2]!, half[1] === '1' ? 1 : 7, 1)! };
  const end = END_OF_YEAR.exec(text);
  if (end) return { raw: end[0], ambiguous: false, due: `${end[1]}-12-31` };
  const mid = MID_YEAR.exec(text);
  if (mid) return { raw: mid[0], ambiguous: false, due: `${mid[1]}-07-01` };
  const year = YEAR_ONLY.exec(text);
  if (year) return { raw: year[0], ambiguous: false, due: `${year[1]}-01-01` };
  return frenchTriggerDate(text);
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
// Year first, as a revisit date is best written: the only form whose parts the advice can name.
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/**
 * Why a written revisit date is no calendar day, and what to write instead:
 * `2027-02-30` → February 2027 has 28 days, such as 2027-02-28.
 */
export function impossibleDateAdvice(raw: string): string {
  const m = YEAR_FIRST.exec(raw.trim());
  const fix = 'write a day that exists, as YYYY-MM-DD';
  if (!m) return `\`${raw}\` is not a day of the calendar, so no reminder can fall on it: ${fix}`;
  const [year, month, day] = [+m[1]!, +m[2]!, +m[3]!];
  if (month < 1 || month > 12) return `\`${raw}\` does not exist (there is no month ${month}): ${fix}, with the month from 01 to 12`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const suggestion = toIso(year, month, Math.min(Math.max(day, 1), last))!;
  return `\`${raw}\` does not exist (${MONTH_NAMES[month - 1]} ${year} has ${last} days): ${fix}, such as ${suggestion}`;
}
