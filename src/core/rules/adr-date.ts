/**
 * adr-date: an ADR carries its decision date (front matter, a `Date:` field or
 * metadata row, a date line under the title, the status line, the file or
 * folder name, or the first dated entry of its change log), written so anyone
 * can read it. A date like `04/09/2020` reads differently in the US and
 * elsewhere, and `27/06/24` leaves even the year open: each is reported as
 * ambiguous with its readings, never guessed. The record's own other dates may
 * settle it (`05-08-2018` beside `16-08-2018`): the parser then reads it in
 * that order and nothing is reported. So does the review's day: a decision
 * record dates what was decided, so when only one reading is not after today
 * (`27/06/24` read in 2026) that is the date. Future dates are fine
 * (a proposed decision may name the day it takes effect).
 */
import { decisionDay, hasTwoDigitYear } from '../document/dates.js';
import { titleLine } from '../rule-helpers/adr-sections.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/** Why an ambiguous date cannot be read, with the days it may mean (as the parser read them). */
function ambiguityOf(raw: string, days: readonly string[]): string {
  if (days.length === 0) return 'write it as YYYY-MM-DD';
  if (hasTwoDigitYear(raw)) {
    return `the year has two digits, so the order of day, month and year is open (${days.join(' or ')}): write it as YYYY-MM-DD`;
  }
  return `write ${days.join(' or ')}`;
}

export const adrDate = defineRule(
  {
    id: 'adr-date',
    description: 'An ADR carries a readable, unambiguous decision date.',
    help: 'Revisit triggers and reminders count from the decision date: write it as `Date: YYYY-MM-DD` (or `date:` in front matter), never as `04/09/2020`, which means April in one country and September in another.',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: {
      // What the parser found while reading the dates, in its words (src/core/document/dates.ts).
      'date-problem': '{{problem}}',
      'missing-date': 'Missing decision date: add `Date: YYYY-MM-DD` under the title (or `date:` to the front matter)',
      'ambiguous-date': 'Ambiguous date `{{date}}`: {{advice}}',
      'placeholder-date': 'Date `{{date}}` is an unfilled template placeholder: write the decision date as YYYY-MM-DD',
      'unreadable-date': 'Unreadable date `{{date}}`: write it as YYYY-MM-DD',
    },
  },
  ({ doc, today }, report) => {
    // Date problems the parser found (it reads the dates) are this rule's findings.
    const problems = doc.problems.filter((p) => p.ruleId === 'adr-date');
    for (const p of problems) report('date-problem', { problem: p.message }, { line: p.line, column: p.column });
    const date = doc.date;
    if (!date) {
      // `date: {YYYY-MM-DD when…}` (YAML reads a map) is one of the problems reported above.
      if (doc.status?.date || problems.length > 0) return;
      // A date under a label the parser cannot read (another language) is not a missing one.
      if (doc.language === 'unknown') return;
      report('missing-date', {}, { line: titleLine(doc) });
      return;
    }
    // `27/06/24` read on 2026-12-01 can only be 2024-06-27: the other reading has not come yet.
    if (decisionDay(date, today)) return;
    if (problems.some((p) => p.line === date.line)) return;
    // Template leftovers (`[Date]`, `{date}`) are `adr-placeholders` findings.
    if (doc.placeholders.some((p) => p.line === date.line)) return;
    const place = { line: date.line, column: date.column };
    const raw = date.raw.trim();
    if (date.ambiguous) {
      report('ambiguous-date', { date: raw, advice: ambiguityOf(raw, date.readings ?? []) }, place);
      return;
    }
    if (/^[[{<].*[\]}>]$|^(?:y{2,4}|d{1,2}|m{1,2})[-/.]/i.test(raw)) {
      report('placeholder-date', { date: raw }, place);
      return;
    }
    report('unreadable-date', { date: raw }, place);
  },
);
