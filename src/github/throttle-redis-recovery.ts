/**
 * With REDIS_URL, Probot's throttle (@octokit/plugin-throttling) schedules
 * every GitHub request through Bottleneck limiters whose state lives in Redis.
 * When Redis loses that state (FLUSHALL, a restart without persistence) the
 * limiters' Lua scripts answer `SETTINGS_KEY_NOT_FOUND` (or `UNKNOWN_CLIENT`
 * for a forgotten client), and Bottleneck 2.19.5 knows how to recover:
 * RedisDatastore.runScript re-creates the settings (re-registers the client)
 * and runs the script again, but only when `error.message` is exactly that
 * word. Redis 7 prefixes the message of a Lua `redis.error_reply` with "ERR ",
 * so the comparison never matches, the limiter never recovers, and every
 * request of the App fails with `ERR SETTINGS_KEY_NOT_FOUND` until it restarts.
 *
 * This is a monkey-patch of a dependency, made on the connection object
 * Probot hands to the throttle (not on node_modules, so it survives `npm ci`):
 * its script callback gets those two replies without the prefix, and
 * Bottleneck's own recovery runs. test/github/throttle-redis-recovery.test.ts
 * checks it against a real redis-server, and checks that an unpatched
 * connection still fails: once Bottleneck handles the prefix itself, that
 * check fails and this module can go.
 */

/** The part of Bottleneck's IORedisConnection this wraps: it builds the arguments of each script call. */
interface ScriptConnection {
  __scriptArgs__: (name: string, id: string, args: unknown[], callback: ScriptCallback) => unknown[];
}
type ScriptCallback = (error: Error | null | undefined, replies: unknown) => void;

const patched = new WeakSet<object>();
const PREFIXED = /^ERR (SETTINGS_KEY_NOT_FOUND|UNKNOWN_CLIENT)$/;

/**
 * Makes a Bottleneck Redis connection recover limiter state Redis lost (see above); once per
 * connection. False when `connection` is not one this knows how to patch.
 */
export function recoverLostLimiterState(connection: unknown): boolean {
  if (typeof connection !== 'object' || connection === null) return false;
  if (patched.has(connection)) return true;
  const target = connection as Partial<ScriptConnection>;
  const original = target.__scriptArgs__;
  if (typeof original !== 'function') return false;
  target.__scriptArgs__ = (name, id, args, callback) =>
    original.call(connection, name, id, args, (error, replies) => {
      const match = error?.message.match(PREFIXED);
      if (error && match) error.message = match[1]!;
      callback(error, replies);
    });
  patched.add(connection);
  return true;
}
