import type { Redis } from 'ioredis';
import type { SweepCache } from './reminder-sweep.js';

/**
 * The sweep cache shared by replicas through Redis (REDIS_URL): whichever
 * replica sweeps an installation next period finds what the last one read.
 * Every entry has a time to live (Redis expires it), and keys are prefixed so
 * they sit apart from BullMQ's. A Redis error on `get` is a miss and on `set`
 * is ignored: the cache only saves requests, the sweep is right without it.
 */

/** Options of the Redis sweep cache. */
export interface RedisSweepCacheOptions {
  redis: Pick<Redis, 'get' | 'set'>;
  ttlSeconds: number;
  /** Key prefix; default `design-review:sweep-cache:`. */
  prefix?: string;
  onError?: (error: unknown) => void;
}

/** A SweepCache over ioredis. */
export function redisSweepCache(options: RedisSweepCacheOptions): SweepCache {
  const prefix = options.prefix ?? 'design-review:sweep-cache:';
  return {
    async get(key) {
      try {
        return (await options.redis.get(prefix + key)) ?? undefined;
      } catch (error) {
        options.onError?.(error);
        return undefined;
      }
    },
    async set(key, value) {
      try {
        await options.redis.set(prefix + key, value, 'EX', options.ttlSeconds);
      } catch (error) {
        options.onError?.(error);
      }
    },
  };
}
