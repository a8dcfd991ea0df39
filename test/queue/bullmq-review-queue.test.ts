// The BullMQ backend against a real redis-server: two queue instances stand for two replicas.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { bullmqReviewQueue, type BullmqReviewQueueOptions } from '../../src/queue/bullmq-review-queue.js';
import { inProcessReviewQueue } from '../../src/queue/in-process-review-queue.js';
import { RetryLater, type ReviewJob, type ReviewQueue, type ReviewRunner } from '../../src/queue/review-queue.js';
import type { RetryPolicy } from '../../src/queue/retry-policy.js';
import { freePort, waitFor } from '../e2e/app-process.js';
import { describeWithRedis, startRedisServer, type RedisServer } from './redis-server.js';

let redis: RedisServer;
let queues: ReviewQueue[] = [];
let queueCounter = 0;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await redis?.stop();
});

afterEach(async () => {
  await Promise.all(queues.map((q) => q.drain(2000).then(() => q.close())));
  queues = [];
});

interface Captured {
  lines: { level: string; obj: object; msg?: string }[];
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

function captureLog(): Captured {
  const lines: Captured['lines'] = [];
  return {
    lines,
    info: (obj, msg) => void lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => void lines.push({ level: 'error', obj, msg }),
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function job(deliveryId: string, pullNumber = 1, repo = 'decisions'): ReviewJob {
  return { deliveryId, event: 'pull_request.opened', installationId: 42, owner: 'acme', repo, pullNumber };
}

/** A fresh queue name per test, so tests never see each other's jobs. */
function queueName(): string {
  queueCounter += 1;
  return `test-${process.pid}-${queueCounter}`;
}

function open(
  name: string,
  run: ReviewRunner,
  options: { concurrency?: number; log?: Captured; retry?: RetryPolicy; fallback?: BullmqReviewQueueOptions['fallback'] } = {},
): ReviewQueue {
  const queue = bullmqReviewQueue({
    redisUrl: redis.url,
    queueName: name,
    concurrency: options.concurrency ?? 1,
    run,
    log: options.log ?? captureLog(),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.fallback === undefined ? {} : { fallback: options.fallback }),
  });
  queues.push(queue);
  return queue;
}

async function counts(name: string): Promise<Record<string, number>> {
  const inspector = new Queue(name, { connection: { url: redis.url } });
  try {
    return await inspector.getJobCounts('waiting', 'active', 'completed', 'failed');
  } finally {
    await inspector.close();
  }
}

describeWithRedis('BullMQ review queue', () => {
  it('treats a redelivery to another replica as a duplicate, before and after the job ran', async () => {
    const name = queueName();
    const runs: string[] = [];
    const run: ReviewRunner = async (j) => void runs.push(j.deliveryId);
    const replica1 = open(name, run);
    const replica2 = open(name, run);

    expect(await replica1.enqueue(job('d-1'))).toBe('queued');
    expect(await replica2.enqueue(job('d-1'))).toBe('duplicate');
    await waitFor('the job to complete', async () => (await counts(name))['completed'] === 1);
    expect(await replica2.enqueue(job('d-1'))).toBe('duplicate');
    expect(await replica1.enqueue(job('d-1'))).toBe('duplicate');
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toEqual(['d-1']);
  });

  it('runs at most `concurrency` jobs at once per replica, and all of them', async () => {
    const name = queueName();
    const gate = deferred();
    let active = 0;
    let peak = 0;
    const done: string[] = [];
    const queue = open(
      name,
      async (j) => {
        active += 1;
        peak = Math.max(peak, active);
        await gate.promise;
        active -= 1;
        done.push(j.deliveryId);
      },
      { concurrency: 2 },
    );
    for (let n = 1; n <= 5; n += 1) expect(await queue.enqueue(job(`c-${n}`, n))).toBe('queued');
    await waitFor('two running jobs', () => active === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(active).toBe(2);
    gate.resolve();
    await waitFor('all five jobs', () => done.length === 5);
    expect(peak).toBe(2);
    expect(done.sort()).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
  });

  it('keeps one waiting review per pull request: later deliveries merge into it', async () => {
    const name = queueName();
    const gate = deferred();
    const runs: string[] = [];
    const queue = open(name, async (j) => {
      runs.push(j.deliveryId);
      if (j.deliveryId === 'other') await gate.promise;
    });
    // The only slot is busy with another pull request, so push-1 waits.
    expect(await queue.enqueue(job('other', 9))).toBe('queued');
    await waitFor('the blocking job', () => runs.includes('other'));
    expect(await queue.enqueue(job('push-1', 1))).toBe('queued');
    expect(await queue.enqueue(job('push-2', 1))).toBe('replaced');
    gate.resolve();
    await waitFor('the waiting review', async () => (await counts(name))['completed'] === 2);
    expect(runs).toEqual(['other', 'push-1']);
  });

  it('queues the newest delivery behind a running review of the same pull request, never beside it', async () => {
    const name = queueName();
    const gate = deferred();
    const runs: string[] = [];
    let active = 0;
    const queue = open(
      name,
      async (j) => {
        active += 1;
        runs.push(j.deliveryId);
        expect(active).toBe(1);
        if (j.deliveryId === 'push-1') await gate.promise;
        active -= 1;
      },
      { concurrency: 4 },
    );
    expect(await queue.enqueue(job('push-1'))).toBe('queued');
    await waitFor('the first review to run', () => runs.includes('push-1'));
    expect(await queue.enqueue(job('push-2'))).toBe('replaced');
    expect(await queue.enqueue(job('push-3'))).toBe('replaced');
    gate.resolve();
    await waitFor('the follow-up review', () => runs.length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toEqual(['push-1', 'push-3']);
  });

  it('logs a failed job with its id, goes on with the next, and keeps the failed id as seen', async () => {
    const name = queueName();
    const log = captureLog();
    const runs: string[] = [];
    const queue = open(
      name,
      async (j) => {
        runs.push(j.deliveryId);
        if (j.deliveryId === 'bad') throw new Error('GitHub said no');
      },
      { log },
    );
    expect(await queue.enqueue(job('bad', 1))).toBe('queued');
    expect(await queue.enqueue(job('good', 2))).toBe('queued');
    await waitFor('both jobs to finish', async () => {
      const c = await counts(name);
      return c['failed'] === 1 && c['completed'] === 1;
    });
    expect(runs).toEqual(['bad', 'good']);
    expect(log.lines).toContainEqual({ level: 'error', obj: expect.objectContaining({ job: 'bad#1', err: { message: 'GitHub said no' } }), msg: 'design-review: job failed' });
    expect(await queue.enqueue(job('bad', 1))).toBe('duplicate');
  });

  it('drain waits for the running job and leaves waiting ones in Redis for another replica', async () => {
    const name = queueName();
    const gate = deferred();
    const runs: string[] = [];
    const leaving = open(name, async (j) => {
      runs.push(`leaving:${j.deliveryId}`);
      await gate.promise;
    });
    await leaving.enqueue(job('first', 1));
    await waitFor('the first job to run', () => runs.length === 1);
    await leaving.enqueue(job('second', 2));

    setTimeout(() => gate.resolve(), 300);
    const started = performance.now();
    expect(await leaving.drain(5000)).toEqual({ abandoned: [] });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(await counts(name)).toMatchObject({ completed: 1, waiting: 1, active: 0 });
    expect(runs).toEqual(['leaving:first']);

    open(name, async (j) => void runs.push(`staying:${j.deliveryId}`));
    await waitFor('the other replica to take the waiting job', () => runs.includes('staying:second'));
  });

  it('drain gives up at the timeout and names the job it abandoned', async () => {
    const name = queueName();
    const gate = deferred();
    const queue = open(name, () => gate.promise);
    await queue.enqueue(job('stuck', 7));
    await waitFor('the job to run', async () => (await counts(name))['active'] === 1);
    const started = performance.now();
    expect(await queue.drain(300)).toEqual({ abandoned: ['stuck#7'] });
    expect(performance.now() - started).toBeLessThan(2000);
    gate.resolve();
  });

  it('without a fallback, fails an enqueue fast when Redis is unreachable, and logs the error without the password', async () => {
    const port = await freePort();
    const log = captureLog();
    const url = `redis://:hunter2-secret@127.0.0.1:${port}`;
    const queue = bullmqReviewQueue({ redisUrl: url, queueName: queueName(), concurrency: 1, run: async () => undefined, log, enqueueTimeoutMs: 5000, connectWaitMs: 300 });
    try {
      const started = performance.now();
      await expect(queue.enqueue(job('lost'))).rejects.toThrow(`Redis (redis://***@127.0.0.1:${port}) is unreachable`);
      // The connection wait, not the 5 s enqueue timeout.
      expect(performance.now() - started).toBeLessThan(3000);
      await waitFor('a connection error in the log', () => log.lines.some((l) => l.msg === 'design-review: Redis connection error'));
      const logged = JSON.stringify(log.lines);
      expect(logged).toContain(`127.0.0.1:${port}`);
      expect(logged).toContain('ECONNREFUSED');
      expect(logged).not.toContain('hunter2');
    } finally {
      await queue.drain(100);
      await Promise.race([queue.close(), new Promise((r) => setTimeout(r, 1000))]);
    }
  });
});

// Attempts, backoff and the retry hand-over, against the real redis-server; and what survives Redis losing its data.
describeWithRedis('BullMQ review queue retries', () => {
  const fast: RetryPolicy = { attempts: 3, delayMs: 50 };

  it('retries a RetryLater with exponential backoff, handing the next attempt what the failed one left', async () => {
    const name = queueName();
    const seen: string[] = [];
    const queue = open(
      name,
      async (j, attempt) => {
        seen.push(`${attempt!.number}/${attempt!.of} ${attempt!.retryInMs ?? 'last'} ${j.pendingCheckRun?.checkRunId ?? '-'}`);
        if (attempt!.number < 3) throw new RetryLater('GitHub answered 502', { ...j, pendingCheckRun: { headSha: 'abc', checkRunId: attempt!.number } }, { cause: new Error('502') });
      },
      { retry: fast },
    );
    expect(await queue.enqueue(job('flaky'))).toBe('queued');
    await waitFor('the third attempt to succeed', async () => (await counts(name))['completed'] === 1);
    expect(seen).toEqual(['1/3 50 -', '2/3 100 1', '3/3 last 2']);
    // A redelivery of a job that needed retries is still a duplicate.
    expect(await queue.enqueue(job('flaky'))).toBe('duplicate');
  });

  it('does not retry anything but RetryLater, and fails the job once its attempts are used up', async () => {
    const name = queueName();
    const log = captureLog();
    const runs: string[] = [];
    const queue = open(
      name,
      async (j, attempt) => {
        runs.push(`${j.deliveryId} ${attempt!.number}`);
        if (j.deliveryId === 'bug') throw new TypeError('x is undefined');
        throw new RetryLater('Redis is unreachable', j, { cause: new Error('ECONNREFUSED') });
      },
      { retry: { attempts: 2, delayMs: 20 }, log },
    );
    await queue.enqueue(job('bug', 1));
    await queue.enqueue(job('down', 2));
    await waitFor('both jobs to fail for good', async () => (await counts(name))['failed'] === 2);
    expect(runs.sort()).toEqual(['bug 1', 'down 1', 'down 2']);
    const failures = log.lines.filter((l) => l.msg?.startsWith('design-review: job')).map((l) => `${l.level} ${(l.obj as { job: string }).job} ${l.msg}`);
    expect(failures.sort()).toEqual([
      'error bug#1 design-review: job failed',
      'error down#2 design-review: job failed',
      'warn down#2 design-review: job attempt failed, retrying',
    ]);
  });

  it('merges newer deliveries for the pull request into a job waiting for its retry, and a redelivery is a duplicate', async () => {
    const name = queueName();
    const seen: string[] = [];
    let failedOnce!: () => void;
    const failed = new Promise<void>((r) => (failedOnce = r));
    const queue = open(
      name,
      async (j, attempt) => {
        seen.push(`${j.deliveryId} ${attempt!.number}`);
        if (attempt!.number === 1) {
          setImmediate(failedOnce);
          throw new RetryLater('GitHub answered 503', j, { cause: new Error('503') });
        }
      },
      { retry: { attempts: 3, delayMs: 1500 } },
    );
    await queue.enqueue(job('push-1'));
    await failed;
    await waitFor('the job to wait for its retry', async () => (await delayedCount(name)) === 1);
    expect(await queue.enqueue(job('push-1'))).toBe('duplicate');
    expect(await queue.enqueue(job('push-2'))).toBe('replaced');
    await waitFor('the retry', async () => (await counts(name))['completed'] === 1, 60_000);
    // One review of the pull request, the retry, which reads the head as it is then.
    expect(seen).toEqual(['push-1 1', 'push-1 2']);
  });

  it('queues again, with its hand-over and remaining attempts, a running job whose record Redis lost (FLUSHALL)', async () => {
    const name = queueName();
    const admin = new Redis(redis.url);
    const gate = deferred();
    const seen: string[] = [];
    try {
      const queue = open(
        name,
        async (j, attempt) => {
          seen.push(`${j.deliveryId} ${attempt!.number}/${attempt!.of} ${j.pendingCheckRun?.checkRunId ?? '-'}`);
          if (attempt!.number === 1) {
            await gate.promise;
            throw new RetryLater('Redis lost the limiter', { ...j, pendingCheckRun: { headSha: 'abc', checkRunId: 41 } }, { cause: new Error('ERR SETTINGS_KEY_NOT_FOUND') });
          }
        },
        { retry: fast },
      );
      await queue.enqueue(job('running'));
      await waitFor('the job to run', () => seen.length === 1);
      await admin.flushall();
      gate.resolve();
      await waitFor('its second attempt', () => seen.length === 2);
      expect(seen).toEqual(['running 1/3 -', 'running 2/3 41']);
      await waitFor('the re-added job to complete', async () => (await counts(name))['completed'] === 1);
    } finally {
      admin.disconnect();
    }
  });

  it('with a fallback, runs a delivery in this replica when Redis is unreachable, answering at once', async () => {
    const port = await freePort();
    const log = captureLog();
    const ran: string[] = [];
    const run: ReviewRunner = async (j) => void ran.push(j.deliveryId);
    const fallback = inProcessReviewQueue({ concurrency: 1, run, onError: () => undefined });
    const queue = bullmqReviewQueue({ redisUrl: `redis://127.0.0.1:${port}`, queueName: queueName(), concurrency: 1, run, log, fallback, connectWaitMs: 300 });
    try {
      expect(await queue.enqueue(job('offline', 5))).toBe('queued');
      expect(await queue.enqueue(job('offline', 5))).toBe('duplicate');
      await waitFor('the review to run here', () => ran.length === 1);
      expect(ran).toEqual(['offline']);
      expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'design-review: Redis unreachable; the review runs in this replica' }));
    } finally {
      await queue.drain(1000);
      await Promise.race([queue.close(), new Promise((r) => setTimeout(r, 1000))]);
    }
  });

  it('with a fallback, runs a delivery in this replica when Redis went away after connecting, and in Redis once it is back', async () => {
    const own = await startRedisServer();
    const log = captureLog();
    const ran: string[] = [];
    const run: ReviewRunner = async (j) => void ran.push(j.deliveryId);
    const fallback = inProcessReviewQueue({ concurrency: 1, run, onError: () => undefined });
    const name = queueName();
    const queue = bullmqReviewQueue({ redisUrl: own.url, queueName: name, concurrency: 1, run, log, fallback, connectWaitMs: 300 });
    try {
      expect(await queue.enqueue(job('before', 1))).toBe('queued');
      await waitFor('the first review', () => ran.includes('before'));
      await own.stop();
      expect(await queue.enqueue(job('during', 2))).toBe('queued');
      await waitFor('the review queued during the outage', () => ran.includes('during'));
      await own.startAgain();
      // Until the producer has reconnected, deliveries still run here; then they go to Redis again.
      let n = 0;
      await waitFor(
        'an enqueue that reaches Redis again',
        async () => {
          n += 1;
          const before = log.lines.length;
          await queue.enqueue(job(`after-${n}`, 10 + n));
          return !log.lines.slice(before).some((l) => l.msg === 'design-review: Redis unreachable; the review runs in this replica');
        },
        15_000,
      );
      const inspector = new Queue(name, { connection: { url: own.url } });
      try {
        await waitFor('the worker to run it from the new Redis', async () => (await inspector.getJobCounts('completed'))['completed'] === 1, 60_000);
      } finally {
        await inspector.close();
      }
      expect(ran).toContain(`after-${n}`);
    } finally {
      await queue.drain(1000);
      await Promise.race([queue.close(), new Promise((r) => setTimeout(r, 1000))]);
      await own.stop();
    }
  }, 120_000);
});

async function delayedCount(name: string): Promise<number> {
  const inspector = new Queue(name, { connection: { url: redis.url } });
  try {
    return (await inspector.getJobCounts('delayed'))['delayed'] ?? 0;
  } finally {
    await inspector.close();
  }
}
