import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_ATTEMPTS, DEFAULT_REVIEW_RETRY_DELAY_MS, DEFAULT_SHUTDOWN_TIMEOUT_MS, readQueueSettings } from '../../src/review/queue-settings.js';

const DEFAULT_RETRY = { attempts: 5, delayMs: 2000 };

describe('readQueueSettings', () => {
  it('defaults to the in-process queue, 4 reviews at once, a 25 s shutdown and 5 attempts 2 s apart (doubling)', () => {
    expect(readQueueSettings({})).toEqual({ concurrency: 4, redisUrl: undefined, shutdownTimeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS, retry: DEFAULT_RETRY });
    expect(DEFAULT_SHUTDOWN_TIMEOUT_MS).toBe(25_000);
    expect([DEFAULT_REVIEW_ATTEMPTS, DEFAULT_REVIEW_RETRY_DELAY_MS]).toEqual([5, 2000]);
  });

  it('reads REVIEW_ATTEMPTS and REVIEW_RETRY_DELAY_MS (1 attempt: no retry)', () => {
    expect(readQueueSettings({ REVIEW_ATTEMPTS: '1', REVIEW_RETRY_DELAY_MS: '250' }).retry).toEqual({ attempts: 1, delayMs: 250 });
    expect(readQueueSettings({ REVIEW_ATTEMPTS: '0', REVIEW_RETRY_DELAY_MS: 'soon' }).retry).toEqual(DEFAULT_RETRY);
  });

  it('reads REDIS_URL, REVIEW_CONCURRENCY and SHUTDOWN_TIMEOUT_MS', () => {
    expect(readQueueSettings({ REDIS_URL: ' redis://cache:6379/2 ', REVIEW_CONCURRENCY: '8', SHUTDOWN_TIMEOUT_MS: '5000' })).toEqual({
      concurrency: 8,
      redisUrl: 'redis://cache:6379/2',
      shutdownTimeoutMs: 5000,
      retry: DEFAULT_RETRY,
    });
  });

  it('falls back to the defaults on empty or bad values', () => {
    expect(readQueueSettings({ REDIS_URL: '', REVIEW_CONCURRENCY: '0', SHUTDOWN_TIMEOUT_MS: 'soon' })).toEqual({
      concurrency: 4,
      redisUrl: undefined,
      shutdownTimeoutMs: 25_000,
      retry: DEFAULT_RETRY,
    });
    expect(readQueueSettings({ REVIEW_CONCURRENCY: '2.5' }).concurrency).toBe(4);
  });
});
