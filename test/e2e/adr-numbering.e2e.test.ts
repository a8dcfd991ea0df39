// End to end: two open pull requests take the same next ADR number. The built App (node dist/main.js)
// reviews the second one against the GitHub double and says which pull request has the number.
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { buildDelivery, pullRequestPatch, sendDelivery, startGitHubDouble, type GitHubDouble, type RecordedRequest } from '../github-double/index.js';
import { startApp, waitFor as waitForApp, WEBHOOK_SECRET as SECRET, type AppProcess } from './app-process.js';

const REPO = 'acme/numbering';
// The second scenario's repository: the same open pull requests, on an installation of its own, so
// the two scenarios run at once without sharing the App's per-installation queue or write spacing.
const QUIET_REPO = 'quiet-org/numbering';

const adrTools = (n: number, title: string): string => `# ${n}. ${title}

Date: 2026-11-02

## Status

Proposed

## Context

Order events need a durable log that several services read.

## Decision

We will use ${title.replace(/^Use /, '')}.
`;

// MADR: the number is in the file name only; the title is the H1 after the front matter, on line 6.
const MADR_PULSAR = `---
status: proposed
date: 2026-11-03
---

# Use Pulsar for order events

## Context and Problem Statement

Order events need a durable log that several services read.

## Decision Outcome

Chosen option: Pulsar, because it separates storage from brokers.
`;

/** A check-run annotation as the App sent it (the double stores them as received). */
interface Annotation {
  path: string;
  start_line: number;
  message: string;
}

let github: GitHubDouble;
let app: AppProcess;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  return waitForApp(what, probe, timeoutMs, () => app.output());
}

/** `owner/numbering` holding ADR 0001, on an installation of its own. */
function addNumberingRepo(fullName: string) {
  const [owner, name] = fullName.split('/') as [string, string];
  const { id: installationId } = github.state.addInstallation({ account: owner });
  github.state.addRepo({
    owner,
    name,
    installationId,
    files: { 'docs/adr/0001-record-architecture-decisions.md': adrTools(1, 'Record architecture decisions') },
  });
}

/** The two open pull requests that both take 0002: #1 (adr-tools style) and #2 (MADR). */
function seedRivalPullRequests(repo: string) {
  github.state.seedPullRequest(repo, { number: 1, branch: 'kafka', changes: { 'docs/adr/0002-use-kafka.md': adrTools(2, 'Use Kafka') } });
  github.state.seedPullRequest(repo, { number: 2, branch: 'pulsar', changes: { 'docs/adr/0002-use-pulsar.md': MADR_PULSAR } });
}

beforeAll(async () => {
  github = await startGitHubDouble();
  addNumberingRepo(REPO);
  addNumberingRepo(QUIET_REPO);
  app = await startApp(github);
}, 120_000);

afterAll(async () => {
  await app?.stop(3000);
  await github?.close();
});

/** True for a request about `repo`: a REST path under it, or a GraphQL query naming it in its variables. */
function isAbout(repo: string, r: RecordedRequest): boolean {
  const [owner, name] = repo.split('/');
  if (r.operationId === 'graphql') {
    const variables = (r.body as { variables?: { owner?: unknown; name?: unknown } }).variables;
    return variables?.owner === owner && variables?.name === name;
  }
  return r.path.toLowerCase().includes(`/repos/${repo}/`);
}

/** Delivers `pull_request.opened` and waits for the summary comment, the review's last step. */
async function review(repo: string, number: number, expect: ExpectStatic) {
  const pull = github.state.findPull(repo, number)!;
  const delivery = buildDelivery('pull_request', 'opened', pullRequestPatch(github.state, github.url, repo, number), { secret: SECRET });
  const before = github.requests.length;
  const response = await sendDelivery(`${app.url}/api/github/webhooks`, delivery, SECRET);
  expect(response.status).toBe(200);
  const run = await waitFor('completed check run', () =>
    [...github.state.checkRuns.values()].find((r) => r.repo.toLowerCase() === repo && r.headSha === pull.head.sha && r.status === 'completed'),
  );
  await waitFor('summary comment', () =>
    [...github.state.issueComments.values()].some((c) => c.repo.toLowerCase() === repo && c.issueNumber === number) ? true : undefined,
  );
  // Scoped to this repository: the other scenario's review runs meanwhile.
  const requests = github.requests.slice(before).filter((r) => isAbout(repo, r));
  const numberingQueries = requests.filter((r) => r.operationId === 'graphql' && String((r.body as { query?: unknown }).query).includes('pullRequests('));
  return { run, requests, numberingQueries, numberAnnotations: (run.output.annotations as Annotation[]).filter((a) => a.message.includes('ADR number')) };
}

describe.concurrent('ADR numbering across open pull requests, end to end', () => {
  it('tells the second pull request taking 0002 which pull request has it and the next free number, on the title line', async ({ expect }) => {
    seedRivalPullRequests(REPO);

    const second = await review(REPO, 2, expect);

    // "#1" carries a zero-width space: rule messages mix the bot's words with document text, and every
    // echo of them is neutralised so it cross-references nothing (issue 13, item 5).
    const message = 'ADR number 0002 is also added by #\u200b1 (`docs/adr/0002-use-kafka.md`); the next free number is 0003';
    expect(second.numberAnnotations).toEqual([
      expect.objectContaining({ path: 'docs/adr/0002-use-pulsar.md', start_line: 6, end_line: 6, annotation_level: 'failure', message: expect.stringContaining(message) }),
    ]);
    const inline = [...github.state.reviewComments.values()].filter((c) => c.repo.toLowerCase() === REPO && c.body.includes('ADR number 0002'));
    expect(inline).toEqual([expect.objectContaining({ path: 'docs/adr/0002-use-pulsar.md', line: 6 })]);
    expect(inline[0]!.body).toContain('#\u200b1');
    expect(inline[0]!.body).toContain('next free number is 0003');
    // The lookup across open pull requests is one GraphQL request for this repository's (fewer than 50) open pull requests.
    expect(second.numberingQueries).toHaveLength(1);
    expect(second.numberingQueries[0]!.body).toMatchObject({ variables: { owner: 'acme', name: 'numbering', after: null } });
    console.info(`e2e: numbering lookup ${second.numberingQueries.length} of ${second.requests.length} GitHub requests in the review`);
    expect(github.violations).toEqual([]);
  });

  it('stays quiet on numbering for a pull request adding 0003, which no other pull request adds', async ({ expect }) => {
    seedRivalPullRequests(QUIET_REPO);
    github.state.seedPullRequest(QUIET_REPO, { number: 3, branch: 'grpc', changes: { 'docs/adr/0003-use-grpc.md': adrTools(3, 'Use gRPC') } });

    const third = await review(QUIET_REPO, 3, expect);

    expect(third.numberAnnotations).toEqual([]);
    expect((third.run.output.annotations as Annotation[]).filter((a) => a.path === 'docs/adr/0003-use-grpc.md').length).toBeGreaterThan(0);
    expect(third.numberingQueries).toHaveLength(1);
    expect(github.violations).toEqual([]);
    expect(github.unhandled).toEqual([]);
  });
});
