import type { SweepCache } from '../handlers/reminder-sweep.js';

/**
 * The sweep cache of a single replica (no REDIS_URL): a Map with a time to
 * live and a bound on entries. The sweep's own MemorySweepCache (for the
 * one-shot CLI) has no time to live; a long-running App needs one, as its
 * Redis cache has, so it does not keep forever the state of repositories it
 * no longer sweeps. The clock is injected so tests expire entries without waiting.
 */

/** Options of the in-memory sweep cache. */
export interface MemorySweepCacheOptions {
  /** How long an entry is served after it was set. */
  ttlMs: number;
  /** Most entries kept; the oldest are dropped first. */
  maxEntries?: number;
  now?: () => number;
}

/** A SweepCache in this process's memory. */
export function memorySweepCache(options: MemorySweepCacheOptions): SweepCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 50_000;
  const entries = new Map<string, { value: string; expires: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    async set(key, value) {
      // Re-inserted keys move to the end: Map order is then oldest-set first.
      entries.delete(key);
      entries.set(key, { value, expires: now() + options.ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
