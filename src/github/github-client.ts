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

/** GitHub's `message` in an Octokit RequestError's response, else the error's own message; whole (callers cut it). */
export function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  return typeof data?.message === 'string' ? data.message : error instanceof Error ? error.message : String(error);
}

/** The messages of a 422's `errors` list, where GitHub says what failed ("A pull request already exists for …"), joined. */
export function validationMessages(error: unknown): string {
  const errors = (error as { response?: { data?: { errors?: { message?: unknown }[] } } } | null)?.response?.data?.errors;
  return Array.isArray(errors) ? errors.map((e) => (typeof e.message === 'string' ? e.message : '')).join(' ') : '';
}

/** The HTTP status of an Octokit RequestError, if the error is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
