import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { packageVersion } from '../io/package-version.js';
import type { GitHub } from './github-client.js';
import { throttleOptions } from './retry-options.js';
import { readRetryBaseMs, readWriteSpacingMs, retryPacing, writeSpacingThrottle } from './request-pacing.js';

/**
 * The clients outside Probot, for the Action (a workflow token) and `design-review remind`
 * (a token, or an App installation): @octokit/rest with the plugins Probot gives the App
 * (throttling with the same handlers, retry of server errors), so they behave the same on
 * every surface; the config is read by the same loadRepoConfig (src/github/repo-config.ts),
 * `_extends` rule included.
 * `baseUrl` is the runner's GITHUB_API_URL, which is what makes GitHub
 * Enterprise Server work.
 */

const ActionOctokit = Octokit.plugin(throttling, retry);

/** The throttle of every client: our handlers, and GITHUB_WRITE_SPACING_MS's limiters when set. */
function throttle() {
  return { ...throttleOptions(), ...writeSpacingThrottle(readWriteSpacingMs(process.env)) };
}

/** plugin-retry's options: GITHUB_RETRY_BASE_MS when set. */
function retryOptions() {
  return retryPacing(readRetryBaseMs(process.env));
}

/** What the Action uses of its client: the review's surface and request hooks. */
export type ActionClient = GitHub & Pick<Octokit, 'hook'>;

/**
 * Where Octokit's own messages go: warnings (rate-limit retries, deprecations)
 * and one line per request from @octokit/rest's request log. A 404 for an
 * absent config file is an expected answer, so request lines, failed or not,
 * are debug output; the review reports the failures that matter. Octokit's
 * `debug` messages are dropped: they carry the request options, headers included.
 */
export interface ClientLog {
  warn(message: string): void;
  request(message: string): void;
}

/** An authenticated client for the Action. */
export function createActionOctokit(options: { token: string; baseUrl: string; log: ClientLog }): ActionClient {
  return new ActionOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: `design-review-action/${packageVersion()}`,
    throttle: throttle(),
    retry: retryOptions(),
    log: { debug: () => undefined, info: options.log.request, warn: options.log.warn, error: options.log.request },
  });
}

/** The App's credentials for one installation. */
export interface InstallationAuth {
  appId: number;
  privateKey: string;
  installationId: number;
}

/**
 * A client authenticated as one installation of the App, with the same plugins.
 * The auth strategy requests the installation token and requests a new one
 * when it nears its one-hour expiry, so a sweep of a large installation that
 * runs longer than that keeps working (a token passed once would turn into
 * 401s). `baseUrl` also serves GitHub Enterprise Server.
 */
export function createInstallationOctokit(options: { app: InstallationAuth; baseUrl: string; userAgent: string; log: ClientLog }): ActionClient & Pick<Octokit, 'auth'> {
  return new ActionOctokit({
    authStrategy: createAppAuth,
    auth: { appId: options.app.appId, privateKey: options.app.privateKey, installationId: options.app.installationId },
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    throttle: throttle(),
    retry: retryOptions(),
    log: { debug: () => undefined, info: options.log.request, warn: options.log.warn, error: options.log.request },
  });
}
