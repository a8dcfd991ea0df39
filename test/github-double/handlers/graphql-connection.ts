// Cursor pagination as GitHub's GraphQL connections serve it: `first` (0..100) with `after`,
// opaque keyset cursors, `pageInfo`, `nodes`, `edges` and `totalCount`, and GitHub's errors for
// a missing or excessive `first` and an unreadable cursor. Backward pagination is not served.
import { QueryInvalid, type FieldInfo, type GqlError, type GqlObject } from './graphql-types.js';

/** GitHub's largest page on any connection. */
export const MAX_PAGE_SIZE = 100;

const CURSOR = /^cursor:v2:(\d+)$/;

/** An opaque cursor for a key (GitHub's look like base64 of `cursor:v2:...`). */
export function encodeCursor(key: number): string {
  return Buffer.from(`cursor:v2:${key}`).toString('base64');
}

function decodeCursor(cursor: string): number | undefined {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = CURSOR.exec(text);
  // Re-encoding must give the same string, so arbitrary text that happens to decode is refused.
  return match && encodeCursor(Number(match[1])) === cursor ? Number(match[1]) : undefined;
}

/** What a connection field serves. */
export interface ConnectionSpec<T> {
  /** Typename prefix: `PullRequest` gives `PullRequestConnection` and `PullRequestEdge`. */
  typePrefix: string;
  /** Items in the connection's order, already filtered by the field's other arguments. */
  items: readonly T[];
  /** Increasing along `items`: cursors name a key, so an item added or closed between pages shifts nothing. */
  key: (item: T) => number;
  node: (item: T) => GqlObject;
  /** Arguments the field takes besides the pagination ones (GitHub refuses any other). */
  accepts: readonly string[];
}

/** Checks the arguments and serves one page of a connection; an unreadable `after` is a field error (null). */
export function connection<T>(spec: ConnectionSpec<T>, args: Record<string, unknown>, info: FieldInfo, errors: GqlError[]): GqlObject | null {
  const name = info.fieldName;
  for (const arg of Object.keys(info.rawArgs)) {
    if (arg === 'last' || arg === 'before') {
      throw new QueryInvalid({ message: `The GitHub double serves forward pagination only: '${arg}' on '${name}' is not supported`, path: info.path });
    }
    if (arg !== 'first' && arg !== 'after' && !spec.accepts.includes(arg)) {
      throw new QueryInvalid({
        message: `Field '${name}' doesn't accept argument '${arg}'`,
        path: info.path,
        extensions: { code: 'argumentNotAccepted', name, typeName: 'Field', argumentName: arg },
      });
    }
  }
  const first = args['first'];
  if (first === null || first === undefined) {
    throw new QueryInvalid({ type: 'MISSING_PAGINATION_BOUNDARIES', path: info.path, message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.` });
  }
  if (typeof first !== 'number' || !Number.isInteger(first)) {
    throw new QueryInvalid({
      message: `Argument 'first' on Field '${name}' has an invalid value (${JSON.stringify(first)}). Expected type 'Int'.`,
      path: info.path,
      extensions: { code: 'argumentLiteralsIncompatible', typeName: 'Field', argumentName: 'first' },
    });
  }
  if (first > MAX_PAGE_SIZE) {
    throw new QueryInvalid({ type: 'EXCESSIVE_PAGINATION', path: info.path, message: `Requesting ${first} records on the \`${name}\` connection exceeds the \`first\` limit of ${MAX_PAGE_SIZE} records.` });
  }
  if (first < 0) {
    throw new QueryInvalid({ type: 'INVALID_ARGUMENTS', path: info.path, message: `\`first\` on the \`${name}\` connection cannot be less than zero.` });
  }
  const after = args['after'];
  let start = 0;
  if (after !== null && after !== undefined) {
    const key = typeof after === 'string' ? decodeCursor(after) : undefined;
    if (key === undefined) {
      errors.push({ type: 'INVALID_CURSOR_ARGUMENTS', path: info.path, message: `\`${String(after)}\` does not appear to be a valid cursor.` });
      return null;
    }
    start = spec.items.findIndex((item) => spec.key(item) > key);
    if (start === -1) start = spec.items.length;
  }
  const page = spec.items.slice(start, start + first);
  const cursorOf = (item: T): string => encodeCursor(spec.key(item));
  return {
    typename: `${spec.typePrefix}Connection`,
    implements: [],
    fields: {
      totalCount: () => spec.items.length,
      nodes: () => page.map(spec.node),
      edges: () =>
        page.map((item) => ({ typename: `${spec.typePrefix}Edge`, implements: [], fields: { cursor: () => cursorOf(item), node: () => spec.node(item) } })),
      pageInfo: () => ({
        typename: 'PageInfo',
        implements: [],
        fields: {
          hasNextPage: () => start + page.length < spec.items.length,
          hasPreviousPage: () => start > 0,
          startCursor: () => (page.length > 0 ? cursorOf(page[0]!) : null),
          endCursor: () => (page.length > 0 ? cursorOf(page[page.length - 1]!) : null),
        },
      }),
    },
  };
}
