import { Octokit } from '@octokit/rest';
import type { Probot } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { createInstallationSweeper } from '../../src/reminders/installation-sweep.js';
import { createMetrics } from '../../src/shared/metrics.js';
import { MemorySweepCache } from '../../src/reminders/reminder-sweep.js';
import type { GitHubDouble } from '../github-double/index.js';
import { INSTALLATION_ID, startSweepDouble } from './reminder-sweep-harness.js';
import { recordingLogger } from '../helpers/recording-logger.js';

describe('createInstallationSweeper: an installation is gone only on 404', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    // The injected faults answer without GitHub's schema checks; nothing else may be off.
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  function sweeper() {
    const log = recordingLogger();
    const probot = {
      log,
      auth: async (id?: number) => new Octokit({ baseUrl: double.url, auth: double.issueToken(id ?? INSTALLATION_ID), log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } }),
    } as unknown as Pick<Probot, 'auth' | 'log'>;
    const sweep = createInstallationSweeper({
      probot,
      appSlug: async () => double.state.app.slug,
      metrics: createMetrics(),
      now: () => new Date('2026-06-15T06:00:00Z'),
      cache: new MemorySweepCache(),
    });
    return { sweep, log };
  }

  it('fails (retried next period) on a 401 listing the repositories, and does not call the installation gone', async () => {
    double = await startSweepDouble();
    double.failNext({ operationId: 'apps/list-repos-accessible-to-installation', status: 401, body: { message: 'Bad credentials' } });
    const { sweep, log } = sweeper();
    const result = await sweep(INSTALLATION_ID, new Date('2026-06-15T06:00:00Z'), 'test');
    expect(result).toEqual({ outcome: 'failed', repositories: [] });
    expect(log.lines.some((l) => l.msg?.includes('the installation is gone'))).toBe(false);
  });

  it('reports the installation gone on a 404 listing the repositories', async () => {
    double = await startSweepDouble();
    double.failNext({ operationId: 'apps/list-repos-accessible-to-installation', status: 404 });
    const { sweep, log } = sweeper();
    const result = await sweep(INSTALLATION_ID, new Date('2026-06-15T06:00:00Z'), 'test');
    expect(result).toEqual({ outcome: 'uninstalled', repositories: [] });
    expect(log.lines.some((l) => l.msg?.includes('the installation is gone'))).toBe(true);
  });
});
