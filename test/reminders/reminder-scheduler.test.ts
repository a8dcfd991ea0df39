// The embedded reminder scheduler driven by an injected clock and timers: days pass in microseconds.
import { describe, expect, it } from 'vitest';
import { embeddedReminderScheduler } from '../../src/reminders/reminder-scheduler.js';
import { manualClock, settle } from './manual-clock.js';
import { recordingLogger } from '../helpers/recording-logger.js';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A scheduler over a manual clock, recording every sweep as `installation@period`. */
function setup(options: { start?: string; schedule?: string; installations?: () => Promise<number[]>; sweep?: (id: number, period: Date) => Promise<void>; maxSleepMs?: number } = {}) {
  const clock = manualClock(options.start ?? '2026-03-10T05:00:00Z');
  const log = recordingLogger();
  const sweeps: string[] = [];
  const scheduler = embeddedReminderScheduler({
    schedule: options.schedule ?? '0 6 * * *',
    now: clock.now,
    timers: clock.timers,
    installations: options.installations ?? (async () => [11, 22]),
    sweep: async (id, period) => {
      sweeps.push(`${id}@${period.toISOString()}`);
      await options.sweep?.(id, period);
    },
    log,
    ...(options.maxSleepMs === undefined ? {} : { maxSleepMs: options.maxSleepMs }),
  });
  return { clock, log, sweeps, scheduler };
}

describe('embedded reminder scheduler', () => {
  it('sweeps every installation once when the schedule falls due, and again the next day', async () => {
    const { clock, sweeps, scheduler } = setup();
    await clock.advanceTo('2026-03-10T05:59:59Z');
    expect(sweeps).toEqual([]);
    await clock.advanceTo('2026-03-10T06:00:00Z');
    expect(sweeps).toEqual(['11@2026-03-10T06:00:00.000Z', '22@2026-03-10T06:00:00.000Z']);
    await clock.advanceTo('2026-03-11T05:59:00Z');
    expect(sweeps).toHaveLength(2);
    await clock.advanceTo('2026-03-11T07:00:00Z');
    expect(sweeps.slice(2)).toEqual(['11@2026-03-11T06:00:00.000Z', '22@2026-03-11T06:00:00.000Z']);
    expect(scheduler.kind).toBe('embedded');
    await scheduler.close();
  });

  it('sweeps one installation at a time', async () => {
    const first = deferred();
    const { clock, sweeps, scheduler } = setup({ sweep: (id) => (id === 11 ? first.promise : Promise.resolve()) });
    await clock.advanceTo('2026-03-10T06:00:00Z');
    expect(sweeps).toEqual(['11@2026-03-10T06:00:00.000Z']);
    first.resolve();
    await settle();
    expect(sweeps).toEqual(['11@2026-03-10T06:00:00.000Z', '22@2026-03-10T06:00:00.000Z']);
    await scheduler.close();
  });

  it('logs a failing installation with its id and goes on with the others', async () => {
    const { clock, log, sweeps, scheduler } = setup({
      installations: async () => [11, 22, 33],
      sweep: async (id) => {
        if (id === 22) throw new Error('GitHub is down for 22');
      },
    });
    await clock.advanceTo('2026-03-10T06:00:00Z');
    expect(sweeps.map((s) => s.split('@')[0])).toEqual(['11', '22', '33']);
    const failure = log.lines.find((l) => l.level === 'error');
    expect(failure?.fields).toMatchObject({ installation: 22, period: '2026-03-10T06:00:00.000Z' });
    expect(failure?.msg).toContain('going on');
    await scheduler.close();
  });

  it('survives a failed installation listing and tries again next period', async () => {
    let calls = 0;
    const { clock, log, sweeps, scheduler } = setup({
      installations: async () => {
        calls += 1;
        if (calls === 1) throw new Error('502 from GET /app/installations');
        return [11];
      },
    });
    await clock.advanceTo('2026-03-10T06:00:00Z');
    expect(sweeps).toEqual([]);
    expect(log.lines.find((l) => l.level === 'error')?.msg).toContain('could not list the installations');
    await clock.advanceTo('2026-03-11T06:00:00Z');
    expect(sweeps).toEqual(['11@2026-03-11T06:00:00.000Z']);
    await scheduler.close();
  });

  it('does not start a tick twice: a period that falls due while the last tick runs is skipped', async () => {
    const slow = deferred();
    let first = true;
    const { clock, log, sweeps, scheduler } = setup({
      schedule: '*/2 * * * * *',
      start: '2026-03-10T06:00:00Z',
      installations: async () => [11],
      sweep: async () => {
        if (first) {
          first = false;
          await slow.promise;
        }
      },
    });
    await clock.advanceTo('2026-03-10T06:00:02Z');
    await clock.advanceTo('2026-03-10T06:00:04Z');
    await clock.advanceTo('2026-03-10T06:00:06Z');
    expect(sweeps).toEqual(['11@2026-03-10T06:00:02.000Z']);
    const skips = log.lines.filter((l) => l.msg?.includes('still running'));
    expect(skips.map((l) => l.fields['period'])).toEqual(['2026-03-10T06:00:04.000Z', '2026-03-10T06:00:06.000Z']);
    slow.resolve();
    await settle();
    await clock.advanceTo('2026-03-10T06:00:08Z');
    expect(sweeps).toEqual(['11@2026-03-10T06:00:02.000Z', '11@2026-03-10T06:00:08.000Z']);
    await scheduler.close();
  });

  it('caps every timer, so a monthly schedule beyond setTimeout range still fires on time', async () => {
    const hour = 60 * 60 * 1000;
    const { clock, sweeps, scheduler } = setup({ schedule: '0 6 1 * *', start: '2026-03-01T07:00:00Z', installations: async () => [11], maxSleepMs: hour });
    await clock.advanceTo('2026-04-01T05:59:59Z');
    expect(sweeps).toEqual([]);
    await clock.advanceTo('2026-04-01T06:00:00Z');
    expect(sweeps).toEqual(['11@2026-04-01T06:00:00.000Z']);
    expect(Math.max(...clock.delays)).toBeLessThanOrEqual(hour);
    await scheduler.close();
  });

  it('stop clears the timer: nothing keeps the process alive and no tick starts later', async () => {
    const { clock, sweeps, scheduler } = setup();
    expect(clock.pending()).toBe(1);
    scheduler.stop();
    expect(clock.pending()).toBe(0);
    await clock.advanceTo('2026-03-12T00:00:00Z');
    expect(sweeps).toEqual([]);
    expect(await scheduler.drain(1000)).toEqual({ abandoned: [] });
  });

  it('drain waits for the installation being swept and leaves the others for the next period', async () => {
    const running = deferred();
    const { clock, log, sweeps, scheduler } = setup({ sweep: (id) => (id === 11 ? running.promise : Promise.resolve()) });
    await clock.advanceTo('2026-03-10T06:00:00Z');
    const drained = scheduler.drain(5000);
    let done = false;
    void drained.then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    expect(clock.pending()).toBe(0);
    running.resolve();
    expect(await drained).toEqual({ abandoned: [] });
    expect(sweeps).toEqual(['11@2026-03-10T06:00:00.000Z']);
    expect(log.lines.find((l) => l.msg?.includes('wait for the next sweep'))?.fields).toMatchObject({ left: [22] });
  });

  it('drain names the installation still being swept at the timeout', async () => {
    const never = deferred();
    const { clock, scheduler } = setup({ sweep: () => never.promise });
    await clock.advanceTo('2026-03-10T06:00:00Z');
    expect(await scheduler.drain(20)).toEqual({ abandoned: ['reminders:11'] });
    never.resolve();
  });
});
