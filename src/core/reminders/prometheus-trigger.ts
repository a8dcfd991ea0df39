/**
 * Metric revisit triggers written in front matter (`revisit: - when:
 * 'histogram_quantile(0.99, …) > 0.5'`): the query, the comparator and the
 * threshold, read without regexes over the user's text. The adapter runs the
 * query against Prometheus; the core only decides whether a value breaches.
 */

/** A comparison a metric trigger can make. */
export type Comparator = '>' | '>=' | '<' | '<=' | '==' | '!=';

/** A metric trigger read from `when:`: `query comparator threshold`. */
export interface PrometheusCondition {
  query: string;
  comparator: Comparator;
  threshold: number;
}

/** Why a `when:` text is not a condition the sweep can evaluate. */
export interface ConditionError {
  error: string;
}

// A PromQL expression longer than this is not a revisit trigger anyone writes;
// the bound keeps the scan cheap on hostile front matter.
const MAX_CONDITION_LENGTH = 2000;
// Longest number text accepted as a threshold ("1.5e-3", "100000").
const MAX_NUMBER_LENGTH = 32;

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

/**
 * Reads `query > 0.5` (or >=, <, <=, ==, !=) from the end: the threshold is the
 * last token, the comparator sits right before it at bracket depth 0 outside
 * strings, and the query is what remains, with balanced brackets and quotes.
 */
export function parsePrometheusCondition(when: string): PrometheusCondition | ConditionError {
  const text = when.trim();
  if (text === '') return { error: 'the condition is empty' };
  if (text.length > MAX_CONDITION_LENGTH) return { error: `the condition is longer than ${MAX_CONDITION_LENGTH} characters` };
  let end = text.length;
  let start = end;
  while (start > 0 && !isSpace(text[start - 1]!) && !isComparatorChar(text[start - 1]!)) start--;
  const numberText = text.slice(start, end);
  if (numberText === '' || numberText.length > MAX_NUMBER_LENGTH || !isNumberText(numberText)) {
    return { error: 'expected a number at the end, as in `<query> > 0.5`' };
  }
  end = start;
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  if (text.slice(Math.max(0, end - 5), end).match(/(?:^|\s)bool$/)) {
    return { error: 'the `bool` modifier returns 0 or 1: compare the query itself, as in `<query> > 0.5`' };
  }
  let opStart = end;
  while (opStart > 0 && end - opStart < 2 && isComparatorChar(text[opStart - 1]!)) opStart--;
  const comparator = text.slice(opStart, end);
  if (!isComparator(comparator)) {
    return { error: 'expected a comparison before the threshold: one of >, >=, <, <=, ==, !=' };
  }
  // `=~` and `!~` are label matchers, never a comparison; `!` before `=` was read above.
  if (opStart > 0 && isComparatorChar(text[opStart - 1]!)) return { error: `unexpected "${text[opStart - 1]}${comparator}"` };
  const query = text.slice(0, opStart).trim();
  if (query === '') return { error: 'the query before the comparison is empty' };
  const balance = checkBalance(query);
  if (balance) return { error: balance };
  return { query, comparator, threshold: Number(numberText) };
}

/** True when the value breaches the condition; NaN and infinite readings (no data) never do. */
export function isBreach(condition: PrometheusCondition, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const t = condition.threshold;
  switch (condition.comparator) {
    case '>':
      return value > t;
    case '>=':
      return value >= t;
    case '<':
      return value < t;
    case '<=':
      return value <= t;
    case '==':
      return value === t;
    case '!=':
      return value !== t;
  }
}

/** `query > 0.5` as written back, for reminders. */
export function formatCondition(condition: PrometheusCondition): string {
  return `${condition.query} ${condition.comparator} ${condition.threshold}`;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isComparatorChar(ch: string): boolean {
  return ch === '>' || ch === '<' || ch === '=' || ch === '!';
}

function isComparator(text: string): text is Comparator {
  return text === '>' || text === '>=' || text === '<' || text === '<=' || text === '==' || text === '!=';
}

/** A finite decimal number: optional sign, digits with one optional dot, optional exponent. */
function isNumberText(text: string): boolean {
  // Bounded by MAX_NUMBER_LENGTH before this runs; the classes are disjoint, so no backtracking blow-up.
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/.test(text) && Number.isFinite(Number(text));
}

/** An error when brackets do not pair up or a string is not closed; undefined when balanced. */
function checkBalance(query: string): string | undefined {
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch in OPENERS) stack.push(OPENERS[ch]!);
    else if (CLOSERS.has(ch) && stack.pop() !== ch) return `unbalanced "${ch}" in the query`;
  }
  if (quote) return `unclosed ${quote} string in the query`;
  if (stack.length > 0) return `missing "${stack[stack.length - 1]}" in the query`;
  return undefined;
}
