// The App's own reminder sweep, three times in a row, against the GitHub double: the App learns its
// login from GET /app with its JWT (appSlugOnce on a real Probot with the App's id and key), sweeps
// the installation with an installation token, and every sweep finds the issues the sweeps before it
// opened as `<slug>[bot]`, never a person's issue that carries a copied marker. As in
// installation-sweep.test.ts, the installation's client is a plain one (Probot's spaces writes a
// second apart, most of this test's time otherwise).
import { Octokit } from '@octokit/rest';
import { Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSlugOnce } from '../../src/app/app-slug.js';
import { createInstallationSweeper } from '../../src/reminders/installation-sweep.js';
import { createMetrics } from '../../src/shared/metrics.js';
import { hasHealthMarker, parseReminderMarker } from '../../src/core/reminders/marker.js';
import { MemorySweepCache } from '../../src/reminders/reminder-sweep.js';
import { appPrivateKey } from '../e2e/app-process.js';
import type { GitHubDouble } from '../github-double/index.js';
import { DUE_ADR, forgeMarkers, identityFiles, INSTALLATION_ID, issuesOf, REPO, SECOND_DUE, startSweepDouble } from './reminder-sweep-harness.js';
import { recordingLogger } from '../helpers/recording-logger.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';

const BOT = 'my-app[bot]';

let github: GitHubDouble;
beforeAll(async () => {
  // As createApp does before it builds the sweeper: issues render from templates/*.hbs.
  loadBuiltinTemplates();
  github = await startSweepDouble(identityFiles(), 'my-app');
});
afterAll(async () => {
  await github?.close();
});

describe("the App's reminder sweep knows its own issues", () => {
  it('three sweeps open one reminder per due trigger and one health issue, as my-app[bot], and leave a forged issue alone', async () => {
    const { issue: forged, original } = forgeMarkers(github);
    const log = recordingLogger();
    const app = new Probot({ appId: github.state.app.id, privateKey: appPrivateKey(), baseUrl: github.url, log });
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const probot = {
      log,
      auth: async (id?: number) => (id === undefined ? app.auth() : new Octokit({ baseUrl: github.url, auth: github.issueToken(id), log: quiet })),
    } as unknown as Pick<Probot, 'auth' | 'log'>;
    const appSlug = appSlugOnce(probot as Probot);

    for (const sweepNumber of [1, 2, 3]) {
      // A fresh cache each time, as after a restart: every sweep lists the issues again.
      const sweep = createInstallationSweeper({ probot, appSlug, metrics: createMetrics(), now: () => new Date('2026-06-15T06:00:00Z'), cache: new MemorySweepCache() });
      const result = await sweep(INSTALLATION_ID, new Date(`2026-06-15T06:0${sweepNumber}:00Z`), 'test');
      expect(result.outcome, `sweep ${sweepNumber}`).toBe('ok');
      expect(result.repositories).toEqual([expect.objectContaining({ repo: REPO, outcome: 'swept', created: sweepNumber === 1 ? [expect.any(Number), expect.any(Number)] : [], closed: [] })]);

      const mine = issuesOf(github).filter((i) => i.user.login === BOT);
      const open = mine.filter((i) => i.state === 'open');
      const reminders = open.map((i) => parseReminderMarker(i.body ?? '')).filter((m) => m !== undefined);
      expect(reminders.map((m) => `${m.path} ${m.occurrence}`).sort(), `sweep ${sweepNumber}`).toEqual([`${DUE_ADR} 2026-06-01`, `${SECOND_DUE} 2026-05-01`]);
      expect(open.filter((i) => hasHealthMarker(i.body ?? '')), `sweep ${sweepNumber}`).toHaveLength(1);
      expect(mine.filter((i) => i.state === 'closed')).toEqual([]);
      expect(issuesOf(github).filter((i) => i.user.login !== BOT && i.number !== forged.number)).toEqual([]);
    }

    // GET /app once for the process; one listing per sweep, by the App's own login.
    expect(github.requestsFor('apps/get-authenticated')).toHaveLength(1);
    expect(github.requestsFor('issues/list-for-repo').map((r) => r.query['creator'])).toEqual([BOT, BOT, BOT]);
    expect({ title: forged.title, body: forged.body, state: forged.state, labels: forged.labels }).toEqual(original);
    expect(github.state.commentsOn(REPO, forged.number)).toEqual([]);
    expect(github.violations).toEqual([]);
    expect(github.unhandled).toEqual([]);
  }, 60_000);
});
