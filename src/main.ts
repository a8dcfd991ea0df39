import { ProbotOctokit, run } from 'probot';
import { createApp } from './index.js';
import { shutdownHandler, withoutNewListeners } from './app/graceful-shutdown.js';
import { setupModeRoutes } from './app/http-routes.js';
import { readQueueSettings } from './review/queue-settings.js';
import { withFallbackRoute } from './app/server-fallback-routes.js';
import { throttleOptions } from './github/retry-options.js';
import { recoverLostLimiterState } from './github/throttle-redis-recovery.js';
import { readRetryBaseMs, readWriteSpacingMs, retryPacing, writeSpacingThrottle } from './github/request-pacing.js';

/**
 * `npm start`: Probot's own `run`, reading the same variables as `probot run`
 * (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST,
 * GHE_PROTOCOL, PORT, HOST, LOG_LEVEL, REDIS_URL...), and starting the setup
 * flow when the App is not registered yet. It is called from code rather
 * than through the `probot run` binary to hand Probot an Octokit whose
 * throttle handlers retry secondary rate limits (Probot's defaults just log
 * them), and to shut down gracefully on SIGTERM / SIGINT (src/app/graceful-shutdown.ts).
 */

// Probot layers its own throttle defaults (and, with REDIS_URL, its shared
// Bottleneck connection) over ours; this layer runs after them, so it keeps
// the connection and replaces only the two handlers. It also gives the
// webhook-event Octokit (context.octokit, used by the /adr commands) the
// installation as its throttle id, as probot.auth(id) does: without one, every
// installation shares one write limiter, and one busy installation slows all.
// With REDIS_URL the layer also makes that connection recover the limiters'
// state when Redis loses it (src/github/throttle-redis-recovery.ts).
// GITHUB_WRITE_SPACING_MS and GITHUB_RETRY_BASE_MS (src/github/request-pacing.ts) pace the writes and
// the retries of server errors when set.
let unpatchedWarned = false;
const writeSpacingMs = readWriteSpacingMs(process.env);
const retry = retryPacing(readRetryBaseMs(process.env));
const DesignReviewOctokit = ProbotOctokit.defaults(
  (instanceOptions: { throttle?: Record<string, unknown>; retry?: Record<string, unknown>; auth?: { installationId?: unknown }; log?: { warn(message: string): void } }) => {
    const connection = instanceOptions.throttle?.['connection'];
    if (connection !== undefined && !recoverLostLimiterState(connection) && !unpatchedWarned) {
      unpatchedWarned = true;
      instanceOptions.log?.warn('design-review: the throttle\'s Redis connection is not the Bottleneck version this App patches; after Redis loses its data, requests may fail until the App restarts');
    }
    const installationId = instanceOptions.auth?.installationId;
    const id = instanceOptions.throttle?.['id'] ?? (installationId === undefined ? undefined : String(installationId));
    const spacing = writeSpacingThrottle(writeSpacingMs, instanceOptions.throttle);
    return {
      ...instanceOptions,
      throttle: { ...instanceOptions.throttle, ...throttleOptions(), ...spacing, ...(id === undefined ? {} : { id }) },
      retry: { ...instanceOptions.retry, ...retry },
    };
  },
);

const settings = readQueueSettings(process.env);
const designReview = createApp(settings);
// run() adds a SIGINT handler that exits as soon as the server stops; ours replaces it.
// Without APP_ID / PRIVATE_KEY run() serves only Probot's setup page: the fallback
// route keeps /healthz and /metrics answering there (saying the App is not registered).
const notRegisteredRoutes = setupModeRoutes(() => designReview.log() !== undefined);
const server = await withoutNewListeners('SIGINT', () =>
  withFallbackRoute(notRegisteredRoutes, () => run(designReview.app, { Octokit: DesignReviewOctokit })),
);
const onSignal = shutdownHandler({
  server,
  queue: designReview.queue,
  others: () => [designReview.commandQueue()],
  reminders: designReview.reminders,
  timeoutMs: settings.shutdownTimeoutMs,
  log: () => designReview.log() ?? { info: console.info, warn: console.warn, error: console.error },
  exit: (code) => process.exit(code),
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (s) => void onSignal(s));
