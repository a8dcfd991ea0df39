import { afterEach, describe, expect, it } from 'vitest';
import { parseReminderMarker, reminderMarker } from '../../src/core/reminders/marker.js';
import { sweepRepository } from '../../src/reminders/reminder-sweep.js';
import type { GitHubDouble } from '../github-double/index.js';
import { adrText, DUE_ADR, FUTURE_ADR, issuesOf, REPO, requestSummary, startSweepDouble, sweepDeps, TODAY } from './reminder-sweep-harness.js';

const TARGET = { owner: 'acme', repo: 'decisions' };

describe('sweepRepository', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it('opens one reminder for the due ADR, with labels, the CODEOWNERS assignee and the marker; nothing for superseded or future ones', async () => {
    double = await startSweepDouble();
    const deps = sweepDeps(double);
    const result = await sweepRepository(deps, TARGET);
    expect(result).toMatchObject({ repo: REPO, outcome: 'swept', closed: [], kept: 0 });
    expect(result.created).toHaveLength(1);
    const issues = issuesOf(double);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue!.labels).toEqual(['adr-revisit']);
    expect(issue!.assignees).toEqual(['arch-alice']);
    expect(parseReminderMarker(issue!.body ?? '')).toEqual({ path: DUE_ADR, occurrence: '2026-06-01', cause: 'calendar' });
    expect(issue!.title).toContain('Use PostgreSQL');
    // Listing once, blobs in one GraphQL batch, one issue listing: the count does not grow with the ADRs.
    expect(requestSummary(double)).toEqual([
      'GET repos/get 200',
      'GET git/get-ref 200',
      'GET repos/get-content 404',
      'GET repos/get-content 404',
      'GET git/get-tree 200',
      'POST graphql 200',
      'GET issues/list-for-repo 200',
      'POST issues/create 201',
    ]);
  });

  it('costs one request (a 304) when swept again and nothing changed, the same day and later, until the next date comes', async () => {
    double = await startSweepDouble();
    const deps = sweepDeps(double);
    await sweepRepository(deps, TARGET);
    double.clearRequests();

    expect(await sweepRepository(deps, TARGET)).toMatchObject({ outcome: 'unchanged', created: [] });
    expect(requestSummary(double)).toEqual(['GET git/get-ref 304']);
    expect(double.requests[0]!.headers['if-none-match']).toMatch(/^W\/"/);

    double.clearRequests();
    expect(await sweepRepository({ ...deps, today: () => '2026-06-21' }, TARGET)).toMatchObject({ outcome: 'unchanged' });
    expect(requestSummary(double)).toEqual(['GET git/get-ref 304']);

    // A week on, the sweep reads everything once more (a config `_extends` elsewhere leaves no trace here): nothing new to do.
    double.clearRequests();
    expect(await sweepRepository({ ...deps, today: () => '2026-06-22' }, TARGET)).toMatchObject({ outcome: 'swept', created: [], kept: 1 });
    expect(requestSummary(double)).toContain('GET git/get-tree 200');
    double.clearRequests();
    expect(await sweepRepository({ ...deps, today: () => '2026-06-28' }, TARGET)).toMatchObject({ outcome: 'unchanged' });
    expect(issuesOf(double)).toHaveLength(1);

    // 2027-01-01 is the Kafka ADR's date: the branch did not move, so only the issue listing and the write are needed.
    double.clearRequests();
    await sweepRepository({ ...deps, today: () => '2026-12-29' }, TARGET);
    double.clearRequests();
    const dueDay = await sweepRepository({ ...deps, today: () => '2027-01-01' }, TARGET);
    expect(dueDay.created).toHaveLength(1);
    expect(requestSummary(double)).toEqual(['GET git/get-ref 304', 'GET issues/list-for-repo 200', 'POST issues/create 201']);
    expect(parseReminderMarker(issuesOf(double)[1]!.body ?? '')).toMatchObject({ path: FUTURE_ADR, occurrence: '2027-01-01' });
  });

  it('reads only the tree when the branch moved but no ADR, config or CODEOWNERS changed', async () => {
    double = await startSweepDouble();
    const deps = sweepDeps(double);
    await sweepRepository(deps, TARGET);
    double.state.commit(REPO, { files: { 'src/app.ts': 'export {};\n' } });
    double.clearRequests();
    expect(await sweepRepository(deps, TARGET)).toMatchObject({ outcome: 'unchanged' });
    expect(requestSummary(double)).toEqual(['GET git/get-ref 200', 'GET git/get-tree 200']);
    double.clearRequests();
    expect(await sweepRepository(deps, TARGET)).toMatchObject({ outcome: 'unchanged' });
    expect(requestSummary(double)).toEqual(['GET git/get-ref 304']);
  });

  it('reminds a recurring trigger again after the last reminder, once', async () => {
    const recurring = 'docs/adr/0004-use-redis.md';
    double = await startSweepDouble({ [recurring]: adrText('4. Use Redis', { date: '2025-01-15', triggers: ['Revisit every 6 months'] }) });
    double.state.addIssue(REPO, {
      title: 'Revisit ADR 4',
      body: `${reminderMarker({ path: recurring, occurrence: '2026-01-15', cause: 'calendar' })}\nDone.`,
      labels: ['adr-revisit'],
      state: 'closed',
      user: 'design-review[bot]',
    });
    const deps = sweepDeps(double, { today: '2026-07-20' });
    const first = await sweepRepository(deps, TARGET);
    expect(first.created).toHaveLength(1);
    expect(parseReminderMarker(issuesOf(double).at(-1)!.body ?? '')).toEqual({ path: recurring, occurrence: '2026-07-15', cause: 'calendar' });
    // A second process (no cache) plans the same: the marker makes it idempotent.
    const again = await sweepRepository(sweepDeps(double, { today: '2026-07-21' }), TARGET);
    expect(again).toMatchObject({ outcome: 'swept', created: [], kept: 1 });
    expect(issuesOf(double)).toHaveLength(2);
  });

  it('closes a reminder with a comment when the ADR moves its date into the future', async () => {
    double = await startSweepDouble();
    const deps = sweepDeps(double);
    const first = await sweepRepository(deps, TARGET);
    const number = first.created[0]!;
    double.state.commit(REPO, { files: { [DUE_ADR]: adrText('1. Use PostgreSQL', { triggers: ['Revisit by 2026-12-01'] }) } });
    const second = await sweepRepository({ ...deps, today: () => '2026-06-16' }, TARGET);
    expect(second).toMatchObject({ outcome: 'swept', created: [], closed: [number] });
    const issue = double.state.findIssue(REPO, number)!;
    expect(issue.state).toBe('closed');
    const comments = double.state.commentsOn(REPO, number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('2026-12-01');
    // The new date comes: a new reminder, the closed one stays closed.
    const third = await sweepRepository({ ...deps, today: () => '2026-12-01' }, TARGET);
    expect(third.created).toHaveLength(1);
    expect(issuesOf(double).filter((i) => i.state === 'open')).toHaveLength(1);
  });

  it('finishes after a crash on the second issue creation without duplicates', async () => {
    const files = {
      'docs/adr/0001-a.md': adrText('1. A', { triggers: ['Revisit by 2026-06-01'] }),
      'docs/adr/0002-b.md': adrText('2. B', { triggers: ['Revisit by 2026-06-02'] }),
      'docs/adr/0003-c.md': adrText('3. C', { triggers: ['Revisit by 2026-06-03'] }),
    };
    double = await startSweepDouble(files);
    const deps = sweepDeps(double);
    // The first creation succeeds, the second gets a 502 (a plain client: no retry hides it).
    double.failNext({ operationId: 'issues/create', status: 502, after: 1 });
    const crashed = await sweepRepository(deps, TARGET);
    expect(crashed.outcome).toBe('failed');
    expect(crashed.created).toHaveLength(1);
    expect(crashed.reason).toMatch(/502/);
    expect(issuesOf(double)).toHaveLength(1);

    const resumed = await sweepRepository(deps, TARGET);
    expect(resumed).toMatchObject({ outcome: 'swept', kept: 1 });
    expect(resumed.created).toHaveLength(2);
    const occurrences = issuesOf(double).map((i) => parseReminderMarker(i.body ?? '')!.path);
    expect(occurrences.sort()).toEqual(['docs/adr/0001-a.md', 'docs/adr/0002-b.md', 'docs/adr/0003-c.md']);
  });

  it('opens the reminder without assignees when GitHub refuses the assignee', async () => {
    double = await startSweepDouble();
    double.state.repo(REPO).permissions.delete('arch-alice');
    const deps = sweepDeps(double);
    const result = await sweepRepository(deps, TARGET);
    expect(result.created).toHaveLength(1);
    expect(issuesOf(double)[0]!.assignees ?? []).toEqual([]);
    expect(double.requestsFor('issues/create').map((r) => r.status)).toEqual([422, 201]);
    expect(deps.logged.some((l) => l.level === 'warn' && /refused the assignees arch-alice/.test(l.msg))).toBe(true);
    // The refused request is GitHub's answer, not a malformed request.
    double.violations.length = 0;
  });

  it('logs an unreadable date with file and line and goes on with the other ADRs', async () => {
    double = await startSweepDouble({
      'docs/adr/0001-a.md': adrText('1. A', { triggers: ['Revisit by 2026-06-01'] }),
      'docs/adr/0002-b.md': adrText('2. B', { date: '04/09/2020', triggers: ['Revisit after 6 months'] }),
    });
    const deps = sweepDeps(double);
    const result = await sweepRepository(deps, TARGET);
    expect(result.created).toHaveLength(1);
    expect(result.skippedAdrs).toEqual([expect.objectContaining({ path: 'docs/adr/0002-b.md', line: expect.any(Number) })]);
    const line = deps.logged.find((l) => l.fields['file'] === 'docs/adr/0002-b.md');
    expect(line?.msg).toMatch(/^docs\/adr\/0002-b\.md:\d+: .*ambiguous/);
  });

  it('plans without writing on a dry run', async () => {
    double = await startSweepDouble();
    const deps = sweepDeps(double);
    const result = await sweepRepository({ ...deps, dryRun: true }, TARGET);
    expect(result.planned).toEqual([expect.objectContaining({ action: 'create', path: DUE_ADR, occurrence: '2026-06-01', assignees: ['arch-alice'] })]);
    expect(result.created).toEqual([]);
    expect(issuesOf(double)).toEqual([]);
    expect(double.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'graphql')).toEqual([]);
    // Nothing remembered: the real sweep afterwards reads everything and opens the issue.
    const real = await sweepRepository(deps, TARGET);
    expect(real.created).toHaveLength(1);
  });

  it('stops at the config when reminders are turned off, and then costs one request', async () => {
    double = await startSweepDouble({ ...{ [DUE_ADR]: adrText('1. X', { triggers: ['Revisit by 2026-06-01'] }) }, '.github/design-review.yml': 'reminders:\n  enabled: false\n' });
    const deps = sweepDeps(double);
    expect(await sweepRepository(deps, TARGET)).toMatchObject({ outcome: 'disabled', created: [] });
    expect(issuesOf(double)).toEqual([]);
    double.clearRequests();
    expect(await sweepRepository(deps, TARGET)).toMatchObject({ outcome: 'disabled' });
    expect(requestSummary(double)).toEqual(['GET git/get-ref 304']);
  });

  it('keeps one "Decision health" issue, edited only when it changes', async () => {
    double = await startSweepDouble({ ...baseFilesWithHealth() });
    const deps = sweepDeps(double);
    const first = await sweepRepository(deps, TARGET);
    expect(first.health).toBeDefined();
    const health = double.state.findIssue(REPO, first.health!)!;
    expect(health.title).toBe('Decision health');
    expect(health.body).toContain('<!-- design-review:decision-health -->');
    expect(health.body).toContain(`#${first.created[0]}`);

    // A full sweep the next day with nothing new: no edit (only the date in the body would differ).
    double.clearRequests();
    await sweepRepository(sweepDeps(double, { today: '2026-06-16' }), TARGET);
    expect(double.requestsFor('issues/update')).toEqual([]);
    expect(double.requestsFor('issues/create')).toEqual([]);

    // A new ADR changes the table: the same issue is edited in place.
    double.state.commit(REPO, { files: { 'docs/adr/0004-d.md': adrText('4. D', { triggers: ['Revisit by 2028-01-01'] }) } });
    double.clearRequests();
    const third = await sweepRepository(sweepDeps(double, { today: '2026-06-17' }), TARGET);
    expect(third.health).toBe(first.health);
    expect(double.requestsFor('issues/update')).toHaveLength(1);
    expect(double.state.findIssue(REPO, first.health!)!.body).toContain('ADR-0004');
    expect(issuesOf(double).filter((i) => i.title === 'Decision health')).toHaveLength(1);
  });
});

function baseFilesWithHealth(): Record<string, string> {
  return {
    [DUE_ADR]: adrText('1. Use PostgreSQL', { triggers: ['Revisit by 2026-06-01'] }),
    '.github/design-review.yml': 'reminders:\n  healthIssue: true\n',
  };
}

void TODAY;

describe('sweepRepository: whose issues count as reminders', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it('ignores a labelled issue with a forged reminder marker written by someone else', async () => {
    double = await startSweepDouble();
    // A user claims the due ADR was reminded for an occurrence far ahead, to silence it.
    const forged = double.state.addIssue(REPO, {
      title: 'Revisit',
      body: reminderMarker({ path: DUE_ADR, occurrence: '2099-01-01', cause: 'calendar' }),
      user: 'mallory',
      labels: ['adr-revisit'],
    });
    const result = await sweepRepository(sweepDeps(double), TARGET);
    expect(result.created).toHaveLength(1);
    const opened = double.state.findIssue(REPO, result.created[0]!)!;
    expect(opened.user.login).toBe(`${double.state.app.slug}[bot]`);
    expect(parseReminderMarker(opened.body ?? '')).toEqual({ path: DUE_ADR, occurrence: '2026-06-01', cause: 'calendar' });
    // The forged issue is neither kept nor closed: it is not the bot's.
    expect(result.closed).toEqual([]);
    expect(double.state.findIssue(REPO, forged.number)!.state).toBe('open');
  });

  it('still finds its reminder after the label was removed, and opens no duplicate', async () => {
    double = await startSweepDouble();
    const first = await sweepRepository(sweepDeps(double), TARGET);
    expect(first.created).toHaveLength(1);
    double.state.findIssue(REPO, first.created[0]!)!.labels = [];

    // The next day, a full read (no cache): the reminder is listed as the bot's own issue.
    double.clearRequests();
    const again = await sweepRepository(sweepDeps(double, { today: '2026-06-16' }), TARGET);
    expect(again).toMatchObject({ outcome: 'swept', created: [], closed: [] });
    expect(issuesOf(double)).toHaveLength(1);
    // One issue listing, by creator: no extra request for it.
    const listings = double.requestsFor('issues/list-for-repo');
    expect(listings).toHaveLength(1);
    expect(listings[0]!.query['creator']).toBe(`${double.state.app.slug}[bot]`);
  });
});

describe('sweepRepository: links in reminders', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it("links the ADR at the repository's html_url (its own host, as on GitHub Enterprise Server), also from remembered inputs", async () => {
    double = await startSweepDouble();
    const deps = sweepDeps(double);
    const first = await sweepRepository(deps, TARGET);
    const body = double.state.findIssue(REPO, first.created[0]!)!.body ?? '';
    expect(body).toContain(`${double.url}/${REPO}/blob/`);
    expect(body).not.toContain('https://github.com/');

    // 2027-01-01 comes without the branch moving: no repos/get, the remembered html_url links the new reminder.
    await sweepRepository({ ...deps, today: () => '2026-12-29' }, TARGET);
    double.clearRequests();
    const due = await sweepRepository({ ...deps, today: () => '2027-01-01' }, TARGET);
    expect(double.requestsFor('repos/get')).toEqual([]);
    const later = double.state.findIssue(REPO, due.created[0]!)!.body ?? '';
    expect(later).toContain(`${double.url}/${REPO}/blob/`);
    expect(later).toContain(FUTURE_ADR.split('/').pop());
  });
});

describe('sweepRepository: a truncated tree', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  // An open reminder of the bot for an ADR deep down that the sweep does not list.
  function seedDeepReminder(): number {
    return double.state.addIssue(REPO, {
      title: 'Revisit ADR 9',
      body: reminderMarker({ path: 'docs/adr/area/team/0009-deep.md', occurrence: '2026-05-01', cause: 'calendar' }),
      user: `${double.state.app.slug}[bot]`,
      labels: ['adr-revisit'],
    }).number;
  }

  it('closes no reminder as removed when GitHub truncated the tree, and says so', async () => {
    double = await startSweepDouble();
    const deep = seedDeepReminder();
    double.failNext({ operationId: 'git/get-tree', status: 200, body: { sha: 'f'.repeat(40), url: `${double.url}/x`, tree: [], truncated: true } });
    const deps = sweepDeps(double);
    const result = await sweepRepository(deps, TARGET);
    expect(result).toMatchObject({ outcome: 'swept', closed: [] });
    // The folder listing still found the ADRs it can reach.
    expect(result.created).toHaveLength(1);
    expect(double.state.findIssue(REPO, deep)!.state).toBe('open');
    expect(deps.logged.some((l) => l.level === 'warn' && /truncated/.test(l.msg) && l.msg.includes('0009-deep.md'))).toBe(true);
  });

  it('closes it as removed when the tree is complete (the control)', async () => {
    double = await startSweepDouble();
    const deep = seedDeepReminder();
    const result = await sweepRepository(sweepDeps(double), TARGET);
    expect(result.closed).toEqual([deep]);
  });
});
