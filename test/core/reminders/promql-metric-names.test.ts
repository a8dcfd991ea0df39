import { describe, expect, it } from 'vitest';
import { metricNamesOf } from '../../../src/core/reminders/promql-metric-names.js';

describe('metricNamesOf', () => {
  it.each([
    ['up', ['up']],
    ['up{job="db"}', ['up']],
    ['job:http_requests:rate5m', ['job:http_requests:rate5m']],
    ['histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job="api"}[5m])) by (le))', ['http_request_duration_seconds_bucket']],
    ['sum by (job) (rate(errors_total[5m])) / on(job) group_left(team) sum(rate(requests_total[5m:1m] offset -1h))', ['errors_total', 'requests_total']],
    ['a + b * c unless ignoring(x) d or e and f', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['SUM(a) BY (le) > bool 3', ['a']],
    ['topk(5, count_values("v", b)) / quantile(0.9, c)', ['b', 'c']],
    ['label_replace(up, "dst", "$1", "src", "(.*)")', ['up']],
    ['absent(x) or vector(1) + time() + Inf - NaN', ['x']],
    ['rate(x[1h:] @ start()) + rate(y[5m] @ 1609746000)', ['x', 'y']],
    ['{__name__="up", job="x"}', ['up']],
    ["{'my.metric', job=\"x\"}", ['my.metric']],
    ['up{__name__="other"}', ['up', 'other']],
    ['x # a comment naming secret_total', ['x']],
    ['max_over_time(deriv(x[5m])[1h:5m])', ['x']],
    ['x{a="}", b=~"{"} + y', ['x', 'y']],
    ['0x1f + 1e3 + 5m', []],
    // Not a function this reader knows: read as a metric, so the allow-list judges it.
    ['Rate(x)', ['Rate', 'x']],
    ['a + a', ['a']],
  ])('%s', (query, names) => {
    expect(metricNamesOf(query)).toEqual({ names });
  });

  it.each([
    ['{job="x"}', /a selector without a metric name/],
    ['sum(rate({job="x"}[5m]))', /a selector without a metric name/],
    ['{__name__=~"secret_.*"}', /`__name__=~` may select any metric/],
    ['{__name__!="x"}', /`__name__!=` may select any metric/],
    ['x{job}', /label "job" has no matcher/],
    ['x{job=5}', /is not matched against a string/],
    ['x{job="a}', /not closed/],
    ['sum by (le', /the label list after "by" is not closed/],
    ['{"a\\"b"}', /escapes cannot be checked/],
    ['x'.repeat(2001), /longer than 2000 characters/],
  ])('cannot name the metrics of %s', (query, error) => {
    const read = metricNamesOf(query);
    expect('error' in read && read.error).toMatch(error);
  });

  it('reads a hostile query of the maximum length in linear time', () => {
    const shapes = ['{'.repeat(2000), '('.repeat(2000), 'a+'.repeat(1000), 'x{a="b",'.repeat(250), '"'.repeat(2000), 'by('.repeat(666)];
    const benign = 'rate(x[5m]) + '.repeat(142);
    const time = (query: string) => {
      const start = performance.now();
      for (let i = 0; i < 20; i++) metricNamesOf(query);
      return performance.now() - start;
    };
    const baseline = Math.max(time(benign), 1);
    for (const shape of shapes) expect(time(shape)).toBeLessThan(baseline * 20);
  });
});
