import { nextCronRun } from '../core/reminders/cron-expression.js';
import type { JobLog } from '../shared/job-log.js';

/**
 * The embedded reminder scheduler: with no Redis, the App runs the sweep
 * itself on the App's cron schedule, with no external service. Steps of a tick:
 *   1. list the App's installations (one paginated request as the App);
 *   2. sweep them one at a time (bounded: one installation's requests at a
 *      time, so a tick never bursts against GitHub's limits);
 *   3. an installation that fails is logged and the tick goes on.
 * A tick still running when the next one falls due is not started twice: that
 * occurrence is skipped with a warning. Timers are unref'd (they never keep
 * the process alive), and `stop` + `drain` let the graceful shutdown wait for
 * the installation being swept while not starting the next one.
 */

/** A reminder scheduler the App runs and the graceful shutdown stops. */
export interface SweepScheduler {
  /** Which scheduler this is, for the startup log line. */
  readonly kind: 'embedded' | 'bullmq';
  /** Start no new sweep from now on. */
  stop(): void;
  /** Wait for the sweep in progress, at most `timeoutMs`; names what was still running then. */
  drain(timeoutMs: number): Promise<{ abandoned: string[] }>;
  /** Release timers and connections; after drain. */
  close(): Promise<void>;
}

/** Timers, injected so unit tests drive the schedule without waiting for a day. */
export interface SchedulerTimers {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Real timers that never keep the process alive. */
export const realTimers: SchedulerTimers = {
  set: (fire, ms) => setTimeout(fire, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What the embedded scheduler needs. */
export interface EmbeddedSchedulerOptions {
  /** A valid App schedule (readReminderSettings checked it), in UTC. */
  schedule: string;
  /** The clock: when the next run falls due. */
  now: () => Date;
  timers?: SchedulerTimers;
  /** The App's installation ids (paginated, authenticated as the App). */
  installations: () => Promise<number[]>;
  /** Sweep one installation for the period that fell due at `period`; throws when the sweep failed. */
  sweep: (installationId: number, period: Date) => Promise<void>;
  log: JobLog;
  /**
   * Longest single timer: a monthly schedule is further away than setTimeout
   * can count (24.8 days), and waking up hourly also corrects a clock that
   * jumped while the process slept.
   */
  maxSleepMs?: number;
}

const MAX_SLEEP_MS = 60 * 60 * 1000;

/** The embedded scheduler, armed at once. */
export function embeddedReminderScheduler(options: EmbeddedSchedulerOptions): SweepScheduler {
  const { schedule, now, log } = options;
  const timers = options.timers ?? realTimers;
  const maxSleep = options.maxSleepMs ?? MAX_SLEEP_MS;
  let timer: unknown;
  let stopped = false;
  let running: Promise<void> | undefined;
  // The installation being swept, for the shutdown's report.
  let current: number | undefined;

  const arm = (due: Date): void => {
    if (stopped) return;
    const wait = Math.max(0, due.getTime() - now().getTime());
    timer = timers.set(() => onTimer(due), Math.min(wait, maxSleep));
  };

  const onTimer = (due: Date): void => {
    timer = undefined;
    if (stopped) return;
    const at = now();
    // Woken before the due time (a capped sleep, an early timer): sleep again.
    if (at.getTime() < due.getTime()) return arm(due);
    if (running !== undefined) {
      log.warn({ period: due.toISOString() }, 'design-review: reminder sweep still running when the next fell due; skipping this one');
    } else {
      running = tick(due).finally(() => (running = undefined));
    }
    arm(nextCronRun(schedule, at));
  };

  const tick = async (period: Date): Promise<void> => {
    let ids: number[];
    try {
      ids = await options.installations();
    } catch (error) {
      log.error({ err: error, period: period.toISOString() }, 'design-review: could not list the installations to sweep');
      return;
    }
    log.info({ period: period.toISOString(), installations: ids.length }, 'design-review: reminder tick started');
    for (const [index, installation] of ids.entries()) {
      if (stopped) {
        log.info({ period: period.toISOString(), left: ids.slice(index) }, 'design-review: shutting down; the other installations wait for the next sweep');
        return;
      }
      current = installation;
      try {
        await options.sweep(installation, period);
      } catch (error) {
        // The sweep logged its own failure with the installation; the tick goes on.
        log.error({ err: error, installation, period: period.toISOString() }, 'design-review: reminder sweep of an installation failed; going on');
      } finally {
        current = undefined;
      }
    }
  };

  const stop = (): void => {
    stopped = true;
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  };

  arm(nextCronRun(schedule, now()));
  return {
    kind: 'embedded',
    stop,
    async drain(timeoutMs) {
      stop();
      const work = running;
      if (work === undefined) return { abandoned: [] };
      let wait: unknown;
      const timedOut = new Promise<'timeout'>((resolve) => (wait = realTimers.set(() => resolve('timeout'), timeoutMs)));
      const outcome = await Promise.race([work.then(() => 'done' as const), timedOut]);
      realTimers.clear(wait);
      return { abandoned: outcome === 'timeout' && current !== undefined ? [`reminders:${current}`] : [] };
    },
    async close() {
      stop();
    },
  };
}
