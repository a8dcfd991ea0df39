import type { ApplicationFunction, Context, Logger } from 'probot';
import { registerAdrCommands } from './commands/adr-commands.js';
import { readCommandSettings, type CommandSettings } from './commands/command-settings.js';
import { appSlugOnce } from './app/app-slug.js';
import { createReviewQueue } from './review/create-review-queue.js';
import { httpRoutes } from './app/http-routes.js';
import { createMetrics } from './shared/metrics.js';
import { readQueueSettings, type QueueSettings } from './review/queue-settings.js';
import { readReminderSettings, type ReminderSettings } from './reminders/reminder-settings.js';
import { EXTENDS_ALLOW_VARIABLE, parseExtendsAllow } from './config/extends-allow.js';
import type { SweepScheduler } from './reminders/reminder-scheduler.js';
import { createReviewRunner } from './review/review-runner.js';
import { startReminders } from './reminders/start-reminders.js';
import { reviewJobs, reviewTargets, type ReviewPayload } from './review/enqueue-review.js';
import { loadBuiltinTemplates } from './io/read-templates.js';
import { redactRedisUrl } from './queue/redis-url.js';
import { CorePool } from './workers/core-pool.js';
import { readPoolSettings, type PoolSettings } from './workers/pool-settings.js';
import { reviewInPool } from './review/review-in-pool.js';
import type { JobQueue } from './queue/job-queue.js';
import { reviewJobId, type ReviewQueue } from './queue/review-queue.js';

/**
 * The Probot App: wiring only. Deliveries are checked for relevance and
 * queued as plain data, so GitHub gets its 200 at once; the review runs from
 * the queue (in-process, or BullMQ shared by replicas when REDIS_URL is set)
 * through one runner (src/review/review-runner.ts). Revisit reminders are swept
 * on the App's schedule (src/reminders/start-reminders.ts: embedded, or BullMQ job
 * schedulers with REDIS_URL). /healthz and /metrics are served next to the
 * webhook endpoint.
 */

/** The App and a handle on its queue, which src/main.ts drains at shutdown. */
export interface DesignReviewApp {
  app: ApplicationFunction;
  /** The review queue, once Probot has loaded the App (undefined in setup mode). */
  queue(): ReviewQueue | undefined;
  /** The /adr command queue (in-process), drained at shutdown after the review queue. */
  commandQueue(): JobQueue | undefined;
  /** Probot's logger, once the App is loaded. */
  log(): Logger | undefined;
  /** The reminder scheduler, stopped at shutdown (undefined when reminders are off). */
  reminders(): SweepScheduler | undefined;
}

/** What the App reads besides the queue settings. */
export interface AppOptions {
  reminders?: ReminderSettings;
  /** The App's clock: the reminder schedule, and "today" for sweeps, reviews and /adr commands; the real one unless a test pins it. */
  now?: () => Date;
  /** Threads and time budgets of the core pool (REVIEW_THREADS, REVIEW_DOCUMENT_TIMEOUT_MS...). */
  pool?: PoolSettings;
  /** The /adr commands' settings (COMMAND_CONCURRENCY, ADR_REDELIVERY_LOOK_MS). */
  commands?: CommandSettings;
}

/** Build the App from its settings (REVIEW_CONCURRENCY, REDIS_URL, REMINDER_SCHEDULE...). */
export function createApp(settings: QueueSettings = readQueueSettings(process.env), options: AppOptions = {}): DesignReviewApp {
  const reminderSettings = options.reminders ?? readReminderSettings(process.env);
  const now = options.now ?? (() => new Date());
  // Repositories a config's `_extends` may name besides the repository and its owner's `.github`.
  const extendsAllow = parseExtendsAllow(process.env[EXTENDS_ALLOW_VARIABLE]);
  const poolSettings = options.pool ?? readPoolSettings(process.env);
  const commandSettings = options.commands ?? readCommandSettings(process.env);
  let queue: ReviewQueue | undefined;
  let reminders: SweepScheduler | undefined;
  let commandQueue: JobQueue | undefined;
  let log: Logger | undefined;
  const app: ApplicationFunction = (probot, { addHandler }) => {
    loadBuiltinTemplates();
    const metrics = createMetrics();
    const appSlug = appSlugOnce(probot);
    for (const problem of extendsAllow.problems) probot.log.error({}, `design-review: ${problem}`);
    // Reviews and /adr commands parse untrusted markdown on these threads, never on the event loop.
    const pool = new CorePool(poolSettings);
    const run = createReviewRunner({ probot, appSlug, metrics, reviewFiles: reviewInPool(pool), extendsAllow: extendsAllow.allow, now });
    const reviewQueue = createReviewQueue(settings, run, probot.log);
    queue = reviewQueue;
    log = probot.log;
    const where = settings.redisUrl === undefined ? {} : { redis: redactRedisUrl(settings.redisUrl) };
    probot.log.info({ queue: reviewQueue.kind, concurrency: settings.concurrency, ...where }, 'design-review: review queue ready');

    const onDelivery = async (context: Context): Promise<void> => {
      const payload = context.payload as ReviewPayload;
      const event = `${context.name}.${payload.action ?? ''}`;
      const jobs = reviewJobs({ id: context.id, event, installationId: payload.installation?.id }, reviewTargets(context.name, payload));
      if (jobs.length === 0) {
        metrics.deliveries.inc({ event, outcome: 'ignored' });
        return;
      }
      for (const job of jobs) {
        // A failed enqueue (Redis down) throws: Probot answers 500 and GitHub can redeliver.
        const outcome = await reviewQueue.enqueue(job);
        metrics.deliveries.inc({ event, outcome });
        context.log.info({ job: reviewJobId(job), pull: job.pullNumber, outcome }, 'design-review: review queued');
      }
    };

    probot.on(
      ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review', 'pull_request.edited'],
      onDelivery,
    );
    probot.on('check_run.rerequested', onDelivery);
    probot.on('check_suite.rerequested', onDelivery);
    commandQueue = registerAdrCommands(probot, { appSlug, enqueueReview: (job) => reviewQueue.enqueue(job), pool, extendsAllow: extendsAllow.allow, settings: commandSettings, now });
    reminders = startReminders({ probot, settings: reminderSettings, redisUrl: settings.redisUrl, metrics, appSlug, now, extendsAllow: extendsAllow.allow });
    addHandler(httpRoutes(metrics));
  };
  return { app, queue: () => queue, commandQueue: () => commandQueue, log: () => log, reminders: () => reminders };
}

/** The App for `probot run dist/index.js`, settings from the environment. */
const app: ApplicationFunction = createApp().app;
export default app;
