import type { ReviewQueue } from '../queue/review-queue.js';

/**
 * Graceful shutdown on SIGTERM (orchestrators) and SIGINT (Ctrl-C). Steps:
 *   1. stop the webhook server: no new connections; deliveries in flight finish being queued;
 *      stop the reminder scheduler: no new sweep starts, the running one goes on;
 *   2. drain the review queue (in-process: running and queued jobs; BullMQ: running jobs
 *      only, queued ones stay in Redis for other replicas) and the /adr command queue at the
 *      same time, within what is left of the timeout, while the running sweep finishes
 *      within the same deadline;
 *   3. log the ids of jobs abandoned at the timeout (per queue), close the queues, exit 0.
 * A second signal exits at once (1). Probot's run() installs a SIGINT handler that
 * exits as soon as the server is stopped, which would cut the drain short: main.ts
 * removes it (`withoutNewListeners`) and this one does its work and more.
 */

/** The logger the shutdown writes to (Probot's pino logger fits). */
export interface ShutdownLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the shutdown acts on; injected so it can be driven without a real process. */
export interface ShutdownDeps {
  server: { stop(): Promise<void> };
  queue: () => ReviewQueue | undefined;
  /** Other in-process queues (the /adr commands), drained alongside the review queue, within the same deadline. */
  others?: () => readonly ({ drain(timeoutMs: number): Promise<{ abandoned: string[] }> } | undefined)[];
  /** The reminder scheduler (src/reminders/reminder-scheduler.ts): stopped first, its running sweep waited for alongside the reviews. */
  reminders?: () => { stop(): void; drain(timeoutMs: number): Promise<{ abandoned: string[] }>; close(): Promise<void> } | undefined;
  timeoutMs: number;
  log: () => ShutdownLog;
  exit: (code: number) => void;
}

/** Run the shutdown steps once, whatever number of signals arrive. */
export function shutdownHandler(deps: ShutdownDeps): (signal: NodeJS.Signals) => Promise<void> {
  let started = false;
  return async (signal) => {
    const log = deps.log();
    if (started) {
      log.warn({ signal }, 'design-review: second signal, exiting without waiting');
      deps.exit(1);
      return;
    }
    started = true;
    const deadline = Date.now() + deps.timeoutMs;
    log.info({ signal, timeoutMs: deps.timeoutMs }, 'design-review: shutting down: no new webhooks, draining the review queue');
    try {
      // Stopped before the server, so no sweep starts while the rest shuts down; the
      // running one is waited for in parallel with the reviews (both count against one deadline).
      const reminders = deps.reminders?.();
      reminders?.stop();
      const remindersDrained = reminders?.drain(deps.timeoutMs);
      const stopped = await within(deps.server.stop(), deps.timeoutMs);
      if (!stopped) log.warn({}, 'design-review: the webhook server did not close in time');
      // All queues drain at once against the one deadline: draining the /adr commands after the
      // reviews left them whatever the reviews did not use, often nothing.
      const queue = deps.queue();
      const remaining = Math.max(0, deadline - Date.now());
      const reviewsDrained = async (): Promise<void> => {
        if (queue === undefined) return;
        const drainStarted = Date.now();
        const { abandoned } = await queue.drain(remaining);
        if (abandoned.length > 0) {
          log.warn(
            { abandoned, timeoutMs: deps.timeoutMs, queue: queue.kind },
            queue.kind === 'bullmq'
              ? 'design-review: shutdown timeout: these jobs are left to another replica once their lock expires'
              : 'design-review: shutdown timeout: these jobs were abandoned',
          );
        }
        await within(queue.close(), Math.max(1000, deadline - Date.now()));
        log.info({ drainMs: Date.now() - drainStarted, abandoned: abandoned.length }, 'design-review: review queue drained');
      };
      const otherDrained = async (other: { drain(timeoutMs: number): Promise<{ abandoned: string[] }> }): Promise<void> => {
        const { abandoned } = await other.drain(remaining);
        if (abandoned.length > 0) log.warn({ abandoned, timeoutMs: deps.timeoutMs }, 'design-review: shutdown timeout: these /adr command jobs were abandoned');
      };
      const others = (deps.others?.() ?? []).filter((other) => other !== undefined);
      await Promise.all([reviewsDrained(), ...others.map(otherDrained)]);
      if (reminders !== undefined && remindersDrained !== undefined) {
        const { abandoned } = await remindersDrained;
        if (abandoned.length > 0) log.warn({ abandoned, timeoutMs: deps.timeoutMs }, 'design-review: shutdown timeout: these reminder sweeps were cut off; the next period sweeps again');
        await within(reminders.close(), Math.max(1000, deadline - Date.now()));
        log.info({ abandoned: abandoned.length }, 'design-review: reminder scheduler stopped');
      }
      deps.exit(0);
    } catch (error) {
      log.error({ err: error }, 'design-review: shutdown failed');
      deps.exit(1);
    }
  };
}

/**
 * Run `start` and remove the `signal` listeners it added (Probot's run()
 * adds a SIGINT one that calls process.exit): ours must be the only one.
 */
export async function withoutNewListeners<T>(signal: NodeJS.Signals, start: () => Promise<T>): Promise<T> {
  const before = new Set(process.listeners(signal));
  const result = await start();
  for (const listener of process.listeners(signal)) {
    if (!before.has(listener)) process.removeListener(signal, listener);
  }
  return result;
}

/** True when `work` settles within `ms`, false when the time ran out first. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
