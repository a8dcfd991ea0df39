import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppMetrics } from './metrics.js';

/**
 * Extra routes on Probot's server: GET /healthz for liveness probes and
 * GET /metrics for Prometheus. Any other request is left to Probot (false).
 */

/** A Probot `addHandler` handler serving /healthz and /metrics. */
export function httpRoutes(metrics: AppMetrics): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '/').split('?')[0];
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
