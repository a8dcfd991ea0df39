// The core pool on the BUILT worker (dist/workers/core-tasks.js): worker threads cannot load the
// TypeScript sources vitest runs, so tests of the pool use what `npm test` builds first.
import { existsSync } from 'node:fs';
import { CorePool } from '../../src/workers/core-pool.js';
import { readPoolSettings, type PoolSettings } from '../../src/workers/pool-settings.js';

const WORKER = new URL('../../dist/workers/core-tasks.js', import.meta.url);

/** A core pool with the default settings over `overrides`, running the built worker. */
export function testCorePool(overrides: Partial<PoolSettings> = {}): CorePool {
  if (!existsSync(WORKER)) throw new Error('dist/workers/core-tasks.js is missing: run `npm run build` first (npm test does)');
  return new CorePool({ ...readPoolSettings({}), ...overrides }, WORKER);
}
