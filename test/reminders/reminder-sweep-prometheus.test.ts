import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReminderMarker } from '../../src/core/reminders/marker.js';
import { queryPrometheus } from '../../src/reminders/prometheus-client.js';
import { sweepInstallation, sweepRepository } from '../../src/reminders/reminder-sweep.js';
import type { GitHubDouble } from '../github-double/index.js';
import { adrText, issuesOf, OWNER, requestSummary, startSweepDouble, sweepDeps } from './reminder-sweep-harness.js';

const QUERY = 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job="api"}[5m])) by (le))';
const METRIC_ADR = 'docs/adr/0001-use-postgres.md';

/** A Prometheus stand-in answering /api/v1/query with the documented JSON shape. */
interface FakePrometheus {
  url: string;
  queries: string[];
  answer: (query: string) => { status: number; body: string; delayMs?: number };
  close(): Promise<void>;
}

async function startPrometheus(): Promise<FakePrometheus> {
  const fake: Partial<FakePrometheus> & { queries: string[] } = { queries: [] };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = url.searchParams.get('query') ?? '';
    fake.queries.push(`${req.method} ${url.pathname} ${query}`);
    const { status, body, delayMs } = fake.answer!(query);
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    }, delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake as FakePrometheus;
}

const vector = (...values: string[]) =>
  JSON.stringify({ status: 'success', data: { resultType: 'vector', result: values.map((v, i) => ({ metric: { instance: `i${i}` }, value: [1781000000, v] })) } });

describe('metric triggers against Prometheus', () => {
  let prometheus: FakePrometheus;
  let double: GitHubDouble | undefined;
  beforeEach(async () => {
    prometheus = await startPrometheus();
  });
  afterEach(async () => {
    await prometheus.close();
    if (double) {
      expect(double.violations).toEqual([]);
      await double.close();
      double = undefined;
    }
  });

  const condition = { query: QUERY, comparator: '>' as const, threshold: 0.5 };

  it('reads scalars and vectors; a vector breaches when any series does; an empty vector is no data', async () => {
    prometheus.answer = () => ({ status: 200, body: vector('0.2', '0.9') });
    expect(await queryPrometheus({ url: prometheus.url }, condition)).toEqual({ value: 0.9 });
    prometheus.answer = () => ({ status: 200, body: vector('0.2', '0.3') });
    expect(await queryPrometheus({ url: prometheus.url }, condition)).toEqual({ value: 0.2 });
    prometheus.answer = () => ({ status: 200, body: vector() });
    expect(await queryPrometheus({ url: prometheus.url }, condition)).toEqual({ value: Number.NaN });
    prometheus.answer = () => ({ status: 200, body: JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1781000000, '+Inf'] } }) });
    expect(await queryPrometheus({ url: `${prometheus.url}/` }, condition)).toEqual({ value: Number.POSITIVE_INFINITY });
    expect(prometheus.queries[0]).toBe(`GET /api/v1/query ${QUERY}`);
  });

  it('turns errors, timeouts and oversized answers into a reason, never a throw', async () => {
    prometheus.answer = () => ({ status: 400, body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 3' }) });
    expect(await queryPrometheus({ url: prometheus.url }, condition)).toEqual({ error: 'Prometheus: parse error at char 3' });
    prometheus.answer = () => ({ status: 200, body: vector('1'), delayMs: 500 });
    expect(await queryPrometheus({ url: prometheus.url, timeoutMs: 50 }, condition)).toEqual({ error: 'no answer from Prometheus within 50 ms', timedOut: true });
    prometheus.answer = () => ({ status: 200, body: `{"status":"success","pad":"${'x'.repeat(1_100_000)}"}` });
    expect(await queryPrometheus({ url: prometheus.url }, condition)).toMatchObject({ error: expect.stringMatching(/larger than 1048576 bytes/) });
    prometheus.answer = () => ({ status: 200, body: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }) });
    expect(await queryPrometheus({ url: prometheus.url }, condition)).toMatchObject({ error: expect.stringMatching(/matrix/) });
    expect(await queryPrometheus({ url: 'http://127.0.0.1:1' }, condition)).toMatchObject({ error: expect.stringMatching(/^Prometheus unreachable/) });
  });

  it('opens a metric reminder when the query breaches, and re-checks only Prometheus while nothing changes', async () => {
    double = await startSweepDouble({ [METRIC_ADR]: adrText('1. Use PostgreSQL', { extraFront: ['revisit:', `  - when: '${QUERY} > 0.5'`] }) });
    prometheus.answer = () => ({ status: 200, body: vector('0.3') });
    const deps = { ...sweepDeps(double), prometheus: { url: prometheus.url } };
    expect(await sweepRepository(deps, { owner: 'acme', repo: 'decisions' })).toMatchObject({ outcome: 'swept', created: [] });

    // No breach, nothing changed: one GitHub request, one Prometheus query.
    double.clearRequests();
    prometheus.queries.length = 0;
    expect(await sweepRepository(deps, { owner: 'acme', repo: 'decisions' })).toMatchObject({ outcome: 'unchanged' });
    expect(requestSummary(double)).toEqual(['GET git/get-ref 304']);
    expect(prometheus.queries).toHaveLength(1);

    // p99 at 700 ms: the breach makes the ADR due today.
    prometheus.answer = () => ({ status: 200, body: vector('0.7') });
    const breached = await sweepRepository({ ...deps, today: () => '2026-06-16' }, { owner: 'acme', repo: 'decisions' });
    expect(breached.created).toHaveLength(1);
    const issue = issuesOf(double)[0]!;
    expect(parseReminderMarker(issue.body ?? '')).toEqual({ path: METRIC_ADR, occurrence: '2026-06-16', cause: 'metric' });
    expect(issue.body).toContain('0.7');
  });

  it('logs a failed query with the file and line, and opens nothing', async () => {
    double = await startSweepDouble({ [METRIC_ADR]: adrText('1. Use PostgreSQL', { extraFront: ['revisit:', `  - when: '${QUERY} > 0.5'`] }) });
    prometheus.answer = () => ({ status: 503, body: 'down' });
    const deps = { ...sweepDeps(double), prometheus: { url: prometheus.url } };
    const result = await sweepRepository(deps, { owner: 'acme', repo: 'decisions' });
    expect(result).toMatchObject({ outcome: 'swept', created: [] });
    const line = deps.logged.find((l) => l.level === 'warn' && l.fields['file'] === METRIC_ADR);
    expect(line?.msg).toMatch(/^docs\/adr\/0001-use-postgres\.md:\d+: metric trigger not evaluated: Prometheus answered HTTP 503/);
  });
  it('evaluates at most 20 distinct queries per repository and lists the rest as not evaluated', async () => {
    const triggers = Array.from({ length: 25 }, (_, i) => `  - when: 'errors_${i} > 0.5'`);
    double = await startSweepDouble({ [METRIC_ADR]: adrText('1. Use PostgreSQL', { extraFront: ['revisit:', ...triggers] }) });
    prometheus.answer = () => ({ status: 200, body: vector('0.1') });
    const deps = { ...sweepDeps(double), prometheus: { url: prometheus.url } };
    expect(await sweepRepository(deps, { owner: 'acme', repo: 'decisions' })).toMatchObject({ outcome: 'swept', created: [] });
    expect(prometheus.queries).toHaveLength(20);
    expect(prometheus.queries.some((q) => q.endsWith('errors_20'))).toBe(false);
    const line = deps.logged.find((l) => l.level === 'warn' && /over the cap of 20/.test(l.msg));
    expect(line?.msg).toMatch(/25 distinct metric queries, over the cap of 20: 5 not evaluated \(docs\/adr\/0001-use-postgres\.md:\d+/);
  });

  it('stops querying for the rest of the sweep after the first timeout', async () => {
    const adr = (q: string) => adrText('1. X', { extraFront: ['revisit:', `  - when: '${q}_a > 0.5'`, `  - when: '${q}_b > 0.5'`] });
    double = await startSweepDouble({ [METRIC_ADR]: adr('first') });
    double.state.addRepo({ owner: OWNER, name: 'second', files: { [METRIC_ADR]: adr('second') } });
    prometheus.answer = () => ({ status: 200, body: vector('0.9'), delayMs: 300 });
    const deps = { ...sweepDeps(double), prometheus: { url: prometheus.url, timeoutMs: 50 } };
    const results = await sweepInstallation(deps);
    expect(results.map((r) => [r.repo, r.outcome, r.created.length])).toEqual([
      ['acme/decisions', 'swept', 0],
      ['acme/second', 'swept', 0],
    ]);
    // One query timed out; none ran after it, in this repository or the next.
    expect(prometheus.queries).toEqual(['GET /api/v1/query first_a']);
    expect(deps.logged.filter((l) => /Prometheus timed out earlier in this sweep/.test(l.msg)).map((l) => l.fields['repo'])).toEqual(['acme/decisions', 'acme/second']);
  });
});
