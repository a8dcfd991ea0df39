import type { Probot } from 'probot';
import { httpStatus, type GitHub } from '../github/github-client.js';
import { CONFIG_FILE, type JobLog } from '../handlers/pull-request-review.js';
import { sweepInstallation, type RepoSweepResult, type SweepCache } from '../handlers/reminder-sweep.js';
import type { AppMetrics } from './metrics.js';
import { readRepoConfig } from './repo-config.js';

/**
 * The one sweep of one installation that both schedulers run (embedded and
 * BullMQ), as the review runner is for reviews. Steps:
 *   1. authenticate as the installation and fetch its token first, so a
 *      removed installation (404/401 on the token) is told apart from a
 *      failing repository;
 *   2. count every GitHub request, and log through a child logger that
 *      carries the installation id and the period on every line;
 *   3. sweep the installation's repositories (the sweep reads each one's
 *      `.github/design-review.yml` and honours `reminders.enabled`);
 *   4. count the installation's outcome and each repository's, time it.
 */

/** How one installation's sweep ended. */
export type InstallationSweepOutcome = 'ok' | 'failed' | 'uninstalled';

/** What the sweep of one installation did. */
export interface InstallationSweepResult {
  outcome: InstallationSweepOutcome;
  repositories: RepoSweepResult[];
}

/** What the installation sweep needs from the App. */
export interface InstallationSweepDeps {
  probot: Pick<Probot, 'auth' | 'log'>;
  appSlug: () => Promise<string>;
  metrics: Pick<AppMetrics, 'githubRequests' | 'reminderSweeps' | 'reminderRepositories' | 'reminderSweepDuration'>;
  /** The clock the sweep's "today" (UTC) comes from. */
  now: () => Date;
  cache: SweepCache;
  prometheus?: { url: string; timeoutMs?: number };
}

/** Sweeps one installation for one period; never throws (failures are results, logged). */
export type InstallationSweeper = (installationId: number, period: Date, source: string) => Promise<InstallationSweepResult>;

/** The sweeper of one installation with the App's credentials. */
export function createInstallationSweeper(deps: InstallationSweepDeps): InstallationSweeper {
  const { probot, metrics } = deps;
  return async (installationId, period, source) => {
    const log: JobLog = probot.log.child({ name: 'reminders', installation: installationId, period: period.toISOString(), source });
    const stop = metrics.reminderSweepDuration.startTimer();
    const finish = (outcome: InstallationSweepOutcome, repositories: RepoSweepResult[]): InstallationSweepResult => {
      stop({ outcome });
      metrics.reminderSweeps.inc({ outcome });
      for (const result of repositories) metrics.reminderRepositories.inc({ outcome: result.outcome });
      return { outcome, repositories };
    };
    let octokit: Awaited<ReturnType<typeof probot.auth>>;
    try {
      octokit = await probot.auth(installationId);
      // The token request on its own: Probot caches the token, so the sweep reuses it.
      await octokit.auth({ type: 'installation' });
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404 || status === 401) {
        log.warn({ status }, 'design-review: the installation is gone; no reminder sweep');
        return finish('uninstalled', []);
      }
      log.error({ err: error }, 'design-review: reminder sweep failed: no installation token');
      return finish('failed', []);
    }
    octokit.hook.after('request', (_response, options) => metrics.githubRequests.inc({ method: String(options.method) }));
    log.info({}, 'design-review: reminder sweep started');
    try {
      const repositories = await sweepInstallation({
        gh: octokit as unknown as GitHub,
        log,
        today: () => deps.now().toISOString().slice(0, 10),
        readConfig: (target) => readRepoConfig(octokit, target, CONFIG_FILE),
        appSlug: deps.appSlug,
        cache: deps.cache,
        ...(deps.prometheus === undefined ? {} : { prometheus: deps.prometheus }),
      });
      const outcome = repositories.some((r) => r.outcome === 'failed') ? 'failed' : 'ok';
      log.info(
        {
          outcome,
          repositories: repositories.length,
          created: repositories.reduce((n, r) => n + r.created.length, 0),
          closed: repositories.reduce((n, r) => n + r.closed.length, 0),
          failed: repositories.filter((r) => r.outcome === 'failed').map((r) => r.repo),
        },
        'design-review: reminder sweep finished',
      );
      return finish(outcome, repositories);
    } catch (error) {
      log.error({ err: error }, 'design-review: reminder sweep failed');
      return finish('failed', []);
    }
  };
}
