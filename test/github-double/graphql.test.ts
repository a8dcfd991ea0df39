import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
