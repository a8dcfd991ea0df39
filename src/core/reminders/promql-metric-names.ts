/**
 * The metric names a PromQL query selects, for the operator's allow-list
 * (PROMETHEUS_QUERY_ALLOW) to judge before the query is sent. A scanner of
 * PromQL's tokens, no regexes over the query: every identifier outside label
 * matchers and label lists that is not a keyword, an aggregation, a number or
 * a function called with `(` is a metric name, wherever it stands (inside
 * functions, aggregations, binary operations, subqueries). It errs towards
 * refusing: an unknown function is read as a metric name, and a selector whose
 * metric is not named by `=` (`{job="x"}`, `{__name__=~"x.*"}`) is an error,
 * since it may select any metric.
 */

/** The names, or why the query's metrics cannot be named. */
export type MetricNames = { names: string[] } | { error: string };

// The scanner is linear, but the query comes from a document: bound it first.
export const MAX_QUERY_LENGTH = 2000;

// PromQL keywords (case-insensitive in PromQL): aggregations, operators and modifiers.
const AGGREGATIONS = new Set(['sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'quantile', 'count_values', 'limitk', 'limit_ratio']);
const KEYWORDS = new Set(['and', 'or', 'unless', 'atan2', 'bool', 'offset', 'inf', 'nan']);
// Modifiers followed by a list of label names, which are not metrics.
const LABEL_LISTS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

// Prometheus' functions (case-sensitive), as of Prometheus 3; `start` and `end` are the `@` modifier's.
const FUNCTIONS = new Set(
  (
    'abs absent absent_over_time acos acosh asin asinh atan atanh avg_over_time ceil changes clamp clamp_max clamp_min cos cosh ' +
    'count_over_time day_of_month day_of_week day_of_year days_in_month deg delta deriv double_exponential_smoothing exp ' +
    'first_over_time floor histogram_avg histogram_count histogram_fraction histogram_quantile histogram_stddev histogram_stdvar ' +
    'histogram_sum holt_winters hour idelta increase info irate label_join label_replace last_over_time ln log10 log2 ' +
    'mad_over_time max_over_time min_over_time minute month pi predict_linear present_over_time quantile_over_time rad rate ' +
    'resets round scalar sgn sin sinh sort sort_by_label sort_by_label_desc sort_desc sqrt stddev_over_time stdvar_over_time ' +
    'step sum_over_time tan tanh time timestamp ts_of_first_over_time ts_of_last_over_time ts_of_max_over_time ' +
    'ts_of_min_over_time vector year start end'
  ).split(' '),
);

/** The metric names `query` selects, each once, in order of appearance; an error when one cannot be named. */
export function metricNamesOf(query: string): MetricNames {
  if (query.length > MAX_QUERY_LENGTH) return { error: `the query is longer than ${MAX_QUERY_LENGTH} characters` };
  const scanner = new Scanner(query);
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  while (!scanner.done()) {
    const ch = scanner.peek();
    if (ch === ']') {
      scanner.next();
      if (scanner.inBrackets > 0) scanner.inBrackets -= 1;
    } else if (isSpace(ch) || !(isIdentifierStart(ch) || isDigit(ch) || ch === '.' || ch === '"' || ch === "'" || ch === '`' || ch === '#' || ch === '{' || ch === '[')) {
      // Operators, parentheses, commas, `@`: nothing to name.
      scanner.next();
    } else if (ch === '#') {
      scanner.skipComment();
    } else if (ch === '"' || ch === "'" || ch === '`') {
      if (scanner.readString() === undefined) return { error: 'a string in the query is not closed' };
    } else if (ch === '[') {
      // A range or a subquery step (`[5m]`, `[1h:5m]`): durations, where `:` is no part of a name.
      scanner.next();
      scanner.inBrackets += 1;
    } else if (isDigit(ch) || ch === '.') {
      scanner.readWhile(isNumberPart);
    } else if (ch === '{') {
      const selector = scanner.readMatchers();
      if ('error' in selector) return selector;
      if (selector.names.length === 0) return { error: 'a selector without a metric name (`{…}`) may select any metric: name the metric' };
      selector.names.forEach(add);
    } else if (ch === ':' && scanner.inBrackets > 0) {
      scanner.next();
    } else {
      const word = scanner.readWhile(isIdentifierPart);
      const lower = word.toLowerCase();
      const callsNext = scanner.nextNonSpace() === '(';
      if (LABEL_LISTS.has(lower)) {
        if (callsNext && !scanner.skipParenthesized()) return { error: `the label list after "${word}" is not closed` };
      } else if (AGGREGATIONS.has(lower) || KEYWORDS.has(lower) || (callsNext && FUNCTIONS.has(word))) {
        // Not a metric.
      } else {
        add(word);
        if (scanner.nextNonSpace() === '{') {
          const matchers = scanner.readMatchers();
          if ('error' in matchers) return matchers;
          // `name{__name__="other"}` selects nothing unless both are allowed: check both.
          matchers.names.forEach(add);
        }
      }
    }
  }
  return { names };
}

/** A cursor over the query. */
class Scanner {
  private at = 0;
  /** Depth of `[` … `]`, where `:` separates durations. */
  inBrackets = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  peek(): string {
    return this.text[this.at] ?? '';
  }

  next(): string {
    return this.text[this.at++] ?? '';
  }

  nextNonSpace(): string {
    while (!this.done() && isSpace(this.peek())) this.at++;
    return this.peek();
  }

  readWhile(accept: (ch: string) => boolean): string {
    const start = this.at;
    while (!this.done() && accept(this.peek())) this.at++;
    return this.text.slice(start, this.at);
  }

  skipComment(): void {
    while (!this.done() && this.peek() !== '\n') this.at++;
  }

  /** A quoted string at the cursor, unquoted; undefined when it is not closed. Escapes are kept as written. */
  readString(): string | undefined {
    const quote = this.next();
    const start = this.at;
    while (!this.done()) {
      const ch = this.next();
      if (ch === '\\' && quote !== '`') this.at++;
      else if (ch === quote) return this.text.slice(start, this.at - 1);
    }
    return undefined;
  }

  /** Skips `( … )` at the cursor (a label list: names and strings); false when it is not closed. */
  skipParenthesized(): boolean {
    this.next();
    while (!this.done()) {
      const ch = this.peek();
      if (ch === ')') {
        this.next();
        return true;
      }
      if (ch === '"' || ch === "'" || ch === '`') {
        if (this.readString() === undefined) return false;
      } else this.next();
    }
    return false;
  }

  /**
   * Reads `{ … }` label matchers at the cursor: the metric names they fix
   * (`__name__="x"`, or a bare quoted name as in Prometheus 3's `{"x.y"}`), or an
   * error for a `__name__` matched otherwise than by `=`.
   */
  readMatchers(): MetricNames {
    this.next();
    const names: string[] = [];
    for (;;) {
      const ch = this.nextNonSpace();
      if (ch === '}') {
        this.next();
        return { names };
      }
      if (ch === ',') {
        this.next();
        continue;
      }
      let label: string | undefined;
      let quoted = false;
      if (ch === '"' || ch === "'" || ch === '`') {
        label = this.readString();
        quoted = true;
      } else if (isIdentifierStart(ch)) label = this.readWhile(isIdentifierPart);
      if (label === undefined || label === '') return { error: 'the label matchers of a selector cannot be read' };
      const op = this.readOperator();
      if (op === '') {
        if (!quoted) return { error: `label "${label}" has no matcher (=, !=, =~ or !~)` };
        if (label.includes('\\')) return { error: 'a quoted metric name with escapes cannot be checked' };
        names.push(label);
        continue;
      }
      const quote = this.nextNonSpace();
      if (quote !== '"' && quote !== "'" && quote !== '`') return { error: `label "${label}" is not matched against a string` };
      const value = this.readString();
      if (value === undefined) return { error: 'a string in the query is not closed' };
      if (label === '__name__') {
        if (op !== '=') return { error: `\`__name__${op}\` may select any metric: name the metric with \`__name__="…"\`` };
        if (value.includes('\\')) return { error: 'a quoted metric name with escapes cannot be checked' };
        names.push(value);
      }
    }
  }

  private readOperator(): string {
    const ch = this.nextNonSpace();
    if (ch === '=') {
      this.next();
      if (this.peek() === '~') {
        this.next();
        return '=~';
      }
      return '=';
    }
    if (ch === '!' && (this.text[this.at + 1] === '=' || this.text[this.at + 1] === '~')) {
      this.at += 2;
      return `!${this.text[this.at - 1]}`;
    }
    return '';
  }
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

// Metric names: [a-zA-Z_:][a-zA-Z0-9_:]*.
function isIdentifierStart(ch: string): boolean {
  return isLetter(ch) || ch === '_' || ch === ':';
}

function isIdentifierPart(ch: string): boolean {
  return isIdentifierStart(ch) || isDigit(ch);
}

// Numbers and durations: 0.5, 1e3, 0x1f, 5m, 1h30m.
function isNumberPart(ch: string): boolean {
  return isLetter(ch) || isDigit(ch) || ch === '.' || ch === '_';
}
