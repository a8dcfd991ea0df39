import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that run in worker threads sharing one module graph per thread (isolate: false):
 * the core, the review, command and reminder features, adapters, the GitHub double, the workers, the README, and the files that start
 * the App, the Action, redis-server or npm as child processes. None of them mocks modules, sets
 * environment variables, patches prototypes or installs process handlers in the test process.
 */
const SHARED = ['core', 'review', 'commands', 'reminders', 'github', 'github-double', 'config', 'workers', 'docs', 'helpers', 'shared', 'e2e', 'action', 'app', 'queue', 'deploy', 'bench', 'packaging'].map(
  (folder) => `test/${folder}/**/*.test.ts`,
);

/**
 * Files that change the test process itself, each in a fresh process: the CLI tests (they run
 * main() in-process and set its environment), a prototype patch (Probot's Server.start), a
 * module import hook, an Octokit whose environment is read at import, and Mermaid's parser (a
 * jsdom window on the global object).
 */
const ISOLATED = ['test/cli/**/*.test.ts', 'test/core/graph/mermaid-parse.test.ts', 'test/app/ioredis-import.test.ts', 'test/app/server-fallback-routes.test.ts', 'test/action/installation-octokit.test.ts'];

/**
 * Long files run in the forks for balance: a thread runs its files one after another, and the
 * threads' share was the longer (shared threads busy until 168 s, the forks until 122 s, with only
 * the first two moved here; then 163 s and 115 s, before the last three).
 */
const BALANCE = [
  'test/e2e/shutdown.e2e.test.ts',
  'test/packaging/pack-install.test.ts',
  'test/action/pull-request-action.test.ts',
  'test/commands/adr-backfill.test.ts',
  'test/e2e/hostile-input.e2e.test.ts',
  'test/reminders/bullmq-reminder-redis-loss.test.ts',
];

/**
 * Files known to take long, started first: vitest orders files by the durations it cached in
 * earlier runs, which a clean checkout (CI) never has, and by size otherwise: a small file whose
 * tests take long would start last and run alone at the end of a clean-clone run.
 */
const LONG_FIRST = [
  'test/packaging/pack-install.test.ts',
  'test/core/review/hostile-documents.test.ts',
  'test/cli/check.test.ts',
  'test/e2e/redis-loss.e2e.test.ts',
  'test/cli/check-cache.test.ts',
  'test/e2e/shutdown.e2e.test.ts',
];

class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = LONG_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
      return index < 0 ? LONG_FIRST.length : index;
    };
    const sorted = await super.sort(files);
    return sorted.map((spec, order) => ({ spec, order })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order).map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    // The isolated project: a fresh process per file; two cores, so keep the pool small.
    pool: 'forks',
    // The shared project runs in worker threads sharing one module graph each (isolate: false); the
    // isolated one in forks. Vitest takes isolation from the pool, not the project.
    // Two threads: a third filled the time the e2e files wait on child processes (a full run took
    // 176 s rather than 192 s), but one run in three then ended in vitest's own "Terminating worker
    // thread" rejection, with no summary and two forks left running.
    poolOptions: { forks: { maxForks: 2 }, threads: { maxThreads: 2, isolate: false } },
    // Tests wait on events, each with a cap (60 s in the shared waits) that only ends a test that
    // will never pass; a test or hook may hold two such waits, and a loaded machine is no failure.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Concurrent tests (describe.concurrent / it.concurrent) running at once per file. The e2e
    // scenarios mostly wait on the App's per-installation write spacing (1 s, 3 s for comments),
    // not on the CPU, so more of them than vitest's default 5 may wait side by side; 8 is as fast
    // as more for adr-commands (bounded by its longest scenario) and caps the Action test's
    // child processes started at once.
    maxConcurrency: 8,
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      {
        // One module graph per worker for all of them (isolate: false) rather than one per file:
        // that per-file import was most of the in-process tests' time (the first 123 files: 133 s
        // wall isolated, 41 s not), and for the e2e files it parsed the double, the webhook examples
        // and the source once per file (16 e2e files: 128 CPU-s in forks, 105 here).
        extends: true,
        test: {
          name: 'shared',
          include: SHARED,
          exclude: [...ISOLATED, ...BALANCE],
          pool: 'threads',
          // The Redis notice once per run; GitHub's OpenAPI routing description written once for every double.
          globalSetup: ['test/helpers/redis-global-setup.ts', 'test/helpers/openapi-global-setup.ts'],
        },
      },
      {
        // What changes the test process's own state: a fresh process per file.
        extends: true,
        test: {
          name: 'isolated',
          include: [...ISOLATED, ...BALANCE],
          globalSetup: ['test/helpers/redis-global-setup.ts', 'test/helpers/openapi-global-setup.ts'],
        },
      },
    ],
  },
});
