import { readFileSync } from 'node:fs';
import { UsageError } from './cli-error.js';

/**
 * The credentials `design-review remind` runs with, from the environment:
 * a GitHub App (APP_ID + PRIVATE_KEY or PRIVATE_KEY_PATH, GHE_HOST and
 * GHE_PROTOCOL as Probot reads them) or a repository token in a GitHub
 * Actions workflow (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL).
 * GITHUB_TOKEN may be the workflow's own token, a GitHub App's installation
 * token or a personal token: which account it writes as is asked from GitHub
 * when the sweep runs (`readTokenLogin`), never inferred from the variables.
 * Errors name the missing variable and never echo a secret.
 */

/** Sweep every installation of an App. */
export interface AppCredentials {
  mode: 'app';
  appId: string;
  privateKey: string;
  baseUrl: string;
}

/** Sweep one repository with a token (the workflow's GITHUB_TOKEN, an App's installation token or a personal token). */
export interface TokenCredentials {
  mode: 'token';
  token: string;
  owner: string;
  repo: string;
  baseUrl: string;
}

/** The environment variables read. */
export type Env = Record<string, string | undefined>;

/** Read the credentials: App mode when APP_ID or a private key is set, token mode otherwise. */
export function readCredentials(env: Env): AppCredentials | TokenCredentials {
  // The key keeps its exact text (a trailing newline is part of the PEM).
  const keyText = nonEmpty(env.PRIVATE_KEY) ? env.PRIVATE_KEY : undefined;
  const keyPath = nonEmpty(env.PRIVATE_KEY_PATH);
  if (nonEmpty(env.APP_ID) || keyText || keyPath) {
    const appId = nonEmpty(env.APP_ID);
    if (!appId) throw new UsageError('APP_ID is not set: App mode needs APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH');
    if (!/^\d+$/.test(appId)) throw new UsageError('APP_ID must be the numeric App ID (from the App settings page)');
    return { mode: 'app', appId, privateKey: readPrivateKey(keyText, keyPath), baseUrl: appBaseUrl(env) };
  }
  const token = nonEmpty(env.GITHUB_TOKEN);
  if (!token) {
    throw new UsageError(
      'GITHUB_TOKEN is not set: in a workflow add `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`, or set APP_ID and PRIVATE_KEY to sweep every installation of the App',
    );
  }
  const repository = nonEmpty(env.GITHUB_REPOSITORY);
  if (!repository) throw new UsageError('GITHUB_REPOSITORY is not set: expected owner/name (GitHub Actions sets it)');
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match) throw new UsageError(`GITHUB_REPOSITORY must be owner/name, got "${repository.slice(0, 100)}"`);
  return { mode: 'token', token, owner: match[1]!, repo: match[2]!, baseUrl: (nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/\/+$/, '') };
}

/** Probot's base URL: `<GHE_PROTOCOL>://<GHE_HOST>/api/v3` on GitHub Enterprise Server, api.github.com otherwise. */
export function appBaseUrl(env: Env): string {
  const host = nonEmpty(env.GHE_HOST);
  if (!host) return 'https://api.github.com';
  const protocol = nonEmpty(env.GHE_PROTOCOL) ?? 'https';
  if (protocol !== 'http' && protocol !== 'https') throw new UsageError(`GHE_PROTOCOL must be http or https, got "${protocol.slice(0, 20)}"`);
  return `${protocol}://${host}/api/v3`;
}

// As Probot reads it: PEM text (with `\n` escapes from a .env file), base64 of the PEM, or a file.
function readPrivateKey(text: string | undefined, path: string | undefined): string {
  let key: string;
  if (text) {
    key = text.includes('\\n') ? text.replace(/\\n/g, '\n') : text;
    if (!key.includes('-----BEGIN')) key = Buffer.from(key, 'base64').toString('utf8');
  } else if (path) {
    try {
      key = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(`PRIVATE_KEY_PATH cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'} (${path})`);
    }
  } else {
    throw new UsageError('PRIVATE_KEY or PRIVATE_KEY_PATH is not set: App mode needs the App private key (.pem)');
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(key)) {
    throw new UsageError(`${text ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH'} does not hold a PEM private key (-----BEGIN RSA PRIVATE KEY-----)`);
  }
  return key;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
