import { describe, expect, it } from 'vitest';
import { metricAllowed, parseMetricAllowList, queryRefusal, type MetricAllowList } from '../../../src/core/reminders/metric-allow-list.js';

function allowList(text: string): MetricAllowList {
  const { allow, problem } = parseMetricAllowList(text);
  if (allow === undefined) throw new Error(problem ?? 'no allow-list');
  return allow;
}

describe('PROMETHEUS_QUERY_ALLOW', () => {
  it('reads prefixes and anchored regexes, which may hold commas and escaped slashes', () => {
    const allow = allowList(' http_, job: /api_(latency|errors)_[a-z]{1,20}/,/a\\/b/ ');
    expect(allow.prefixes).toEqual(['http_', 'job:']);
    expect(allow.patterns.map((p) => p.source)).toEqual(['^(?:api_(latency|errors)_[a-z]{1,20})$', '^(?:a\\/b)$']);
    expect(allow.patterns[1]!.test('a/b')).toBe(true);
  });

  it('means no restriction when empty, and names a bad entry', () => {
    expect(parseMetricAllowList(undefined)).toEqual({});
    expect(parseMetricAllowList(' , ')).toEqual({});
    expect(parseMetricAllowList('http_*')).toEqual({ problem: 'PROMETHEUS_QUERY_ALLOW: "http_*" is neither a metric-name prefix (letters, digits, _ and :) nor a /regex/' });
    expect(parseMetricAllowList('/api_(/').problem).toMatch(/^PROMETHEUS_QUERY_ALLOW: \/api_\(\/ is not a valid regex/);
    expect(parseMetricAllowList('/api_').problem).toMatch(/has no closing \//);
    expect(parseMetricAllowList('/a/b').problem).toMatch(/expected a comma after the regex/);
    expect(parseMetricAllowList(Array.from({ length: 101 }, (_, i) => `m${i}`).join(',')).problem).toMatch(/more than 100 entries/);
  });

  it('anchors regexes at both ends', () => {
    const allow = allowList('/api_latency/');
    expect(metricAllowed('api_latency', allow)).toBe(true);
    expect(metricAllowed('api_latency_secret', allow)).toBe(false);
    expect(metricAllowed('secret_api_latency', allow)).toBe(false);
  });

  it('allows a query only when every metric it names is allowed, wherever it stands', () => {
    const allow = allowList('http_, /api_(latency|errors)_.*/');
    expect(queryRefusal('histogram_quantile(0.99, sum(rate(api_latency_seconds_bucket[5m])) by (le))', allow)).toBeUndefined();
    expect(queryRefusal('sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))', allow)).toBeUndefined();
    expect(queryRefusal('vector(1)', allow)).toBeUndefined();
    expect(queryRefusal('sum(rate(http_requests_total[5m])) / on() group_left sum(secret_payroll_total)', allow)).toBe(
      "the query names `secret_payroll_total`, which the operator's PROMETHEUS_QUERY_ALLOW does not allow",
    );
    expect(queryRefusal('max_over_time(secret_a[1h]) + clamp(secret_b, 0, 1)', allow)).toMatch(/names `secret_a`, `secret_b`/);
    expect(queryRefusal('{__name__=~"http_.*|secret_.*"}', allow)).toMatch(/cannot be checked against PROMETHEUS_QUERY_ALLOW: `__name__=~` may select any metric/);
    expect(queryRefusal('{job="api"}', allow)).toMatch(/a selector without a metric name/);
    expect(queryRefusal(`http_${'x'.repeat(300)}`, allow)).toMatch(/names `http_x{95}`, /);
    expect(queryRefusal(`http_x + ${'y'.repeat(2000)}`, allow)).toBe('the query is longer than 2000 characters');
  });
});
