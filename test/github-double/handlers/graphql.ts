// POST /graphql: the part of GitHub's GraphQL schema a bot uses to batch-read files,
//   repository(owner, name) { a: object(expression: "<sha>:<path>") { ... on Blob { text byteSize isBinary oid } } }
// plus trees, refs, pull requests (one, or the open ones with their changed files, paginated by
// cursor), rateLimit and viewer (the account the token acts as). Anything else is an error naming the field.
import {
  GraphQLSyntaxError,
  parseGraphQL,
  type Directive,
  type GraphQLDocument,
  type GraphQLValue,
  type Selection,
} from '../graphql-parser.js';
import type { BlobObject, CommitObject, TreeObject } from '../git-objects.js';
import type { PullFileStatus } from '../pull-files.js';
import type { GitHubState, PullRecord, RepoRecord } from '../state.js';
import type { ViolationFinding } from '../violations.js';
import type { HandlerContext, HandlerResponse } from './context.js';
import { connection } from './graphql-connection.js';
import { QueryInvalid, type FieldInfo, type GqlError, type GqlObject } from './graphql-types.js';

/** Validates the request shape (`{query, variables?, operationName?}`) like the REST body checks do. */
export function validateGraphQLBody(body: unknown): ViolationFinding[] {
  const problems: string[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    problems.push('body must be a JSON object');
  } else {
    const b = body as Record<string, unknown>;
    if (typeof b['query'] !== 'string') problems.push('"query" must be a string');
    if (b['variables'] !== undefined && b['variables'] !== null && (typeof b['variables'] !== 'object' || Array.isArray(b['variables']))) {
      problems.push('"variables" must be an object');
    }
    if (b['operationName'] !== undefined && b['operationName'] !== null && typeof b['operationName'] !== 'string') {
      problems.push('"operationName" must be a string');
    }
    const extra = Object.keys(b).filter((k) => !['query', 'variables', 'operationName'].includes(k));
    if (extra.length > 0) problems.push(`unexpected keys ${extra.join(', ')}`);
  }
  return problems.map((message) => ({ kind: 'graphql-body', message: `invalid GraphQL request: ${message}` }));
}

/** Executes a GraphQL request against the state; query problems come back as GraphQL errors (HTTP 200) and findings. */
export function executeGraphQL(ctx: HandlerContext): { response: HandlerResponse; findings: ViolationFinding[] } {
  const body = ctx.body as { query?: unknown; variables?: Record<string, unknown> | null; operationName?: string | null };
  if (typeof body?.query !== 'string') {
    return { response: { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' } }, findings: [] };
  }
  let doc: GraphQLDocument;
  try {
    doc = parseGraphQL(body.query);
  } catch (error) {
    if (!(error instanceof GraphQLSyntaxError)) throw error;
    return invalid({ message: error.message, extensions: { code: 'parseError' } });
  }
  const operation = body.operationName ? doc.operations.find((o) => o.name === body.operationName) : doc.operations[0];
  if (operation === undefined || (!body.operationName && doc.operations.length > 1)) {
    return invalid({ message: 'An operation name is required when the document has several operations (or the named one is missing)' });
  }
  if (operation.operation !== 'query') {
    return invalid({ message: `The GitHub double executes queries only, not ${operation.operation}s` });
  }
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variables) {
    const given = body.variables?.[definition.name];
    const value = given !== undefined ? given : definition.defaultValue ? resolveValue(definition.defaultValue, {}) : undefined;
    if ((value === undefined || value === null) && definition.type.endsWith('!')) {
      return invalid({ message: `Variable $${definition.name} of type ${definition.type} was provided invalid value`, extensions: { code: 'variableMismatch' } });
    }
    variables[definition.name] = value ?? null;
  }
  const errors: GqlError[] = [];
  try {
    const data = execute(query(ctx, errors), operation.selections, { doc, variables, path: [] });
    return { response: { status: 200, body: errors.length > 0 ? { data, errors } : { data } }, findings: [] };
  } catch (error) {
    if (!(error instanceof QueryInvalid)) throw error;
    return invalid(error.error);
  }
}

function invalid(error: GqlError): { response: HandlerResponse; findings: ViolationFinding[] } {
  // GitHub answers invalid queries with HTTP 200 and only `errors`.
  return { response: { status: 200, body: { errors: [error] } }, findings: [{ kind: 'graphql-query', message: error.message }] };
}

interface Scope {
  doc: GraphQLDocument;
  variables: Record<string, unknown>;
  path: (string | number)[];
}

function resolveValue(value: GraphQLValue, variables: Record<string, unknown>): unknown {
  switch (value.kind) {
    case 'variable':
      return variables[value.name] ?? null;
    case 'literal':
    case 'enum':
      return value.value;
    case 'list':
      return value.values.map((v) => resolveValue(v, variables));
    case 'object':
      return Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, resolveValue(v, variables)]));
  }
}

function included(directives: Directive[], variables: Record<string, unknown>): boolean {
  for (const d of directives) {
    const condition = d.args['if'] ? resolveValue(d.args['if'], variables) : undefined;
    if (d.name === 'skip' && condition === true) return false;
    if (d.name === 'include' && condition === false) return false;
  }
  return true;
}

function execute(object: GqlObject, selections: Selection[], scope: Scope): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const selection of selections) {
    if (!included(selection.directives, scope.variables)) continue;
    if (selection.kind !== 'field') {
      const fragment = selection.kind === 'spread' ? scope.doc.fragments.get(selection.name) : selection;
      if (fragment === undefined) throw new QueryInvalid({ message: `Fragment ${(selection as { name: string }).name} was used, but not defined` });
      const condition = fragment.typeCondition;
      if (condition === undefined || condition === object.typename || object.implements.includes(condition)) {
        merge(out, execute(object, fragment.selections, scope));
      }
      continue;
    }
    const key = selection.alias ?? selection.name;
    if (selection.name === '__typename') {
      out[key] = object.typename;
      continue;
    }
    const resolver = object.fields[selection.name];
    if (resolver === undefined) {
      throw new QueryInvalid({
        message: `Field '${selection.name}' doesn't exist on type '${object.typename}'`,
        path: [...scope.path, key],
        extensions: { code: 'undefinedField', typeName: object.typename, fieldName: selection.name },
      });
    }
    const args = Object.fromEntries(Object.entries(selection.args).map(([k, v]) => [k, resolveValue(v, scope.variables)]));
    const value = resolver(args, { fieldName: selection.name, path: [...scope.path, key], rawArgs: selection.args });
    const complete = (v: unknown, path: (string | number)[]): unknown => {
      if (v === null || v === undefined) return null;
      if (Array.isArray(v)) return v.map((item, index) => complete(item, [...path, index]));
      if (isObject(v)) {
        if (selection.selections === undefined) {
          throw new QueryInvalid({ message: `Field must have selections (field '${selection.name}' returns ${v.typename} but has no selections)` });
        }
        return execute(v, selection.selections, { ...scope, path });
      }
      return v;
    };
    const result = complete(value, [...scope.path, key]);
    if (isPlain(out[key]) && isPlain(result)) merge(out[key] as Record<string, unknown>, result as Record<string, unknown>);
    else out[key] = result;
  }
  return out;
}

function isObject(v: unknown): v is GqlObject {
  return typeof v === 'object' && v !== null && 'typename' in v && 'fields' in v;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(source)) {
    if (isPlain(target[k]) && isPlain(v)) merge(target[k] as Record<string, unknown>, v);
    else target[k] = v;
  }
}

function query(ctx: HandlerContext, errors: GqlError[]): GqlObject {
  return {
    typename: 'Query',
    implements: [],
    fields: {
      repository: (args) => {
        const repo = ctx.state.findRepo(`${String(args['owner'])}/${String(args['name'])}`);
        const token = ctx.token;
        const visible =
          repo !== undefined &&
          (token === undefined || (repo.installationId === token.installationId && (token.repositoryIds?.includes(repo.id) ?? true)));
        if (!visible) {
          errors.push({
            type: 'NOT_FOUND',
            path: ['repository'],
            message: `Could not resolve to a Repository with the name '${String(args['owner'])}/${String(args['name'])}'.`,
          });
          return null;
        }
        return repository(ctx, repo, errors);
      },
      // GitHub answers `viewer` for installation tokens too (as `<slug>[bot]`), unlike REST GET /user.
      viewer: () => {
        const account = ctx.token?.actor ?? ctx.state.app.bot;
        return { typename: 'User', implements: ['Node', 'Actor'], fields: { login: () => account.login, databaseId: () => account.id } };
      },
      rateLimit: () => ({
        typename: 'RateLimit',
        implements: [],
        fields: {
          cost: () => 1,
          limit: () => 5000,
          nodeCount: () => 1,
          remaining: () => 4999,
          used: () => 1,
          resetAt: () => new Date(ctx.state.now().getTime() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
      }),
    },
  };
}

function repository(ctx: HandlerContext, repo: RepoRecord, errors: GqlError[]): GqlObject {
  const { state } = ctx;
  const ref = (qualified: string): GqlObject | null => {
    const full = qualified.startsWith('refs/') ? qualified : `refs/heads/${qualified}`;
    const sha = repo.refs.get(full);
    if (sha === undefined) return null;
    const name = full.replace(/^refs\/(heads|tags)\//, '');
    return {
      typename: 'Ref',
      implements: ['Node'],
      fields: { name: () => name, prefix: () => full.slice(0, full.length - name.length), target: () => gitObject(ctx, sha, '') },
    };
  };
  return {
    typename: 'Repository',
    implements: ['Node'],
    fields: {
      id: () => Buffer.from(`Repository${repo.id}`).toString('base64'),
      databaseId: () => repo.id,
      name: () => repo.name,
      nameWithOwner: () => repo.fullName,
      isPrivate: () => repo.private,
      isArchived: () => repo.archived,
      url: () => `${ctx.urls.web}/${repo.fullName}`,
      owner: () => ({
        typename: repo.owner.type === 'Organization' ? 'Organization' : 'User',
        implements: ['RepositoryOwner'],
        fields: { login: () => repo.owner.login },
      }),
      defaultBranchRef: () => ref(repo.defaultBranch),
      ref: (args) => ref(String(args['qualifiedName'])),
      object: (args) => {
        if (typeof args['oid'] === 'string') return gitObject(ctx, args['oid'].toLowerCase(), '');
        const expression = String(args['expression'] ?? '');
        const colon = expression.indexOf(':');
        const rev = colon === -1 ? expression : expression.slice(0, colon);
        const sha = state.resolveRef(repo, rev === '' ? 'HEAD' : rev);
        if (sha === undefined) return null;
        if (colon === -1) return gitObject(ctx, sha, '');
        const path = expression.slice(colon + 1);
        const found = state.objects.lookup(sha, path);
        return found === undefined ? null : gitObject(ctx, found.sha, path);
      },
      pullRequest: (args) => {
        const pull = state.findPull(repo.fullName, Number(args['number']));
        return pull === undefined ? null : pullRequest(state, pull, errors);
      },
      pullRequests: (args, info) => {
        const states = enumList(args, info, 'states', 'PullRequestState', PULL_REQUEST_STATES);
        const head = args['headRefName'];
        const base = args['baseRefName'];
        const pulls = [...state.pulls.values()]
          .filter((p) => p.repo === repo.fullName)
          .filter((p) => states === undefined || states.includes(pullRequestState(state, p)))
          .filter((p) => (head === null || head === undefined || p.head.ref === head) && (base === null || base === undefined || p.base.ref === base))
          // No orderBy: oldest first, as GitHub lists them.
          .sort((a, b) => a.id - b.id);
        return connection(
          { typePrefix: 'PullRequest', items: pulls, key: (p) => p.id, node: (p) => pullRequest(state, p, errors), accepts: ['states', 'headRefName', 'baseRefName'] },
          args,
          info,
          errors,
        );
      },
    },
  };
}

const PULL_REQUEST_STATES = ['OPEN', 'CLOSED', 'MERGED'] as const;
type PullRequestState = (typeof PULL_REQUEST_STATES)[number];

/** GitHub's PatchStatus for the double's file statuses (COPIED and CHANGED never arise from its diffs). */
const CHANGE_TYPE: Record<PullFileStatus, 'ADDED' | 'MODIFIED' | 'DELETED' | 'RENAMED' | 'COPIED' | 'CHANGED'> = {
  added: 'ADDED',
  modified: 'MODIFIED',
  removed: 'DELETED',
  renamed: 'RENAMED',
};

function pullRequestState(state: GitHubState, pull: PullRecord): PullRequestState {
  if (pull.merged) return 'MERGED';
  return state.findIssue(pull.repo, pull.number)?.state === 'closed' ? 'CLOSED' : 'OPEN';
}

/** An enum-list argument: enum values or a variable's strings, each one of `allowed`; undefined when absent. */
function enumList<T extends string>(args: Record<string, unknown>, info: FieldInfo, name: string, type: string, allowed: readonly T[]): T[] | undefined {
  const value = args[name];
  if (value === null || value === undefined) return undefined;
  const raw = info.rawArgs[name];
  // A single value stands for a list of one (GraphQL input coercion); a quoted string is not an enum value.
  const written = raw?.kind === 'list' ? raw.values : raw ? [raw] : [];
  const values = Array.isArray(value) ? value : [value];
  const bad = written.find((v) => v.kind === 'literal') ?? values.find((v) => !allowed.includes(v as T));
  if (bad !== undefined) {
    const shown = typeof bad === 'object' && bad !== null && 'kind' in bad ? JSON.stringify((bad as { value: unknown }).value) : String(bad);
    throw new QueryInvalid({
      message: `Argument '${name}' on Field '${info.fieldName}' has an invalid value (${shown}). Expected type '[${type}!]'.`,
      path: info.path,
      extensions: { code: 'argumentLiteralsIncompatible', typeName: 'Field', argumentName: name },
    });
  }
  return values as T[];
}

function pullRequest(state: GitHubState, pull: PullRecord, errors: GqlError[]): GqlObject {
  const issue = state.findIssue(pull.repo, pull.number)!;
  const files = pull.files.map((file, index) => ({ file, key: index + 1 }));
  return {
    typename: 'PullRequest',
    implements: ['Node'],
    fields: {
      number: () => pull.number,
      title: () => issue.title,
      state: () => pullRequestState(state, pull),
      isDraft: () => pull.draft,
      headRefName: () => pull.head.ref,
      headRefOid: () => pull.head.sha,
      baseRefName: () => pull.base.ref,
      baseRefOid: () => pull.base.sha,
      changedFiles: () => pull.files.length,
      files: (args, info) =>
        connection(
          {
            typePrefix: 'PullRequestChangedFile',
            items: files,
            key: (f) => f.key,
            node: ({ file }) => ({
              typename: 'PullRequestChangedFile',
              implements: [],
              fields: { path: () => file.filename, changeType: () => CHANGE_TYPE[file.status], additions: () => file.additions, deletions: () => file.deletions },
            }),
            accepts: [],
          },
          args,
          info,
          errors,
        ),
    },
  };
}

function gitObject(ctx: HandlerContext, sha: string, path: string): GqlObject | null {
  const object = ctx.state.objects.get(sha);
  if (object === undefined) return null;
  const common = { oid: () => object.sha, abbreviatedOid: () => object.sha.slice(0, 7) };
  const implementsList = ['GitObject', 'Node'];
  if (object.type === 'blob') return blob(object, common, implementsList);
  if (object.type === 'tree') return tree(ctx, object, path, common, implementsList);
  return commit(ctx, object, common, implementsList);
}

function blob(object: BlobObject, common: GqlObject['fields'], implementsList: string[]): GqlObject {
  const binary = object.content.includes(0);
  return {
    typename: 'Blob',
    implements: implementsList,
    fields: {
      ...common,
      byteSize: () => object.content.length,
      isBinary: () => binary,
      isTruncated: () => false,
      // GitHub returns null text for binary blobs.
      text: () => (binary ? null : object.content.toString('utf8')),
    },
  };
}

function tree(ctx: HandlerContext, object: TreeObject, path: string, common: GqlObject['fields'], implementsList: string[]): GqlObject {
  return {
    typename: 'Tree',
    implements: implementsList,
    fields: {
      ...common,
      entries: () =>
        object.entries.map((entry) => {
          const entryPath = path === '' ? entry.name : `${path}/${entry.name}`;
          return {
            typename: 'TreeEntry',
            implements: [],
            fields: {
              name: () => entry.name,
              path: () => entryPath,
              type: () => entry.type,
              mode: () => (entry.type === 'tree' ? 0o40000 : 0o100644),
              oid: () => entry.sha,
              extension: () => (/\.[^./]+$/.exec(entry.name)?.[0] ?? ''),
              object: () => gitObject(ctx, entry.sha, entryPath),
            },
          } satisfies GqlObject;
        }),
    },
  };
}

function commit(ctx: HandlerContext, object: CommitObject, common: GqlObject['fields'], implementsList: string[]): GqlObject {
  return {
    typename: 'Commit',
    implements: implementsList,
    fields: {
      ...common,
      message: () => object.message,
      committedDate: () => object.author.date,
      tree: () => gitObject(ctx, object.tree, ''),
    },
  };
}
