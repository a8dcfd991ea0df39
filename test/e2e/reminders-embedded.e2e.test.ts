// End to end: the built App with the embedded reminder scheduler (no Redis) sweeps on its own
// schedule. REMINDER_SCHEDULE='*/2 * * * * *' (a seconds field, the testing aid) makes ticks come
// every two seconds through the same cron code path a daily schedule takes.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { secondaryRateLimit, startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { startApp, waitFor, type AppProcess } from './app-process.js';
import { dueAdr, issueCreations, logLines, notDueAdr } from './reminder-fixtures.js';

const EVERY_TWO_SECONDS = '*/2 * * * * *';
let github: GitHubDouble;
/** The SIGTERM test's own double: its App sweeps every installation it is shown. */
let signalled: GitHubDouble;
const apps: AppProcess[] = [];

beforeAll(async () => {
  [github, signalled] = await Promise.all([startGitHubDouble(), startGitHubDouble()]);
  github.state.addInstallation({ id: 42, account: 'acme' });
}, 120_000);

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop(5000)));
  await Promise.all([github?.close(), signalled?.close()]);
});

async function launch(env: NodeJS.ProcessEnv, double: GitHubDouble = github): Promise<AppProcess> {
  const app = await startApp(double, { LOG_LEVEL: 'info', REMINDER_SCHEDULE: EVERY_TWO_SECONDS, ...env });
  apps.push(app);
  return app;
}

// Concurrent: each test has an App and a GitHub double of its own, and mostly waits for ticks.
describe.concurrent('embedded reminder scheduler', () => {
  it('opens exactly one reminder issue for a due ADR, and a second tick opens none', { timeout: 120_000 }, async ({ expect }) => {
    github.state.addRepo({
      owner: 'acme',
      name: 'decisions',
      installationId: 42,
      files: { 'docs/adr/0001-use-postgresql.md': dueAdr(1), 'docs/adr/0002-use-kafka.md': notDueAdr(2) },
    });
    const app = await launch({});
    expect(app.output()).toContain('"reminders":"embedded"');
    expect(app.output()).toContain('REMINDER_SCHEDULE has a seconds field');

    await waitFor('the reminder issue', () => issueCreations(github.requests, 'acme/decisions').length > 0, 30_000, app.output);
    const finishedAtCreation = logLines(app.output(), 'reminder sweep finished').length;
    await waitFor('two more sweeps', () => logLines(app.output(), 'reminder sweep finished').length >= finishedAtCreation + 2, 30_000, app.output);

    expect(issueCreations(github.requests, 'acme/decisions')).toHaveLength(1);
    const issues = [...github.state.issues.values()].filter((i) => i.repo.toLowerCase() === 'acme/decisions');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('docs/adr/0001-use-postgresql.md');

    // Every line the sweep logs (its child logger, name "reminders") names the installation; each period is swept once.
    const sweepLines = logLines(app.output(), '"name":"reminders"');
    expect(sweepLines.length).toBeGreaterThan(2);
    for (const line of sweepLines) expect(line).toMatchObject({ installation: 42, source: 'embedded' });
    const periods = logLines(app.output(), 'reminder sweep finished').map((l) => l['period']);
    expect(new Set(periods).size).toBe(periods.length);

    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/design_review_reminder_sweeps_total\{outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/design_review_reminder_repositories_total\{outcome="swept"\} 1\n/);
    expect(metrics).toMatch(/design_review_reminder_sweep_duration_seconds_count\{outcome="ok"\} [1-9]/);
    expect(github.violations).toEqual([]);
    expect(await app.stop(10_000)).toBe(0);
  });

  it('SIGTERM while a sweep runs lets it finish, then exits 0', { timeout: 120_000 }, async ({ expect }) => {
    const github = signalled;
    // Only installation 43 on this double. A secondary rate limit on the repository listing keeps
    // the sweep busy for two seconds while the signal arrives.
    github.state.addInstallation({ id: 43, account: 'globex' });
    github.state.addRepo({ owner: 'globex', name: 'adrs', installationId: 43, files: { 'docs/adr/0001-use-postgresql.md': dueAdr(1) } });
    github.failNext(secondaryRateLimit({ retryAfterSeconds: 2, method: 'GET', path: /\/installation\/repositories$/ }));
    const app = await launch({ SHUTDOWN_TIMEOUT_MS: '20000' }, github);
    await waitFor('the sweep to start', () => logLines(app.output(), 'reminder sweep started').length > 0, 20_000, app.output);
    expect(issueCreations(github.requests, 'globex/adrs')).toHaveLength(0);
    const exit = new Promise<number | null>((resolve) => app.child.once('exit', (code) => resolve(code)));
    app.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(issueCreations(github.requests, 'globex/adrs')).toHaveLength(1);
    expect(logLines(app.output(), 'reminder sweep finished')).toHaveLength(1);
    expect(app.output()).toContain('design-review: reminder scheduler stopped');
    expect(github.violations).toEqual([]);
  });
});
