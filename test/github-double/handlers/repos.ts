// Repository metadata and collaborator permissions.
import { fullRepoJson, userJson } from '../response-shapes.js';
import type { Permission } from '../state.js';
import { notFound, repoFromParams, type Handler } from './context.js';

// The legacy base role the endpoint reports in `permission`: maintain maps to write, triage to read.
const BASE_ROLE: Record<Permission, string> = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read', none: 'none' };

/** Handlers for repository metadata operations, by operationId. */
export const reposHandlers: Record<string, Handler> = {
  'repos/get': (ctx) => ({ status: 200, body: fullRepoJson(ctx.urls, repoFromParams(ctx)) }),
  'repos/get-collaborator-permission-level': (ctx) => {
    const repo = repoFromParams(ctx);
    const login = ctx.params['username']!;
    // Unknown users are 404; known non-collaborators can read a public repository and nothing else.
    if (!ctx.state.hasAccount(login)) throw notFound();
    const permission: Permission = repo.permissions.get(login.toLowerCase()) ?? (repo.private ? 'none' : 'read');
    const user = ctx.state.account(login);
    const level = BASE_ROLE[permission];
    return {
      status: 200,
      body: {
        permission: level,
        role_name: permission,
        user: {
          ...userJson(ctx.urls, user),
          permissions: {
            admin: level === 'admin',
            maintain: permission === 'maintain' || level === 'admin',
            push: level === 'admin' || level === 'write',
            triage: permission !== 'none' && permission !== 'read',
            pull: level !== 'none',
          },
          role_name: permission,
        },
      },
    };
  },
};
