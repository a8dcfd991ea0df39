import { githubMessage, httpStatus } from '../github/github-client.js';
import { ConfigError } from '../config/config-error.js';

/**
 * What a failed repository sweep means for the report: `skipped` when the
 * repository is out of reach or refuses issues (removed installation, no
 * access, archived, issues off, an invalid config: nothing this run can fix),
 * `failed` when a retry later may succeed (GitHub errors, refused credentials,
 * rate limits, bugs).
 */

/** The outcome, a one-line reason without credentials, and the HTTP status behind it. */
export interface SweepFailure {
  outcome: 'skipped' | 'failed';
  reason: string;
  status?: number;
}

/** Classify an error thrown while sweeping one repository. */
export function describeFailure(error: unknown): SweepFailure {
  if (error instanceof ConfigError) return { outcome: 'skipped', reason: `invalid configuration: ${error.message.split('\n')[0]}` };
  const status = httpStatus(error);
  // Octokit's RequestError message is GitHub's `message` plus a docs link; keep the first line only.
  const message = githubMessage(error).split('\n')[0]!.slice(0, 300);
  if (status === undefined) return { outcome: 'failed', reason: message };
  const withStatus = { status };
  // 401 also comes from a transient bad-credentials answer or an expired token: a later sweep
  // with a fresh token may succeed, so it is a failure (retried), never proof the repository is gone.
  if (status === 401) return { outcome: 'failed', reason: `GitHub refused the credentials (the token expired or was revoked, or the installation was suspended): ${message}`, ...withStatus };
  if (status === 403 && /archived/i.test(message)) return { outcome: 'skipped', reason: 'archived', ...withStatus };
  if (status === 403 && /rate limit/i.test(message)) return { outcome: 'failed', reason: `rate limited: ${message}`, ...withStatus };
  if (status === 403) return { outcome: 'skipped', reason: `no access (${message}): check the installation's permissions (issues: write, contents: read)`, ...withStatus };
  if (status === 404) return { outcome: 'skipped', reason: 'not found: the repository was removed or the installation no longer covers it', ...withStatus };
  if (status === 410) return { outcome: 'skipped', reason: 'issues are turned off', ...withStatus };
  return { outcome: 'failed', reason: `GitHub answered ${status}: ${message}`, ...withStatus };
}

