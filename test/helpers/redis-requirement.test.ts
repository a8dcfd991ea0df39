import { describe, expect, it } from 'vitest';
import { REDIS_MISSING, redisDecision } from './redis-requirement.js';

describe('redisDecision: whether the redis-server suites run, skip or fail', () => {
  it('runs them whenever redis-server is on PATH, whatever the environment', () => {
    for (const env of [{}, { CI: 'true' }, { REQUIRE_REDIS: '1' }, { CI: 'true', REQUIRE_REDIS: '1' }]) {
      expect(redisDecision(env, true)).toEqual({ action: 'run' });
    }
  });

  it('skips them with the one line naming the install command on a fresh machine', () => {
    expect(redisDecision({}, false)).toEqual({ action: 'skip', message: REDIS_MISSING });
    expect(REDIS_MISSING).toBe('redis-server not found: install it (apt-get install redis-server) or set REQUIRE_REDIS=1 to fail instead');
  });

  it('fails them under CI or REQUIRE_REDIS=1, saying which and how to install', () => {
    const ci = redisDecision({ CI: 'true' }, false);
    expect(ci).toEqual({ action: 'fail', message: expect.stringContaining('apt-get install redis-server') });
    expect(ci.action === 'fail' && ci.message).toMatch(/CI is set, so the Redis tests fail instead of skipping/);
    const required = redisDecision({ REQUIRE_REDIS: '1' }, false);
    expect(required.action === 'fail' && required.message).toMatch(/^redis-server not found: .*REQUIRE_REDIS is set/);
    expect(redisDecision({ CI: '1', REQUIRE_REDIS: 'true' }, false).action).toBe('fail');
  });

  it('reads an empty, 0 or false flag as unset', () => {
    for (const value of ['', '0', 'false', 'FALSE']) {
      expect(redisDecision({ CI: value }, false).action).toBe('skip');
      expect(redisDecision({ REQUIRE_REDIS: value }, false).action).toBe('skip');
    }
  });
});
