// The reminder sweep with the operator's PROMETHEUS_QUERY_ALLOW, against a local Prometheus
// stand-in: a trigger naming a metric that is not allowed sends no request, on the full sweep and
// on the cheap re-check of an unchanged repository; an allowed one is sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReminderSettings } from '../../src/reminders/reminder-settings.js';
import { parseMetricAllowList } from '../../src/core/reminders/metric-allow-list.js';
import { queryPrometheus } from '../../src/reminders/prometheus-client.js';
import { sweepRepository } from '../../src/reminders/reminder-sweep.js';
import type { GitHubDouble } from '../github-double/index.js';
import { adrText, issuesOf, startSweepDouble, sweepDeps } from './reminder-sweep-harness.js';

const METRIC_ADR = 'docs/adr/0001-use-postgres.md';
const ALLOWED = 'histogram_quantile(0.99, sum(rate(api_latency_seconds_bucket{job="api"}[5m])) by (le))';
const DISALLOWED = 'sum(rate(api_latency_seconds_count[5m])) * on() group_left max(secret_payroll_total)';
const allow = parseMetricAllowList('api_latency_').allow!;

describe('PROMETHEUS_QUERY_ALLOW in the reminder sweep', () => {
  let server: Server;
  let url: string;
  const queries: string[] = [];
  let double: GitHubDouble | undefined;

  beforeEach(async () => {
    queries.length = 0;
    server = createServer((req, res) => {
      queries.push(new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1781000000, '0.9'] }] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    if (double) {
      expect(double.violations).toEqual([]);
      await double.close();
      double = undefined;
    }
  });

  const seed = (query: string) => startSweepDouble({ [METRIC_ADR]: adrText('1. Use PostgreSQL', { extraFront: ['revisit:', `  - when: '${query} > 0.5'`] }) });

  it('sends no query naming a metric that is not allowed, then or on the re-check, and reports the trigger', async () => {
    double = await seed(DISALLOWED);
    const deps = { ...sweepDeps(double), prometheus: { url, allow } };
    const result = await sweepRepository(deps, { owner: 'acme', repo: 'decisions' });
    expect(result).toMatchObject({ outcome: 'swept', created: [] });
    expect(queries).toEqual([]);
    const line = deps.logged.find((l) => l.level === 'warn' && l.fields['file'] === METRIC_ADR);
    expect(line?.msg).toMatch(/^docs\/adr\/0001-use-postgres\.md:\d+: metric trigger not evaluated: refused: the query names `secret_payroll_total`, which the operator's PROMETHEUS_QUERY_ALLOW does not allow$/);
    expect(result.skippedAdrs).toContainEqual(expect.objectContaining({ path: METRIC_ADR, message: expect.stringContaining('secret_payroll_total') }));

    // Unchanged: the sweep re-checks only the remembered conditions, and still sends nothing.
    expect(await sweepRepository(deps, { owner: 'acme', repo: 'decisions' })).toMatchObject({ outcome: 'unchanged' });
    expect(queries).toEqual([]);
    expect(issuesOf(double)).toEqual([]);
  });

  it('sends a query whose every metric is allowed, and opens the reminder it breaches', async () => {
    double = await seed(ALLOWED);
    const result = await sweepRepository({ ...sweepDeps(double), prometheus: { url, allow } }, { owner: 'acme', repo: 'decisions' });
    expect(queries).toEqual([ALLOWED]);
    expect(result.created).toHaveLength(1);
  });

  it('refuses in the client itself, before any request', async () => {
    const condition = { query: DISALLOWED, comparator: '>' as const, threshold: 0.5 };
    expect(await queryPrometheus({ url, allow }, condition)).toEqual({ error: expect.stringMatching(/^refused: the query names `secret_payroll_total`/), refused: true });
    expect(await queryPrometheus({ url }, condition)).toEqual({ value: 0.9 });
    expect(queries).toEqual([DISALLOWED]);
  });

  it('is read with PROMETHEUS_URL by the App; a malformed list leaves Prometheus unused rather than unrestricted', () => {
    expect(readReminderSettings({ PROMETHEUS_URL: url, PROMETHEUS_QUERY_ALLOW: 'api_latency_, /up/' }).prometheus).toEqual({
      url,
      allow: { prefixes: ['api_latency_'], patterns: [/^(?:up)$/] },
    });
    expect(readReminderSettings({ PROMETHEUS_URL: url }).prometheus).toEqual({ url });
    const bad = readReminderSettings({ PROMETHEUS_URL: url, PROMETHEUS_QUERY_ALLOW: 'api_latency_*' });
    expect(bad.prometheus).toBeUndefined();
    expect(bad.prometheusProblem).toMatch(/^PROMETHEUS_QUERY_ALLOW: "api_latency_\*" is neither a metric-name prefix .*: metric triggers are listed, not evaluated$/);
  });
});
