import type { Probot } from 'probot';
import type { GitHub } from '../github/github-client.js';
import type { JobLog } from '../shared/job-log.js';
import { sweepInstallation, type RepoSweepResult, type SweepCache } from './reminder-sweep.js';
import type { AppMetrics } from '../shared/metrics.js';
import { CONFIG_PATH } from '../config/load.js';
import { loadRepoConfig } from '../github/repo-config.js';
import type { ExtendsAllowList } from '../config/extends-allow.js';
import type { PrometheusSettings } from './prometheus-client.js';

/**
 * The one sweep of one installation that both schedulers run (embedded and
 * BullMQ), as the review runner is for reviews. Steps:
 *   1. authenticate as the installation (the token comes with the first request);
 *   2. count every GitHub request, and log through a child logger that
 *      carries the installation id and the period on every line;
 *   3. sweep the installation's repositories (the sweep reads each one's
 *      `.github/design-review.yml` and honours `reminders.enabled`);
 *   4. tell a removed installation (404 when its token is requested, with the
 *      repository listing) from a failing one (anything else, 401 included);
 *   5. count the installation's outcome and each repository's, time it.
 */

// What sweepInstallation calls the result standing for a failed listing of the repositories.
const INSTALLATION_RESULT = '(installation)';

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
  prometheus?: PrometheusSettings;
  /** Repositories the operator lets a config's `_extends` name (CONFIG_EXTENDS_ALLOW). */
  extendsAllow?: ExtendsAllowList;
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
    try {
      const octokit = await probot.auth(installationId);
      octokit.hook.after('request', (_response, options) => metrics.githubRequests.inc({ method: String(options.method) }));
      log.info({}, 'design-review: reminder sweep started');
      const results = await sweepInstallation({
        gh: octokit as unknown as GitHub,
        log,
        today: () => deps.now().toISOString().slice(0, 10),
        loadConfig: (target) => loadRepoConfig(octokit, { ...target, path: CONFIG_PATH }, deps.extendsAllow ? { extendsAllow: deps.extendsAllow } : {}),
        appSlug: deps.appSlug,
        cache: deps.cache,
        ...(deps.prometheus === undefined ? {} : { prometheus: deps.prometheus }),
      });
      // The sweep reports a failed repository listing as one "(installation)" result. The token
      // is requested with that first request, so a 404 there means the installation is gone. A 401
      // is not proof: a transient bad-credentials answer would delete the installation's scheduler;
      // it fails, and the next period tries again.
      const listing = results.length === 1 && results[0]!.repo === INSTALLATION_RESULT ? results[0] : undefined;
      if (listing !== undefined) {
        if (listing.status === 404) {
          log.warn({ status: listing.status }, 'design-review: the installation is gone; no reminder sweep');
          return finish('uninstalled', []);
        }
        log.error({ status: listing.status, reason: listing.reason }, 'design-review: reminder sweep failed: the repositories could not be listed');
        return finish('failed', []);
      }
      const outcome = results.some((r) => r.outcome === 'failed') ? 'failed' : 'ok';
      log.info(
        {
          outcome,
          repositories: results.length,
          created: results.reduce((n, r) => n + r.created.length, 0),
          closed: results.reduce((n, r) => n + r.closed.length, 0),
          failed: results.filter((r) => r.outcome === 'failed').map((r) => r.repo),
        },
        'design-review: reminder sweep finished',
      );
      return finish(outcome, results);
    } catch (error) {
      log.error({ err: error }, 'design-review: reminder sweep failed');
      return finish('failed', []);
    }
  };
}
