import { Server } from 'probot';
import type { RouteHandler } from './http-routes.js';

/**
 * Probot's `run` gives no way to add routes in setup mode: it loads only its
 * setup page there, and the server fixes its handler list when it starts.
 * `Server#addHandler` is public, so while `start` runs, every server it starts
 * gets `handler` after the handlers added so far (the App's routes, or the
 * setup page) and before Probot's 404. The wrapper is removed once `start`
 * returns, so nothing else in the process is touched.
 */
export async function withFallbackRoute<T>(handler: RouteHandler, start: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(Server.prototype, 'start');
  if (original === undefined || typeof original.value !== 'function') {
    throw new Error('probot\'s Server has no start method: this Probot version is not the one src/app/server-fallback-routes.ts supports');
  }
  const originalStart = original.value as Server['start'];
  Object.defineProperty(Server.prototype, 'start', {
    ...original,
    value: function startWithFallback(this: Server) {
      this.addHandler(handler);
      return originalStart.call(this);
    },
  });
  try {
    return await start();
  } finally {
    Object.defineProperty(Server.prototype, 'start', original);
  }
}
