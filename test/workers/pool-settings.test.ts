import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readPoolSettings } from '../../src/workers/pool-settings.js';

describe('readPoolSettings', () => {
  it('defaults: a thread per CPU, 5 s per document, 60 s per review, 2 s per command, 512 MB heaps', () => {
    expect(readPoolSettings({})).toEqual({ threads: Math.max(1, availableParallelism()), documentTimeoutMs: 5000, reviewTimeoutMs: 60000, commandTimeoutMs: 2000, maxHeapMb: 512 });
  });

  it('reads each variable, and falls back on a value that is not a positive integer', () => {
    expect(
      readPoolSettings({ REVIEW_THREADS: '3', REVIEW_DOCUMENT_TIMEOUT_MS: '750', REVIEW_TIMEOUT_MS: '9000', COMMAND_PARSE_TIMEOUT_MS: '400', WORKER_MAX_HEAP_MB: '256' }),
    ).toEqual({ threads: 3, documentTimeoutMs: 750, reviewTimeoutMs: 9000, commandTimeoutMs: 400, maxHeapMb: 256 });
    expect(readPoolSettings({ REVIEW_THREADS: '0', REVIEW_DOCUMENT_TIMEOUT_MS: '-1', REVIEW_TIMEOUT_MS: 'soon', WORKER_MAX_HEAP_MB: '1.5' })).toMatchObject({
      threads: Math.max(1, availableParallelism()),
      documentTimeoutMs: 5000,
      reviewTimeoutMs: 60000,
      maxHeapMb: 512,
    });
  });
});
