// Both sweep caches: in memory (one replica) and over a real redis-server (replicas share it).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySweepCache } from '../../src/reminders/sweep-cache.js';
import { redisSweepCache } from '../../src/reminders/sweep-cache-redis.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';

describe('in-memory sweep cache', () => {
  it('serves a value until its time to live is over', async () => {
    let now = 1_000;
    const cache = new MemorySweepCache({ ttlMs: 100, now: () => now });
    await cache.set('blob:abc', 'parsed');
    expect(await cache.get('blob:abc')).toBe('parsed');
    now += 99;
    expect(await cache.get('blob:abc')).toBe('parsed');
    now += 1;
    expect(await cache.get('blob:abc')).toBeUndefined();
    expect(await cache.get('never-set')).toBeUndefined();
  });

  it('drops the oldest entries beyond its bound', async () => {
    const cache = new MemorySweepCache({ ttlMs: 60_000, maxEntries: 2 });
    await cache.set('a', '1');
    await cache.set('b', '2');
    await cache.set('a', '1 again');
    await cache.set('c', '3');
    expect([await cache.get('a'), await cache.get('b'), await cache.get('c')]).toEqual(['1 again', undefined, '3']);
  });
});

describeWithRedis('Redis sweep cache', () => {
  let server: RedisServer;
  let one: Redis;
  let two: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
    one = new Redis(server.url);
    two = new Redis(server.url);
  }, 120_000);

  afterAll(async () => {
    one?.disconnect();
    two?.disconnect();
    await server?.stop();
  });

  it('shares values between replicas, under a prefix, with a TTL on every key', async () => {
    await redisSweepCache({ redis: one, ttlSeconds: 600 }).set('blob:abc', '{"doc":1}');
    expect(await redisSweepCache({ redis: two, ttlSeconds: 600 }).get('blob:abc')).toBe('{"doc":1}');
    expect(await two.get('design-review:sweep-cache:blob:abc')).toBe('{"doc":1}');
    const ttl = await two.ttl('design-review:sweep-cache:blob:abc');
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
    expect(await redisSweepCache({ redis: two, ttlSeconds: 600 }).get('missing')).toBeUndefined();
  });

  it('treats a Redis failure as a miss and reports it, since the sweep is right without the cache', async () => {
    const broken = new Redis(server.url, { lazyConnect: true, enableOfflineQueue: false });
    const errors: unknown[] = [];
    const cache = redisSweepCache({ redis: broken, ttlSeconds: 60, onError: (e) => errors.push(e) });
    await cache.set('k', 'v');
    expect(await cache.get('k')).toBeUndefined();
    expect(errors).toHaveLength(2);
    broken.disconnect();
  });
});
