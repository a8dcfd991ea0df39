/**
 * The decision date: front matter `date:` (or `created:`), a `Date:` /
 * `Last updated:` field line or `| Date | … |` metadata row, a line under the
 * title that is only a date, a `## Date` section, the file or folder name,
 * else the first dated entry of a `## Changelog` / `## History` section. The
 * raw text is kept; ambiguous `04/09/2020` dates stay without iso (domain.md
 * section 8) unless the record's other dates settle the order.
 */
import type { DateField, ParseProblem } from './model.js';
import { dateFromFileName, numericDateOrders, parseDateText, settledReading } from './dates.js';
import type { FieldLine } from './field-lines.js';
import { stripInlineMarkdown } from './markdown-inline.js';

/** A DateField from text as written; unreadable text keeps its raw value without iso. */
export function dateFieldFrom(raw: string, line: number, column: number, source: DateField['source']): DateField {
  const found = parseDateText(raw);
  const field: DateField = { raw: raw.trim(), ambiguous: found?.ambiguous ?? false, source, line, column };
  if (found?.iso) field.iso = found.iso;
  if (found?.readings) field.readings = found.readings;
  return field;
}

/** Text as written and where. */
export interface WrittenText {
  text: string;
  line: number;
  column: number;
}

/** Candidates for the decision date, in priority order. */
export interface DateSources {
  frontMatter?: { text: string; line: number };
  fields: FieldLine[];
  /** A line under the title that is only a date (`*2018-09-01*`). */
  dateLine?: WrittenText;
  section?: WrittenText;
  path: string;
  /** The first dated entry of a Changelog / History section. */
  history?: WrittenText;
}

/** The decision date from the first source that has one; a readable date beats an unreadable field. */
export function readDecisionDate(sources: DateSources): DateField | undefined {
  if (sources.frontMatter && sources.frontMatter.text !== '') {
    return dateFieldFrom(sources.frontMatter.text, sources.frontMatter.line, 1, 'front-matter');
  }
  const dateFields = sources.fields.filter((f) => f.field === 'date');
  // "Updated: we moved..." is not a date; prefer a field whose value reads as one.
  const readable = dateFields.find((f) => parseDateText(stripInlineMarkdown(f.value)) !== null);
  const field = readable ?? dateFields[0];
  if (field && readable) return dateFieldFrom(stripInlineMarkdown(field.value), field.line, field.column, 'field');
  if (sources.dateLine) return dateFieldFrom(sources.dateLine.text, sources.dateLine.line, sources.dateLine.column, 'field');
  if (sources.section && parseDateText(sources.section.text)) {
    return dateFieldFrom(sources.section.text, sources.section.line, sources.section.column, 'field');
  }
  const fromName = dateFromFileName(sources.path);
  if (fromName) {
    const segments = sources.path.split(/[\\/]/).filter((p) => p !== '').slice(-2);
    const name = segments.reverse().find((s) => /^(?:19|20|21)\d{2}/.test(s)) ?? sources.path;
    return { raw: name, iso: fromName, ambiguous: false, source: 'file-name', line: 1, column: 1 };
  }
  if (sources.history) return dateFieldFrom(sources.history.text, sources.history.line, sources.history.column, 'field');
  // A `Date: [YYYY-MM-DD]` template leftover is still a date field, unreadable.
  if (field) return dateFieldFrom(stripInlineMarkdown(field.value), field.line, field.column, 'field');
  return undefined;
}

/**
 * The decision date read in the order the record's other numeric dates show
 * (`05-08-2018` in a change log that also has `16-08-2018` is 5 August): an
 * ambiguous date is settled only when every unambiguous date written with its
 * separator agrees on the order. Code lines (`codeLines[n]` set, 1-based) are
 * not the writer's own dates. A record whose dates are all ambiguous keeps its
 * date unread.
 */
export function settleDateOrder(date: DateField | undefined, lines: readonly string[], codeLines: Uint8Array): DateField | undefined {
  if (!date?.ambiguous || date.iso) return date;
  const iso = settledReading(date.raw, numericDateOrders(lines.filter((_, i) => codeLines[i + 1] !== 1)));
  if (!iso) return date;
  const { readings: _open, ...settled } = date;
  return { ...settled, iso, ambiguous: false };
}

/**
 * The problem for a front-matter date that is not a value: the template's
 * `date: {YYYY-MM-DD when the decision was last updated}` (YAML reads a map),
 * or a list or map under `date:`. Reported by `adr-date`; the document has no
 * date from it.
 */
export function placeholderDateProblem(raw: string, line: number, column: number): ParseProblem {
  const text = raw.replace(/\s+/g, ' ').trim();
  const quoted = text.length > 50 ? `${text.slice(0, 47)}…` : text;
  return {
    ruleId: 'adr-date',
    line,
    column,
    message: `Date ${quoted ? `\`${quoted}\` ` : ''}is an unfilled template placeholder: write the decision date as YYYY-MM-DD`,
  };
}
