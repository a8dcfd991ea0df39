import { afterEach, describe, expect, it } from 'vitest';
import { sweepInstallation, sweepRepository } from '../../src/reminders/reminder-sweep.js';
import type { GitHubDouble } from '../github-double/index.js';
import { adrText, baseFiles, issuesOf, OWNER, requestSummary, startSweepDouble, sweepDeps } from './reminder-sweep-harness.js';

describe('sweepInstallation', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('sweeps every repository of the installation, skipping archived ones and those without issues from the listing', async () => {
    double = await startSweepDouble();
    double.state.addRepo({ owner: OWNER, name: 'archived', archived: true, files: baseFiles() });
    double.state.addRepo({ owner: OWNER, name: 'no-issues', hasIssues: false, files: baseFiles() });
    double.state.addRepo({ owner: OWNER, name: 'other', files: { 'docs/adr/0001-x.md': adrText('1. X', { triggers: ['Revisit by 2026-01-01'] }) } });
    const deps = sweepDeps(double);
    const results = await sweepInstallation(deps);
    expect(results.map((r) => [r.repo, r.outcome, r.created.length, r.reason])).toEqual([
      ['acme/archived', 'skipped', 0, 'archived'],
      ['acme/decisions', 'swept', 1, undefined],
      ['acme/no-issues', 'skipped', 0, 'issues are turned off'],
      ['acme/other', 'swept', 1, undefined],
    ]);
    // Skipped repositories cost no request beyond the listing.
    expect(double.requests.filter((r) => r.path.includes('/archived') || r.path.includes('/no-issues'))).toEqual([]);
    expect(issuesOf(double, 'acme/archived')).toEqual([]);
    // The listing's html_url (the double's own host) links the ADR, with no repos/get.
    expect(double.requestsFor('repos/get')).toEqual([]);
    expect(issuesOf(double, 'acme/other')[0]!.body).toContain(`${double.url}/acme/other/blob/`);

    double.clearRequests();
    const again = await sweepInstallation(deps);
    expect(again.map((r) => r.outcome)).toEqual(['skipped', 'unchanged', 'skipped', 'unchanged']);
    // The listing plus one conditional request per unchanged repository.
    expect(requestSummary(double)).toEqual([
      'GET apps/list-repos-accessible-to-installation 200',
      'GET git/get-ref 304',
      'GET git/get-ref 304',
    ]);
  });

  it('reports the rest of the installation failed, without requests, when GitHub stops accepting its token mid-sweep', async () => {
    double = await startSweepDouble();
    double.state.addRepo({ owner: OWNER, name: 'later', files: baseFiles() });
    double.state.addRepo({ owner: OWNER, name: 'last', files: baseFiles() });
    double.failNext({ path: /\/repos\/acme\/decisions\//, status: 401, body: { message: 'Bad credentials' } });
    const deps = sweepDeps(double);
    const results = await sweepInstallation(deps);
    // A 401 may be transient (or an expired token): failed, so the next sweep tries again; never "gone".
    expect(results.map((r) => [r.repo, r.outcome])).toEqual([
      ['acme/decisions', 'failed'],
      ['acme/last', 'failed'],
      ['acme/later', 'failed'],
    ]);
    expect(results[1]!.reason).toMatch(/not tried: GitHub refused the installation's token/);
    expect(double.requests.filter((r) => r.path.includes('/repos/acme/la'))).toEqual([]);
    expect(deps.logged.some((l) => l.level === 'error' && /Bad credentials/.test(l.msg))).toBe(true);
    double.violations.length = 0;
  });

  it('skips a repository that disappears (404) or is archived (403 on write) and goes on', async () => {
    double = await startSweepDouble();
    double.state.addRepo({ owner: OWNER, name: 'second', files: baseFiles() });
    double.failNext({ path: /^\/repos\/acme\/decisions\/git\/trees\//, status: 404 });
    const deps = sweepDeps(double);
    const results = await sweepInstallation(deps);
    expect(results.map((r) => [r.repo, r.outcome])).toEqual([
      ['acme/decisions', 'skipped'],
      ['acme/second', 'swept'],
    ]);

    // Archived between two sweeps, when a date comes on the unchanged branch: GitHub refuses the write with 403.
    double.state.addRepo({ owner: OWNER, name: 'soon', files: { 'docs/adr/0001-x.md': adrText('1. X', { triggers: ['Revisit by 2026-06-18'] }) } });
    const soon = { owner: OWNER, repo: 'soon' };
    expect(await sweepRepository(deps, soon)).toMatchObject({ outcome: 'swept', created: [] });
    double.state.repo('acme/soon').archived = true;
    double.clearRequests();
    const archived = await sweepRepository({ ...deps, today: () => '2026-06-18' }, soon);
    expect(archived).toMatchObject({ outcome: 'skipped', reason: 'archived', status: 403 });
    expect(requestSummary(double)).toEqual(['GET git/get-ref 304', 'GET issues/list-for-repo 200', 'POST issues/create 403']);
  });

  it('reports a failed installation listing as one skipped entry', async () => {
    double = await startSweepDouble();
    double.failNext({ operationId: 'apps/list-repos-accessible-to-installation', status: 403, body: { message: 'This installation has been suspended' } });
    const results = await sweepInstallation(sweepDeps(double));
    expect(results).toEqual([expect.objectContaining({ repo: '(installation)', outcome: 'skipped', status: 403 })]);
    double.violations.length = 0;
  });
});
