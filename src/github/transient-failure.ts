import { httpStatus } from './github-client.js';

/**
 * Whether a failed review is worth another attempt: the failure came from the
 * infrastructure, not from the request or from our code. Retryable:
 *   - GitHub 5xx, 408 and 429 (after the client's own retries and the
 *     throttle's waits), and a 403 that is a rate limit ("rate limit" in the
 *     message, or `x-ratelimit-remaining: 0`);
 *   - network failures: Octokit reports them as status 500, and bare socket
 *     errors carry codes such as ECONNRESET;
 *   - Redis: Probot's throttle schedules every request through Bottleneck on
 *     Redis when REDIS_URL is set, so a Redis outage fails GitHub requests with
 *     ioredis or Bottleneck errors.
 * Anything else (another 4xx, a TypeError, a config error) would fail the same
 * way again. The error's `cause` chain is followed.
 */

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

// ioredis (a reply error, retries exhausted, closed connection) and Bottleneck (a job expired while Redis was away).
const INFRASTRUCTURE_ERRORS = new Set(['ReplyError', 'MaxRetriesPerRequestError', 'AbortError', 'TimeoutError', 'BottleneckError', 'ConnectionClosedError']);
const REDIS_MESSAGES = /Connection is closed|Stream isn't writeable|SETTINGS_KEY_NOT_FOUND|UNKNOWN_CLIENT|Reached the max retries per request limit/;

/** True when retrying later may succeed (see above). */
export function isTransientFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; depth += 1) {
    if (isTransientItself(e)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function isTransientItself(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== undefined && status > 0) {
    if (status >= 500 || status === 408 || status === 429) return true;
    return status === 403 && isRateLimit(error);
  }
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  if (typeof name === 'string' && INFRASTRUCTURE_ERRORS.has(name)) return true;
  return typeof message === 'string' && REDIS_MESSAGES.test(message);
}

function isRateLimit(error: unknown): boolean {
  const { message, response } = error as { message?: unknown; response?: { headers?: Record<string, unknown> } };
  if (typeof message === 'string' && /rate limit/i.test(message)) return true;
  return String(response?.headers?.['x-ratelimit-remaining']) === '0';
}
