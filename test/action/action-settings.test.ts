// The inputs as the entry reads them, and the permission a refused request names.
import { describe, expect, it } from 'vitest';
import { ActionInputError, parseBotLogin, parseFailOn, parseMaxWarnings, readReviewSettings } from '../../src/action/action-settings.js';
import { permissionFor, permissionHint } from '../../src/action/permission-hint.js';

describe('inputs', () => {
  it('reads fail-on as a set of conclusions; empty never fails', () => {
    expect([...parseFailOn('failure, action_required\nneutral')]).toEqual(['failure', 'action_required', 'neutral']);
    expect(parseFailOn('').size).toBe(0);
    expect(() => parseFailOn('failure,errors')).toThrow(/unknown conclusions: errors/);
  });

  it('reads max-warnings as the CLI reads --max-warnings, and says what to pass', () => {
    expect(parseMaxWarnings('-1')).toBe(-1);
    expect(parseMaxWarnings('0')).toBe(0);
    expect(parseMaxWarnings(' 25 ')).toBe(25);
    for (const bad of ['-2', '1.5', 'many', '']) {
      expect(() => parseMaxWarnings(bad)).toThrow(ActionInputError);
      expect(() => parseMaxWarnings(bad)).toThrow(
        `The \`max-warnings\` input must be a whole number of -1 or more: the most warnings that still pass (0: any warning fails; -1, the default: no limit), e.g. \`max-warnings: 10\`; got "${bad}".`,
      );
    }
  });

  it('takes a bot login or a bare App slug, and refuses a user login with the reason', () => {
    expect(parseBotLogin('github-actions[bot]')).toBe('github-actions');
    expect(parseBotLogin('my-review-app')).toBe('my-review-app');
    expect(() => parseBotLogin('octo cat')).toThrow(/personal access tokens cannot/);
  });

  it('needs a token and GitHub Enterprise-style API URLs work without a trailing slash', () => {
    expect(() => readReviewSettings({})).toThrow(ActionInputError);
    const settings = readReviewSettings({ INPUT_GITHUB_TOKEN: 't', GITHUB_API_URL: 'https://ghe.example.com/api/v3/', INPUT_CONFIG: './.github/review.yml' });
    expect(settings).toMatchObject({ apiUrl: 'https://ghe.example.com/api/v3', configPath: '.github/review.yml', botSlug: 'github-actions' });
    expect([...settings.failOn]).toEqual(['failure', 'action_required']);
    expect(settings.maxWarnings).toBe(-1);
    expect(readReviewSettings({ INPUT_GITHUB_TOKEN: 't', INPUT_MAX_WARNINGS: '10' }).maxWarnings).toBe(10);
    expect(() => readReviewSettings({ INPUT_GITHUB_TOKEN: 't', INPUT_MAX_WARNINGS: '-5' })).toThrow(/`max-warnings` input must be a whole number of -1 or more/);
    expect(() => readReviewSettings({ INPUT_GITHUB_TOKEN: 't', INPUT_CONFIG: '../secrets.yml' })).toThrow(/inside the repository/);
  });
});

describe('permission hints', () => {
  it('names the permission from the refused request', () => {
    expect(permissionFor('POST', 'https://api.github.com/repos/o/r/check-runs')).toBe('checks: write');
    expect(permissionFor('PATCH', '/repos/o/r/check-runs/5')).toBe('checks: write');
    expect(permissionFor('POST', '/repos/o/r/issues/1/comments')).toBe('pull-requests: write');
    expect(permissionFor('POST', '/repos/o/r/pulls/1/reviews')).toBe('pull-requests: write');
    expect(permissionFor('GET', '/repos/o/r/contents/docs%2Fadr')).toBe('contents: read');
  });

  it('adds the fork advice on pull_request only, and leaves rate limits and other errors alone', () => {
    const refused = Object.assign(new Error('Resource not accessible by integration'), { status: 403, request: { method: 'POST', url: 'https://api.github.com/repos/o/r/issues/1/comments' } });
    expect(permissionHint(refused)).toContain('the token lacks `pull-requests: write`');
    expect(permissionHint(refused, { fromFork: true, eventName: 'pull_request' })).toContain('`pull_request_target`');
    expect(permissionHint(refused, { fromFork: true, eventName: 'pull_request_target' })).not.toContain('fork');
    expect(permissionHint(Object.assign(new Error('API rate limit exceeded'), { status: 403 }))).toBeUndefined();
    expect(permissionHint(Object.assign(new Error('Not Found'), { status: 404 }))).toBeUndefined();
  });
});
