import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppMetrics } from '../shared/metrics.js';

/**
 * Extra routes on Probot's server: GET /healthz for liveness probes and
 * GET /metrics for Prometheus. Any other request is left to Probot (false).
 */

/** A request handler in Probot's `addHandler` shape: true when it answered. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** What /healthz answers while the App is not registered (Probot's setup mode). */
export const SETUP_MODE_HEALTH =
  'setup mode: the GitHub App is not registered yet (no APP_ID or PRIVATE_KEY); open this server\'s / page to register it, then restart';

/** A Probot `addHandler` handler serving /healthz and /metrics. */
export function httpRoutes(metrics: AppMetrics): RouteHandler {
  return async (req, res) => {
    const path = getPath(req);
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok');
      return true;
    }
    if (path === '/metrics') {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
      return true;
    }
    return false;
  };
}

/**
 * /healthz and /metrics while Probot is in setup mode. The App is not loaded
 * then, so `httpRoutes` is not either; without these a container's health
 * check would fail (404) on a server that is up and waiting to be registered.
 * `registered` is true once the App is loaded: its own routes answer then.
 */
export function setupModeRoutes(registered: () => boolean): RouteHandler {
  return async (req, res) => {
    if (registered()) return false;
    const path = getPath(req);
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`${SETUP_MODE_HEALTH}\n`);
      return true;
    }
    if (path === '/metrics') {
      // A comment is a valid, empty exposition: the scrape succeeds and says why there is nothing.
      res
        .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
        .end('# design-review is in setup mode: the GitHub App is not registered yet, so there are no metrics\n');
      return true;
    }
    return false;
  };
}

/** The path of a GET or HEAD request; undefined for other methods, which these routes leave to Probot. */
function getPath(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  return (req.url ?? '/').split('?')[0];
}
