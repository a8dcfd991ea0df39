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

class Transient extends Error {}

/** A job failing with `errors` in turn (Transient is retryable), then succeeding; records each attempt. */
function flaky(id: string, orderingKey: string, log: string[], errors: Error[], coalescingKey?: string): Job {
  let calls = 0;
  return {
    id,
    orderingKey,
    coalescingKey,
    run: async (attempt) => {
      log.push(`${id} ${attempt.number}/${attempt.of}${attempt.retryInMs === undefined ? ' last' : ` retry in ${attempt.retryInMs}`}`);
      const error = errors[calls];
      calls += 1;
      if (error) throw error;
    },
  };
}

describe('JobQueue retries', () => {
  const retry = { policy: { attempts: 3, delayMs: 20 }, retryable: (e: unknown) => e instanceof Transient };

  it('runs a job again after a retryable failure, doubling the delay, until it succeeds', async () => {
    const log: string[] = [];
    const failed: string[] = [];
    const queue = new JobQueue({ concurrency: 1, retry, onError: (j) => failed.push(j.id) });
    queue.enqueue(flaky('d1', 'A', log, [new Transient('502'), new Transient('502')]));
    await queue.onIdle();
    expect(log).toEqual(['d1 1/3 retry in 20', 'd1 2/3 retry in 40', 'd1 3/3 last']);
    expect(failed).toEqual([]);
  });

  it('reports a failure on the last attempt, and a failure that is not retryable at once', async () => {
    const log: string[] = [];
    const failed: string[] = [];
    const queue = new JobQueue({ concurrency: 2, retry, onError: (j, e) => failed.push(`${j.id}: ${(e as Error).message}`) });
    queue.enqueue(flaky('always', 'A', log, [new Transient('1'), new Transient('2'), new Transient('3')]));
    queue.enqueue(flaky('bug', 'B', log, [new TypeError('x is undefined')]));
    await queue.onIdle();
    expect(log.filter((l) => l.startsWith('always'))).toEqual(['always 1/3 retry in 20', 'always 2/3 retry in 40', 'always 3/3 last']);
    expect(log.filter((l) => l.startsWith('bug'))).toEqual(['bug 1/3 retry in 20']);
    expect(failed.sort()).toEqual(['always: 3', 'bug: x is undefined']);
  });

  it('lets other jobs of the installation run while one waits for its retry', async () => {
    const log: string[] = [];
    const queue = new JobQueue({ concurrency: 1, retry: { ...retry, policy: { attempts: 2, delayMs: 200 } } });
    queue.enqueue(flaky('first', 'A', log, [new Transient('502')]));
    queue.enqueue(flaky('second', 'A', log, []));
    await queue.onIdle();
    expect(log).toEqual(['first 1/2 retry in 200', 'second 1/2 retry in 200', 'first 2/2 last']);
  });

  it('starts a handed-over job at its next attempt (attemptsBefore)', async () => {
    const log: string[] = [];
    const queue = new JobQueue({ concurrency: 1, retry });
    queue.enqueue({ ...flaky('moved', 'A', log, [new Transient('again')]), attemptsBefore: 2 });
    await queue.onIdle();
    expect(log).toEqual(['moved 3/3 last']);
  });

  it('drops a retry when a newer job for the same pull request is queued, and a newer delivery replaces a waiting retry', async () => {
    const log: string[] = [];
    const gate = deferred();
    const queue = new JobQueue({ concurrency: 1, retry: { ...retry, policy: { attempts: 3, delayMs: 50 } } });
    queue.enqueue({ ...flaky('old', 'A', log, [new Transient('502')], 'pr1'), run: async (attempt) => {
      log.push(`old ${attempt.number}`);
      await gate.promise;
      throw new Transient('502');
    } });
    expect(queue.enqueue(flaky('push', 'A', log, [], 'pr1'))).toBe('queued');
    gate.resolve();
    await queue.onIdle();
    // The newer job, queued while the old one ran, reviews instead of a retry of the old one.
    expect(log).toEqual(['old 1', 'push 1/3 retry in 50']);

    const later: string[] = [];
    queue.enqueue(flaky('failing', 'A', later, [new Transient('502')], 'pr2'));
    await new Promise<void>((resolve) => {
      const check = () => (later.length === 1 ? resolve() : setTimeout(check, 5));
      check();
    });
    // Waiting for its retry: a newer delivery for the pull request takes its place and runs at once.
    expect(queue.enqueue(flaky('newer', 'A', later, [], 'pr2'))).toBe('replaced');
    await queue.onIdle();
    expect(later).toEqual(['failing 1/3 retry in 50', 'newer 1/3 retry in 50']);
  });

  it('drain runs a job waiting for its retry at once, as its last attempt', async () => {
    const log: string[] = [];
    const failed: string[] = [];
    const queue = new JobQueue({ concurrency: 1, retry: { ...retry, policy: { attempts: 5, delayMs: 60_000 } }, onError: (j) => failed.push(j.id) });
    queue.enqueue(flaky('d1', 'A', log, [new Transient('502'), new Transient('502')]));
    await new Promise<void>((resolve) => {
      const check = () => (log.length === 1 ? resolve() : setTimeout(check, 5));
      check();
    });
    const started = performance.now();
    expect(await queue.drain(5000)).toEqual({ abandoned: [] });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(log).toEqual(['d1 1/5 retry in 60000', 'd1 2/5 last']);
    expect(failed).toEqual(['d1']);
  });
});
