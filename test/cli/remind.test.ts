import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseReminderMarker, reminderMarker } from '../../src/core/reminders/marker.js';
import type { GitHubDouble } from '../github-double/index.js';
import { adrText, baseFiles, DUE_ADR, issuesOf, OWNER, REPO, startSweepDouble } from '../reminders/reminder-sweep-harness.js';
import { runCli, runCliInProcess } from './cli-harness.js';

// `design-review remind` as a subprocess against the GitHub double.
const TODAY = '2026-06-15';
const CLEAN_ENV = { GITHUB_TOKEN: undefined, GITHUB_REPOSITORY: undefined, GITHUB_API_URL: undefined, APP_ID: undefined, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: undefined, GHE_HOST: undefined, GHE_PROTOCOL: undefined, PROMETHEUS_URL: undefined, GITHUB_ACTIONS: undefined };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'design-review-remind-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('design-review remind with GITHUB_TOKEN (a scheduled workflow)', () => {
  let double: GitHubDouble;
  beforeEach(async () => {
    double = await startSweepDouble();
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  const tokenEnv = () => ({ ...CLEAN_ENV, GITHUB_TOKEN: double.issueToken(42), GITHUB_REPOSITORY: REPO, GITHUB_API_URL: double.url });

  it('opens one issue for the due ADR with labels, assignee and marker; a second run with --state costs one request', async () => {
    const state = join(dir, 'state-1.json');
    const first = await runCli(['remind', '--today', TODAY, '--state', state], dir, tokenEnv());
    expect(first.stderr).not.toMatch(/ghs_/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^acme\/decisions: swept \(opened #1\)$/m);
    const issues = issuesOf(double);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ labels: ['adr-revisit'], assignees: ['arch-alice'], state: 'open' });
    expect(parseReminderMarker(issues[0]!.body ?? '')).toEqual({ path: DUE_ADR, occurrence: '2026-06-01', cause: 'calendar' });

    double.clearRequests();
    const second = await runCli(['remind', '--today', TODAY, '--state', state], dir, tokenEnv());
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^acme\/decisions: unchanged$/m);
    expect(double.requests.map((r) => `${r.operationId} ${r.status}`)).toEqual(['git/get-ref 304']);
    expect(issuesOf(double)).toHaveLength(1);
  });

  it('without --state, a second run reads again but opens nothing new', async () => {
    expect((await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv())).code).toBe(0);
    const second = await runCliInProcess(['remind', '--today', TODAY, '--format', 'json'], dir, tokenEnv());
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as { results: { repo: string; outcome: string; created: number[]; kept: number }[] };
    expect(report.results).toEqual([expect.objectContaining({ repo: REPO, outcome: 'swept', created: [], kept: 1 })]);
    expect(issuesOf(double)).toHaveLength(1);
  });

  it('reminds a recurring ADR at its next occurrence after the last reminder', async () => {
    const path = 'docs/adr/0004-use-redis.md';
    double.state.commit(REPO, { files: { [path]: adrText('4. Use Redis', { date: '2025-01-15', triggers: ['Revisit every 6 months'] }) } });
    double.state.addIssue(REPO, { title: 'old', body: reminderMarker({ path, occurrence: '2026-01-15', cause: 'calendar' }), labels: ['adr-revisit'], state: 'closed' });
    const run = await runCliInProcess(['remind', '--today', '2026-07-20'], dir, tokenEnv());
    expect(run.code).toBe(0);
    const markers = issuesOf(double).map((i) => parseReminderMarker(i.body ?? '')).filter((m) => m?.path === path);
    expect(markers.map((m) => m!.occurrence)).toEqual(['2026-01-15', '2026-07-15']);
  });

  it('closes the reminder with a comment after the ADR moves its date, and opens nothing for a superseded ADR', async () => {
    expect((await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv())).code).toBe(0);
    double.state.commit(REPO, { files: { [DUE_ADR]: adrText('1. Use PostgreSQL', { status: 'superseded', triggers: ['Revisit by 2026-06-01'] }) } });
    const run = await runCliInProcess(['remind', '--today', '2026-06-16'], dir, tokenEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^acme\/decisions: swept \(closed #1\)$/m);
    expect(double.state.findIssue(REPO, 1)!.state).toBe('closed');
    expect(double.state.commentsOn(REPO, 1)[0]!.body).toMatch(/no longer stands \(status superseded\)/);
    expect(issuesOf(double)).toHaveLength(1);
  });

  it('finishes after a crash mid-sweep without duplicates', async () => {
    double.state.commit(REPO, { files: { 'docs/adr/0005-e.md': adrText('5. E', { triggers: ['Revisit by 2026-06-05'] }) } });
    // As many 502s as the client tries (1 + 3 retries): the second creation fails for good in this run.
    double.failNext({ operationId: 'issues/create', status: 502, after: 1, times: 4 });
    const crashed = await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv());
    expect(crashed.code).toBe(1);
    expect(crashed.stdout).toMatch(/^acme\/decisions: failed \(opened #1; GitHub answered 502/m);
    expect(double.pendingFaults()).toEqual([]);
    const resumed = await runCliInProcess(['remind', '--today', TODAY], dir, tokenEnv());
    expect(resumed.code).toBe(0);
    const paths = issuesOf(double).map((i) => parseReminderMarker(i.body ?? '')!.path).sort();
    expect(paths).toEqual([DUE_ADR, 'docs/adr/0005-e.md']);
  }, 120_000);

  it('prints the plan on --dry-run and writes nothing', async () => {
    const run = await runCliInProcess(['remind', '--today', TODAY, '--dry-run'], dir, tokenEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`  would create ${DUE_ADR} (2026-06-01) "Revisit ADR-0001: Use PostgreSQL" → @arch-alice`);
    expect(run.stdout).toMatch(/dry run: nothing written/);
    expect(issuesOf(double)).toEqual([]);
  });

  it('opens the reminder when a metric breaches in Prometheus (PROMETHEUS_URL)', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1781000000, '0.9'] }] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      double.state.commit(REPO, { files: { 'docs/adr/0006-f.md': adrText('6. F', { extraFront: ['revisit:', "  - when: 'errors_ratio > 0.5'"] }) } });
      const run = await runCliInProcess(['remind', '--today', TODAY], dir, { ...tokenEnv(), PROMETHEUS_URL: `http://127.0.0.1:${port}` });
      expect(run.code).toBe(0);
      const metric = issuesOf(double).map((i) => parseReminderMarker(i.body ?? '')).find((m) => m?.path === 'docs/adr/0006-f.md');
      expect(metric).toEqual({ path: 'docs/adr/0006-f.md', occurrence: TODAY, cause: 'metric' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('exits 2 naming the missing variable', async () => {
    const noToken = await runCliInProcess(['remind', '--today', TODAY], dir, { ...CLEAN_ENV, GITHUB_REPOSITORY: REPO });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/GITHUB_TOKEN is not set/);
    const noRepo = await runCliInProcess(['remind', '--today', TODAY], dir, { ...CLEAN_ENV, GITHUB_TOKEN: 'ghs_x' });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toMatch(/GITHUB_REPOSITORY is not set/);
    const noKey = await runCliInProcess(['remind'], dir, { ...CLEAN_ENV, APP_ID: '1' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/PRIVATE_KEY or PRIVATE_KEY_PATH is not set/);
    const badToken = await runCliInProcess(['remind', '--today', TODAY], dir, { ...CLEAN_ENV, GITHUB_TOKEN: 'ghs_secret_value', GITHUB_REPOSITORY: REPO, GITHUB_API_URL: double.url });
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toMatch(/GitHub refused GITHUB_TOKEN/);
    expect(badToken.stderr + badToken.stdout).not.toContain('ghs_secret_value');
    double.violations.length = 0;
  });
});

describe('design-review remind as the App (every installation)', () => {
  let double: GitHubDouble;
  let keyPath: string;
  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    keyPath = join(dir, 'app.pem');
    await writeFile(keyPath, privateKey);
  });
  beforeEach(async () => {
    double = await startSweepDouble();
    double.state.addRepo({ owner: OWNER, name: 'archived', archived: true, files: baseFiles() });
    double.state.addRepo({ owner: OWNER, name: 'no-issues', hasIssues: false, files: baseFiles() });
    double.state.addInstallation({ id: 77, account: 'globex' });
    double.state.addRepo({ owner: 'globex', name: 'arch', files: { 'doc/adr/0001-x.md': adrText('1. X', { triggers: ['Revisit by 2026-02-01'] }) } });
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  const appEnv = () => ({ ...CLEAN_ENV, APP_ID: String(double.state.app.id), PRIVATE_KEY_PATH: keyPath, GHE_HOST: new URL(double.url).host, GHE_PROTOCOL: 'http' });

  it('sweeps every installation, lists skipped repositories, and costs one request per unchanged repository the second time', async () => {
    const state = join(dir, 'state-app.json');
    const first = await runCliInProcess(['remind', '--today', TODAY, '--state', state], dir, appEnv());
    expect(first.stderr).not.toMatch(/BEGIN RSA|ghs_|eyJ/);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').filter((l) => l !== '')).toEqual([
      'acme/archived: skipped (archived)',
      'acme/decisions: swept (opened #1)',
      'acme/no-issues: skipped (issues are turned off)',
      'globex/arch: swept (opened #1)',
      '4 repositories: 2 skipped, 2 swept',
    ]);
    expect(issuesOf(double, 'globex/arch')).toHaveLength(1);
    // GHE_HOST: REST under /api/v3, GraphQL at /api/graphql.
    expect(double.requests.filter((r) => !r.path.startsWith('/api/v3/') && r.path !== '/api/graphql')).toEqual([]);

    double.clearRequests();
    const second = await runCliInProcess(['remind', '--today', TODAY, '--state', state], dir, appEnv());
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/4 repositories: 2 skipped, 2 unchanged/);
    const github = double.requests.map((r) => r.operationId);
    // App: its slug and installations; per installation: a token and its repository listing; per swept repository: one 304.
    expect(github.filter((op) => op === 'git/get-ref')).toHaveLength(2);
    expect(double.requests.filter((r) => r.operationId === 'git/get-ref').every((r) => r.status === 304)).toBe(true);
    expect(github.filter((op) => !['apps/get-authenticated', 'apps/list-installations', 'apps/create-installation-access-token', 'apps/list-repos-accessible-to-installation', 'git/get-ref'].includes(op!))).toEqual([]);
  });

  it('sweeps one repository with --repo, and skips a suspended installation without stopping', async () => {
    const one = await runCliInProcess(['remind', '--today', TODAY, '--repo', 'globex/arch', '--format', 'json'], dir, appEnv());
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout) as { results: { repo: string }[] }).results.map((r) => r.repo)).toEqual(['globex/arch']);
    expect(issuesOf(double, REPO)).toEqual([]);

    double.failNext({ path: '/app/installations/42/access_tokens', status: 403, body: { message: 'This installation has been suspended' } });
    const all = await runCliInProcess(['remind', '--today', TODAY], dir, appEnv());
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^acme\/\*: skipped \(installation 42 \(acme\) refused a token \(HTTP 403\)/m);
    expect(all.stdout).toMatch(/^globex\/arch: swept \(1 kept open\)$/m);
    double.violations.length = 0;
  });
});
