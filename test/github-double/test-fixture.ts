// A seeded double for the double's own tests: one installation, one repository of ADRs, a token.
import { startGitHubDouble, type GitHubDouble, type GitHubDoubleOptions } from './server.js';

export const INSTALLATION_ID = 42;
export const REPO = 'acme/decisions';

export const ADR_1 = '# 1. Use PostgreSQL\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n\n## Decision\n\nPostgreSQL.\n';
export const ADR_2 = '# 2. Use Kafka\n\n## Status\n\nProposed\n';

export interface SeededDouble {
  double: GitHubDouble;
  token: string;
  /** fetch against the double with the installation token and JSON headers. */
  api: (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Response>;
}

/** Starts a double seeded with acme/decisions (two ADRs on main) installed as installation 42. */
export async function startSeededDouble(options: GitHubDoubleOptions = {}): Promise<SeededDouble> {
  const double = await startGitHubDouble(options);
  double.state.addInstallation({ id: INSTALLATION_ID, account: 'acme' });
  double.state.addRepo({
    owner: 'acme',
    name: 'decisions',
    files: { 'docs/adr/0001-use-postgres.md': ADR_1, 'docs/adr/0002-use-kafka.md': ADR_2, 'README.md': '# Decisions\n' },
  });
  const token = double.issueToken(INSTALLATION_ID);
  const api: SeededDouble['api'] = (path, init = {}) =>
    fetch(`${double.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `token ${token}`,
        accept: 'application/vnd.github+json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  return { double, token, api };
}

/** A JWT shaped like the one Probot signs for `appId` (the double does not verify the signature). */
export function fakeAppJwt(appId: number, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: nowSeconds - 30, exp: nowSeconds + 570, iss: appId })}.c2lnbmF0dXJl`;
}
