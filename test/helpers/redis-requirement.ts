// Whether the tests that start a real redis-server run, skip or fail. The Quick start's
// `npm test` must pass on a machine with Node 20 and nothing else, so a missing redis-server
// skips those suites with one line saying how to get it; CI (and anyone who sets
// REQUIRE_REDIS=1) must never skip silently, so there the suites run and fail with that line.
import { spawnSync } from 'node:child_process';

/** The one line a missing redis-server prints (skip) or fails with (CI, REQUIRE_REDIS=1). */
export const REDIS_MISSING =
  'redis-server not found: install it (apt-get install redis-server) or set REQUIRE_REDIS=1 to fail instead';

/** What the Redis suites do on this machine. */
export type RedisDecision = { action: 'run' } | { action: 'skip'; message: string } | { action: 'fail'; message: string };

/** True when an environment flag is set to something other than empty, `0` or `false`. */
function flagSet(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase());
}

/** Decides from the environment and whether redis-server is on PATH (pure: the caller probes). */
export function redisDecision(env: Readonly<Record<string, string | undefined>>, present: boolean): RedisDecision {
  if (present) return { action: 'run' };
  if (flagSet(env['REQUIRE_REDIS']) || flagSet(env['CI'])) {
    const why = flagSet(env['REQUIRE_REDIS']) ? 'REQUIRE_REDIS is set' : 'CI is set';
    return { action: 'fail', message: `redis-server not found: install it (apt-get install redis-server); ${why}, so the Redis tests fail instead of skipping` };
  }
  return { action: 'skip', message: REDIS_MISSING };
}

/** True when `redis-server --version` runs. */
export function redisServerPresent(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

let decided: RedisDecision | undefined;
/** This machine's decision, probed once per test process. */
export function machineRedisDecision(): RedisDecision {
  decided ??= redisDecision(process.env, redisServerPresent());
  return decided;
}
