// The built App as a child process (`npm start`'s command: node dist/main.js), pointed at a
// GitHub double through GHE_HOST / GHE_PROTOCOL, with a generated private key and webhook secret.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { GitHubDouble } from '../github-double/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEBHOOK_SECRET = 'e2e-webhook-secret';

/** A running App process. */
export interface AppProcess {
  url: string;
  webhookUrl: string;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed). */
  stop(graceMs?: number): Promise<number | null>;
}

let privateKey: string | undefined;
/** A 2048-bit RSA private key (PEM), generated once per test process, for the App under test. */
export function appPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return privateKey;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `probe` every 50 ms until it returns something other than undefined or false. The cap is
 * only there to end a test that will never pass: generous, so a loaded machine is not a failure.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000, context: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${context() ? `; app output:\n${context().slice(-4000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts `node dist/main.js` against `github` and waits for /healthz; `root` is the checkout whose
 * build runs (a bench may start an older build beside this one).
 */
export async function startApp(github: GitHubDouble, extraEnv: NodeJS.ProcessEnv = {}, root: string = ROOT): Promise<AppProcess> {
  if (!existsSync(`${root}dist/main.js`)) throw new Error(`${root}dist/main.js is missing: run \`npm run build\` first (npm test does)`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    APP_ID: String(github.state.app.id),
    PRIVATE_KEY: appPrivateKey(),
    WEBHOOK_SECRET,
    GHE_HOST: new URL(github.url).host,
    GHE_PROTOCOL: 'http',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    NODE_ENV: 'test',
    // The double has no secondary rate limit: writes 10 ms apart (30 ms for those that notify)
    // rather than GitHub's 1 s (3 s), which was most of the e2e files' wall time. A test about
    // the pacing itself passes its own value.
    GITHUB_WRITE_SPACING_MS: '10',
    // Its 502s are on purpose: the client retries them 10, 40 and 90 ms later rather than 1, 4 and 9 s.
    GITHUB_RETRY_BASE_MS: '10',
    // One core thread rather than one per core: each thread loads the core (about half a CPU-second)
    // and the tests review a few small documents. The hostile-input test, about threads, passes 2.
    REVIEW_THREADS: '1',
    ...extraEnv,
  };
  let output = '';
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const app: AppProcess = {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    child,
    output: () => output,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  await waitFor(
    'GET /healthz',
    async () => {
      if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
      const res = await fetch(`${url}/healthz`);
      return res.status === 200 && (await res.text()) === 'ok' ? true : undefined;
    },
    60_000,
    () => output,
  );
  return app;
}
