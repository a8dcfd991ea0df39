// GitHub App endpoints: the app itself, its installations and installation access tokens.
// These run with the app's JWT (checked by the server); everything else uses the tokens minted here.
import { randomBytes } from 'node:crypto';
import { appJson, installationJson, repoJson } from '../response-shapes.js';
import { timestamp, type GitHubState, type TokenRecord } from '../state.js';
import { notFound, validationFailed, type Handler } from './context.js';
import { pageOf } from './pagination.js';

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Mints an installation token (`ghs_...`, one hour) restricted to `repositoryIds` when given,
 * writing as `actor` (a login; `x[bot]` is a Bot) instead of the app's bot when given.
 */
export function issueInstallationToken(state: GitHubState, installationId: number, repositoryIds?: number[], actor?: string): TokenRecord {
  const record: TokenRecord = {
    token: `ghs_${randomBytes(18).toString('hex')}`,
    installationId,
    expiresAt: timestamp(new Date(state.now().getTime() + TOKEN_LIFETIME_MS)),
    repositoryIds,
    ...(actor === undefined ? {} : { actor: state.account(actor) }),
  };
  state.tokens.set(record.token, record);
  return record;
}

const createToken: Handler = (ctx) => {
  const installation = ctx.state.installations.get(Number(ctx.params['installation_id']));
  if (installation === undefined) throw notFound();
  const input = (ctx.body ?? {}) as { repositories?: string[]; repository_ids?: number[]; permissions?: Record<string, string> };
  const owned = [...ctx.state.repos.values()].filter((r) => r.installationId === installation.id);
  let repositoryIds: number[] | undefined;
  if (input.repositories !== undefined || input.repository_ids !== undefined) {
    const byName = (input.repositories ?? []).map((name) => owned.find((r) => r.name.toLowerCase() === name.toLowerCase()));
    const byId = (input.repository_ids ?? []).map((id) => owned.find((r) => r.id === id));
    if ([...byName, ...byId].some((r) => r === undefined)) {
      throw validationFailed([], 'There is at least one repository that does not exist or is not accessible to the parent installation.');
    }
    repositoryIds = [...byName, ...byId].map((r) => r!.id);
  }
  const token = issueInstallationToken(ctx.state, installation.id, repositoryIds);
  return {
    status: 201,
    body: {
      token: token.token,
      expires_at: token.expiresAt,
      permissions: input.permissions ?? installation.permissions,
      repository_selection: repositoryIds === undefined ? installation.repositorySelection : 'selected',
      ...(repositoryIds === undefined
        ? {}
        : { repositories: owned.filter((r) => repositoryIds.includes(r.id)).map((r) => repoJson(ctx.urls, r)) }),
    },
  };
};

// GET /installation/repositories: the repositories the installation token can see, paginated inside an object.
const listInstallationRepos: Handler = (ctx) => {
  const token = ctx.token;
  if (token === undefined) throw notFound();
  const installation = ctx.state.installations.get(token.installationId);
  if (installation === undefined) throw notFound();
  const repos = [...ctx.state.repos.values()]
    .filter((r) => r.installationId === token.installationId && (token.repositoryIds === undefined || token.repositoryIds.includes(r.id)))
    .sort((a, b) => a.id - b.id);
  const page = pageOf(ctx, repos);
  return {
    status: 200,
    body: { total_count: repos.length, repository_selection: installation.repositorySelection, repositories: page.items.map((r) => repoJson(ctx.urls, r)) },
    ...(page.link === '' ? {} : { headers: { link: page.link } }),
  };
};

/** Handlers for apps/* operations, by operationId. */
export const appsHandlers: Record<string, Handler> = {
  'apps/get-authenticated': (ctx) => ({ status: 200, body: appJson(ctx.urls, ctx.state) }),
  'apps/create-installation-access-token': createToken,
  'apps/get-installation': (ctx) => {
    const installation = ctx.state.installations.get(Number(ctx.params['installation_id']));
    if (installation === undefined) throw notFound();
    return { status: 200, body: installationJson(ctx.urls, ctx.state, installation) };
  },
  'apps/list-repos-accessible-to-installation': listInstallationRepos,
  'apps/list-installations': (ctx) => ({
    status: 200,
    body: [...ctx.state.installations.values()].map((i) => installationJson(ctx.urls, ctx.state, i)),
  }),
  'apps/get-repo-installation': (ctx) => {
    const repo = ctx.state.findRepo(`${ctx.params['owner']}/${ctx.params['repo']}`);
    const installation = repo?.installationId === undefined ? undefined : ctx.state.installations.get(repo.installationId);
    if (installation === undefined) throw notFound();
    return { status: 200, body: installationJson(ctx.urls, ctx.state, installation) };
  },
};
