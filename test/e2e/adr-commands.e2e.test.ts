// End to end: /adr commands through the built App (node dist/main.js) and the GitHub double, driven by
// signed deliveries built from real example payloads (issue_comment.created, issues.opened).
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { review } from '../../src/core/review/review.js';
import { deepMerge } from '../github-double/deliveries.js';
import { buildDelivery, issueCommentPatch, sendDelivery, startGitHubDouble, type GitHubDouble, type RecordedRequest, type WebhookDelivery } from '../github-double/index.js';
import { issueJson, repoJson, userJson } from '../github-double/response-shapes.js';
import { reviewOptions } from '../helpers/review-options.js';
import { startApp, waitFor as waitForApp, WEBHOOK_SECRET as SECRET, type AppProcess } from './app-process.js';

// Scenarios run at once (describe({ concurrent: true })): each repository lives in an organization
// `<repo>-org` with an installation of its own, so scenarios share neither the App's per-repository
// command queue nor Octokit's per-installation write spacing (1 s, 3 s for comments and pull
// requests), and every "nothing more happened" check is scoped to the scenario's repository.
// COMMAND_CONCURRENCY lets the App run that many command jobs across repositories at once.
const COMMAND_CONCURRENCY = '16';
/** How long GitHub waits for a webhook's answer before it counts the delivery as failed. */
const GITHUB_DELIVERY_TIMEOUT_MS = 10_000;

const ADR_1 = `# 1. Use PostgreSQL for order storage

Date: 2024-03-12

## Status

Accepted

## Context

Orders need transactions across orders, payments and stock.

## Decision

We will store orders in PostgreSQL 16.
`;

const ISSUE_BODY = `Orders and payments drift apart: about 40 orders a week are paid but never confirmed, and support repairs them by hand.
We need the order and its payment written atomically before the peak season in March.

## Options

- PostgreSQL 16 on the managed database service
- Keep the document store and the nightly repair job
`;

let github: GitHubDouble;
let app: AppProcess;

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  return waitForApp(what, probe, timeoutMs, () => app.output());
}

/** The organization holding repository `name`, on an installation of its own. */
function ownerOf(name: string): string {
  return `${name}-org`;
}

function addRepo(name: string, files: Record<string, string> = { 'README.md': `# ${name}\n` }, extra: { archived?: boolean } = {}) {
  const { id: installationId } = github.state.addInstallation({ account: ownerOf(name) });
  return github.state.addRepo({ owner: ownerOf(name), name, installationId, files, ...extra });
}

function fullName(name: string): string {
  return `${ownerOf(name)}/${name}`;
}

/** An issue comment stored in the double and its `issue_comment.created` delivery. */
function commentDelivery(repo: string, issueNumber: number, body: string, user: string, patch: Record<string, unknown> = {}) {
  const comment = github.state.addIssueComment(fullName(repo), issueNumber, { body, user });
  const delivery = buildDelivery('issue_comment', 'created', deepMerge(issueCommentPatch(github.state, github.url, comment.id), patch), { secret: SECRET });
  return { comment, delivery };
}

/** An `issues.opened` delivery for an issue stored in the double. */
function issueOpenedDelivery(repo: string, issueNumber: number): WebhookDelivery {
  const urls = { api: github.url, web: github.url };
  const issue = github.state.findIssue(fullName(repo), issueNumber)!;
  const record = github.state.repo(fullName(repo));
  const installation = record.installationId!;
  return buildDelivery(
    'issues',
    'opened',
    {
      repository: repoJson(urls, record),
      installation: { id: installation, node_id: Buffer.from(`Installation${installation}`).toString('base64') },
      organization: undefined,
      issue: issueJson(urls, github.state, issue),
      sender: userJson(urls, issue.user),
    },
    { secret: SECRET },
  );
}

async function deliver(delivery: WebhookDelivery) {
  const started = performance.now();
  const response = await sendDelivery(app.webhookUrl, delivery, SECRET);
  return { response, ackMs: performance.now() - started };
}

function replies(repo: string, issueNumber: number) {
  return github.state.commentsOn(fullName(repo), issueNumber).filter((c) => c.user.login === github.state.app.bot.login && c.body.includes('design-review:adr-reply'));
}

async function replyTo(repo: string, issueNumber: number, marker: string, timeoutMs?: number) {
  return waitFor(`reply ${marker} in ${repo}`, () => replies(repo, issueNumber).find((c) => c.body.includes(marker)), timeoutMs);
}

function pullsOf(repo: string) {
  return [...github.state.pulls.values()].filter((p) => p.repo.toLowerCase() === fullName(repo).toLowerCase());
}

function adrBranches(repo: string): string[] {
  return [...github.state.repo(fullName(repo)).refs.keys()].filter((r) => r.startsWith('refs/heads/adr/')).map((r) => r.slice('refs/heads/'.length));
}

function fileAt(repo: string, ref: string, path: string): string | undefined {
  const sha = github.state.resolveRef(github.state.repo(fullName(repo)), ref)!;
  const object = github.state.objects.lookup(sha, path);
  return object?.type === 'blob' ? object.content.toString('utf8') : undefined;
}

function reactionsOn(subject: string): string[] {
  return github.state.reactions.filter((r) => r.subject === subject).map((r) => r.content);
}

/** True for a REST request under /repos/<owner>/<repo>/. */
function isFor(repo: string, r: RecordedRequest): boolean {
  return r.path.toLowerCase().includes(`/repos/${fullName(repo)}/`.toLowerCase());
}

function requestsAbout(repo: string, since: number): RecordedRequest[] {
  return github.requests.slice(since).filter((r) => isFor(repo, r) || (r.operationId === 'graphql' && JSON.stringify(r.body).includes(`"${repo}"`)));
}

/** Settle: the queue may still be finishing a job after the reply was seen. */
async function settle(ms = 400): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

beforeAll(async () => {
  github = await startGitHubDouble();
  // The looks for a redelivery's pull request on a taken branch 250 ms apart rather than 2 s.
  app = await startApp(github, { COMMAND_CONCURRENCY, ADR_REDELIVERY_LOOK_MS: '250' });
}, 120_000);

afterAll(async () => {
  await app?.stop(3000);
  await github?.close();
});

// Independent scenarios run at once; the tests of one scenario that build on each other run in
// order (it.sequential) inside their concurrent suite.
describe('/adr new from an issue comment', { concurrent: true }, () => {
  let created: { file: string; path: string; pull: number; delivery: WebhookDelivery; commentId: number };

  it.sequential('opens a draft pull request with the prefilled ADR, numbered after files and open pull requests, and replies once with the link', async ({ expect }) => {
    addRepo('orders', { 'docs/adr/0001-use-postgresql.md': ADR_1, 'docs/adr/0002-use-kafka.md': '# 2. Use Kafka\n\n## Status\n\nProposed\n' });
    const issue = github.state.addIssue(fullName('orders'), { title: 'Orders and payments drift apart', body: ISSUE_BODY, user: 'alice' });
    // Another open pull request already claims 0003.
    github.state.seedPullRequest(fullName('orders'), { branch: 'kafka-retention', changes: { 'docs/adr/0003-kafka-retention.md': '# 3. Kafka retention\n' } });
    github.state.setPermission(fullName('orders'), 'carol', 'write');
    const since = github.requests.length;
    const { comment, delivery } = commentDelivery('orders', issue.number, 'Let us record this.\n/adr new Use PostgreSQL for orders', 'carol', {
      issue: { ...issueJson({ api: github.url, web: github.url }, github.state, issue), assignees: [userJson({ api: github.url, web: github.url }, github.state.account('bob'))] },
    });

    const { response, ackMs } = await deliver(delivery);
    expect(response.status).toBe(200);
    // GitHub's limit: it waits 10 s for the answer. This first delivery of the file runs while the
    // App is still warming up and other scenarios start beside it: a 1 s bound failed once at 1,025 ms
    // in a clean-clone CI run on a loaded machine. pull-request-review.e2e keeps 1 s, run alone.
    expect(ackMs).toBeLessThan(GITHUB_DELIVERY_TIMEOUT_MS);
    const reply = await replyTo('orders', issue.number, `comment=${comment.id}`);
    await settle();

    const pull = pullsOf('orders').find((p) => p.head.ref.startsWith('adr/'))!;
    expect(pull.head.ref).toBe('adr/0004-use-postgresql-for-orders');
    expect(pull.draft).toBe(true);
    const pullIssue = github.state.findIssue(fullName('orders'), pull.number)!;
    expect(pullIssue.title).toBe('ADR-0004: Use PostgreSQL for orders');
    expect(pullIssue.body).toContain(`Refs #${issue.number}`);
    expect(pullIssue.body).toMatch(new RegExp(`<!-- design-review:adr-command issue=${issue.number} title=[0-9a-f]{12} -->`));
    expect(pullIssue.user.login).toBe(github.state.app.bot.login);
    expect(reply.body).toContain(`(${github.url}/${fullName('orders')}/pull/${pull.number})`);
    expect(reply.body).toContain('`docs/adr/0004-use-postgresql-for-orders.md`');
    expect(reactionsOn(`issue-comment:${comment.id}`)).toEqual(['eyes']);

    const path = 'docs/adr/0004-use-postgresql-for-orders.md';
    const file = fileAt('orders', pull.head.ref, path)!;
    const date = /^Date: (\d{4}-\d{2}-\d{2})$/m.exec(file)![1]!;
    expect(file.split('\n')[0]).toBe('# 4. Use PostgreSQL for orders');
    expect(file).toContain(`Issue: [#${issue.number}](${github.url}/${fullName('orders')}/issues/${issue.number})`);
    expect(file).toContain('## Status\n\nProposed');
    expect(file).toContain('Orders and payments drift apart: about 40 orders a week');
    expect(file).not.toContain('/adr new');
    expect(file).toContain('- PostgreSQL 16 on the managed database service\n- Keep the document store and the nightly repair job');
    expect(file).toContain('## Participants\n\n- @alice\n- @bob');
    const due = new Date(`${date}T00:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + 6);
    expect(file).toContain(`- Calendar: revisit by ${due.toISOString().slice(0, 10)} (6 months after the decision).`);
    for (const category of ['Scale', 'Team', 'Cost', 'Compliance', 'Performance', 'Technology', 'Organizational']) expect(file).toMatch(new RegExp(`^- ${category}: TODO:`, 'm'));
    expect(fileAt('orders', 'main', path)).toBeUndefined();

    const used = requestsAbout('orders', since).map((r) => `${r.method} ${r.operationId}`);
    console.info(`e2e: /adr new made ${used.length} GitHub requests (ack ${ackMs.toFixed(0)} ms):\n  ${used.join('\n  ')}`);
    expect(used.length).toBeLessThanOrEqual(16);
    expect(github.violations).toEqual([]);
    expect(github.unhandled).toEqual([]);
    created = { file, path, pull: pull.number, delivery, commentId: comment.id };
  });

  it.sequential('the created file, placeholders filled, gets no findings from the review core', ({ expect }) => {
    const filled = fillPlaceholders(created.file, expect);
    expect(filled).not.toMatch(/TODO/);
    const result = review([{ path: created.path, content: filled, kind: 'adr' }], reviewOptions());
    expect(result.findings).toEqual([]);
    // Unfilled, the review asks for the placeholders: the check is real.
    expect(review([{ path: created.path, content: created.file, kind: 'adr' }], reviewOptions()).findings.map((f) => f.ruleId)).toContain('adr-placeholders');
  });

  it.sequential('a redelivery (same delivery id, then a new id) and the same title again create nothing new', async ({ expect }) => {
    const before = github.requests.length;
    expect((await deliver(created.delivery)).response.status).toBe(200);
    await settle(800);
    expect(requestsAbout('orders', before)).toEqual([]);

    // The same comment under a new delivery id (as after a restart): the marker finds the pull request.
    const again = buildDelivery('issue_comment', 'created', created.delivery.payload, { secret: SECRET });
    await deliver(again);
    await settle(1500);
    const issueNumber = (created.delivery.payload['issue'] as { number: number }).number;
    expect(replies('orders', issueNumber).filter((c) => c.body.includes(`comment=${created.commentId}`))).toHaveLength(1);

    // A second `/adr new` with the same title on the same issue links the existing pull request.
    const { comment } = commentDelivery('orders', issueNumber, '/adr new  use postgresql for ORDERS', 'carol');
    await deliver(buildDelivery('issue_comment', 'created', issueCommentPatch(github.state, github.url, comment.id), { secret: SECRET }));
    const reply = await replyTo('orders', issueNumber, `comment=${comment.id}`);
    expect(reply.body).toContain('already has a pull request');
    expect(reply.body).toContain(`/pull/${created.pull})`);
    expect(pullsOf('orders').filter((p) => p.head.ref.startsWith('adr/'))).toHaveLength(1);
    expect(adrBranches('orders')).toEqual(['adr/0004-use-postgresql-for-orders']);
    expect(github.violations).toEqual([]);
  });
});

describe.concurrent('/adr new from the body of a new issue', () => {
  it('uses the .adr-dir folder, the --status option, and reacts on the issue', async ({ expect }) => {
    addRepo('broker', { '.adr-dir': 'architecture/decisions\n', 'README.md': '# Broker\n' });
    github.state.setPermission(fullName('broker'), 'alice', 'maintain');
    const issue = github.state.addIssue(fullName('broker'), {
      title: 'Pick a message broker',
      body: 'Checkout and fulfilment need a queue between them.\n\n```\n/adr new not this one, it is in code\n```\n\n/adr new --status draft "Pick a message broker"',
      user: 'alice',
    });
    await deliver(issueOpenedDelivery('broker', issue.number));
    const reply = await replyTo('broker', issue.number, `issue-body=${issue.number}`);
    expect(reply.body).toContain('architecture/decisions/0001-pick-a-message-broker.md');
    const file = fileAt('broker', 'adr/0001-pick-a-message-broker', 'architecture/decisions/0001-pick-a-message-broker.md')!;
    expect(file).toContain('## Status\n\nDraft');
    expect(file).toContain('Checkout and fulfilment need a queue between them.');
    expect(file).not.toMatch(/^\/adr new --status/m);
    expect(reactionsOn(`issue:${fullName('broker')}#${issue.number}`)).toEqual(['eyes']);
    expect(github.violations).toEqual([]);
  });
});

describe('/adr supersede', { concurrent: true }, () => {
  it.sequential('adds the new ADR and marks the old one superseded in the same pull request, linked both ways', async ({ expect }) => {
    addRepo('ledger', { 'docs/adr/0001-use-postgresql.md': ADR_1 });
    github.state.setPermission(fullName('ledger'), 'carol', 'admin');
    const issue = github.state.addIssue(fullName('ledger'), { title: 'Orders outgrow PostgreSQL', body: 'Writes pass 5,000 per second at peak.', user: 'carol' });
    const { comment, delivery } = commentDelivery('ledger', issue.number, '/adr supersede 1 Move orders to DynamoDB', 'carol');
    await deliver(delivery);
    const reply = await replyTo('ledger', issue.number, `comment=${comment.id}`);
    expect(reply.body).toContain('superseding ADR-0001');
    const branch = 'adr/0002-move-orders-to-dynamodb';
    const added = fileAt('ledger', branch, 'docs/adr/0002-move-orders-to-dynamodb.md')!;
    const old = fileAt('ledger', branch, 'docs/adr/0001-use-postgresql.md')!;
    expect(added).toContain('## Status\n\nProposed\n\nSupersedes [ADR-0001](0001-use-postgresql.md)');
    expect(old).toContain('## Status\n\nSuperseded by [ADR-0002](0002-move-orders-to-dynamodb.md)\n\n## Context');
    expect(fileAt('ledger', 'main', 'docs/adr/0001-use-postgresql.md')).toBe(ADR_1);
    const result = review(
      [
        { path: 'docs/adr/0001-use-postgresql.md', content: old, kind: 'adr' },
        { path: 'docs/adr/0002-move-orders-to-dynamodb.md', content: added, kind: 'adr' },
      ],
      reviewOptions(),
    );
    expect(result.findings.filter((f) => f.ruleId === 'adr-supersede-links' || f.ruleId === 'adr-number')).toEqual([]);
    expect(github.requestsFor('repos/create-or-update-file-contents').filter((r) => isFor('ledger', r))).toHaveLength(2);
    expect(github.violations).toEqual([]);
  });

  it.sequential('refuses to supersede a record that does not exist, creating nothing', async ({ expect }) => {
    const issue = github.state.addIssue(fullName('ledger'), { title: 'Typo', body: '', user: 'carol' });
    const { comment, delivery } = commentDelivery('ledger', issue.number, '/adr supersede 9 Something', 'carol');
    await deliver(delivery);
    const reply = await replyTo('ledger', issue.number, `comment=${comment.id}`);
    expect(reply.body).toContain('there is no ADR 9 on main');
    expect(reactionsOn(`issue-comment:${comment.id}`)).toEqual(['eyes', 'confused']);
    expect(adrBranches('ledger')).toEqual(['adr/0002-move-orders-to-dynamodb']);
  });
});

describe.concurrent('permissions', () => {
  it.for([
    ['a read-only user', 'reader', (repo: string) => github.state.setPermission(fullName(repo), 'reader', 'read'), {}],
    // Unknown to GitHub as a collaborator: the permission API answers 404.
    ['a non-collaborator', 'stranger', () => undefined, { comment: { user: { login: 'never-seen-user' } }, sender: { login: 'never-seen-user' } }],
  ] as const)('%s gets one polite reply and nothing else', async ([, user, setup, patch], { expect }) => {
    const repo = `perm-${user}`;
    addRepo(repo);
    setup(repo);
    const issue = github.state.addIssue(fullName(repo), { title: 'Idea', body: 'An idea.', user });
    const since = github.requests.length;
    const { comment, delivery } = commentDelivery(repo, issue.number, '/adr new Use Redis', user, patch);
    await deliver(delivery);
    const reply = await replyTo(repo, issue.number, `comment=${comment.id}`);
    await settle();
    expect(reply.body).toContain('only people with write, maintain or admin permission');
    expect(replies(repo, issue.number)).toHaveLength(1);
    expect(reactionsOn(`issue-comment:${comment.id}`)).toEqual([]);
    const writes = requestsAbout(repo, since).filter((r) => r.method !== 'GET' && r.operationId !== 'graphql');
    expect(writes.map((r) => r.operationId)).toEqual(['issues/create-comment']);
    expect(github.requestsFor('repos/get-collaborator-permission-level').filter((r) => isFor(repo, r)).at(-1)?.status).toBe(user === 'stranger' ? 404 : 200);
    expect(github.violations).toEqual([]);
  });
});

describe.concurrent('races and retries', () => {
  it('two commands racing in one repository get distinct numbers', async ({ expect }) => {
    addRepo('race', { 'doc/adr/0001-first.md': '# 1. First\n' });
    github.state.setPermission(fullName('race'), 'carol', 'write');
    const a = github.state.addIssue(fullName('race'), { title: 'A', body: 'Context A.', user: 'carol' });
    const b = github.state.addIssue(fullName('race'), { title: 'B', body: 'Context B.', user: 'carol' });
    const first = commentDelivery('race', a.number, '/adr new Use gRPC', 'carol');
    const second = commentDelivery('race', b.number, '/adr new Use GraphQL', 'carol');
    await Promise.all([deliver(first.delivery), deliver(second.delivery)]);
    await replyTo('race', a.number, `comment=${first.comment.id}`);
    await replyTo('race', b.number, `comment=${second.comment.id}`);

    const numbers = adrBranches('race').map((b) => b.slice(4, 8)).sort();
    expect(numbers).toEqual(['0002', '0003']);
    expect(pullsOf('race')).toHaveLength(2);
    expect(github.violations).toEqual([]);
  });

  it('retries with the next number when the branch is taken ("Reference already exists")', { timeout: 120_000 }, async ({ expect }) => {
    addRepo('taken', { 'doc/adr/0001-first.md': '# 1. First\n' });
    github.state.setPermission(fullName('taken'), 'carol', 'write');
    // A branch for 0002 that another process created a moment ago, before its pull request.
    github.state.commit(fullName('taken'), { branch: 'adr/0002-use-grpc', files: { 'x.txt': 'x' } });
    const issue = github.state.addIssue(fullName('taken'), { title: 'gRPC', body: 'Context.', user: 'carol' });
    const { comment, delivery } = commentDelivery('taken', issue.number, '/adr new Use gRPC', 'carol');
    await deliver(delivery);
    // On "branch exists" for its own branch name the command looks for a redelivery's pull request
    // five times, ADR_REDELIVERY_LOOK_MS apart (2 s by default, 250 ms here), before it takes 0003.
    const reply = await replyTo('taken', issue.number, `comment=${comment.id}`, 60_000);
    expect(reply.body).toContain('doc/adr/0003-use-grpc.md');
    const refused = github.requestsFor('git/create-ref').filter((r) => isFor('taken', r));
    expect(refused.map((r) => r.status)).toEqual([422, 201]);
    expect((refused[0]!.response as { message: string }).message).toBe('Reference already exists');
    expect(github.violations).toEqual([]);
  });
});

describe.concurrent('hostile and odd titles', () => {
  const TITLES = [
    '../../etc/passwd',
    '{{constructor}} {{#each this}}x{{/each}}',
    '<script>alert(1)</script> <img src=x onerror=alert(1)>',
    `Use ${'very '.repeat(58)}long titles`.slice(0, 300),
    '🚀🔥 ship it',
    'استخدام \u202eقاعدة بيانات',
    '[click](javascript:alert(1)) @everyone',
  ];

  /** A repository holding ADRs 0001..n, with carol a writer, and an issue in it. */
  function repoWithAdrs(name: string, n: number) {
    const files = Object.fromEntries(Array.from({ length: n }, (_, i) => [`docs/adr/${String(i + 1).padStart(4, '0')}-first.md`, `# ${i + 1}. First\n`]));
    addRepo(name, files);
    github.state.setPermission(fullName(name), 'carol', 'write');
  }

  // One repository (and installation) per title, so the commands run at once. Title i takes
  // number i + 2, as in one repository where each earlier title's pull request holds a number:
  // its repository holds ADRs 0001..i+1.
  it('keeps slugs to [a-z0-9-], bounded, and the title escaped in the record', async ({ expect }) => {
    const results = await Promise.all(
      TITLES.map(async (title, i) => {
        const repo = `hostile-${i + 1}`;
        repoWithAdrs(repo, i + 1);
        const issue = github.state.addIssue(fullName(repo), { title: 'odd', body: 'Context.', user: 'carol' });
        const { comment, delivery } = commentDelivery(repo, issue.number, `/adr new "${title.replace(/"/g, '')}"`, 'carol');
        await deliver(delivery);
        const reply = await replyTo(repo, issue.number, `comment=${comment.id}`);
        return { repo, title, reply };
      }),
    );
    for (const { title, reply } of results) {
      expect(reply.body, title).toContain('Proposed [ADR-');
      expect(reply.body).not.toMatch(/@everyone/);
    }
    const branchesOf = results.map(({ repo }) => ({ repo, branches: adrBranches(repo) }));
    for (const { repo, branches } of branchesOf) expect(branches, repo).toHaveLength(1);
    const branches = branchesOf.flatMap((b) => b.branches);
    expect(branches).toHaveLength(TITLES.length);
    for (const branch of branches) expect(branch).toMatch(/^adr\/\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const branch of branches) expect(branch.length).toBeLessThanOrEqual('adr/0000-'.length + 50);
    const files = branchesOf.flatMap(({ repo, branches }) =>
      branches.map((branch) => {
        const sha = github.state.resolveRef(github.state.repo(fullName(repo)), branch)!;
        const path = `docs/adr/${branch.slice(4)}.md`;
        const object = github.state.objects.lookup(sha, path);
        expect(object?.type, path).toBe('blob');
        return object!.type === 'blob' ? object!.content.toString('utf8') : '';
      }),
    );
    const headings = files.map((f) => f.split('\n')[0]!);
    expect(headings.join('\n')).not.toMatch(/<script|<img|\{\{|(?<!\\)\]\(javascript|\u202e/);
    expect(headings).toContain('# 8. \\[click\\](javascript:alert(1)) @everyone');
    expect(headings).toContain('# 4. &lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)>');
    expect(branches).toContain('adr/0002-etc-passwd');
    expect(branches.some((b) => /^adr\/\d{4}-untitled$/.test(b))).toBe(true);
    expect(github.violations).toEqual([]);
  }, 120_000);

  it('answers an empty title and a title over 300 characters with a usage reply', async ({ expect }) => {
    const cases = [
      ['/adr new', 'the title is empty'],
      [`/adr new ${'x'.repeat(301)}`, 'keep it under 300'],
      ['/adr new --force Now', 'unknown option --force'],
    ] as const;
    const results = await Promise.all(
      cases.map(async ([text, expected], i) => {
        const repo = `usage-${i + 1}`;
        repoWithAdrs(repo, 1);
        const issue = github.state.addIssue(fullName(repo), { title: 'odd', body: '', user: 'carol' });
        const { comment, delivery } = commentDelivery(repo, issue.number, text, 'carol');
        await deliver(delivery);
        const reply = await replyTo(repo, issue.number, `comment=${comment.id}`);
        return { repo, expected, reply, comment };
      }),
    );
    for (const { repo, expected, reply, comment } of results) {
      expect(reply.body).toContain(expected);
      expect(reply.body).toContain('Usage: `/adr new <title>');
      expect(reactionsOn(`issue-comment:${comment.id}`)).toContain('confused');
      expect(adrBranches(repo)).toEqual([]);
    }
  }, 120_000);
});

describe.concurrent('other commands and conditions', () => {
  it('an unknown subcommand gets the help, with one example per command, and a confused reaction', async ({ expect }) => {
    addRepo('help');
    github.state.setPermission(fullName('help'), 'carol', 'write');
    const issue = github.state.addIssue(fullName('help'), { title: 'Q', body: '', user: 'carol' });
    const { comment, delivery } = commentDelivery('help', issue.number, '/adr frobnicate @org/everyone', 'carol');
    await deliver(delivery);
    const reply = await replyTo('help', issue.number, `comment=${comment.id}`);
    expect(reply.body).toContain('I don\'t know the command “frobnicate”');
    for (const example of ['/adr new Use PostgreSQL for orders', '/adr supersede 7 Move orders to DynamoDB', '/adr check', '/adr help']) expect(reply.body).toContain(example);
    expect(reactionsOn(`issue-comment:${comment.id}`)).toEqual(['confused']);
  });

  it('ignores comments by bots and commands in quotes or code', async ({ expect }) => {
    addRepo('quiet');
    github.state.setPermission(fullName('quiet'), 'carol', 'write');
    const issue = github.state.addIssue(fullName('quiet'), { title: 'Q', body: '', user: 'carol' });
    const since = github.requests.length;
    await deliver(commentDelivery('quiet', issue.number, '> /adr new Quoted\n\n```\n/adr new Fenced\n```', 'carol').delivery);
    await deliver(commentDelivery('quiet', issue.number, '/adr new From a bot', 'renovate[bot]').delivery);
    // The fenced line's job reads the permission last: wait for it, however busy the App is, then
    // give anything else time to show up.
    await waitFor('the permission read', () => requestsAbout('quiet', since).some((r) => r.template === '/repos/{owner}/{repo}/collaborators/{username}/permission'));
    await settle(800);
    // The quoted line and the bot make no job. The fenced line starts with /adr, which is all the
    // webhook's linear scan looks at; the job reads the config and the author's permission before
    // it parses the text (on a worker thread), finds no command and stops: nothing is written.
    const made = requestsAbout('quiet', since);
    expect(made.filter((r) => r.method !== 'GET')).toEqual([]);
    expect([...new Set(made.map((r) => r.template))].sort()).toEqual(['/repos/{owner}/{repo}/collaborators/{username}/permission', '/repos/{owner}/{repo}/contents/{path}']);
  });

  it('/adr check on a pull request queues a review on the review queue, which completes the check run', async ({ expect }) => {
    addRepo('check');
    github.state.setPermission(fullName('check'), 'carol', 'write');
    const pull = github.state.seedPullRequest(fullName('check'), { branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': ADR_1 } });
    const { comment, delivery } = commentDelivery('check', pull.number, '/adr check', 'carol');
    await deliver(delivery);
    const run = await waitFor('check run', () => [...github.state.checkRuns.values()].find((r) => r.repo === fullName('check') && r.headSha === pull.head.sha && r.status === 'completed'));
    expect(run.name).toBe('Design review');
    // 👀 accepted, 🚀 queued: the review ran from the review queue (the job carries the installation).
    expect(reactionsOn(`issue-comment:${comment.id}`)).toEqual(['eyes', 'rocket']);
    expect(github.violations).toEqual([]);
  });

  it('says what is missing when the app may not write contents, and leaves no branch behind on a ruleset refusal', async ({ expect }) => {
    addRepo('locked', { 'docs/adr/0001-first.md': '# 1. First\n' });
    github.state.setPermission(fullName('locked'), 'carol', 'write');
    const issue = github.state.addIssue(fullName('locked'), { title: 'Q', body: 'Context.', user: 'carol' });
    // Faults scoped to this repository: other scenarios create branches and files meanwhile.
    const mine = new RegExp(`/repos/${fullName('locked')}/`);
    github.failNext({ operationId: 'git/create-ref', path: mine, status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference', status: '403' } });
    const first = commentDelivery('locked', issue.number, '/adr new Use Redis', 'carol');
    await deliver(first.delivery);
    expect((await replyTo('locked', issue.number, `comment=${first.comment.id}`)).body).toContain('**Contents: write**');

    github.failNext({ operationId: 'repos/create-or-update-file-contents', path: mine, status: 422, body: { message: 'Repository rule violations found', documentation_url: 'https://docs.github.com/rest/repos/contents', status: '422' } });
    const second = commentDelivery('locked', issue.number, '/adr new Use Valkey', 'carol');
    await deliver(second.delivery);
    const reply = await replyTo('locked', issue.number, `comment=${second.comment.id}`);
    expect(reply.body).toContain('ruleset refused it (Repository rule violations found)');
    expect(adrBranches('locked')).toEqual([]);
    expect(github.requestsFor('git/delete-ref').filter((r) => isFor('locked', r)).map((r) => r.status)).toEqual([204]);
    expect(github.violations).toEqual([]);
  });

  it('makes no request in an archived repository, which accepts no reply', async ({ expect }) => {
    addRepo('museum', { 'README.md': '# Museum\n' }, { archived: true });
    github.state.setPermission(fullName('museum'), 'carol', 'write');
    const issue = github.state.addIssue(fullName('museum'), { title: 'Q', body: '', user: 'carol' });
    const since = github.requests.length;
    await deliver(commentDelivery('museum', issue.number, '/adr new Use Redis', 'carol').delivery);
    // The job ran (its warning is logged) before the settle period, however busy the App is.
    await waitFor('the archived-repository warning', () => app.output().includes(`"repo":"museum"`) && app.output().includes('archived'));
    await settle(800);
    expect(requestsAbout('museum', since).filter((r) => r.method !== 'GET' && r.operationId !== 'graphql')).toEqual([]);
    expect(app.output()).toContain('archived');
  });
});

describe('/adr backfill', { concurrent: true }, () => {
  const OLD = `# 2. Use MySQL\n\nDate: 2019-05-01\n\n## Status\n\nSuperseded by [ADR-0003](0003-publish-order-events.md)\n\n## Context\n\nWe need a database.\n\n## Decision\n\nWe will use MySQL.\n`;
  const PUBLISH = `# 3. Publish order events to Kafka\n\nDate: 2025-03-01\n\n## Status\n\nAccepted\n\n## Context\n\nCheckout sends 2,000 orders/s under peak load, and traffic doubles in December; p99 latency must stay under 200 ms.\n\n## Decision\n\nWe will publish order events to Kafka.\n\n## Consequences\n\nOne more cluster to run.\n`;
  const backfillPulls = () => pullsOf('backfill').filter((p) => p.head.ref === 'adr/backfill-revisit-triggers');
  let first: { delivery: WebhookDelivery; commentId: number; issueNumber: number; pull: number };

  it.sequential('a maintainer gets one pull request with one commit drafting every accepted ADR, and a reply with its link', async ({ expect }) => {
    addRepo('backfill', { 'docs/adr/0001-use-postgresql.md': ADR_1, 'docs/adr/0002-use-mysql.md': OLD, 'docs/adr/0003-publish-order-events.md': PUBLISH });
    github.state.setPermission(fullName('backfill'), 'maria', 'maintain');
    const issue = github.state.addIssue(fullName('backfill'), { title: 'Old ADRs never say when to revisit', body: '', user: 'maria' });
    const since = github.requests.length;
    const { comment, delivery } = commentDelivery('backfill', issue.number, '/adr backfill', 'maria');
    expect((await deliver(delivery)).response.status).toBe(200);
    const reply = await replyTo('backfill', issue.number, `comment=${comment.id}`);
    await settle();
    const pulls = backfillPulls();
    expect(pulls).toHaveLength(1);
    const pull = pulls[0]!;
    expect(reply.body).toContain(`/pull/${pull.number}) as a draft: a Revisit Triggers section drafted for 2 ADRs from their own text`);
    expect(pull.files.map((f) => f.filename).sort()).toEqual(['docs/adr/0001-use-postgresql.md', 'docs/adr/0003-publish-order-events.md']);
    const drafted = fileAt('backfill', pull.head.ref, 'docs/adr/0003-publish-order-events.md')!;
    expect(drafted).toBe(`${PUBLISH}\n## Revisit Triggers\n\n- Scale: sustained load above 2,000 orders/s for a week.\n- Performance: p99 latency above 200 ms for a week.\n- Calendar: revisit by ${drafted.match(/revisit by (\d{4}-\d{2}-\d{2})/)![1]}.\n`);
    expect(fileAt('backfill', pull.head.ref, 'docs/adr/0002-use-mysql.md')).toBe(OLD);
    const body = github.state.findIssue(fullName('backfill'), pull.number)!.body ?? '';
    expect(body).toContain('- `docs/adr/0002-use-mysql.md`: status superseded');
    const used = requestsAbout('backfill', since).map((r) => r.operationId);
    expect(used.filter((o) => o === 'git/create-tree' || o === 'git/create-commit')).toEqual(['git/create-tree', 'git/create-commit']);
    expect(used).not.toContain('repos/create-or-update-file-contents');
    expect(reactionsOn(`issue-comment:${comment.id}`)).toEqual(['eyes']);
    expect(github.violations).toEqual([]);
    expect(github.unhandled).toEqual([]);
    first = { delivery, commentId: comment.id, issueNumber: issue.number, pull: pull.number };
  });

  it.sequential('a redelivery under a new id changes nothing and edits its one reply to say the pull request is up to date', async ({ expect }) => {
    const since = github.requests.length;
    await deliver(buildDelivery('issue_comment', 'created', first.delivery.payload, { secret: SECRET }));
    const reply = await waitFor('the up-to-date reply', () =>
      replies('backfill', first.issueNumber).find((c) => c.body.includes(`comment=${first.commentId}`) && c.body.includes('is up to date')),
    );
    expect(reply.body).toContain(`/pull/${first.pull}) is up to date: it drafts Revisit Triggers for 2 records`);
    expect(replies('backfill', first.issueNumber)).toHaveLength(1);
    await settle();
    const writes = requestsAbout('backfill', since).filter((r) => r.method !== 'GET' && r.operationId !== 'graphql').map((r) => r.operationId ?? '');
    expect(writes.filter((o) => o.startsWith('git/') && o !== 'git/create-tree')).toEqual([]);
    expect(backfillPulls()).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  it.sequential('a second run after a new ADR updates the same pull request and names the record added', async ({ expect }) => {
    github.state.commit(fullName('backfill'), { files: { 'docs/adr/0004-cache-prices.md': ADR_1.replace('# 1. Use PostgreSQL for order storage', '# 4. Cache prices') } });
    const { comment, delivery } = commentDelivery('backfill', first.issueNumber, '/adr backfill', 'maria');
    await deliver(delivery);
    const reply = await replyTo('backfill', first.issueNumber, `comment=${comment.id}`);
    expect(reply.body).toContain(`/pull/${first.pull}): it now drafts Revisit Triggers for 3 records, 1 of them new since the last run: \`docs/adr/0004-cache-prices.md\``);
    await settle();
    expect(backfillPulls()).toHaveLength(1);
    expect(backfillPulls()[0]!.files.map((f) => f.filename)).toContain('docs/adr/0004-cache-prices.md');
    expect(github.state.findIssue(fullName('backfill'), first.pull)!.title).toBe('Revisit triggers for 3 ADRs');
    expect(github.violations).toEqual([]);
  });

  it('a read-only user gets the polite refusal, and no branch, commit or pull request is made', async ({ expect }) => {
    addRepo('backfill-denied', { 'docs/adr/0001-use-postgresql.md': ADR_1 });
    github.state.setPermission(fullName('backfill-denied'), 'reader', 'read');
    const issue = github.state.addIssue(fullName('backfill-denied'), { title: 'Q', body: '', user: 'reader' });
    const since = github.requests.length;
    const { comment, delivery } = commentDelivery('backfill-denied', issue.number, '/adr backfill', 'reader');
    await deliver(delivery);
    const reply = await replyTo('backfill-denied', issue.number, `comment=${comment.id}`);
    expect(reply.body).toContain('@reader');
    await settle();
    const writes = requestsAbout('backfill-denied', since).filter((r) => r.method !== 'GET' && r.operationId !== 'graphql').map((r) => r.operationId);
    expect(writes).toEqual(['issues/create-comment']);
    expect(github.violations).toEqual([]);
  });
});

/** Fill the record's placeholders the way a careful author would. */
function fillPlaceholders(text: string, expect: ExpectStatic): string {
  const fills: [RegExp, string][] = [
    [/^- TODO: the forces that matter most.*$/m, '- Atomic writes of an order and its payment.\n- p99 write latency under 200 ms at 2,000 transactions per second.'],
    [/^We will TODO: name the chosen option.*$/m, 'We will move orders and payments to PostgreSQL 16 on the managed database service, because it gives atomic writes across both tables and the team already runs it.'],
    [/^- Good, because TODO:.*$/m, '- Good, because an order and its payment commit together, which removes the 40 manual fixes a week.'],
    [/^- Bad, because TODO:.*$/m, '- Bad, because we must migrate 2 TB of order history and run schema migrations for every model change.'],
    [/^- TODO: We give up \[what we lose\].*$/m, '- We give up the schemaless writes of the document store in exchange for transactions across orders and payments.'],
    [/^- TODO: The main risk is.*$/m, '- The main risk is a slow migration of 2 TB of history; we mitigate it by copying data in monthly batches behind a feature flag.'],
    [/^TODO: Keep the conditions that apply.*\n\n/m, ''],
    [/^- Scale: TODO:.*$/m, '- Scale: write traffic exceeds 5,000 transactions per second at peak (alert: orders-db-capacity).'],
    [/^- Team: TODO:.*$/m, '- Team: more than 15 engineers commit to the order service in one quarter.'],
    [/^- Cost: TODO:.*$/m, '- Cost: the managed database costs more than $8,000 per month for two consecutive months.'],
    [/^- Compliance: TODO:.*$/m, '- Compliance: card data enters PCI-DSS scope in the order service.'],
    [/^- Performance: TODO:.*$/m, '- Performance: p99 query latency exceeds 250 ms for three consecutive weeks (alert: orders-db-p99).'],
    [/^- Technology: TODO:.*$/m, '- Technology: PostgreSQL 16 reaches end of life on the managed service.'],
    [/^- Organizational: TODO:.*$/m, '- Organizational: ownership of the order service moves to another department.'],
  ];
  let out = text;
  for (const [pattern, replacement] of fills) {
    expect(out, String(pattern)).toMatch(pattern);
    out = out.replace(pattern, replacement);
  }
  return out;
}
