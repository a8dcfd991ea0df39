// The in-process backend behind the ReviewQueue interface: the JobQueue's semantics, with review jobs.
import { describe, expect, it } from 'vitest';
import { inProcessReviewQueue } from '../../src/queue/in-process-review-queue.js';
import { RetryLater, type ReviewJob } from '../../src/queue/review-queue.js';

function job(deliveryId: string, pullNumber: number, installationId = 42): ReviewJob {
  return { deliveryId, event: 'pull_request.synchronize', installationId, owner: 'Acme', repo: 'Decisions', pullNumber };
}

describe('in-process review queue', () => {
  it('dedupes redeliveries, coalesces per pull request and reports runner errors', async () => {
    const runs: string[] = [];
    const errors: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const queue = inProcessReviewQueue({
      concurrency: 1,
      run: async (j) => {
        runs.push(`${j.deliveryId}#${j.pullNumber}`);
        if (j.deliveryId === 'first') await gate;
        if (j.deliveryId === 'broken') throw new Error('boom');
      },
      onError: (j, e) => errors.push(`${j.deliveryId}: ${(e as Error).message}`),
    });
    expect(queue.kind).toBe('in-process');
    expect(await queue.enqueue(job('first', 1))).toBe('queued');
    expect(await queue.enqueue(job('first', 1))).toBe('duplicate');
    // One delivery naming two pull requests makes two jobs, each its own id.
    expect(await queue.enqueue(job('suite', 2))).toBe('queued');
    expect(await queue.enqueue(job('suite', 3))).toBe('queued');
    expect(await queue.enqueue(job('push', 2))).toBe('replaced');
    expect(await queue.enqueue(job('broken', 4))).toBe('queued');
    release();
    expect(await queue.drain(5000)).toEqual({ abandoned: [] });
    expect(runs).toEqual(['first#1', 'suite#3', 'push#2', 'broken#4']);
    expect(errors).toEqual(['broken: boom']);
    await queue.close();
  });
});

describe('in-process review queue retries', () => {
  it('retries a RetryLater with the job it hands over, and reports other errors at once', async () => {
    const seen: string[] = [];
    const errors: string[] = [];
    const retries: string[] = [];
    let lastRan!: () => void;
    const last = new Promise<void>((r) => (lastRan = r));
    const queue = inProcessReviewQueue({
      concurrency: 2,
      retry: { attempts: 3, delayMs: 10 },
      run: async (j, attempt) => {
        seen.push(`${j.deliveryId} ${attempt!.number}/${attempt!.of} ${j.pendingCheckRun?.checkRunId ?? '-'}`);
        if (attempt!.retryInMs === undefined) lastRan();
        if (j.deliveryId === 'flaky' && attempt!.number < 3) {
          throw new RetryLater('GitHub answered 502', { ...j, pendingCheckRun: { headSha: 'abc', checkRunId: 100 + attempt!.number } }, { cause: new Error('502') });
        }
        if (j.deliveryId === 'broken') throw new Error('bug');
      },
      onError: (j, e) => errors.push(`${j.deliveryId}: ${(e as Error).message}`),
      onRetry: (j, _e, delayMs) => retries.push(`${j.deliveryId} in ${delayMs}`),
    });
    await queue.enqueue(job('flaky', 1));
    await queue.enqueue(job('broken', 2, 43));
    await last;
    expect(await queue.drain(5000)).toEqual({ abandoned: [] });
    // Each attempt gets the check run the previous one left in progress.
    expect(seen.filter((s) => s.startsWith('flaky'))).toEqual(['flaky 1/3 -', 'flaky 2/3 101', 'flaky 3/3 102']);
    expect(retries).toEqual(['flaky in 10', 'flaky in 20']);
    expect(errors).toEqual(['broken: bug']);
  });

  it('hands the check run a failed attempt left to the newer delivery that replaced its retry', async () => {
    const seen: string[] = [];
    let failedOnce!: () => void;
    const failed = new Promise<void>((r) => (failedOnce = r));
    const queue = inProcessReviewQueue({
      concurrency: 1,
      retry: { attempts: 3, delayMs: 60_000 },
      run: async (j, attempt) => {
        seen.push(`${j.deliveryId} ${attempt!.number} ${j.pendingCheckRun?.checkRunId ?? '-'}`);
        if (j.deliveryId === 'first') {
          setImmediate(failedOnce);
          throw new RetryLater('Redis is unreachable', { ...j, pendingCheckRun: { headSha: 'old', checkRunId: 7 } }, { cause: new Error('ECONNREFUSED') });
        }
      },
      onError: () => undefined,
    });
    await queue.enqueue(job('first', 1));
    await failed;
    expect(await queue.enqueue(job('push', 1))).toBe('replaced');
    expect(await queue.drain(5000)).toEqual({ abandoned: [] });
    expect(seen).toEqual(['first 1 -', 'push 1 7']);
  });
});
