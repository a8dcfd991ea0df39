import { describe, expect, it } from 'vitest';
import { shutdownHandler, type ShutdownLog } from '../../src/app/graceful-shutdown.js';
import type { ReviewQueue } from '../../src/queue/review-queue.js';

interface Line {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

function recordingLog(lines: Line[]): ShutdownLog {
  const at = (level: Line['level']) => (obj: object, msg?: string) => void lines.push({ level, obj, ...(msg === undefined ? {} : { msg }) });
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** A queue whose drain takes `ms` (or the timeout it is given, when shorter) and abandons `ids` when cut off. */
function slowQueue(ms: number, ids: string[], events: string[], name: string) {
  return {
    drainTimeouts: [] as number[],
    async drain(timeoutMs: number): Promise<{ abandoned: string[] }> {
      this.drainTimeouts.push(timeoutMs);
      events.push(`${name}: drain started`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, timeoutMs)));
      events.push(`${name}: drain ended`);
      return { abandoned: ms > timeoutMs ? ids : [] };
    },
  };
}

describe('shutdownHandler', () => {
  it('drains the review queue and the /adr command queue at the same time, within one deadline, naming the abandoned jobs of each', async () => {
    const events: string[] = [];
    const lines: Line[] = [];
    const exits: number[] = [];
    const reviews = slowQueue(5_000, ['guid-1#7'], events, 'reviews');
    const review: ReviewQueue = {
      kind: 'in-process',
      enqueue: async () => 'queued',
      drain: (ms) => reviews.drain(ms),
      close: async () => void events.push('reviews: closed'),
    };
    const commands = slowQueue(5_000, ['guid-2'], events, 'commands');
    const timeoutMs = 300;

    const started = Date.now();
    await shutdownHandler({
      server: { stop: async () => undefined },
      queue: () => review,
      others: () => [commands, undefined],
      timeoutMs,
      log: () => recordingLog(lines),
      exit: (code) => void exits.push(code),
    })('SIGTERM');
    const elapsed = Date.now() - started;

    expect(exits).toEqual([0]);
    // Both drains started before either ended, and each got the whole remaining time, not the leftovers.
    expect(events.slice(0, 2).sort()).toEqual(['commands: drain started', 'reviews: drain started']);
    expect(reviews.drainTimeouts).toHaveLength(1);
    expect(commands.drainTimeouts).toHaveLength(1);
    expect(commands.drainTimeouts[0]).toBeGreaterThan(timeoutMs - 100);
    expect(reviews.drainTimeouts[0]).toBeGreaterThan(timeoutMs - 100);
    // One deadline: in sequence it would take about twice the timeout.
    expect(elapsed).toBeLessThan(2 * timeoutMs - 50);
    const warnings = lines.filter((l) => l.level === 'warn');
    expect(warnings).toEqual(
      expect.arrayContaining([
        { level: 'warn', obj: expect.objectContaining({ abandoned: ['guid-1#7'], queue: 'in-process' }), msg: 'design-review: shutdown timeout: these jobs were abandoned' },
        { level: 'warn', obj: expect.objectContaining({ abandoned: ['guid-2'] }), msg: 'design-review: shutdown timeout: these /adr command jobs were abandoned' },
      ]),
    );
    expect(warnings).toHaveLength(2);
    expect(events).toContain('reviews: closed');
  });

  it('logs no abandoned jobs when both queues finish in time', async () => {
    const events: string[] = [];
    const lines: Line[] = [];
    const exits: number[] = [];
    const reviews = slowQueue(20, ['guid-1#7'], events, 'reviews');
    const commands = slowQueue(20, ['guid-2'], events, 'commands');
    await shutdownHandler({
      server: { stop: async () => undefined },
      queue: () => ({ kind: 'in-process', enqueue: async () => 'queued', drain: (ms) => reviews.drain(ms), close: async () => undefined }),
      others: () => [commands],
      timeoutMs: 2_000,
      log: () => recordingLog(lines),
      exit: (code) => void exits.push(code),
    })('SIGINT');

    expect(exits).toEqual([0]);
    expect(events.filter((e) => e.endsWith('drain ended'))).toHaveLength(2);
    expect(lines.filter((l) => l.level !== 'info')).toEqual([]);
  });
});
