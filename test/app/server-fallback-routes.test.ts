// The setup-mode routes on Probot's real Server: the fallback is added to servers started inside
// withFallbackRoute only, answers after the handlers added before it, and Server.prototype.start
// is back to Probot's own afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { Probot, Server } from 'probot';
import { SETUP_MODE_HEALTH, setupModeRoutes } from '../../src/app/http-routes.js';
import { withFallbackRoute } from '../../src/app/server-fallback-routes.js';
import { freePort } from '../e2e/app-process.js';

const started: Server[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

/** A Probot server on a free port, as run() builds one in setup mode (placeholder credentials), logging fatal errors only. */
async function newServer(): Promise<{ server: Server; url: string }> {
  const port = await freePort();
  const options = { appId: 1, privateKey: 'placeholder for setup mode', secret: 'x', logLevel: 'fatal' } as const;
  const quiet = new Probot(options);
  await quiet.ready();
  const server = new Server({ host: '127.0.0.1', port, log: quiet.log, Probot: Probot.defaults(options) });
  started.push(server);
  return { server, url: `http://127.0.0.1:${port}` };
}

describe('withFallbackRoute', () => {
  it('serves the setup-mode /healthz and /metrics on a server started inside it, and leaves Probot\'s 404 for the rest', async () => {
    const { server, url } = await newServer();
    const originalStart = Server.prototype.start;
    await withFallbackRoute(setupModeRoutes(() => false), () => server.start());
    expect(Server.prototype.start).toBe(originalStart);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect((await health.text()).trim()).toBe(SETUP_MODE_HEALTH);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
    expect((await fetch(`${url}/healthz`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });

  it('adds nothing to servers started after it returns', async () => {
    await withFallbackRoute(setupModeRoutes(() => false), async () => undefined);
    const { server, url } = await newServer();
    await server.start();
    expect((await fetch(`${url}/healthz`)).status).toBe(404);
  });

  it('lets the App\'s own routes answer once it is registered', async () => {
    const { server, url } = await newServer();
    server.addHandler((req, res) => {
      if (req.url !== '/healthz') return false;
      res.writeHead(200).end('ok');
      return true;
    });
    await withFallbackRoute(setupModeRoutes(() => true), () => server.start());
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok');
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
  });
});
