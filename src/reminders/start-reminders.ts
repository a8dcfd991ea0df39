import { Redis } from 'ioredis';
import type { Probot } from 'probot';
import type { SweepCache } from './reminder-sweep.js';
import { redactRedisUrl, redisErrorFields } from '../queue/redis-url.js';
import { listInstallationIds } from './app-installations.js';
import { bullmqReminderScheduler } from './bullmq-reminder-scheduler.js';
import { createInstallationSweeper } from './installation-sweep.js';
import type { AppMetrics } from '../shared/metrics.js';
import type { ReminderSettings } from './reminder-settings.js';
import type { ExtendsAllowList } from '../config/extends-allow.js';
import { embeddedReminderScheduler, type SweepScheduler } from './reminder-scheduler.js';
import { MemorySweepCache } from './sweep-cache.js';
import { redisSweepCache } from './sweep-cache-redis.js';

/**
 * Starts the revisit-reminder sweep the settings ask for, and says so in the log:
 *   - off (REMINDERS=off, or an invalid REMINDER_SCHEDULE, logged as an error);
 *   - embedded (no REDIS_URL): this process runs the schedule, listing the
 *     installations on every tick, so installs and uninstalls need no event;
 *   - BullMQ (REDIS_URL): one job scheduler per installation, synced with the
 *     App's installations at startup, kept up to date by installation
 *     events, and re-synced every REMINDER_RESYNC_MS at most and when the
 *     connection comes back, so that Redis losing its data does not stop the
 *     sweeps; the sweep cache and the overlap lock live in the same Redis.
 */

/** What starting the reminders needs from the App. */
export interface StartRemindersDeps {
  probot: Probot;
  settings: ReminderSettings;
  redisUrl: string | undefined;
  metrics: AppMetrics;
  appSlug: () => Promise<string>;
  now: () => Date;
  /** Repositories the operator lets a config's `_extends` name (CONFIG_EXTENDS_ALLOW). */
  extendsAllow?: ExtendsAllowList;
}

// Cached entries outlive a weekly period, so a weekly sweep still finds the last one's reads.
const CACHE_TTL_SECONDS = 8 * 24 * 60 * 60;

/** Start the reminder scheduler; undefined when reminders are off. */
export function startReminders(deps: StartRemindersDeps): SweepScheduler | undefined {
  const { probot, settings, redisUrl } = deps;
  const log = probot.log;
  if (settings.problem !== undefined) {
    log.error({ problem: settings.problem }, 'design-review: revisit reminders are off: invalid REMINDER_SCHEDULE');
    return undefined;
  }
  if (!settings.enabled) {
    log.info({}, 'design-review: revisit reminders are off (REMINDERS=off)');
    return undefined;
  }
  if (settings.prometheusProblem !== undefined) log.error({}, `design-review: ${settings.prometheusProblem}`);
  if (settings.everySeconds) {
    log.warn({ schedule: settings.schedule }, 'design-review: REMINDER_SCHEDULE has a seconds field, a testing aid: every installation is swept that often');
  }

  let redis: Redis | undefined;
  let cache: SweepCache;
  if (redisUrl === undefined) {
    cache = new MemorySweepCache({ ttlMs: CACHE_TTL_SECONDS * 1000, maxEntries: 50_000 });
  } else {
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    redis.on('error', (error: unknown) =>
      log.error({ err: redisErrorFields(error, redisUrl), redis: redactRedisUrl(redisUrl), source: 'reminder-cache' }, 'design-review: Redis connection error'),
    );
    cache = redisSweepCache({ redis, ttlSeconds: CACHE_TTL_SECONDS });
  }
  const sweep = createInstallationSweeper({
    probot,
    appSlug: deps.appSlug,
    metrics: deps.metrics,
    now: deps.now,
    cache,
    ...(settings.prometheus === undefined ? {} : { prometheus: settings.prometheus }),
    ...(deps.extendsAllow === undefined ? {} : { extendsAllow: deps.extendsAllow }),
  });
  const listInstallations = () => listInstallationIds(probot);

  if (redis === undefined || redisUrl === undefined) {
    const scheduler = embeddedReminderScheduler({
      schedule: settings.schedule,
      now: deps.now,
      installations: listInstallations,
      sweep: async (installationId, period) => {
        await sweep(installationId, period, 'embedded');
      },
      log,
    });
    log.info({ reminders: scheduler.kind, schedule: settings.schedule }, 'design-review: revisit reminders scheduled');
    return scheduler;
  }

  if (settings.resyncProblem !== undefined) log.warn({}, `design-review: ${settings.resyncProblem}`);
  const scheduler = bullmqReminderScheduler({
    redisUrl,
    schedule: settings.schedule,
    sweep,
    redis,
    log,
    resync: { installations: listInstallations, everyMs: settings.resyncMs },
  });
  void scheduler
    .sync(listInstallations)
    .then(({ installations, added, removed }) =>
      log.info({ reminders: scheduler.kind, schedule: settings.schedule, installations, added, removed, resyncMs: settings.resyncMs }, 'design-review: revisit reminders scheduled'),
    )
    // A failed sync (GitHub or Redis down at startup) leaves the existing schedulers as they were, until the first re-sync.
    .catch((error: unknown) => log.error({ err: error }, 'design-review: could not sync the reminder schedulers with the installations'));

  const onChange = (change: 'add' | 'remove') => async (context: { payload: { installation: { id: number } }; log: Probot['log'] }) => {
    const installationId = context.payload.installation.id;
    // A failure throws: Probot answers 500, so GitHub shows the delivery as failed and it can be redelivered.
    if (change === 'add') await scheduler.add(installationId);
    else await scheduler.remove(installationId);
    context.log.info({ installation: installationId, change }, `design-review: reminder scheduler ${change === 'add' ? 'added' : 'removed'}`);
  };
  probot.on(['installation.created', 'installation.unsuspend'], onChange('add'));
  probot.on(['installation.deleted', 'installation.suspend'], onChange('remove'));

  return {
    kind: scheduler.kind,
    stop: () => scheduler.stop(),
    drain: (timeoutMs) => scheduler.drain(timeoutMs),
    async close() {
      await scheduler.close();
      await redis?.quit().catch(() => redis?.disconnect());
    },
  };
}
