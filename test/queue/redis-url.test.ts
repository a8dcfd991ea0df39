import { describe, expect, it } from 'vitest';
import { redactRedisUrl, redisErrorFields } from '../../src/queue/redis-url.js';

describe('redactRedisUrl', () => {
  it('keeps host, port and database, and hides credentials', () => {
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redactRedisUrl('rediss://default:s3cret@cache.internal:6380/2')).toBe('rediss://***@cache.internal:6380/2');
    expect(redactRedisUrl('redis://:s3cret@cache')).toBe('redis://***@cache');
  });

  it('says nothing of a malformed value, which may still hold a secret', () => {
    expect(redactRedisUrl('cache:s3cret')).toBe('(malformed REDIS_URL)');
    expect(redactRedisUrl('not a url s3cret')).toBe('(malformed REDIS_URL)');
  });
});

describe('redisErrorFields', () => {
  it('keeps message and code, cutting out the URL and the password', () => {
    const url = 'redis://user:p%40ss@cache:6379';
    const error = Object.assign(new Error(`connect to ${url} failed (password p@ss)`), { code: 'ECONNREFUSED' });
    const fields = redisErrorFields(error, url);
    expect(fields.code).toBe('ECONNREFUSED');
    expect(fields.message).toBe('connect to redis://***@cache:6379 failed (password ***)');
  });

  it('accepts anything thrown', () => {
    expect(redisErrorFields('boom', 'redis://cache')).toEqual({ message: 'boom' });
  });
});
