import { describe, expect, it } from 'vitest';
import { JobQueue, type Job } from '../../src/queue/job-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function job(id: string, orderingKey: string, log: string[], gate?: Promise<void>, coalescingKey?: string): Job {
  return {
    id,
    orderingKey,
    coalescingKey,
    run: async () => {
      log.push(`start ${id}`);
      await gate;
      log.push(`end ${id}`);
    },
  };
}

describe('JobQueue', () => {
  it('drops a job whose id was already seen (redelivery)', async () => {
    const log: string[] = [];
    const queue = new JobQueue({ concurrency: 2 });
    expect(queue.enqueue(job('d1', 'i1', log))).toBe('queued');
    expect(queue.enqueue(job('d1', 'i1', log))).toBe('duplicate');
    await queue.onIdle();
    expect(log).toEqual(['start d1', 'end d1']);
  });

  it('runs jobs of one installation in order and others in parallel, within the concurrency bound', async () => {
    const log: string[] = [];
    const gate = deferred();
    const queue = new JobQueue({ concurrency: 2 });
    queue.enqueue(job('a1', 'A', log, gate.promise));
    queue.enqueue(job('a2', 'A', log));
    queue.enqueue(job('b1', 'B', log, gate.promise));
    queue.enqueue(job('c1', 'C', log));
    await Promise.resolve();
    // a1 and b1 hold both slots; a2 waits for a1, c1 for a free slot.
    expect(log).toEqual(['start a1', 'start b1']);
    gate.resolve();
    await queue.onIdle();
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log).toContain('end c1');
  });

  it('replaces a queued job by a newer one for the same pull request', async () => {
    const log: string[] = [];
    const gate = deferred();
    const queue = new JobQueue({ concurrency: 1 });
    queue.enqueue(job('push1', 'A', log, gate.promise, 'o/r#1'));
    queue.enqueue(job('push2', 'A', log, undefined, 'o/r#1'));
    expect(queue.enqueue(job('push3', 'A', log, undefined, 'o/r#1'))).toBe('replaced');
    gate.resolve();
    await queue.onIdle();
    expect(log).toEqual(['start push1', 'end push1', 'start push3', 'end push3']);
  });

  it('reports a failing job and goes on with the next', async () => {
    const errors: string[] = [];
    const log: string[] = [];
    const queue = new JobQueue({ concurrency: 1, onError: (j, e) => errors.push(`${j.id}: ${(e as Error).message}`) });
    queue.enqueue({ id: 'x', orderingKey: 'A', run: () => Promise.reject(new Error('boom')) });
    queue.enqueue(job('y', 'A', log));
    await queue.onIdle();
    expect(errors).toEqual(['x: boom']);
    expect(log).toEqual(['start y', 'end y']);
  });

  it('forgets the oldest ids beyond its memory', async () => {
    const log: string[] = [];
    const queue = new JobQueue({ concurrency: 1, rememberIds: 2 });
    for (const id of ['1', '2', '3']) queue.enqueue(job(id, 'A', log));
    await queue.onIdle();
    expect(queue.enqueue(job('1', 'A', log))).toBe('queued');
    expect(queue.enqueue(job('3', 'A', log))).toBe('duplicate');
    await queue.onIdle();
  });

  it('drains: waits for running and queued jobs', async () => {
    const log: string[] = [];
    const gate = deferred();
    const queue = new JobQueue({ concurrency: 1 });
    queue.enqueue(job('a', 'A', log, gate.promise));
    queue.enqueue(job('b', 'A', log));
    setTimeout(() => gate.resolve(), 50);
    expect(await queue.drain(5000)).toEqual({ abandoned: [] });
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('gives up draining at the timeout and names the running and queued jobs', async () => {
    const log: string[] = [];
    const gate = deferred();
    const queue = new JobQueue({ concurrency: 1 });
    queue.enqueue(job('slow', 'A', log, gate.promise));
    queue.enqueue(job('next', 'A', log));
    const started = performance.now();
    expect(await queue.drain(100)).toEqual({ abandoned: ['slow', 'next'] });
    expect(performance.now() - started).toBeLessThan(1000);
    gate.resolve();
    await queue.onIdle();
  });
});
