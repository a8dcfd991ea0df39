// `/adr new` against the GitHub double, with other proposals racing it for the same number
// (another replica, a redelivery): requests are validated against GitHub's OpenAPI description.
import type { Octokit } from '@octokit/rest';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtinChecklists } from '../../src/io/builtin-checklists.js';
import { pullRequestMarker } from '../../src/core/commands/markers.js';
import type { CommandEvent } from '../../src/commands/adr-command-event.js';
import { REDELIVERY_LOOKS, runAdrCommand, type AdrCommandDeps } from '../../src/commands/adr-command.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import type { GitHubDouble } from '../github-double/index.js';
import { botLogin, octokitFor, OWNER, NAME, REPO, startDouble } from '../github/double-octokit.js';
import { checkRepoConfig } from '../../src/github/repo-config.js';
import { CONFIG_PATH } from '../../src/config/load.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('/adr new racing other proposals for one number', () => {
  let double: GitHubDouble;
  beforeAll(() => loadBuiltinTemplates());
  beforeEach(async () => {
    // docs/adr holds 0001 and 0002: the next number is 0003.
    double = await startDouble();
    double.state.setPermission(REPO, 'carol', 'write');
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  function deps(gh: Octokit, overrides: Partial<AdrCommandDeps> = {}): AdrCommandDeps {
    return {
      gh: gh as unknown as AdrCommandDeps['gh'],
      log: quiet,
      loadConfig: async () => checkRepoConfig(null, CONFIG_PATH),
      appSlug: async () => double.state.app.slug,
      today: () => '2026-01-15',
      vocabulary: () => builtinChecklists(),
      sleep: async () => undefined,
      enqueueReview: async () => 'queued',
      ...overrides,
    };
  }

  /** A `/adr new <title>` comment by carol on a new issue. */
  function command(title: string, issueNumber?: number): CommandEvent {
    const issue = issueNumber === undefined ? double.state.addIssue(REPO, { title: 'Question', body: 'Context.', user: 'carol' }) : double.state.findIssue(REPO, issueNumber)!;
    const comment = double.state.addIssueComment(REPO, issue.number, { body: `/adr new ${title}`, user: 'carol' });
    return {
      owner: OWNER,
      repo: NAME,
      defaultBranch: 'main',
      archived: false,
      issue: { number: issue.number, title: issue.title, body: 'Context.', htmlUrl: `https://github.com/${REPO}/issues/${issue.number}`, author: 'carol', assignees: [], isPullRequest: false },
      author: 'carol',
      source: { kind: 'comment', id: comment.id },
      text: `/adr new ${title}`,
    };
  }

  /** Run `action` once, just before the first branch creation the client sends. */
  function beforeFirstCreateRef(gh: Octokit, action: () => void | Promise<void>): void {
    let done = false;
    gh.hook.before('request', async (options) => {
      if (!done && options.method === 'POST' && /\/git\/refs$/.test(options.url)) {
        done = true;
        await action();
      }
    });
  }

  const mainSha = () => double.state.repo(REPO).refs.get('refs/heads/main')!;
  const adrPulls = () => [...double.state.pulls.values()].filter((p) => p.head.ref.startsWith('adr/')).map((p) => p.head.ref).sort();

  it('gives the number up to a branch of another title that sorts first, and takes the next one', async () => {
    const gh = octokitFor(double);
    // Another replica's `/adr new A competitor` created its branch after our read of the claims.
    beforeFirstCreateRef(gh, () => void double.state.repo(REPO).refs.set('refs/heads/adr/0003-a-competitor', mainSha()));
    expect(await runAdrCommand(deps(gh), command('Use gRPC'))).toBe('created');
    expect(adrPulls()).toEqual(['adr/0004-use-grpc']);
    const refs = [...double.state.repo(REPO).refs.keys()].filter((r) => r.startsWith('refs/heads/adr/')).sort();
    // Ours for 0003 was deleted again; the competitor's is untouched.
    expect(refs).toEqual(['refs/heads/adr/0003-a-competitor', 'refs/heads/adr/0004-use-grpc']);
    expect(double.requestsFor('git/list-matching-refs').map((r) => r.path)).toHaveLength(2);
  });

  it('keeps the number when it sorts first and the other claim gives up (deletes its branch) meanwhile', async () => {
    const gh = octokitFor(double);
    const other = 'refs/heads/adr/0003-zz-competitor';
    beforeFirstCreateRef(gh, () => void double.state.repo(REPO).refs.set(other, mainSha()));
    // The other replica sees our smaller branch and deletes its own while we wait to look again.
    const sleep = async () => void double.state.repo(REPO).refs.delete(other);
    expect(await runAdrCommand(deps(gh, { sleep }), command('Use gRPC'))).toBe('created');
    expect(adrPulls()).toEqual(['adr/0003-use-grpc']);
  });

  it('gives the number up when a branch that sorts after ours is still there on the second look (it kept the number before ours existed)', async () => {
    const gh = octokitFor(double);
    beforeFirstCreateRef(gh, () => void double.state.repo(REPO).refs.set('refs/heads/adr/0003-zz-competitor', mainSha()));
    expect(await runAdrCommand(deps(gh), command('Use gRPC'))).toBe('created');
    expect(adrPulls()).toEqual(['adr/0004-use-grpc']);
  });

  it('two commands with different titles, held until both read the claims, never open two pull requests with one number', async () => {
    const a = octokitFor(double);
    const b = octokitFor(double);
    // Hold each client's first branch creation until both have reached it: both picked 0003.
    let arrived = 0;
    let release!: () => void;
    const bothThere = new Promise<void>((resolve) => (release = resolve));
    const barrier = async () => {
      arrived += 1;
      if (arrived === 2) release();
      await bothThere;
    };
    beforeFirstCreateRef(a, barrier);
    beforeFirstCreateRef(b, barrier);
    const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 50)));
    const outcomes = await Promise.all([runAdrCommand(deps(a, { sleep: realSleep }), command('Use gRPC')), runAdrCommand(deps(b, { sleep: realSleep }), command('Use GraphQL'))]);
    expect(outcomes).toEqual(['created', 'created']);
    const numbers = adrPulls().map((ref) => ref.slice('adr/'.length, 'adr/'.length + 4));
    expect(numbers).toHaveLength(2);
    expect(new Set(numbers).size).toBe(2);
  });

  const replies = (issueNumber: number) => double.state.commentsOn(REPO, issueNumber).filter((c) => c.user.login === botLogin(double));

  it('a redelivery racing its first run (our exact branch exists) links the pull request that run opens instead of opening a second', async () => {
    const gh = octokitFor(double);
    const event = command('Use gRPC');
    // The first run, on another replica, created adr/0003-use-grpc and committed the record...
    beforeFirstCreateRef(gh, () => void double.state.commit(REPO, { branch: 'adr/0003-use-grpc', files: { 'docs/adr/0003-use-grpc.md': '# 3. Use gRPC\n' } }));
    // ...and opens its pull request while we wait for it.
    let looks = 0;
    const sleep = async () => {
      looks += 1;
      if (looks === 2) {
        const body = `Proposes ADR-0003.\n\n${pullRequestMarker(event.issue.number, 'Use gRPC')}\n`;
        await octokitFor(double).rest.pulls.create({ owner: OWNER, repo: NAME, head: 'adr/0003-use-grpc', base: 'main', title: 'ADR-0003: Use gRPC', body, draft: true });
      }
    };
    expect(await runAdrCommand(deps(gh, { sleep }), event)).toBe('existing');
    expect(looks).toBe(2);
    const pulls = [...double.state.pulls.values()];
    expect(pulls.map((p) => p.head.ref)).toEqual(['adr/0003-use-grpc']);
    expect(double.state.repo(REPO).refs.has('refs/heads/adr/0004-use-grpc')).toBe(false);
    const [reply, ...more] = replies(event.issue.number);
    expect(more).toEqual([]);
    expect(reply!.body).toContain('already has a pull request');
    expect(reply!.body).toContain(`/pull/${pulls[0]!.number})`);
  });

  it('takes the next number when our exact branch exists and no pull request of this command ever appears', async () => {
    const gh = octokitFor(double);
    double.state.commit(REPO, { branch: 'adr/0003-use-grpc', files: { 'x.txt': 'x' } });
    let looks = 0;
    expect(await runAdrCommand(deps(gh, { sleep: async () => void (looks += 1) }), command('Use gRPC'))).toBe('created');
    expect(looks).toBe(REDELIVERY_LOOKS);
    expect(adrPulls()).toEqual(['adr/0004-use-grpc']);
  });

  it('a redelivery after the pull request was closed does nothing: the command\'s reply says it was created', async () => {
    const gh = octokitFor(double);
    const event = command('Use gRPC');
    expect(await runAdrCommand(deps(gh), event)).toBe('created');
    const [pull] = [...double.state.pulls.values()];
    double.state.findIssue(REPO, pull!.number)!.state = 'closed';
    const reply = replies(event.issue.number);
    expect(reply).toHaveLength(1);
    const writesBefore = double.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'graphql').length;

    // The same comment again (a redelivery under a new delivery id, another replica).
    expect(await runAdrCommand(deps(gh), event)).toBe('existing');
    expect(double.state.pulls.size).toBe(1);
    expect([...double.state.repo(REPO).refs.keys()].filter((r) => r.startsWith('refs/heads/adr/'))).toEqual(['refs/heads/adr/0003-use-grpc']);
    expect(replies(event.issue.number)).toEqual(reply);
    // Only the 👀 reaction was written again (GitHub answers an existing reaction with 200).
    expect(double.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'graphql').slice(writesBefore).map((r) => r.operationId)).toEqual(['reactions/create-for-issue-comment']);
  });

  it('a failed reply does not count as answered: the command runs again', async () => {
    const gh = octokitFor(double);
    const event = command('Use gRPC');
    double.state.addIssueComment(REPO, event.issue.number, { body: `Could not do it.\n\n<!-- design-review:adr-reply comment=${(event.source as { id: number }).id} -->`, user: botLogin(double), userType: 'Bot' });
    expect(await runAdrCommand(deps(gh), event)).toBe('created');
    expect(adrPulls()).toEqual(['adr/0003-use-grpc']);
  });

  it('/adr check queues the review on the review queue instead of running it beside a queued one, and reacts 🚀', async () => {
    const gh = octokitFor(double);
    const pull = double.state.seedPullRequest(REPO, { branch: 'feature', changes: { 'docs/adr/0003-x.md': '# 3. X\n' } });
    const comment = double.state.addIssueComment(REPO, pull.number, { body: '/adr check', user: 'carol' });
    const queued: unknown[] = [];
    const event: CommandEvent = {
      ...command('unused'),
      issue: { number: pull.number, title: 'X', body: '', htmlUrl: `https://github.com/${REPO}/pull/${pull.number}`, author: 'carol', assignees: [], isPullRequest: true },
      source: { kind: 'comment', id: comment.id },
      text: '/adr check',
    };
    const since = double.requests.length;
    const outcome = await runAdrCommand(deps(gh, { enqueueReview: async (target) => (queued.push(target), 'queued') }), event);
    expect(outcome).toBe('queued');
    expect(queued).toEqual([{ owner: OWNER, repo: NAME, pullNumber: pull.number }]);
    // No review from the command job itself: no check run, no review comment, no summary.
    expect(double.requests.slice(since).map((r) => r.operationId ?? '').filter((op) => /^checks\/|^pulls\/create-review|^issues\/create-comment/.test(op))).toEqual([]);
    expect(double.state.reactions.filter((r) => r.subject === `issue-comment:${comment.id}`).map((r) => r.content)).toEqual(['eyes', 'rocket']);
  });
});
