// GraphQL `Repository.pullRequests(states, first, after)` with `files(first)`: what a bot reads to
// see which ADR numbers open pull requests claim. Cursors are opaque base64 offsets, oldest first.
import type { RepoRecord } from '../state.js';
import type { HandlerContext } from './context.js';
import type { GqlObject } from './graphql.js';

const CHANGE_TYPE = { added: 'ADDED', modified: 'MODIFIED', removed: 'DELETED', renamed: 'RENAMED' } as const;

function cursor(offset: number): string {
  return Buffer.from(`cursor:v2:${offset}`).toString('base64');
}

function offsetOf(after: unknown): number {
  if (typeof after !== 'string') return 0;
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  return m ? Number(m[1]) : 0;
}

function bounded(first: unknown): number {
  // GitHub requires `first` or `last` on connections and caps them at 100.
  return Math.max(1, Math.min(100, typeof first === 'number' ? first : 100));
}

function pageInfo(hasNextPage: boolean, endCursor: string | null): GqlObject {
  return { typename: 'PageInfo', implements: [], fields: { hasNextPage: () => hasNextPage, endCursor: () => endCursor } };
}

/** The `pullRequests` connection of a repository. */
export function pullRequestsConnection(ctx: HandlerContext, repo: RepoRecord, args: Record<string, unknown>): GqlObject {
  // GraphQL coerces a single enum value (`states: OPEN`) to a one-item list.
  const raw = args['states'];
  const states = raw === undefined || raw === null ? undefined : (Array.isArray(raw) ? raw : [raw]).map((s) => String(s).toLowerCase());
  const pulls = [...ctx.state.pulls.values()]
    .filter((p) => p.repo === repo.fullName)
    .filter((p) => {
      const issue = ctx.state.findIssue(p.repo, p.number)!;
      const state = p.merged ? 'merged' : issue.state;
      return states === undefined || states.includes(state);
    })
    .sort((a, b) => a.number - b.number);
  const start = offsetOf(args['after']);
  const page = pulls.slice(start, start + bounded(args['first']));
  const end = start + page.length;
  return {
    typename: 'PullRequestConnection',
    implements: [],
    fields: {
      totalCount: () => pulls.length,
      pageInfo: () => pageInfo(end < pulls.length, page.length > 0 ? cursor(end) : null),
      nodes: () =>
        page.map((pull) => ({
          typename: 'PullRequest',
          implements: ['Node'],
          fields: {
            number: () => pull.number,
            headRefName: () => pull.head.ref,
            files: (fileArgs: Record<string, unknown>) => {
              const files = pull.files.slice(0, bounded(fileArgs['first']));
              return {
                typename: 'PullRequestChangedFileConnection',
                implements: [],
                fields: {
                  totalCount: () => pull.files.length,
                  pageInfo: () => pageInfo(files.length < pull.files.length, files.length > 0 ? cursor(files.length) : null),
                  nodes: () =>
                    files.map((f) => ({
                      typename: 'PullRequestChangedFile',
                      implements: [],
                      fields: { path: () => f.filename, changeType: () => CHANGE_TYPE[f.status], additions: () => f.additions, deletions: () => f.deletions },
                    })),
                },
              } satisfies GqlObject;
            },
          },
        })),
    },
  };
}
