// What every handler receives and how it fails the way GitHub fails.
import type { Urls } from '../response-shapes.js';
import type { Account, GitHubState, RepoRecord, TokenRecord } from '../state.js';

export interface HandlerContext {
  state: GitHubState;
  urls: Urls;
  method: string;
  /** Decoded path parameters of the matched template. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; it already passed the OpenAPI schema when the operation has one. */
  body: unknown;
  /** The full request URL as the client sent it, for Link headers. */
  requestUrl: URL;
  /** Request headers, lower-cased names. */
  headers: Record<string, string | undefined>;
  /** The installation token the request used, when it used one. */
  token: TokenRecord | undefined;
}

export interface HandlerResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => HandlerResponse;

/** A GitHub error response: thrown by handlers, written by the server. */
export class GitHubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body['message']));
  }
}

const DOCS = 'https://docs.github.com/rest';

/** 404 with GitHub's body. */
export function notFound(): GitHubHttpError {
  return new GitHubHttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

/** 422 "Validation Failed" with GitHub's `errors` array (objects or strings). */
export function validationFailed(errors: unknown[], message = 'Validation Failed'): GitHubHttpError {
  return new GitHubHttpError(422, { message, errors, documentation_url: DOCS, status: '422' });
}

/** 422 with a single message, as GitHub answers many semantic errors. */
export function unprocessable(message: string): GitHubHttpError {
  return new GitHubHttpError(422, { message, documentation_url: DOCS, status: '422' });
}

/** 409 Conflict. */
export function conflict(message: string): GitHubHttpError {
  return new GitHubHttpError(409, { message, documentation_url: DOCS, status: '409' });
}

/**
 * The repository named by `{owner}/{repo}`; 404 when it does not exist or the request's
 * installation token cannot see it (GitHub hides inaccessible repositories behind 404).
 */
export function repoFromParams(ctx: HandlerContext): RepoRecord {
  const repo = ctx.state.findRepo(`${ctx.params['owner']}/${ctx.params['repo']}`);
  if (repo === undefined) throw notFound();
  const token = ctx.token;
  if (token !== undefined) {
    if (repo.installationId !== token.installationId) throw notFound();
    if (token.repositoryIds !== undefined && !token.repositoryIds.includes(repo.id)) throw notFound();
  }
  return repo;
}

/** Rejects writes to archived repositories like GitHub does. */
export function assertWritable(repo: RepoRecord): void {
  if (repo.archived) {
    throw new GitHubHttpError(403, { message: 'Repository was archived so is read-only.', documentation_url: DOCS, status: '403' });
  }
}

/** The account writes are attributed to: the token's own (see TokenRecord.actor), else the app's bot. */
export function actor(ctx: HandlerContext): Account {
  return ctx.token?.actor ?? ctx.state.app.bot;
}

/** An integer path parameter. */
export function intParam(ctx: HandlerContext, name: string): number {
  return Number(ctx.params[name]);
}
