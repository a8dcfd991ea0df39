import type { ApplicationFunction, Context } from 'probot';
import { registerAdrCommands } from './app/adr-commands.js';
import { appSlugOnce } from './app/app-slug.js';
import { httpRoutes } from './app/http-routes.js';
import { createMetrics } from './app/metrics.js';
import type { GitHub } from './github/github-client.js';
import { reviewJobs, reviewTargets, type ReviewPayload } from './handlers/enqueue-review.js';
import { CONFIG_FILE, reviewPullRequest } from './handlers/pull-request-review.js';
import { loadBuiltinTemplates } from './io/read-templates.js';
import { JobQueue } from './queue/job-queue.js';

/**
 * The Probot App: wiring only. Deliveries are checked for relevance and
 * queued, so GitHub gets its 200 at once; the review runs from the queue
 * (src/handlers/pull-request-review.ts). /healthz and /metrics are served
 * next to the webhook endpoint.
 */

/** Reviews running at once across installations (one at a time per installation). */
const CONCURRENCY = Math.max(1, Number(process.env['REVIEW_CONCURRENCY']) || 4);

const app: ApplicationFunction = (probot, { addHandler }) => {
  loadBuiltinTemplates();
  const metrics = createMetrics();
  const appSlug = appSlugOnce(probot);
  const queue = new JobQueue({
    concurrency: CONCURRENCY,
    onError: (job, error) => probot.log.error({ err: error, job: job.id }, 'design-review: job failed'),
  });

  const onDelivery = async (context: Context): Promise<void> => {
    const payload = context.payload as ReviewPayload;
    const event = `${context.name}.${payload.action ?? ''}`;
    const targets = reviewTargets(context.name, payload);
    if (targets.length === 0) {
      metrics.deliveries.inc({ event, outcome: 'ignored' });
      return;
    }
    context.octokit.hook.after('request', (_response, options) => metrics.githubRequests.inc({ method: String(options.method) }));
    const gh = context.octokit as unknown as GitHub;
    const deps = {
      gh,
      log: context.log,
      readConfig: () => context.config(CONFIG_FILE),
      appSlug,
    };
    const jobs = reviewJobs(context.id, payload.installation?.id, targets, async (target) => {
      const stop = metrics.reviewDuration.startTimer();
      const outcome = await reviewPullRequest(deps, target).catch((error: unknown) => {
        stop({ outcome: 'error' });
        throw error;
      });
      stop({ outcome });
    });
    for (const job of jobs) {
      const outcome = queue.enqueue(job);
      metrics.deliveries.inc({ event, outcome });
      context.log.info({ job: job.id, pull: job.coalescingKey, outcome }, 'design-review: review queued');
    }
  };

  probot.on(
    ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review', 'pull_request.edited'],
    onDelivery,
  );
  probot.on('check_run.rerequested', onDelivery);
  probot.on('check_suite.rerequested', onDelivery);
  registerAdrCommands(probot, { appSlug });
  addHandler(httpRoutes(metrics));
};

export default app;
