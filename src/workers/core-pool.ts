import { MessageChannel, type Transferable } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { PoolSettings } from './pool-settings.js';
import { builtModuleUrl } from '../io/package-root.js';

/**
 * Worker threads for the App's work whose cost grows with untrusted text
 * (reviewing a pull request's documents, reading a comment's `/adr` command),
 * so the event loop that answers webhooks and /healthz never waits on it.
 * Each task has a time budget that starts when a thread begins it (the worker
 * says so over a message port), not when it is queued or while a fresh thread
 * loads the core; tasks wait at a gate with one place per thread, so a budget
 * shared by several tasks is read just before a task starts. A task over budget stops its thread (piscina
 * terminates the worker on abort and starts a fresh one); a task that runs out
 * of heap loses only its thread. Both come back as a reason, never a throw, so
 * one hostile document is a finding, not a failed review.
 */

/** Why a task gave no result. */
export type TaskFailure = 'timeout' | 'out-of-memory' | 'budget-spent' | 'crashed';

/** A task's result, or why there is none. */
export type TaskOutcome<T> = { ok: true; value: T; ms: number } | { ok: false; reason: TaskFailure; message: string; ms: number; budgetMs: number };

/** The task functions of src/workers/core-tasks.ts, by name. */
export type CoreTaskName = 'reviewDocumentTask' | 'findCommandTask' | 'readIssueTextTask' | 'planBackfillRecordTask';

/** One place per thread: a task takes a place before it is handed to piscina, and its budget starts then. */
class Gate {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(places: number) {
    this.#free = places;
  }

  async enter(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  leave(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#free += 1;
    else next();
  }
}

/** The pool of core worker threads. Threads start on the first task. */
export class CorePool {
  readonly settings: PoolSettings;
  readonly #workerUrl: string;
  readonly #gate: Gate;
  #pool: Piscina | undefined;

  /** `workerUrl`: the built core-tasks.js (a test may pass a worker of its own). */
  constructor(settings: PoolSettings, workerUrl: URL = builtModuleUrl('workers/core-tasks.js')) {
    this.settings = settings;
    this.#workerUrl = workerUrl.href;
    this.#gate = new Gate(settings.threads);
  }

  /**
   * Run a task within a budget in milliseconds; `budgetMs` is asked when a thread is free,
   * so a caller can share one budget between several tasks (0 or less: not run).
   */
  async run<T>(name: CoreTaskName, task: object, budgetMs: () => number, transferList: Transferable[] = []): Promise<TaskOutcome<T>> {
    await this.#gate.enter();
    let started: number | undefined;
    const ms = () => (started === undefined ? 0 : Math.round(performance.now() - started));
    const channel = new MessageChannel();
    try {
      const budget = Math.floor(budgetMs());
      if (budget <= 0) return { ok: false, reason: 'budget-spent', message: 'no time left in the budget', ms: 0, budgetMs: 0 };
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // The worker says when it starts: a thread still loading the core (the first task, or the one after a
      // stopped thread) does not spend the task's budget.
      channel.port1.once('message', () => {
        started = performance.now();
        timer = setTimeout(() => controller.abort(), budget);
      });
      try {
        const value = (await this.#piscina().run(
          { ...task, started: channel.port2 },
          { name, signal: controller.signal, transferList: [...transferList, channel.port2] as never },
        )) as T;
        return { ok: true, value, ms: ms() };
      } catch (error) {
        if (controller.signal.aborted) return { ok: false, reason: 'timeout', message: `stopped after ${budget} ms`, ms: ms(), budgetMs: budget };
        const code = (error as { code?: unknown }).code;
        const message = error instanceof Error ? error.message : String(error);
        const reason = code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'crashed';
        return { ok: false, reason, message: message.split('\n')[0]!.slice(0, 200), ms: ms(), budgetMs: budget };
      } finally {
        clearTimeout(timer);
      }
    } finally {
      channel.port1.close();
      this.#gate.leave();
    }
  }

  /** Stop the threads (tasks still running are abandoned). */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.destroy();
  }

  #piscina(): Piscina {
    this.#pool ??= new Piscina({
      filename: this.#workerUrl,
      minThreads: this.settings.threads,
      maxThreads: this.settings.threads,
      // A document of the size limit needs well under this; a hostile one that needs more loses its thread, not the App.
      resourceLimits: { maxOldGenerationSizeMb: this.settings.maxHeapMb },
    });
    return this.#pool;
  }
}
