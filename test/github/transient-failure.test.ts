// Which failures a later attempt of the review may not meet (retry), and which it would meet again (fail now).
import { describe, expect, it } from 'vitest';
import { isTransientFailure } from '../../src/github/transient-failure.js';

/** An Octokit RequestError as thrown (name HttpError, status, response headers), built without Octokit. */
function githubError(status: number, message = 'failure', headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(message), { name: 'HttpError', status, response: { status, headers, data: { message } } });
}

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('isTransientFailure', () => {
  it.each([
    ['GitHub 500', githubError(500)],
    ['GitHub 502', githubError(502, 'Bad Gateway')],
    ['GitHub 503', githubError(503)],
    ['429 after the throttle gave up', githubError(429, 'Too Many Requests')],
    ['a secondary rate limit (403)', githubError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.')],
    ['a primary rate limit (403, x-ratelimit-remaining: 0)', githubError(403, 'API rate limit exceeded for installation ID 42.', { 'x-ratelimit-remaining': '0' })],
    ['a network failure, as Octokit reports it (500)', githubError(500, 'fetch failed')],
    ['a socket reset', withCode('socket hang up', 'ECONNRESET')],
    ['an undici connect timeout', withCode('Connect Timeout Error', 'UND_ERR_CONNECT_TIMEOUT')],
    ['a Redis reply error from the throttle', named('ReplyError', 'ERR SETTINGS_KEY_NOT_FOUND')],
    ['ioredis giving up on a command', named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 20).')],
    ['a closed Redis connection', new Error('Connection is closed.')],
    ['a throttle job that expired while Redis was away', named('BottleneckError', 'This job timed out after 60000 ms.')],
    ['a cause chain ending in a network error', new Error('review failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:6379', 'ECONNREFUSED') })],
  ])('retries %s', (_label, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    ['a 404', githubError(404, 'Not Found')],
    ['a 422', githubError(422, 'Validation Failed')],
    ['a 403 that is a permission', githubError(403, 'Resource not accessible by integration')],
    ['a 401', githubError(401, 'Bad credentials')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'sha')")],
    ['a config error', new Error('.github/design-review.yml: unknown key `rulez`')],
    ['nothing useful', 'a string'],
    ['undefined', undefined],
  ])('does not retry %s', (_label, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });
});
