import { describe, expect, it } from 'vitest';
import { formatCondition, isBreach, parsePrometheusCondition } from '../../../src/core/reminders/prometheus-trigger.js';

describe('parsePrometheusCondition', () => {
  it.each([
    ['histogram_quantile(0.99, sum(rate(x_bucket{job="api"}[5m])) by (le)) > 0.5', 'histogram_quantile(0.99, sum(rate(x_bucket{job="api"}[5m])) by (le))', '>', 0.5],
    ['sum(rate(errors{code=~"5..", path!="/health"}[5m]))>=10', 'sum(rate(errors{code=~"5..", path!="/health"}[5m]))', '>=', 10],
    ['cache_hit_ratio < 0.7', 'cache_hit_ratio', '<', 0.7],
    ['up{job="db"} == 0', 'up{job="db"}', '==', 0],
    ['queue_depth != -1', 'queue_depth', '!=', -1],
    ['spend_dollars <= 8e3', 'spend_dollars', '<=', 8000],
    ['a > b > 3', 'a > b', '>', 3],
  ])('%s', (when, query, comparator, threshold) => {
    expect(parsePrometheusCondition(when)).toEqual({ query, comparator, threshold });
  });

  it.each([
    ['', 'the condition is empty'],
    ['rate(x[5m])', 'expected a number at the end, as in `<query> > 0.5`'],
    ['rate(x[5m]) > high', 'expected a number at the end, as in `<query> > 0.5`'],
    ['rate(x[5m]) 0.5', 'expected a comparison before the threshold: one of >, >=, <, <=, ==, !='],
    ['rate(x[5m]) => 0.5', 'expected a comparison before the threshold: one of >, >=, <, <=, ==, !='],
    ['x !== 1', 'unexpected "!=="'],
    ['> 0.5', 'the query before the comparison is empty'],
    ['rate(x[5m] > 0.5', 'missing ")" in the query'],
    ['rate(x[5m])) > 0.5', 'unbalanced ")" in the query'],
    ['x{job="a} > 0.5', 'unclosed " string in the query'],
    ['x > bool 0.5', 'the `bool` modifier returns 0 or 1: compare the query itself, as in `<query> > 0.5`'],
    ['x > 1e999', 'expected a number at the end, as in `<query> > 0.5`'],
  ])('rejects %j', (when, error) => {
    expect(parsePrometheusCondition(when)).toEqual({ error });
  });

  it('rejects overlong conditions without scanning them', () => {
    expect(parsePrometheusCondition(`${'('.repeat(3000)} > 1`)).toEqual({ error: 'the condition is longer than 2000 characters' });
  });

  it('stays fast on hostile input of the maximum length', () => {
    const start = performance.now();
    for (const text of ['('.repeat(1990) + ' > 1', '"'.repeat(1995) + ' > 1', '>='.repeat(999)]) parsePrometheusCondition(text);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('isBreach', () => {
  const at = (comparator: '>' | '>=' | '<' | '<=' | '==' | '!=') => ({ query: 'q', comparator, threshold: 0.5 });
  it.each([
    ['>', 0.6, true], ['>', 0.5, false],
    ['>=', 0.5, true], ['>=', 0.4, false],
    ['<', 0.4, true], ['<', 0.5, false],
    ['<=', 0.5, true], ['<=', 0.6, false],
    ['==', 0.5, true], ['==', 0.6, false],
    ['!=', 0.6, true], ['!=', 0.5, false],
  ] as const)('%s 0.5 with %d: %s', (comparator, value, breached) => {
    expect(isBreach(at(comparator), value)).toBe(breached);
  });

  it('never treats missing data as a breach', () => {
    expect(isBreach(at('<'), Number.NaN)).toBe(false);
    expect(isBreach(at('>'), Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('writes a condition back', () => {
    expect(formatCondition({ query: 'x', comparator: '>=', threshold: 3 })).toBe('x >= 3');
  });
});
