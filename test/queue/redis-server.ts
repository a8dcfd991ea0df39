// A real redis-server of the test's own, on a free port, without persistence; killed by stop().
// A missing binary fails the test with a message naming it (.ci/run installs it): never a skip.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort, waitFor } from '../e2e/app-process.js';

/** A running redis-server. */
export interface RedisServer {
  url: string;
  port: number;
  /** Everything the server wrote so far. */
  output(): string;
  /** Kills the server and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts a new, empty server on the same port (after stop: a Redis restarted without persistence) and waits for PING. */
  startAgain(): Promise<void>;
}

/** Starts `redis-server --port N --save '' --appendonly no` and waits for PING. */
export async function startRedisServer(): Promise<RedisServer> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      'redis-server is not on PATH: the BullMQ tests need a real one. Install it (Debian/Ubuntu: `apt-get install redis-server`; .ci/run does this) and run the tests again.',
    );
  }
  const port = await freePort();
  let output = '';
  let child = await spawnRedis(port, (text) => (output += text), () => output);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
    async startAgain() {
      if (child.exitCode === null && child.signalCode === null) throw new Error('redis-server is still running: stop() it first');
      child = await spawnRedis(port, (text) => (output += text), () => output);
    },
  };
}

// Spawns redis-server on `port`, without persistence, and waits until it answers PING.
async function spawnRedis(port: number, record: (text: string) => void, output: () => string): Promise<ChildProcess> {
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => record(d.toString()));
  child.stderr?.on('data', (d: Buffer) => record(d.toString()));
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(
    `redis-server on port ${port}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    },
    10_000,
    output,
  );
  return child;
}
