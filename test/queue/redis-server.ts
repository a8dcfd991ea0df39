// A real redis-server of the test's own, on a free port, without persistence; killed by stop().
// Every file that needs one wraps its suites in describeWithRedis: without redis-server they are
// skipped (the run's global setup says so in one line), unless CI or REQUIRE_REDIS=1 is set, in
// which case startRedisServer() fails with that line (.ci/run installs it and sets REQUIRE_REDIS=1).
import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { describe } from 'vitest';
import { freePort, waitFor } from '../e2e/app-process.js';
import { machineRedisDecision } from '../helpers/redis-requirement.js';

/**
 * `describe` for suites that start a real redis-server: `describe.skip` when redis-server is
 * missing and neither CI nor REQUIRE_REDIS=1 is set. When every suite of a file is skipped,
 * vitest skips the file's own beforeAll too, so a file-level startRedisServer() is not reached.
 */
export const describeWithRedis: typeof describe = machineRedisDecision().action === 'skip' ? (describe.skip as typeof describe) : describe;

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
  const decision = machineRedisDecision();
  if (decision.action !== 'run') throw new Error(decision.message);
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
    60_000,
    output,
  );
  return child;
}
