// The in-process backend behind the ReviewQueue interface: the JobQueue's semantics, with review jobs.
import { describe, expect, it } from 'vitest';
import { inProcessReviewQueue } from '../../src/queue/in-process-review-queue.js';
import type { ReviewJob } from '../../src/queue/review-queue.js';

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
