import { describe, expect, it } from 'vitest';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, readQueueSettings } from '../../src/app/queue-settings.js';

describe('readQueueSettings', () => {
  it('defaults to the in-process queue, 4 reviews at once and a 25 s shutdown', () => {
    expect(readQueueSettings({})).toEqual({ concurrency: 4, redisUrl: undefined, shutdownTimeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS });
    expect(DEFAULT_SHUTDOWN_TIMEOUT_MS).toBe(25_000);
  });

  it('reads REDIS_URL, REVIEW_CONCURRENCY and SHUTDOWN_TIMEOUT_MS', () => {
    expect(readQueueSettings({ REDIS_URL: ' redis://cache:6379/2 ', REVIEW_CONCURRENCY: '8', SHUTDOWN_TIMEOUT_MS: '5000' })).toEqual({
      concurrency: 8,
      redisUrl: 'redis://cache:6379/2',
      shutdownTimeoutMs: 5000,
    });
  });

  it('falls back to the defaults on empty or bad values', () => {
    expect(readQueueSettings({ REDIS_URL: '', REVIEW_CONCURRENCY: '0', SHUTDOWN_TIMEOUT_MS: 'soon' })).toEqual({
      concurrency: 4,
      redisUrl: undefined,
      shutdownTimeoutMs: 25_000,
    });
    expect(readQueueSettings({ REVIEW_CONCURRENCY: '2.5' }).concurrency).toBe(4);
  });
});
