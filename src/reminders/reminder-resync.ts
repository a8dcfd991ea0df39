import { realTimers, type SchedulerTimers } from './reminder-scheduler.js';

/**
 * When the BullMQ reminder scheduler checks its job schedulers against the
 * App's installations again: Redis that loses its data (FLUSHALL, a restart
 * without persistence) loses them with it, and nothing else would bring them
 * back before every replica restarts.
 *   - Timer: a random wait between half of `everyMs` and all of it, so
 *     replicas started together do not all list the installations at once,
 *     and a loss is noticed within `everyMs` of it.
 *   - Trigger: the scheduler calls `trigger` when its Redis connection comes
 *     back (a restarted Redis may be empty).
 *   - One run at a time: a trigger during a run asks for one more run after
 *     it; every run restarts the timer's countdown.
 * Timers are unref'd (they never keep the process alive); `stop` clears them.
 */

/** Why a re-sync ran, for its log line. */
export type ResyncReason = 'timer' | 'reconnect';

/** What the loop needs. */
export interface ResyncLoopOptions {
  /** Longest wait between two runs, in ms. */
  everyMs: number;
  /** One re-sync; it logs its own outcome, and a rejection is only the end of that run. */
  run: (reason: ResyncReason) => Promise<void>;
  timers?: SchedulerTimers;
  /** A number in [0, 1); injected so tests pin the jitter. */
  random?: () => number;
}

/** A running re-sync loop. */
export interface ResyncLoop {
  /** Run a re-sync now (or right after the one in progress). */
  trigger(reason: ResyncReason): void;
  /** No run starts from now on; the timer is cleared. */
  stop(): void;
  /** Settles when the run in progress (if any) has. */
  idle(): Promise<void>;
}

/** Start the loop: the first timer run falls due within `everyMs`. */
export function startResyncLoop(options: ResyncLoopOptions): ResyncLoop {
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  let timer: unknown;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again: ResyncReason | undefined;

  const clearTimer = (): void => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  };
  const arm = (): void => {
    clearTimer();
    if (stopped) return;
    const wait = Math.round(options.everyMs * (0.5 + 0.5 * random()));
    timer = timers.set(() => {
      timer = undefined;
      trigger('timer');
    }, wait);
  };
  const trigger = (reason: ResyncReason): void => {
    if (stopped) return;
    if (running !== undefined) {
      // A reconnect says more than a timer: keep it for the log line.
      if (again !== 'reconnect') again = reason;
      return;
    }
    clearTimer();
    running = options
      .run(reason)
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        const next = again;
        again = undefined;
        if (next !== undefined) trigger(next);
        else arm();
      });
  };

  arm();
  return {
    trigger,
    stop() {
      stopped = true;
      again = undefined;
      clearTimer();
    },
    idle: () => running ?? Promise.resolve(),
  };
}
