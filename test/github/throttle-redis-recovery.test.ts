// Probot's throttle on Redis (REDIS_URL) when Redis loses its data: Bottleneck's limiters must
// rebuild their state instead of failing every GitHub request with ERR SETTINGS_KEY_NOT_FOUND.
// Built as Probot builds it (get-octokit-throttle-options.js: an ioredis client in a Bottleneck
// IORedisConnection, shared by @octokit/plugin-throttling's Groups), against a real redis-server.
import { createRequire } from 'node:module';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recoverLostLimiterState } from '../../src/github/throttle-redis-recovery.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../queue/redis-server.js';

// The Bottleneck Probot itself loads (its dependency, not ours), typed as far as this test uses it.
interface Limiter {
  schedule<T>(task: () => Promise<T>): Promise<T>;
}
interface Connection {
  on(event: 'error', listener: (error: Error) => void): void;
  disconnect(flush?: boolean): Promise<unknown>;
}
interface BottleneckModule {
  IORedisConnection: new (options: { client: Redis }) => Connection;
  Group: new (options: Record<string, unknown>) => { key(id: string): Limiter };
}
const probotRequire = createRequire(createRequire(import.meta.url).resolve('probot'));
const Bottleneck = probotRequire('bottleneck') as BottleneckModule;

let redis: RedisServer;
let admin: Redis;
const connections: Connection[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  admin = adminClient();
});

/** A client for FLUSHALL; Redis is stopped on purpose below, and ioredis prints an error event nobody listens to. */
function adminClient(): Redis {
  const client = new Redis(redis.url);
  client.on('error', () => undefined);
  return client;
}

afterAll(async () => {
  await Promise.all(connections.map((c) => c.disconnect(false)));
  admin?.disconnect();
  await redis?.stop();
});

let groups = 0;
/** A connection and a write-like limiter group on it, as the throttling plugin makes them (its own ids, so tests do not share state). */
function throttle(patch: boolean): { connection: Connection; group: { key(id: string): Limiter } } {
  const client = new Redis(redis.url);
  // The restart below makes the client and the subscriber Bottleneck duplicates from it emit errors.
  client.on('error', () => undefined);
  const connection = new Bottleneck.IORedisConnection({ client });
  connection.on('error', () => undefined);
  connections.push(connection);
  if (patch) expect(recoverLostLimiterState(connection)).toBe(true);
  groups += 1;
  const group = new Bottleneck.Group({ id: `octokit-write-${groups}`, maxConcurrent: 1, minTime: 10, connection, timeout: 120_000 });
  return { connection, group };
}

const request = (group: { key(id: string): Limiter }, installation: string) => group.key(installation).schedule(async () => 'sent');

describeWithRedis('recoverLostLimiterState', () => {
  it('is needed: an unpatched Bottleneck 2.19.5 limiter fails every request after FLUSHALL (if this fails, Bottleneck handles it: drop the patch)', async () => {
    const { group } = throttle(false);
    expect(await request(group, '42')).toBe('sent');
    await admin.flushall();
    await expect(request(group, '42')).rejects.toThrow('ERR SETTINGS_KEY_NOT_FOUND');
    // And it stays broken: nothing ever re-creates the settings.
    await expect(request(group, '42')).rejects.toThrow('ERR SETTINGS_KEY_NOT_FOUND');
  });

  it('lets a limiter rebuild its state after FLUSHALL, for requests in flight at once too', async () => {
    const { group } = throttle(true);
    expect(await request(group, '42')).toBe('sent');
    await admin.flushall();
    expect(await Promise.all([1, 2, 3, 4, 5].map(() => request(group, '42')))).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(await request(group, '43')).toBe('sent');
  });

  it('lets a limiter rebuild its state after Redis restarted empty, a request waiting through the restart included', async () => {
    const { group } = throttle(true);
    expect(await request(group, '42')).toBe('sent');
    await redis.stop();
    // Sent while Redis is down: ioredis holds it until it reconnects to the new, empty server.
    const during = request(group, '42');
    await redis.startAgain();
    expect(await during).toBe('sent');
    expect(await request(group, '42')).toBe('sent');
    admin.disconnect();
    admin = adminClient();
  }, 120_000);

  it('patches a connection once, and leaves alone what is not a Bottleneck connection', () => {
    const { connection } = throttle(true);
    const wrapped = (connection as unknown as { __scriptArgs__: unknown }).__scriptArgs__;
    expect(recoverLostLimiterState(connection)).toBe(true);
    expect((connection as unknown as { __scriptArgs__: unknown }).__scriptArgs__).toBe(wrapped);
    expect(recoverLostLimiterState(undefined)).toBe(false);
    expect(recoverLostLimiterState({ client: {} })).toBe(false);
  });
});
