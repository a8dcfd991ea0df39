import type { Octokit } from '@octokit/rest';

/**
 * The Octokit surface the adapters use. Picked from `@octokit/rest` so both
 * `new Octokit()` and Probot's `context.octokit` (which has `rest` but not the
 * legacy top-level endpoint methods) fit.
 */
export type GitHub = Pick<InstanceType<typeof Octokit>, 'rest' | 'paginate' | 'graphql' | 'request' | 'log'>;

/** Owner and name of a repository. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** The HTTP status of an Octokit RequestError, if the error is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
