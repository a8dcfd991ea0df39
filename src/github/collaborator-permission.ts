import { httpStatus, type GitHub } from './github-client.js';

/**
 * A user's role on a repository, from the collaborator permission API. The
 * API's `permission` folds maintain into write and triage into read, so the
 * finer `role_name` is used when it is one of GitHub's base roles (a custom
 * organisation role falls back to `permission`). 404 means not a collaborator.
 */

/** GitHub's base repository roles, weakest first. */
export const ROLES = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The user's role on the repository; `none` for a non-collaborator. */
export async function repositoryRole(gh: GitHub, params: { owner: string; repo: string; login: string }): Promise<Role> {
  let data: { permission?: string; role_name?: string };
  try {
    ({ data } = await gh.rest.repos.getCollaboratorPermissionLevel({ owner: params.owner, repo: params.repo, username: params.login }));
  } catch (error) {
    if (httpStatus(error) === 404) return 'none';
    throw error;
  }
  const known = (value: string | undefined): value is Role => (ROLES as readonly string[]).includes(value ?? '');
  if (known(data.role_name)) return data.role_name;
  return known(data.permission) ? data.permission : 'none';
}

/** True when `role` is at least `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
