import type { Context, Probot } from 'probot';
import type { GitHub } from '../github/github-client.js';
import { runAdrCommand } from './adr-command.js';
import type { CommandSettings } from './command-settings.js';
import { commandEventFrom, type CommandPayload } from './adr-command-event.js';
import { isoToday } from '../shared/clock.js';
import type { PullRequestTarget } from '../shared/pull-request-target.js';
import { CONFIG_PATH } from '../config/load.js';
import type { ExtendsAllowList } from '../config/extends-allow.js';
import { loadRepoConfig } from '../github/repo-config.js';
import { JobQueue, type EnqueueResult } from '../queue/job-queue.js';
import type { ReviewJob } from '../queue/review-queue.js';
import { builtinChecklists } from '../io/builtin-checklists.js';
import type { CorePool } from '../workers/core-pool.js';
import { commandReadersInPool } from './commands-in-pool.js';

/**
 * Wiring of the /adr commands: `issue_comment.created` and `issues.opened`.
 * The webhook handler only scans the text for a line starting with `/adr`
 * (linear, no parse, no request) and queues a job, so GitHub gets its answer
 * within milliseconds whatever the text; the job checks the permission, reads
 * the command on the core pool's worker threads, reacts and does the work. The queue (src/queue/job-queue.ts) rather
 * than fire-and-forget because it bounds concurrency, logs failures in one
 * place, drops a redelivered delivery id, and runs one command at a time per
 * repository: two commands in one repository then see each other's pull
 * request when they number their records, and the retry on a taken branch
 * covers other processes.
 */

/** Register the /adr command handlers on the Probot app. */
export function registerAdrCommands(
  probot: Probot,
  options: {
    appSlug: () => Promise<string>;
    /** The review queue's enqueue: `/adr check` reviews through it, never beside it. */
    enqueueReview: (job: ReviewJob) => Promise<EnqueueResult>;
    /** The core pool: comments and issue bodies are parsed there, never on the event loop. */
    pool: CorePool;
    /** Repositories the operator lets a config's `_extends` name (CONFIG_EXTENDS_ALLOW). */
    extendsAllow?: ExtendsAllowList;
    /** COMMAND_CONCURRENCY and ADR_REDELIVERY_LOOK_MS, read at startup (command-settings.ts). */
    settings: CommandSettings;
    /** The App's clock: the date a new record carries. */
    now: () => Date;
  },
): JobQueue {
  const queue = new JobQueue({
    concurrency: options.settings.concurrency,
    onError: (job, error) => probot.log.error({ err: error, job: job.id }, 'design-review: /adr command job failed'),
  });
  const onDelivery = async (context: Context<'issue_comment.created' | 'issues.opened'>): Promise<void> => {
    const event = commandEventFrom(context.name, context.payload as unknown as CommandPayload);
    if (event === undefined) return;
    const gh = context.octokit as unknown as GitHub;
    // The same reader as reviews and sweeps, so `_extends` is checked here too (not Probot's context.config).
    const loadConfig = () => loadRepoConfig(gh, { owner: event.owner, repo: event.repo, path: CONFIG_PATH }, options.extendsAllow ? { extendsAllow: options.extendsAllow } : {});
    const deps = {
      ...commandReadersInPool(options.pool, context.log),
      gh,
      log: context.log,
      loadConfig,
      appSlug: options.appSlug,
      today: () => isoToday(options.now()),
      redeliveryLookMs: options.settings.redeliveryLookMs,
      vocabulary: () => builtinChecklists(),
      enqueueReview: async (target: PullRequestTarget) => {
        const installationId = (context.payload as { installation?: { id: number } }).installation?.id;
        if (installationId === undefined) throw new Error('the delivery names no installation to review with');
        return options.enqueueReview({ deliveryId: context.id, event: 'issue_comment.created', installationId, ...target });
      },
    };
    const result = queue.enqueue({
      id: `adr-command:${context.id}`,
      orderingKey: `${event.owner}/${event.repo}`.toLowerCase(),
      run: async () => {
        const outcome = await runAdrCommand(deps, event);
        context.log.info({ owner: event.owner, repo: event.repo, issue: event.issue.number, outcome }, 'design-review: /adr command done');
      },
    });
    context.log.info({ delivery: context.id, result }, 'design-review: /adr command queued');
  };
  probot.on(['issue_comment.created', 'issues.opened'], onDelivery);
  return queue;
}
