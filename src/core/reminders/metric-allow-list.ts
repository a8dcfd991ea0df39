/**
 * PROMETHEUS_QUERY_ALLOW: the metrics an ADR's `when:` trigger may query.
 * Without it any query in a repository's ADR runs against the operator's
 * Prometheus, and whether a reminder opens tells its author one bit about any
 * metric. Entries are metric-name prefixes (`http_`, `job:`) or regexes between
 * slashes (`/api_(latency|errors)_.*\/`), anchored at both ends and compiled
 * once. A query runs only when every metric it names is allowed
 * (src/core/reminders/promql-metric-names.ts reads them).
 */
import { MAX_QUERY_LENGTH, metricNamesOf } from './promql-metric-names.js';

/** The variable the operator sets. */
export const QUERY_ALLOW_VARIABLE = 'PROMETHEUS_QUERY_ALLOW';

/** What the operator allows: prefixes and anchored regexes. */
export interface MetricAllowList {
  prefixes: readonly string[];
  patterns: readonly RegExp[];
}

// Bounds on the operator's list and on the names matched against it.
const MAX_ENTRIES = 100;
const MAX_ENTRY_LENGTH = 200;
const MAX_NAME_LENGTH = 200;

/**
 * Read PROMETHEUS_QUERY_ALLOW: entries separated by commas or spaces, each a
 * prefix or a `/regex/` (which may hold commas and spaces; `\/` for a slash).
 * Undefined `allow` without a problem when the variable is empty: no restriction.
 */
export function parseMetricAllowList(text: string | undefined): { allow?: MetricAllowList; problem?: string } {
  const prefixes: string[] = [];
  const patterns: RegExp[] = [];
  const source = text ?? '';
  let at = 0;
  const isSeparator = (ch: string) => ch === ',' || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
  while (at < source.length) {
    if (isSeparator(source[at]!)) {
      at++;
      continue;
    }
    if (prefixes.length + patterns.length >= MAX_ENTRIES) return { problem: `${QUERY_ALLOW_VARIABLE} has more than ${MAX_ENTRIES} entries` };
    const start = at;
    if (source[at] === '/') {
      at++;
      while (at < source.length && source[at] !== '/') at += source[at] === '\\' ? 2 : 1;
      if (at >= source.length) return { problem: `${QUERY_ALLOW_VARIABLE}: the regex starting "${source.slice(start, start + 40)}" has no closing /` };
      const body = source.slice(start + 1, at).replace(/\\\//g, '/');
      at++;
      if (at < source.length && !isSeparator(source[at]!)) return { problem: `${QUERY_ALLOW_VARIABLE}: expected a comma after the regex /${body.slice(0, 40)}/` };
      if (body === '' || body.length > MAX_ENTRY_LENGTH) return { problem: `${QUERY_ALLOW_VARIABLE}: a regex must have 1 to ${MAX_ENTRY_LENGTH} characters` };
      try {
        patterns.push(new RegExp(`^(?:${body})$`));
      } catch (error) {
        return { problem: `${QUERY_ALLOW_VARIABLE}: /${body.slice(0, 40)}/ is not a valid regex (${(error as Error).message})` };
      }
      continue;
    }
    while (at < source.length && !isSeparator(source[at]!)) at++;
    const prefix = source.slice(start, at);
    if (prefix.length > MAX_ENTRY_LENGTH || ![...prefix].every(isNameChar)) {
      return { problem: `${QUERY_ALLOW_VARIABLE}: "${prefix.slice(0, 40)}" is neither a metric-name prefix (letters, digits, _ and :) nor a /regex/` };
    }
    prefixes.push(prefix);
  }
  if (prefixes.length + patterns.length === 0) return {};
  return { allow: { prefixes, patterns } };
}

/** Why `query` may not be sent under `allow`, or undefined when every metric it names is allowed. */
export function queryRefusal(query: string, allow: MetricAllowList): string | undefined {
  // Bounded before anything is matched: the query comes from a document.
  if (query.length > MAX_QUERY_LENGTH) return `the query is longer than ${MAX_QUERY_LENGTH} characters`;
  const read = metricNamesOf(query);
  if ('error' in read) return `the metrics of the query cannot be checked against ${QUERY_ALLOW_VARIABLE}: ${read.error}`;
  const refused = read.names.filter((name) => !metricAllowed(name, allow));
  if (refused.length === 0) return undefined;
  const shown = refused.slice(0, 5).map((name) => `\`${name.slice(0, 100)}\``);
  return `the query names ${shown.join(', ')}${refused.length > 5 ? ', …' : ''}, which the operator's ${QUERY_ALLOW_VARIABLE} does not allow`;
}

/** True when a metric name is allowed by a prefix or a regex. */
export function metricAllowed(name: string, allow: MetricAllowList): boolean {
  if (name.length > MAX_NAME_LENGTH) return false;
  return allow.prefixes.some((prefix) => name.startsWith(prefix)) || allow.patterns.some((pattern) => pattern.test(name));
}

function isNameChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === ':';
}
