// A clock and timers the test moves by hand, so a daily schedule is driven in microseconds.
import type { SchedulerTimers } from '../../src/reminders/reminder-scheduler.js';

interface Pending {
  at: number;
  fire: () => void;
}

/** The injected clock and timers, plus `advanceTo` to move time and fire what fell due. */
export interface ManualClock {
  now: () => Date;
  timers: SchedulerTimers;
  /** Timers armed and not yet fired or cleared. */
  pending(): number;
  /** Delays the scheduler asked for, in order. */
  delays: number[];
  /** Moves the clock to `iso`, firing due timers in time order (letting promises settle between them). */
  advanceTo(iso: string): Promise<void>;
}

/** A manual clock starting at `iso`. */
export function manualClock(iso: string): ManualClock {
  let now = Date.parse(iso);
  const pending = new Set<Pending>();
  const delays: number[] = [];
  return {
    now: () => new Date(now),
    delays,
    pending: () => pending.size,
    timers: {
      set(fire, ms) {
        delays.push(ms);
        const entry = { at: now + ms, fire };
        pending.add(entry);
        return entry;
      },
      clear(handle) {
        pending.delete(handle as Pending);
      },
    },
    async advanceTo(target) {
      const end = Date.parse(target);
      for (;;) {
        const next = [...pending].filter((p) => p.at <= end).sort((a, b) => a.at - b.at)[0];
        if (next === undefined) break;
        pending.delete(next);
        now = next.at;
        next.fire();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}

/** Lets pending promise callbacks run (several turns: ticks await several times). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}
