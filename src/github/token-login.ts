import type { GitHub } from './github-client.js';

/**
 * The login of the account a token acts as, asked from GitHub's GraphQL
 * `viewer`: `github-actions[bot]` for a workflow's GITHUB_TOKEN, `<slug>[bot]`
 * for a GitHub App's installation token, the user's login for a personal
 * token. REST has no such question for every kind: GET /user refuses
 * installation tokens (403 "Resource not accessible by integration") and
 * GET /app needs the App's JWT. Throws when GitHub names no login.
 */
export async function readTokenLogin(gh: GitHub): Promise<string> {
  const data = await gh.graphql<{ viewer?: { login?: unknown } | null }>('query { viewer { login } }');
  const login = data?.viewer?.login;
  if (typeof login !== 'string' || login === '') throw new Error('GitHub named no login for the token (GraphQL viewer)');
  return login;
}
