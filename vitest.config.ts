import { defineConfig } from 'vitest/config';

/** The test folders that run without per-file isolation (see the `unit` project). */
const UNIT = ['core', 'handlers', 'github', 'github-double', 'config', 'workers', 'docs', 'helpers', 'shared'].map((folder) => `test/${folder}/**/*.test.ts`);

export default defineConfig({
  test: {
    // The CLI tests spawn the built binary; two cores, so keep the pool small.
    pool: 'forks',
    // The unit project runs in worker threads sharing one module graph each (isolate: false); the
    // rest in forks, a fresh process per file. Vitest takes isolation from the pool, not the project.
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
    projects: [
      {
        // In-process tests of the core, the handlers, the adapters over the GitHub double, the
        // double itself, the worker pools and the README: one module graph per worker for all of
        // them (isolate: false) rather than one per file; that per-file import was most of their
        // time (the first 123 files: 133 s wall isolated, 41 s not). None of them mocks modules or
        // leaves process state behind.
        extends: true,
        test: {
          name: 'unit',
          include: UNIT,
          pool: 'threads',
          // Writes GitHub's OpenAPI routing description once for every GitHub double of the run.
          globalSetup: ['test/helpers/openapi-global-setup.ts'],
        },
      },
      {
        // What starts processes, servers, Redis, or changes process state: a fresh module graph per file.
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: UNIT,
          // Says once per run when the redis-server suites are skipped (redis-server missing, no CI).
          globalSetup: ['test/helpers/redis-global-setup.ts', 'test/helpers/openapi-global-setup.ts'],
        },
      },
    ],
  },
});
