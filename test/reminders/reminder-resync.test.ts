// The re-sync loop of the BullMQ reminder scheduler, driven by a manual clock: when it runs, that
// runs never overlap, and that it stops. The Redis side is in bullmq-reminder-redis-loss.test.ts.
import { describe, expect, it } from 'vitest';
import { startResyncLoop, type ResyncReason } from '../../src/reminders/reminder-resync.js';
import { manualClock, settle } from './manual-clock.js';

interface Gate {
  promise: Promise<void>;
  open: () => void;
  fail: (error: Error) => void;
}

function gate(): Gate {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const HOUR = 60 * 60 * 1000;

describe('reminder re-sync loop', () => {
  it('runs after a random wait between half the interval and all of it, then again after each run', async () => {
    const clock = manualClock('2026-03-10T05:00:00Z');
    const runs: { reason: ResyncReason; at: string }[] = [];
    const randoms = [0, 1 - 1e-12, 0.5];
    const loop = startResyncLoop({
      everyMs: HOUR,
      timers: clock.timers,
      random: () => randoms.shift() ?? 0.5,
      run: async (reason) => {
        runs.push({ reason, at: clock.now().toISOString() });
      },
    });
    expect(clock.delays).toEqual([HOUR / 2]);
    await clock.advanceTo('2026-03-10T05:29:59Z');
    expect(runs).toEqual([]);
    await clock.advanceTo('2026-03-10T05:30:00Z');
    expect(runs).toEqual([{ reason: 'timer', at: '2026-03-10T05:30:00.000Z' }]);
    // The next wait is at most the whole interval, never more.
    expect(clock.delays[1]).toBe(HOUR);
    await clock.advanceTo('2026-03-10T06:30:00Z');
    expect(runs.map((r) => r.at)).toEqual(['2026-03-10T05:30:00.000Z', '2026-03-10T06:30:00.000Z']);
    expect(clock.delays[2]).toBe(0.75 * HOUR);
    for (const wait of clock.delays) {
      expect(wait).toBeGreaterThanOrEqual(HOUR / 2);
      expect(wait).toBeLessThanOrEqual(HOUR);
    }
    loop.stop();
    expect(clock.pending()).toBe(0);
  });

  it('runs at once on a trigger, one run at a time, and restarts the countdown after it', async () => {
    const clock = manualClock('2026-03-10T05:00:00Z');
    const reasons: ResyncReason[] = [];
    const first = gate();
    const loop = startResyncLoop({
      everyMs: HOUR,
      timers: clock.timers,
      random: () => 0.5,
      run: async (reason) => {
        reasons.push(reason);
        if (reasons.length === 1) await first.promise;
      },
    });
    await clock.advanceTo('2026-03-10T05:10:00Z');
    loop.trigger('reconnect');
    expect(reasons).toEqual(['reconnect']);
    // While it runs there is no timer, and further triggers fold into one more run.
    expect(clock.pending()).toBe(0);
    loop.trigger('timer');
    loop.trigger('reconnect');
    loop.trigger('timer');
    await settle();
    expect(reasons).toEqual(['reconnect']);
    first.open();
    await settle();
    expect(reasons).toEqual(['reconnect', 'reconnect']);
    // The countdown starts again from the last run's end.
    expect(clock.pending()).toBe(1);
    await clock.advanceTo('2026-03-10T05:54:59Z');
    expect(reasons).toHaveLength(2);
    await clock.advanceTo('2026-03-10T05:55:00Z');
    expect(reasons).toEqual(['reconnect', 'reconnect', 'timer']);
    loop.stop();
  });

  it('tries again on the next timer after a failed run', async () => {
    const clock = manualClock('2026-03-10T05:00:00Z');
    let calls = 0;
    const loop = startResyncLoop({
      everyMs: HOUR,
      timers: clock.timers,
      random: () => 0,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('Redis is loading');
      },
    });
    await clock.advanceTo('2026-03-10T05:30:00Z');
    expect(calls).toBe(1);
    expect(clock.pending()).toBe(1);
    await clock.advanceTo('2026-03-10T06:00:00Z');
    expect(calls).toBe(2);
    loop.stop();
  });

  it('stops: no timer left, no run from a trigger, none after the run in progress', async () => {
    const clock = manualClock('2026-03-10T05:00:00Z');
    let calls = 0;
    const running = gate();
    const loop = startResyncLoop({
      everyMs: HOUR,
      timers: clock.timers,
      run: async () => {
        calls += 1;
        await running.promise;
      },
    });
    loop.trigger('reconnect');
    loop.trigger('timer');
    loop.stop();
    running.open();
    await settle();
    expect(clock.pending()).toBe(0);
    loop.trigger('reconnect');
    await clock.advanceTo('2026-03-11T05:00:00Z');
    expect(calls).toBe(1);
  });

  it('never keeps the process alive: its real timer is unref-ed', () => {
    const timeouts = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timeouts();
    const loop = startResyncLoop({ everyMs: HOUR, run: async () => undefined });
    expect(timeouts()).toBe(before);
    loop.stop();
  });
});
