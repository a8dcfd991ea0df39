import { ProbotOctokit, run } from 'probot';
import app from './index.js';
import { throttleOptions } from './github/retry-options.js';

/**
 * `npm start`: Probot's own `run`, reading the same variables as `probot run`
 * (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST,
 * GHE_PROTOCOL, PORT, HOST, LOG_LEVEL, REDIS_URL...), and starting the setup
 * flow when the App is not registered yet. It is called from code rather
 * than through the `probot run` binary only to hand Probot an Octokit whose
 * throttle handlers retry secondary rate limits: Probot's defaults just log them.
 */

// Probot layers its own throttle defaults (and, with REDIS_URL, its shared
// Bottleneck connection) over ours; this layer runs after them, so it keeps
// the connection and replaces only the two handlers.
const DesignReviewOctokit = ProbotOctokit.defaults((instanceOptions: { throttle?: Record<string, unknown> }) => ({
  ...instanceOptions,
  throttle: { ...instanceOptions.throttle, ...throttleOptions() },
}));

await run(app, { Octokit: DesignReviewOctokit });
