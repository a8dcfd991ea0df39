// Whose issues the reminder sweep takes for its own (isOwnIssue), three sweeps in a row each, on the
// GitHub double with a plain client: a personal token (the sweep writes as a person, and learns who
// from GitHub), and a sweep that cannot learn its own login (only labelled issues by a bot account
// count then). Sweeps as the App and with GITHUB_TOKEN or an App token: test/app and test/cli.
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { hasHealthMarker, parseReminderMarker, reminderMarker } from '../../src/core/reminders/marker.js';
import { readTokenLogin } from '../../src/github/token-login.js';
import { sweepRepository } from '../../src/reminders/reminder-sweep.js';
import type { GitHubDouble } from '../github-double/index.js';
import { DUE_ADR, forgeMarkers, identityFiles, INSTALLATION_ID, issuesOf, OWNER, NAME, REPO, SECOND_DUE, startSweepDouble, sweepDeps, type Logged } from './reminder-sweep-harness.js';

const TARGET = { owner: OWNER, repo: NAME };
const DUE = [`${DUE_ADR} 2026-06-01`, `${SECOND_DUE} 2026-05-01`];
const QUIET = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };


/** Open reminders (path and occurrence) and health issues among `authors`' issues. */
function openOf(double: GitHubDouble, authors: string[]) {
  const open = issuesOf(double).filter((i) => authors.includes(i.user.login) && i.state === 'open');
  return {
    reminders: open.map((i) => parseReminderMarker(i.body ?? '')).filter((m) => m !== undefined).map((m) => `${m.path} ${m.occurrence}`).sort(),
    health: open.filter((i) => hasHealthMarker(i.body ?? '')).length,
  };
}

describe('sweepRepository: whose issues are its own, three sweeps each', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it("with a personal token it asks GitHub who the token is (ops-olga) and takes that person's issues only", async () => {
    double = await startSweepDouble(identityFiles());
    const { issue: forged, original } = forgeMarkers(double);
    for (const sweep of [1, 2, 3]) {
      const gh = new Octokit({ baseUrl: double.url, auth: double.issueToken(INSTALLATION_ID, { as: 'ops-olga' }), log: QUIET });
      const result = await sweepRepository({ ...sweepDeps(double), gh, ownLogin: () => readTokenLogin(gh) }, TARGET);
      expect(result, `sweep ${sweep}`).toMatchObject({ outcome: 'swept', created: sweep === 1 ? [expect.any(Number), expect.any(Number)] : [], closed: [] });
      expect(openOf(double, ['ops-olga']), `sweep ${sweep}`).toEqual({ reminders: DUE, health: 1 });
      expect(issuesOf(double).filter((i) => i.user.login === 'ops-olga' && i.state === 'closed')).toEqual([]);
    }
    expect(double.requestsFor('issues/list-for-repo').map((r) => r.query['creator'])).toEqual(['ops-olga', 'ops-olga', 'ops-olga']);
    expect({ title: forged.title, body: forged.body, state: forged.state, labels: forged.labels }).toEqual(original);
    expect(double.state.commentsOn(REPO, forged.number)).toEqual([]);
  });

  it("when GitHub refuses to say who the token is, a bot's labelled reminder still counts and a person's never does", async () => {
    double = await startSweepDouble(identityFiles());
    // A reminder a run before wrote with GITHUB_TOKEN, and mallory's copy of the markers.
    const earlier = double.state.addIssue(REPO, {
      title: 'Revisit ADR-0001: Use PostgreSQL',
      body: reminderMarker({ path: DUE_ADR, occurrence: '2026-06-01', cause: 'calendar' }),
      user: 'github-actions[bot]',
      labels: ['adr-revisit'],
    });
    const { issue: forged, original } = forgeMarkers(double);
    const logged: Logged[] = [];
    for (const sweep of [1, 2, 3]) {
      const deps = sweepDeps(double, { logged });
      // GitHub refuses the viewer question (the second GraphQL query of a full sweep, after the ADR batch).
      double.failNext({ operationId: 'graphql', after: 1, status: 200, body: { data: null, errors: [{ message: 'Resource not accessible by integration' }] } });
      const result = await sweepRepository({ ...deps, ownLogin: () => readTokenLogin(deps.gh) }, TARGET);
      expect(double.pendingFaults()).toEqual([]);
      // The earlier reminder stands for the due ADR; the second ADR gets its own, once.
      expect(result, `sweep ${sweep}`).toMatchObject({ outcome: 'swept', created: sweep === 1 ? [expect.any(Number)] : [], closed: [], kept: sweep === 1 ? 1 : 2 });
      expect(openOf(double, ['github-actions[bot]', 'design-review[bot]']), `sweep ${sweep}`).toEqual({ reminders: DUE, health: 1 });
    }
    expect(double.state.findIssue(REPO, earlier.number)!.state).toBe('open');
    expect({ title: forged.title, body: forged.body, state: forged.state, labels: forged.labels }).toEqual(original);
    expect(double.state.commentsOn(REPO, forged.number)).toEqual([]);
    expect(double.requests.filter((r) => r.method !== 'GET' && r.path.includes(`/issues/${forged.number}`))).toEqual([]);
    const warnings = logged.filter((l) => l.level === 'warn' && /own login is unknown \([^]*Resource not accessible by integration[^]*\): only labelled issues by a bot account count/.test(l.msg));
    expect(warnings).toHaveLength(3);
  });
});
