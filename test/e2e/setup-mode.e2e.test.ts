// End to end: `npm start` (node dist/main.js) without credentials starts Probot's setup flow,
// which offers to register the App from app.yml, keeps /healthz and /metrics answering (saying
// the App is not registered yet), and still shuts down cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parse } from 'yaml';
import { SETUP_MODE_HEALTH } from '../../src/app/http-routes.js';
import { healthcheckCommand, readDockerfile } from '../deploy/dockerfile.js';
import { freePort, ROOT, waitFor } from './app-process.js';

interface Manifest {
  name: string;
  redirect_url: string;
  default_events: string[];
  default_permissions: Record<string, string>;
  hook_attributes: { url: string };
}

describe('setup mode', () => {
  it('offers to register the App from app.yml, answers /healthz and /metrics saying it is not registered yet, and exits 0 on SIGTERM', async ({ expect }) => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // No APP_ID, PRIVATE_KEY or WEBHOOK_SECRET: a fresh deployment.
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test' };
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const home = await waitFor('the setup page', async () => {
        const res = await fetch(`${url}/`, { redirect: 'manual' });
        return res.status === 302 ? res : undefined;
      }, 20_000, () => output);
      expect(home.headers.get('location')).toBe('/probot');

      const page = await (await fetch(`${url}/probot`)).text();
      expect(page).toContain('Register GitHub App');
      const value = /name="manifest" id="manifest" value='([^']+)'/.exec(page)?.[1];
      expect(value).toBeDefined();
      const manifest = JSON.parse(value!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Manifest;
      const appYml = parse(readFileSync(`${ROOT}app.yml`, 'utf8')) as Manifest;
      expect(manifest.name).toBe(appYml.name);
      expect(manifest.default_permissions).toEqual(appYml.default_permissions);
      expect(manifest.default_events).toEqual(appYml.default_events);
      expect(manifest.redirect_url).toBe(`${url}/probot/setup`);
      // app.yml's placeholder wins over a smee channel: the README tells to set the real URL after registering.
      expect(manifest.hook_attributes.url).toBe(appYml.hook_attributes.url);
      expect(output).toContain('Probot is in setup mode');

      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect((await health.text()).trim()).toBe(SETUP_MODE_HEALTH);
      const metrics = await fetch(`${url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^# design-review is in setup mode: the GitHub App is not registered yet/);
      expect((await fetch(`${url}/no-such-page`)).status).toBe(404);

      // The container's HEALTHCHECK passes against this server: a fresh container is healthy while it waits to be registered.
      const [command, ...args] = healthcheckCommand(readDockerfile(`${ROOT}Dockerfile`));
      const check = spawn(command === 'node' ? process.execPath : command!, args, { env: { PATH: process.env['PATH'], PORT: String(port) }, stdio: 'ignore' });
      expect(await new Promise((resolve) => check.once('exit', resolve))).toBe(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
