/**
 * Rate-limit handling for the App (Probot's `throttle` option) and the Action
 * (`@octokit/plugin-throttling`): log, let the plugin wait as GitHub says
 * (`retry-after`, or the reset time), and retry at most twice. Typed
 * structurally so this module needs neither Probot nor the plugin.
 */

/** Retries after a rate limit before the request fails. */
export const MAX_RATE_LIMIT_RETRIES = 2;

/** The part of the request options the handlers read. */
export interface LimitedRequest {
  method: string;
  url: string;
}

/** The part of the Octokit instance the handlers use. */
export interface LoggingOctokit {
  log: { warn(message: string): void };
}

/** A throttling-plugin handler: true retries after `retryAfter` seconds. */
export type LimitHandler = (retryAfter: number, options: LimitedRequest, octokit: LoggingOctokit, retryCount: number) => boolean;

/** `onRateLimit` and `onSecondaryRateLimit` for the throttling plugin. */
export interface ThrottleHandlers {
  onRateLimit: LimitHandler;
  onSecondaryRateLimit: LimitHandler;
}

/** Throttle handlers that log and retry while `retryCount < maxRetries`; the plugin waits `retryAfter` first. */
export function throttleOptions(maxRetries = MAX_RATE_LIMIT_RETRIES): ThrottleHandlers {
  const handler =
    (kind: string): LimitHandler =>
    (retryAfter, options, octokit, retryCount) => {
      const retry = retryCount < maxRetries;
      octokit.log.warn(
        `${kind} hit on ${options.method} ${options.url}: ` +
          (retry ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${maxRetries})` : `giving up after ${retryCount} retries`),
      );
      return retry;
    };
  return { onRateLimit: handler('Rate limit'), onSecondaryRateLimit: handler('Secondary rate limit') };
}
