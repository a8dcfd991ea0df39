/**
 * Dates as real decision records write them (domain.md section 8): ISO dates,
 * "September 2, 2015", "March 16th, 2021", `17-Apr-2023`, the ambiguous
 * `04/09/2020` and `27/06/24`, and dates carried only by a file or folder name. Also the small
 * calendar arithmetic the revisit triggers need. Pure: no clock in here, the
 * caller passes "today" where it matters.
 *
 * Every regex below is bounded (fixed-width or `{m,n}` repetitions on disjoint
 * classes), so scanning is linear in the text size.
 */

/** A date found in text. */
export interface DateText {
  /** ISO `YYYY-MM-DD`; absent when ambiguous, month-only or not a real calendar date. */
  iso?: string;
  /** True for `04/09/2020`-style dates that read differently in the US and elsewhere. */
  ambiguous: boolean;
  /**
   * The calendar days an ambiguous date can mean, day first before month
   * first: `04/09/2020` gives 2020-09-04 and 2020-04-09, `27/06/24` also
   * 2027-06-24 (year first). Absent when the date is not ambiguous.
   */
  readings?: string[];
  /** The matched substring, as written. */
  raw: string;
  /**
   * `YYYY-MM` for month-only dates (`2023-05`, `May 2023`). A month is not a
   * day, so `iso` stays absent, but a revisit trigger can still use it.
   */
  month?: string;
}

/** A span of time: months and days kept apart because months have no fixed length. */
export interface Duration {
  months?: number;
  days?: number;
}

// Years a decision record can plausibly carry; a wider range turns version
// numbers and ids (`1234-05-06`) into dates.
const YEAR = '(?:19|20|21)\\d{2}';

// `\b` after the name rejects "Marketing" and "Decode"; the optional dot takes "Sept.".
const MONTH =
  '\\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';

const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

interface Candidate extends DateText {
  index: number;
}

type Reader = (m: RegExpExecArray) => DateText | null;

/** One date form: a global regex and how to read a match (null = not a date after all). */
interface DateForm {
  re: RegExp;
  read: Reader;
}

const FORMS: DateForm[] = [
  // 2026-05-10, 2026/05/10, 2026.05.10 (year first is never read day-before-month).
  {
    re: new RegExp(`(?<![\\d/.-])(${YEAR})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)`, 'g'),
    read: (m) => exact(m[0], +m[1]!, +m[3]!, +m[4]!),
  },
  // 04/09/2020, 13/09/2020, 09/13/2020, 17-04-2023: day or month first.
  {
    re: new RegExp(`(?<![\\d/.-])(\\d{1,2})([-/.])(\\d{1,2})\\2(${YEAR})(?!\\d)`, 'g'),
    read: (m) => dayMonthOrMonthDay(m[0], +m[1]!, +m[3]!, +m[4]!),
  },
  // 27/06/24: a two-digit year leaves the order open (2024-06-27 or 2027-06-24), so never read.
  // Slashes only: `1.10.12` and `2-3-24` are versions and ranges far more often than dates.
  {
    re: /(?<![\w/.-])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\w/.-])/g,
    read: (m) => {
      const readings = twoDigitYearReadings(+m[1]!, +m[2]!, +m[3]!);
      return readings.length > 0 ? { raw: m[0], ambiguous: true, readings } : null;
    },
  },
  // September 2, 2015 · Sept. 2, 2015 · March 16th, 2021 · Sep 2 2015
  {
    re: new RegExp(`${MONTH}\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?\\b,?\\s{1,3}(${YEAR})(?!\\d)`, 'gi'),
    read: (m) => named(m[0], m[1]!, +m[3]!, +m[2]!),
  },
  // 2 September 2015 · 17 Apr 2023 · 17-Apr-2023 · 1st of May, 2027
  {
    re: new RegExp(
      `(?<![\\d.])\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s{1,3}of)?[\\s-]{1,3}${MONTH},?[\\s-]{1,3}(${YEAR})(?!\\d)`,
      'gi',
    ),
    read: (m) => named(m[0], m[2]!, +m[3]!, +m[1]!),
  },
  // Month only: May 2023, September 2015.
  {
    re: new RegExp(`${MONTH},?\\s{1,3}(${YEAR})(?!\\d)`, 'gi'),
    read: (m) => monthOnly(m[0], m[1]!, +m[2]!),
  },
  // Month only: 2023-05. Months 13+ are ranges or ids (`2020-21`), not dates.
  {
    re: new RegExp(`(?<![\\d/.-])(${YEAR})-(0[1-9]|1[0-2])(?![\\d]|[-/.]\\d)`, 'g'),
    read: (m) => ({ raw: m[0], ambiguous: false, month: `${m[1]}-${m[2]}` }),
  },
];

/** Finds the first date in a text; `iso` only when it is an unambiguous, real calendar day. */
export function parseDateText(text: string): DateText | null {
  let best: Candidate | null = null;
  for (const form of FORMS) {
    const found = firstMatch(form, text);
    if (!found) continue;
    // Earliest wins; at the same place the longer reading wins ("2 September
    // 2015" over its tail "September 2015").
    if (!best || found.index < best.index || (found.index === best.index && found.raw.length > best.raw.length)) {
      best = found;
    }
  }
  if (!best) return null;
  const { index: _index, ...date } = best;
  return date;
}

function firstMatch(form: DateForm, text: string): Candidate | null {
  form.re.lastIndex = 0;
  for (let m = form.re.exec(text); m; m = form.re.exec(text)) {
    const date = form.read(m);
    if (date) return { ...date, index: m.index };
  }
  return null;
}

/** A date written with a known field order; out-of-calendar days stay a date, without iso. */
function exact(raw: string, year: number, month: number, day: number): DateText {
  const iso = toIso(year, month, day);
  return iso ? { raw, iso, ambiguous: false } : { raw, ambiguous: false };
}

/**
 * `a/b/yyyy`: when both parts could be a month the reading depends on the
 * writer's country, so we don't guess; when one part is over 12 the order is
 * clear; when both parts are equal the order does not matter.
 */
function dayMonthOrMonthDay(raw: string, a: number, b: number, year: number): DateText | null {
  if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
  if (a > 12) return exact(raw, year, b, a);
  if (b > 12) return exact(raw, year, a, b);
  if (a === b) return exact(raw, year, a, a);
  // Both parts are 12 or less, so both readings are real days.
  return { raw, ambiguous: true, readings: [toIso(year, b, a)!, toIso(year, a, b)!] };
}

/** Which part of a numeric date a writer puts first: the day (`16-08-2018`) or the month (`09/13/2020`). */
export type DateOrder = 'day-first' | 'month-first';

// A numeric date with a four-digit year last. The first part may carry one
// leading zero too many (`016-08-2018`, a slip real change logs make): its
// value still shows which part is the day.
const ORDER_EVIDENCE = new RegExp(`(?<![\\d/.-])(0\\d{2}|\\d{1,2})([-/.])(\\d{1,2})\\2(${YEAR})(?!\\d)`, 'g');

/**
 * The order a record's unambiguous numeric dates show, per separator: a date
 * whose first part is over 12 (`16-08-2018`) is day-first, one whose second
 * part is (`09/13/2020`) month-first. A separator with dates of both orders,
 * or with none that tells, has no entry: nothing is settled there.
 */
export function numericDateOrders(lines: Iterable<string>): Map<string, DateOrder> {
  const seen = new Map<string, Set<DateOrder>>();
  for (const line of lines) {
    // Most lines hold no date: skip the scan unless a digit pair and a separator are there.
    if (!/\d[-/.]\d/.test(line)) continue;
    ORDER_EVIDENCE.lastIndex = 0;
    for (let m = ORDER_EVIDENCE.exec(line); m; m = ORDER_EVIDENCE.exec(line)) {
      const first = Number(m[1]);
      const second = Number(m[3]);
      const year = Number(m[4]);
      let order: DateOrder | undefined;
      if (first > 12 && toIso(year, second, first)) order = 'day-first';
      else if (second > 12 && toIso(year, first, second)) order = 'month-first';
      if (!order) continue;
      const orders = seen.get(m[2]!) ?? new Set<DateOrder>();
      orders.add(order);
      seen.set(m[2]!, orders);
    }
  }
  const settled = new Map<string, DateOrder>();
  for (const [separator, orders] of seen) {
    if (orders.size === 1) settled.set(separator, [...orders][0]!);
  }
  return settled;
}

// `04-09-2018` (a four-digit year last) and `12/09/25` (a two-digit year, slashes only), not global.
const NUMERIC_FULL = new RegExp(`(?<![\\d/.-])(\\d{1,2})([-/.])(\\d{1,2})\\2(${YEAR})(?!\\d)`);
const NUMERIC_SHORT = /(?<![\w/.-])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\w/.-])/;

/**
 * The ISO day an ambiguous numeric date (`04-09-2018`, `12/09/25`) means when
 * the record's other dates settle the order for its separator; undefined when
 * they do not. A two-digit year is settled only by a slash date with a
 * four-digit year last, which also rules out reading it year first.
 */
export function settledReading(raw: string, orders: ReadonlyMap<string, DateOrder>): string | undefined {
  const full = NUMERIC_FULL.exec(raw);
  const short = full ? null : NUMERIC_SHORT.exec(raw);
  const m = full ?? short;
  if (!m) return undefined;
  const separator = full ? full[2]! : '/';
  const [a, b] = full ? [Number(full[1]), Number(full[3])] : [Number(m[1]), Number(m[2])];
  const year = full ? Number(full[4]) : 2000 + Number(short![3]);
  const order = orders.get(separator);
  if (order === 'day-first') return toIso(year, b, a);
  if (order === 'month-first') return toIso(year, a, b);
  return undefined;
}

/** True when the text holds a slash date with a two-digit year (`27/06/24`), whose year is open too. */
export function hasTwoDigitYear(raw: string): boolean {
  return NUMERIC_SHORT.test(raw);
}

/**
 * The day a decision was taken, as a reader on `today` can tell: the date's
 * own ISO value, else the one reading of an ambiguous date that is not after
 * `today` (`27/06/24` read in 2026 can only be 2024-06-27: 2027-06-24 has not
 * come yet). A decision record dates what was decided, so a reading in the
 * future is the wrong one. Undefined when no date, or two readings are still
 * open.
 */
export function decisionDay(date: { iso?: string; readings?: readonly string[] } | undefined, today: string): string | undefined {
  if (!date) return undefined;
  if (date.iso) return date.iso;
  const past = (date.readings ?? []).filter((r) => r <= today);
  return past.length === 1 ? past[0] : undefined;
}

/**
 * The calendar days `a/b/yy` can mean: day first, month first, or year first
 * (`yy/mm/dd`), each with the year in this century; duplicates removed.
 */
export function twoDigitYearReadings(a: number, b: number, c: number): string[] {
  const readings = [toIso(2000 + c, b, a), toIso(2000 + c, a, b), toIso(2000 + a, b, c)];
  return [...new Set(readings.filter((r): r is string => r !== undefined))];
}

function named(raw: string, monthName: string, year: number, day: number): DateText | null {
  const month = monthNumber(monthName);
  return month === undefined ? null : exact(raw, year, month, day);
}

function monthOnly(raw: string, monthName: string, year: number): DateText | null {
  const month = monthNumber(monthName);
  return month === undefined ? null : { raw, ambiguous: false, month: `${year}-${pad(month)}` };
}

function monthNumber(name: string): number | undefined {
  // Lower-case "may" is almost always the verb ("we may 2x the pool").
  if (name === 'may') return undefined;
  return MONTH_INDEX[name.toLowerCase().slice(0, 3)];
}

/** ISO date from a file or folder name (`20200925-slug.md`, `2023-05-02-slug/README.md`); undefined when none. */
export function dateFromFileName(path: string): string | undefined {
  const segments = path.split(/[\\/]/).filter((s) => s !== '');
  // The file name first, then its folder: one-folder-per-decision layouts keep the date there.
  for (const segment of segments.slice(-2).reverse()) {
    const m = /^((?:19|20|21)\d{2})(?:-(\d{2})-(\d{2})|(\d{2})(\d{2}))(?=[-_.]|$)/.exec(segment);
    if (!m) continue;
    const iso = toIso(+m[1]!, +(m[2] ?? m[4])!, +(m[3] ?? m[5])!);
    if (iso) return iso;
  }
  return undefined;
}

/** Adds calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** Adds (or with a negative count, subtracts) days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  const date = new Date(Date.UTC(y, m - 1, d + Math.trunc(days)));
  return date.toISOString().slice(0, 10);
}

/** Orders two ISO dates: negative, zero or positive like a sort comparator. */
export function compareIso(a: string, b: string): number {
  // ISO dates sort as strings; no Date objects, no time zones.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Today's ISO date for a given instant, in UTC (the caller owns the clock). */
export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, 'thirty-six': 36,
  forty: 40, 'forty-five': 45, sixty: 60, ninety: 90,
};

/** The number part of a duration: digits (`1.5`) or a word (`six`, `a`), matched as a whole word. */
export const DURATION_NUMBER =
  '(?:\\d{1,4}(?:\\.\\d{1,2})?|twenty-four|thirty-six|forty-five|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|sixty|ninety)';

/** A duration unit, singular or plural; `quarter` is three months. */
export const DURATION_UNIT = '(?:days?|weeks?|months?|quarters?|years?|yrs?|mos?|wks?)';

const DURATION_RE = new RegExp(
  `(?<![\\w.,-])(half\\s(?:a|an)\\s(?:year|month))\\b|(?<![\\w.,-])(${DURATION_NUMBER})(?:\\s{1,2}|-)(${DURATION_UNIT})\\b`,
  'i',
);

/**
 * Reads the first duration in a text ("6 months", "a year", "six months",
 * "2 weeks", "90 days", "18-month", "half a year").
 * Frequency words ("quarterly", "annually") are not durations but periods:
 * they return null here and are read by the trigger parser as recurrences.
 */
export function parseDuration(text: string): Duration | null {
  const m = DURATION_RE.exec(text);
  if (!m) return null;
  if (m[1]) return /year/i.test(m[1]) ? { months: 6 } : { days: 15 };
  return durationOf(m[2]!, m[3]!);
}

/** Converts a number word or digits and a unit into a duration; null for zero or unreadable numbers. */
export function durationOf(numberText: string, unitText: string): Duration | null {
  const lower = numberText.toLowerCase();
  const n = WORD_NUMBERS[lower] ?? Number(lower);
  if (!Number.isFinite(n) || n <= 0) return null;
  const unit = unitText.toLowerCase();
  if (unit.startsWith('y')) return { months: Math.round(n * 12) };
  if (unit.startsWith('q')) return { months: Math.round(n * 3) };
  if (unit.startsWith('mo')) return Number.isInteger(n) ? { months: n } : { days: Math.round(n * 30) };
  if (unit.startsWith('w')) return { days: Math.round(n * 7) };
  return { days: Math.round(n) };
}

/** Adds a duration to an ISO date (months first, then days). */
export function addDuration(iso: string, duration: Duration): string {
  const withMonths = duration.months ? addMonths(iso, duration.months) : iso;
  return duration.days ? addDays(withMonths, duration.days) : withMonths;
}

/** ISO `YYYY-MM-DD` for a real calendar day, or undefined (2023-02-30, month 13). */
export function toIso(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`Expected an ISO date like 2026-05-10, got "${iso}"`);
  return [+m[1]!, +m[2]!, +m[3]!];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
