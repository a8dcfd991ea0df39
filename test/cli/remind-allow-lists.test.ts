// `design-review remind` (its main(), in process: the process itself is not what is tested) against the GitHub double and a Prometheus stand-in:
// the `_extends` rule (CONFIG_EXTENDS_ALLOW) and the operator's PROMETHEUS_QUERY_ALLOW.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubDouble } from '../github-double/index.js';
import { adrText, issuesOf, OWNER, REPO, startSweepDouble } from '../reminders/reminder-sweep-harness.js';
import { runCliInProcess } from './cli-harness.js';

const TODAY = '2026-06-15';
const CLEAN_ENV = {
  GITHUB_TOKEN: undefined,
  GITHUB_REPOSITORY: undefined,
  GITHUB_API_URL: undefined,
  APP_ID: undefined,
  PRIVATE_KEY: undefined,
  PRIVATE_KEY_PATH: undefined,
  GHE_HOST: undefined,
  GHE_PROTOCOL: undefined,
  PROMETHEUS_URL: undefined,
  PROMETHEUS_QUERY_ALLOW: undefined,
  CONFIG_EXTENDS_ALLOW: undefined,
  GITHUB_ACTIONS: undefined,
};
const METRIC_ADR = 'docs/adr/0006-latency.md';

let dir: string;
let double: GitHubDouble;
let prometheus: Server;
let prometheusUrl: string;
const queries: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'design-review-remind-allow-'));
  prometheus = createServer((req, res) => {
    queries.push(new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1781000000, '0.9'] }] } }));
  });
  await new Promise<void>((resolve) => prometheus.listen(0, '127.0.0.1', resolve));
  prometheusUrl = `http://127.0.0.1:${(prometheus.address() as AddressInfo).port}`;
});

afterAll(async () => {
  prometheus.closeAllConnections();
  await new Promise((resolve) => prometheus.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  double = await startSweepDouble({ 'README.md': '# Decisions\n' });
  queries.length = 0;
});

afterEach(async () => {
  expect(double.violations).toEqual([]);
  await double.close();
});

const tokenEnv = (extra: Record<string, string> = {}) => ({ ...CLEAN_ENV, GITHUB_TOKEN: double.issueToken(42), GITHUB_REPOSITORY: REPO, GITHUB_API_URL: double.url, ...extra });

describe('design-review remind and `_extends`', () => {
  it('skips a repository whose config extends a private repository, without requesting it or showing its keys', async () => {
    double.state.addRepo({ owner: OWNER, name: 'infra-secrets', private: true, files: { 'deploy/prod.yml': 'database_password: x\napi_key: y\n' } });
    double.state.commit(REPO, { files: { '.github/design-review.yml': '_extends: infra-secrets:deploy/prod.yml\n' } });

    const run = await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv());

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^acme\/decisions: skipped \(invalid configuration: \.github\/design-review\.yml:1: `_extends`: `_extends: infra-secrets:deploy\/prod\.yml` names acme\/infra-secrets, a repository this App does not read configuration from/m);
    expect(run.stdout + run.stderr).not.toMatch(/database_password|api_key/);
    expect(double.requests.filter((r) => r.path.includes('/repos/acme/infra-secrets/'))).toEqual([]);
  });

  it('reads it when CONFIG_EXTENDS_ALLOW names it, and exits 2 on a bad entry', async () => {
    double.state.addRepo({ owner: OWNER, name: 'policies', files: { 'reminders.yml': 'reminders:\n  enabled: false\n' } });
    double.state.commit(REPO, { files: { '.github/design-review.yml': '_extends: policies:reminders.yml\n' } });

    const allowed = await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv({ CONFIG_EXTENDS_ALLOW: 'acme/policies' }));
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/^acme\/decisions: disabled$/m);

    const bad = await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv({ CONFIG_EXTENDS_ALLOW: 'policies' }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('CONFIG_EXTENDS_ALLOW: "policies" is not owner/repo or owner/*');
  });
});

describe('design-review remind and PROMETHEUS_QUERY_ALLOW', () => {
  const seedTrigger = (query: string) =>
    double.state.commit(REPO, { files: { [METRIC_ADR]: adrText('6. Latency', { extraFront: ['revisit:', `  - when: '${query} > 0.5'`] }) } });

  it('sends no query naming a metric the operator does not allow, and reports the trigger with its file and line', async () => {
    seedTrigger('sum(rate(http_requests_total[5m])) / sum(rate(secret_payroll_total[5m]))');

    const run = await runCliInProcess(['remind', '--today', TODAY, '--format', 'json'], dir, tokenEnv({ PROMETHEUS_URL: prometheusUrl, PROMETHEUS_QUERY_ALLOW: 'http_, /api_(latency|errors)_.*/' }));

    expect(run.code).toBe(0);
    expect(queries).toEqual([]);
    expect(run.stderr).toMatch(/docs\/adr\/0006-latency\.md:\d+: metric trigger not evaluated: refused: the query names `secret_payroll_total`, which the operator's PROMETHEUS_QUERY_ALLOW does not allow/);
    const report = JSON.parse(run.stdout) as { results: { skippedAdrs?: { path: string; message: string }[] }[] };
    expect(report.results[0]!.skippedAdrs).toContainEqual(expect.objectContaining({ path: METRIC_ADR, message: expect.stringContaining('PROMETHEUS_QUERY_ALLOW') }));
    expect(issuesOf(double)).toEqual([]);
  });

  it('sends a query whose metrics are all allowed, and opens the reminder it breaches', async () => {
    seedTrigger('histogram_quantile(0.99, sum(rate(api_latency_seconds_bucket[5m])) by (le))');

    const run = await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv({ PROMETHEUS_URL: prometheusUrl, PROMETHEUS_QUERY_ALLOW: 'http_, /api_(latency|errors)_.*/' }));

    expect(run.code).toBe(0);
    expect(queries).toEqual(['histogram_quantile(0.99, sum(rate(api_latency_seconds_bucket[5m])) by (le))']);
    expect(issuesOf(double).map((i) => i.title)).toEqual([expect.stringContaining('ADR-0006')]);
  });

  it('exits 2 on a malformed allow-list rather than sending everything', async () => {
    seedTrigger('up');
    const run = await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv({ PROMETHEUS_URL: prometheusUrl, PROMETHEUS_QUERY_ALLOW: '/api_(/' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PROMETHEUS_QUERY_ALLOW: \/api_\(\/ is not a valid regex/);
    expect(queries).toEqual([]);
  });
});
