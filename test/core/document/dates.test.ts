import { describe, expect, it } from 'vitest';
import {
  addDays,
  addDuration,
  addMonths,
  compareIso,
  dateFromFileName,
  decisionDay,
  isoDate,
  numericDateOrders,
  parseDateText,
  parseDuration,
  settledReading,
  toIso,
} from '../../../src/core/document/dates.js';

describe('parseDateText', () => {
  // Forms seen in real decision records (domain.md section 8).
  it.each([
    ['Date: 2026-05-10', '2026-05-10', '2026-05-10'],
    ['- Date: 2026/05/10', '2026/05/10', '2026-05-10'],
    ['2026.05.10', '2026.05.10', '2026-05-10'],
    ['Last updated: September 2, 2015', 'September 2, 2015', '2015-09-02'],
    ['Sept. 2, 2015', 'Sept. 2, 2015', '2015-09-02'],
    ['Sep 2 2015', 'Sep 2 2015', '2015-09-02'],
    ['March 16th, 2021', 'March 16th, 2021', '2021-03-16'],
    ['2 September 2015', '2 September 2015', '2015-09-02'],
    ['1st of May, 2027', '1st of May, 2027', '2027-05-01'],
    ['Decided 17-Apr-2023 by the board', '17-Apr-2023', '2023-04-17'],
    ['17 Apr 2023', '17 Apr 2023', '2023-04-17'],
    ['2020-03-25 accepted', '2020-03-25', '2020-03-25'],
    ['2026-05-10T12:00:00Z', '2026-05-10', '2026-05-10'],
    ['2024-02-29', '2024-02-29', '2024-02-29'],
  ])('reads %j', (text, raw, iso) => {
    expect(parseDateText(text)).toEqual({ raw, iso, ambiguous: false });
  });

  it('flags 04/09/2020 as ambiguous and does not guess an ISO date', () => {
    expect(parseDateText('Date: 04/09/2020')).toEqual({ raw: '04/09/2020', ambiguous: true, readings: ['2020-09-04', '2020-04-09'] });
  });

  it('reads day/month or month/day when one part is over 12', () => {
    expect(parseDateText('13/09/2020')?.iso).toBe('2020-09-13');
    expect(parseDateText('09/13/2020')?.iso).toBe('2020-09-13');
    expect(parseDateText('17-04-2023')?.iso).toBe('2023-04-17');
  });

  it('reads equal day and month parts, which mean the same either way', () => {
    expect(parseDateText('12/12/2020')).toEqual({ raw: '12/12/2020', iso: '2020-12-12', ambiguous: false });
  });

  it('keeps an impossible calendar day as a date without iso', () => {
    // Written as a date, so the caller can report it as unreadable rather than missing.
    expect(parseDateText('Date: 2023-02-30')).toEqual({ raw: '2023-02-30', ambiguous: false });
    expect(parseDateText('2023-02-29')?.iso).toBeUndefined();
    expect(parseDateText('31 April 2023')).toEqual({ raw: '31 April 2023', ambiguous: false });
    expect(parseDateText('2023-13-01')?.iso).toBeUndefined();
  });

  it('returns month-only dates without iso and not ambiguous, with their month', () => {
    expect(parseDateText('Date: 2023-05')).toEqual({ raw: '2023-05', ambiguous: false, month: '2023-05' });
    expect(parseDateText('Updated in May 2023')).toEqual({ raw: 'May 2023', ambiguous: false, month: '2023-05' });
  });

  it('prefers the full date over its month-and-year tail', () => {
    expect(parseDateText('on 2 September 2015')?.raw).toBe('2 September 2015');
  });

  it('returns the first date when there are several', () => {
    expect(parseDateText('accepted 2021-01-02, amended March 3, 2022')?.iso).toBe('2021-01-02');
    expect(parseDateText('amended March 3, 2022 after 2021-01-02')?.iso).toBe('2022-03-03');
  });

  it.each([
    ['no date here'],
    [''],
    ['version 1.2.3'],
    ['ADR 1234-05-06'], // years outside 1900-2199 are ids, not dates
    ['45/67/2020'], // neither order is a date
    ['we may 2 2023'], // lower-case "may" is the verb
    ['20200925'], // compact dates are only read from file names
    ['2020-21 season'], // a range of years, not a month
    ['Marketing 2023'],
  ])('finds no date in %j', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it('scans a 200 KB line quickly and still finds a date at its end', () => {
    const text = `${'x '.repeat(100_000)}2026-05-10`;
    const started = performance.now();
    expect(parseDateText(text)?.iso).toBe('2026-05-10');
    expect(parseDateText('1/'.repeat(100_000))).toBeNull();
    expect(parseDateText('May '.repeat(50_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads dates next to unicode text', () => {
    expect(parseDateText('Décision prise le 2 September 2015 — ✅')?.iso).toBe('2015-09-02');
    expect(parseDateText('日付：2026-05-10')?.iso).toBe('2026-05-10');
  });
});

describe('dateFromFileName', () => {
  it.each([
    ['20200925-slug.md', '2020-09-25'],
    ['doc/adr/20200925_use-kafka.md', '2020-09-25'],
    ['2023-05-02-slug/README.md', '2023-05-02'],
    ['docs/decisions/2023-05-02-slug.md', '2023-05-02'],
    ['docs\\decisions\\2023-05-02-slug.md', '2023-05-02'],
    ['2023-05-02.md', '2023-05-02'],
  ])('reads %s', (path, iso) => {
    expect(dateFromFileName(path)).toBe(iso);
  });

  it.each([
    ['0001-slug.md'],
    ['adr-001-slug.md'],
    ['docs/decisions/README.md'],
    ['20231345-not-a-date.md'], // month 13
    ['20230230-slug.md'], // February 30th
    ['20200925123000-timestamp.md'], // a longer number, not a date
    ['2023-05-02-slug/notes/README.md'], // only the file and its own folder count
  ])('finds no date in %s', (path) => {
    expect(dateFromFileName(path)).toBeUndefined();
  });
});

describe('calendar arithmetic', () => {
  it('clamps to the end of the month when adding months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('crosses year boundaries both ways', () => {
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2026-05-10', 30)).toBe('2026-06-09');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds a duration months first, then days', () => {
    expect(addDuration('2026-01-31', { months: 1, days: 1 })).toBe('2026-03-01');
    expect(addDuration('2026-05-10', {})).toBe('2026-05-10');
  });

  it('compares ISO dates like a sort comparator', () => {
    expect(compareIso('2026-05-10', '2026-05-11')).toBeLessThan(0);
    expect(compareIso('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(compareIso('2026-05-10', '2026-05-10')).toBe(0);
    expect(['2027-01-01', '2025-06-30', '2026-05-10'].sort(compareIso)).toEqual([
      '2025-06-30',
      '2026-05-10',
      '2027-01-01',
    ]);
  });

  it('rejects a malformed ISO date with a message that shows the expected form', () => {
    expect(() => addMonths('10/05/2026', 1)).toThrow(/2026-05-10/);
  });

  it('turns an injected instant into its UTC date', () => {
    expect(isoDate(new Date('2026-05-10T23:59:59Z'))).toBe('2026-05-10');
  });

  it('validates calendar days', () => {
    expect(toIso(2024, 2, 29)).toBe('2024-02-29');
    expect(toIso(2023, 2, 29)).toBeUndefined();
    expect(toIso(2023, 0, 1)).toBeUndefined();
  });
});

describe('parseDuration', () => {
  it.each([
    ['6 months', { months: 6 }],
    ['1 year', { months: 12 }],
    ['2 weeks', { days: 14 }],
    ['90 days', { days: 90 }],
    ['a year', { months: 12 }],
    ['an extra', null],
    ['six months', { months: 6 }],
    ['twelve months', { months: 12 }],
    ['18-month', { months: 18 }],
    ['1.5 years', { months: 18 }],
    ['2 quarters', { months: 6 }],
    ['half a year', { months: 6 }],
    ['in twenty-four months', { months: 24 }],
    ['revisit in 6 months or so', { months: 6 }],
  ])('reads %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    // Frequencies are periods, read by the trigger parser as recurrences.
    ['quarterly'],
    ['annually'],
    ['a few months'],
    ['0 days'],
    ['data'],
    ['1,000 days'], // a thousands separator, not "000 days"
    [''],
  ])('finds no duration in %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('numericDateOrders and settledReading (a record settles its own date order)', () => {
  it('reads day-first when another date with the same separator has a day over 12', () => {
    const orders = numericDateOrders(['05-08-2018: first draft', '21-08-2018: reviewed']);
    expect(orders.get('-')).toBe('day-first');
    expect(settledReading('05-08-2018', orders)).toBe('2018-08-05');
  });

  it('takes a first part with one leading zero too many as evidence (016-08-2018)', () => {
    expect(numericDateOrders(['016-08-2018: follow-up']).get('-')).toBe('day-first');
    // Three digits without the zero are not a day.
    expect(numericDateOrders(['116-08-2018']).size).toBe(0);
  });

  it('reads month-first when another date has a second part over 12', () => {
    const orders = numericDateOrders(['Revised 09/21/2020']);
    expect(settledReading('04/09/2020', orders)).toBe('2020-04-09');
  });

  it('settles nothing for another separator, for mixed orders, or when every date is ambiguous', () => {
    expect(settledReading('04/09/2020', numericDateOrders(['17-09-2020']))).toBeUndefined();
    expect(numericDateOrders(['17/09/2020', '09/17/2020']).size).toBe(0);
    expect(numericDateOrders(['05-08-2018', '03-07-2018']).size).toBe(0);
    // 31 February is no day, so it tells nothing.
    expect(numericDateOrders(['31-02-2020']).size).toBe(0);
  });

  it('settles a two-digit year only from a slash date with a four-digit year last', () => {
    expect(settledReading('12/09/25', numericDateOrders(['shared on 27/06/2024']))).toBe('2025-09-12');
    expect(settledReading('12/09/25', numericDateOrders(['27-06-2024']))).toBeUndefined();
    expect(settledReading('12/09/25', numericDateOrders(['27/06/24']))).toBeUndefined();
  });
});

describe('the readings of an ambiguous date, and decisionDay (the day of the review rules out readings still to come)', () => {
  it('lists every calendar day an ambiguous date can mean', () => {
    expect(parseDateText('27/06/24')?.readings?.sort()).toEqual(['2024-06-27', '2027-06-24']);
    expect(parseDateText('23/05/24')?.readings?.sort()).toEqual(['2023-05-24', '2024-05-23']);
    expect(parseDateText('04/09/2020')?.readings?.sort()).toEqual(['2020-04-09', '2020-09-04']);
    expect(parseDateText('2020-04-09')?.readings).toBeUndefined();
    expect(parseDateText('no date here')?.readings).toBeUndefined();
  });

  it('takes the one reading that is not after today', () => {
    expect(decisionDay({ readings: ['2024-06-27', '2027-06-24'] }, '2026-11-21')).toBe('2024-06-27');
    expect(decisionDay({ readings: ['2024-06-27', '2027-06-24'] }, '2024-06-27')).toBe('2024-06-27');
  });

  it('keeps a date open while two readings are past, or none is', () => {
    expect(decisionDay({ readings: ['2024-05-23', '2023-05-24'] }, '2026-11-21')).toBeUndefined();
    expect(decisionDay({ readings: ['2024-06-27', '2027-06-24'] }, '2024-01-01')).toBeUndefined();
    expect(decisionDay({}, '2026-11-21')).toBeUndefined();
    expect(decisionDay(undefined, '2026-11-21')).toBeUndefined();
  });

  it('prefers an ISO value the date already has', () => {
    expect(decisionDay({ iso: '2030-01-01', readings: ['2024-06-27'] }, '2026-11-21')).toBe('2030-01-01');
  });
});
