import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADR_1, ADR_2, REPO, startSeededDouble, type SeededDouble } from './test-fixture.js';

// The batch read a reviewer does: one aliased object() per changed file, in one request.
const BATCH = `
  query ReadFiles($owner: String!, $name: String!, $second: String!) {
    repository(owner: $owner, name: $name) {
      f0: object(expression: "main:docs/adr/0001-use-postgres.md") { ...BlobFields }
      f1: object(expression: $second) { ... on Blob { text byteSize isBinary oid } }
      missing: object(expression: "main:docs/adr/nope.md") { ... on Blob { text } }
      dir: object(expression: "main:docs/adr") { __typename ... on Tree { entries { name path type } } }
    }
    rateLimit { cost remaining }
  }
  fragment BlobFields on Blob { text byteSize isBinary oid }
`;

describe('GraphQL', () => {
  let seeded: SeededDouble;
  beforeAll(async () => {
    seeded = await startSeededDouble();
  });
  afterAll(() => seeded.double.close());

  const post = (path: string, body: unknown): Promise<Response> =>
    fetch(`${seeded.double.url}${path}`, {
      method: 'POST',
      headers: { authorization: `bearer ${seeded.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('reads many blobs in one query with aliases, variables and fragments', async () => {
    const response = await post('/graphql', { query: BATCH, variables: { owner: 'acme', name: 'decisions', second: 'main:docs/adr/0002-use-kafka.md' } });
    expect(response.status).toBe(200);
    const { data, errors } = (await response.json()) as { data: any; errors?: unknown };
    expect(errors).toBeUndefined();
    const repo = seeded.double.state.repo(REPO);
    const sha = seeded.double.state.resolveRef(repo, 'main')!;
    expect(data.repository.f0).toEqual({
      text: ADR_1,
      byteSize: Buffer.byteLength(ADR_1),
      isBinary: false,
      oid: seeded.double.state.objects.lookup(sha, 'docs/adr/0001-use-postgres.md')!.sha,
    });
    expect(data.repository.f1.text).toBe(ADR_2);
    expect(data.repository.missing).toBeNull();
    expect(data.repository.dir).toEqual({
      __typename: 'Tree',
      entries: [
        { name: '0001-use-postgres.md', path: 'docs/adr/0001-use-postgres.md', type: 'blob' },
        { name: '0002-use-kafka.md', path: 'docs/adr/0002-use-kafka.md', type: 'blob' },
      ],
    });
    expect(data.rateLimit).toEqual({ cost: 1, remaining: 4999 });
    expect(seeded.double.requestsFor('graphql')).toHaveLength(1);
    expect(seeded.double.violations).toEqual([]);
  });

  it('serves the GitHub Enterprise endpoint /api/graphql', async () => {
    const response = await post('/api/graphql', { query: '{ repository(owner: "acme", name: "decisions") { nameWithOwner defaultBranchRef { name } } }' });
    expect(await response.json()).toEqual({ data: { repository: { nameWithOwner: REPO, defaultBranchRef: { name: 'main' } } } });
  });

  it('answers unknown fields and syntax errors with GraphQL errors and records violations', async () => {
    const unknown = (await (await post('/graphql', { query: '{ repository(owner: "acme", name: "decisions") { object(expression: "main:README.md") { ... on Blob { txt } } } }' })).json()) as {
      errors: { message: string }[];
      data?: unknown;
    };
    expect(unknown.data).toBeUndefined();
    expect(unknown.errors[0]!.message).toBe("Field 'txt' doesn't exist on type 'Blob'");
    const broken = (await (await post('/graphql', { query: '{ repository(owner: "acme" { name } }' })).json()) as { errors: { message: string }[] };
    expect(broken.errors[0]!.message).toMatch(/^Parse error/);
    expect(seeded.double.violations.slice(-2).map((v) => v.kind)).toEqual(['graphql-query', 'graphql-query']);
  });

  it('validates the request shape: {query: string, variables?: object}', async () => {
    await post('/graphql', { query: '{ rateLimit { cost } }', variables: [1] });
    await post('/graphql', { q: '{ rateLimit { cost } }' });
    expect(seeded.double.violations.slice(-2).map((v) => v.kind)).toEqual(['graphql-body', 'graphql-body']);
  });

  it('hides repositories the token cannot see, as NOT_FOUND', async () => {
    seeded.double.state.addRepo({ owner: 'other', name: 'private', private: true });
    const body = (await (await post('/graphql', { query: '{ repository(owner: "other", name: "private") { name } }' })).json()) as {
      data: unknown;
      errors: { type: string }[];
    };
    expect(body).toMatchObject({ data: { repository: null }, errors: [{ type: 'NOT_FOUND' }] });
  });
});

// The lookup a reviewer does for ADR numbers claimed elsewhere: open pull requests, 50 at a time, with their files.
const OPEN_PULLS = `
  query OpenPulls($owner: String!, $name: String!, $after: String, $pulls: Int!, $files: Int!) {
    repository(owner: $owner, name: $name) {
      pullRequests(states: OPEN, first: $pulls, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { number state files(first: $files) { nodes { path changeType } } }
      }
    }
  }
`;

describe('GraphQL pull requests', () => {
  let seeded: SeededDouble;
  beforeEach(async () => {
    seeded = await startSeededDouble();
  });
  afterEach(() => seeded.double.close());

  const graphql = async (query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: any[] }> =>
    (await (
      await fetch(`${seeded.double.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `bearer ${seeded.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as { data?: any; errors?: any[] };
  const openPulls = (variables: Record<string, unknown>) => graphql(OPEN_PULLS, { owner: 'acme', name: 'decisions', after: null, pulls: 50, files: 100, ...variables });

  /** #1 adds, edits, deletes and renames; #2 is closed, #3 merged, #4 open. */
  function seedPulls(): void {
    const { state } = seeded.double;
    state.seedPullRequest(REPO, {
      number: 1,
      branch: 'mixed',
      changes: { 'docs/adr/0003-use-grpc.md': '# 3. Use gRPC\n', 'docs/adr/0001-use-postgres.md': '# 1. Use PostgreSQL 16\n', 'README.md': null },
      renames: { 'docs/adr/0002-use-kafka-streams.md': 'docs/adr/0002-use-kafka.md' },
    });
    state.seedPullRequest(REPO, { number: 2, branch: 'closed', changes: { 'docs/adr/0004-closed.md': '# 4\n' } });
    state.findIssue(REPO, 2)!.state = 'closed';
    state.seedPullRequest(REPO, { number: 3, branch: 'merged', changes: { 'docs/adr/0005-merged.md': '# 5\n' } });
    state.findIssue(REPO, 3)!.state = 'closed';
    state.findPull(REPO, 3)!.merged = true;
    state.seedPullRequest(REPO, { number: 4, branch: 'open', changes: { 'docs/adr/0006-open.md': '# 6\n' } });
  }

  it('lists open pull requests only, with each file path and GitHub PatchStatus change type', async () => {
    seedPulls();
    const { data, errors } = await openPulls({});
    expect(errors).toBeUndefined();
    expect(data.repository.pullRequests).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      nodes: [
        {
          number: 1,
          state: 'OPEN',
          files: {
            nodes: [
              { path: 'README.md', changeType: 'DELETED' },
              { path: 'docs/adr/0001-use-postgres.md', changeType: 'MODIFIED' },
              { path: 'docs/adr/0002-use-kafka-streams.md', changeType: 'RENAMED' },
              { path: 'docs/adr/0003-use-grpc.md', changeType: 'ADDED' },
            ],
          },
        },
        { number: 4, state: 'OPEN', files: { nodes: [{ path: 'docs/adr/0006-open.md', changeType: 'ADDED' }] } },
      ],
    });
    const closedAndMerged = await graphql('{ repository(owner: "acme", name: "decisions") { pullRequests(states: [CLOSED, MERGED], first: 10) { nodes { number state } } } }');
    expect(closedAndMerged.data.repository.pullRequests.nodes).toEqual([
      { number: 2, state: 'CLOSED' },
      { number: 3, state: 'MERGED' },
    ]);
    expect(seeded.double.violations).toEqual([]);
  });

  it('paginates by opaque cursor, and a pull request closed between pages shifts nothing', async () => {
    for (let n = 1; n <= 5; n += 1) seeded.double.state.seedPullRequest(REPO, { number: n, branch: `b${n}`, changes: { [`src/f${n}.ts`]: '' } });
    const first = await openPulls({ pulls: 2 });
    const page1 = first.data.repository.pullRequests;
    expect(page1.nodes.map((n: { number: number }) => n.number)).toEqual([1, 2]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.pageInfo.endCursor).not.toMatch(/^\d+$/);
    // #3 closes before the next page is read: the next page starts after #2 all the same.
    seeded.double.state.findIssue(REPO, 3)!.state = 'closed';
    const page2 = (await openPulls({ pulls: 2, after: page1.pageInfo.endCursor })).data.repository.pullRequests;
    expect(page2.nodes.map((n: { number: number }) => n.number)).toEqual([4, 5]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const edges = await graphql(
      'query($after: String) { repository(owner: "acme", name: "decisions") { pullRequests(states: OPEN, first: 1, after: $after) { edges { cursor node { number } } pageInfo { startCursor hasPreviousPage } } } }',
      { after: page1.pageInfo.endCursor },
    );
    const connection = edges.data.repository.pullRequests;
    expect(connection.edges).toEqual([{ cursor: connection.pageInfo.startCursor, node: { number: 4 } }]);
    expect(connection.pageInfo.hasPreviousPage).toBe(true);
    expect(seeded.double.violations).toEqual([]);
  });

  it('paginates a pull request\'s files', async () => {
    seeded.double.state.seedPullRequest(REPO, { number: 1, branch: 'three', changes: { 'a.md': 'a', 'b.md': 'b', 'c.md': 'c' } });
    const query = 'query($after: String) { repository(owner: "acme", name: "decisions") { pullRequest(number: 1) { changedFiles files(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { path additions deletions } } } } }';
    const page1 = (await graphql(query, { after: null })).data.repository.pullRequest;
    expect(page1.changedFiles).toBe(3);
    expect(page1.files.nodes).toEqual([
      { path: 'a.md', additions: 1, deletions: 0 },
      { path: 'b.md', additions: 1, deletions: 0 },
    ]);
    const page2 = (await graphql(query, { after: page1.files.pageInfo.endCursor })).data.repository.pullRequest.files;
    expect(page2).toEqual({ totalCount: 3, pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, nodes: [{ path: 'c.md', additions: 1, deletions: 0 }] });
  });

  it('refuses more than 100 records, or no `first`, with GitHub\'s errors and no data, and records the violation', async () => {
    seedPulls();
    const tooMany = await openPulls({ pulls: 101 });
    expect(tooMany.data).toBeUndefined();
    expect(tooMany.errors).toEqual([
      {
        type: 'EXCESSIVE_PAGINATION',
        path: ['repository', 'pullRequests'],
        message: 'Requesting 101 records on the `pullRequests` connection exceeds the `first` limit of 100 records.',
      },
    ]);
    const tooManyFiles = await openPulls({ files: 250 });
    expect(tooManyFiles.errors?.[0]).toMatchObject({
      type: 'EXCESSIVE_PAGINATION',
      message: 'Requesting 250 records on the `files` connection exceeds the `first` limit of 100 records.',
    });
    const unbounded = await graphql('{ repository(owner: "acme", name: "decisions") { pullRequests(states: OPEN) { nodes { number } } } }');
    expect(unbounded.errors?.[0]).toMatchObject({
      type: 'MISSING_PAGINATION_BOUNDARIES',
      message: 'You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.',
    });
    const hundred = await openPulls({ pulls: 100, files: 100 });
    expect(hundred.errors).toBeUndefined();
    expect(seeded.double.violations.map((v) => v.kind)).toEqual(['graphql-query', 'graphql-query', 'graphql-query']);
  });

  it('answers an unreadable cursor with INVALID_CURSOR_ARGUMENTS and a null connection', async () => {
    seedPulls();
    const body = await openPulls({ after: 'NTA=' });
    expect(body.data).toEqual({ repository: { pullRequests: null } });
    expect(body.errors).toEqual([{ type: 'INVALID_CURSOR_ARGUMENTS', path: ['repository', 'pullRequests'], message: '`NTA=` does not appear to be a valid cursor.' }]);
  });

  it('refuses a quoted state, an unknown state and an argument the field does not take', async () => {
    const quoted = await graphql('{ repository(owner: "acme", name: "decisions") { pullRequests(states: "OPEN", first: 5) { nodes { number } } } }');
    expect(quoted.errors?.[0]?.message).toBe(`Argument 'states' on Field 'pullRequests' has an invalid value ("OPEN"). Expected type '[PullRequestState!]'.`);
    const unknown = await graphql('query($s: [PullRequestState!]) { repository(owner: "acme", name: "decisions") { pullRequests(states: $s, first: 5) { nodes { number } } } }', { s: ['DRAFT'] });
    expect(unknown.errors?.[0]?.message).toBe(`Argument 'states' on Field 'pullRequests' has an invalid value (DRAFT). Expected type '[PullRequestState!]'.`);
    const extra = await graphql('{ repository(owner: "acme", name: "decisions") { pullRequests(first: 5, sort: NEWEST) { nodes { number } } } }');
    expect(extra.errors?.[0]).toMatchObject({ message: "Field 'pullRequests' doesn't accept argument 'sort'", extensions: { code: 'argumentNotAccepted' } });
  });
});
