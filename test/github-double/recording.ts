// The log of every request the double received, for assertions on what the app sent.
import type { AuthScheme } from './auth.js';
import type { Violation } from './violations.js';

export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  /** Path as sent, without the query string (an `/api/v3` prefix stays visible here). */
  path: string;
  /** The matched OpenAPI template (`graphql` for GraphQL), or undefined. */
  template: string | undefined;
  operationId: string | undefined;
  query: Record<string, string>;
  /** Lower-cased headers; `authorization` is reduced to its scheme so logs can be printed safely. */
  headers: Record<string, string>;
  auth: AuthScheme;
  /** The parsed JSON body (the raw text when it is not JSON, undefined when empty). */
  body: unknown;
  rawBody: string;
  status: number;
  /** The JSON body the double answered with (undefined for empty and raw responses). */
  response: unknown;
  violations: Violation[];
  /** True when the response came from failNext rather than the handler. */
  injectedFault: boolean;
}

type Waiter = { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void };

/** Requests, violations and requests the double could not serve, in arrival order. */
export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  /** Valid operations without a handler in the double (answered 501). */
  readonly unhandled: RecordedRequest[] = [];
  private waiters: Waiter[] = [];

  /** Appends a finished request and wakes anyone waiting for it. */
  add(request: RecordedRequest): void {
    this.requests.push(request);
    this.violations.push(...request.violations);
    if (request.status === 501) this.unhandled.push(request);
    this.waiters = this.waiters.filter((w) => {
      if (!w.predicate(request)) return true;
      w.resolve(request);
      return false;
    });
  }

  /** Requests routed to one operation (`pulls/create-review`, `graphql`). */
  requestsFor(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  /** Resolves with the first request (already recorded or future) matching; rejects after `timeoutMs`. */
  waitFor(match: string | ((r: RecordedRequest) => boolean), timeoutMs = 60_000): Promise<RecordedRequest> {
    const predicate = typeof match === 'string' ? (r: RecordedRequest) => r.operationId === match : match;
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`github-double: no request matching ${typeof match === 'string' ? match : 'the predicate'} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (r: RecordedRequest): void => {
        clearTimeout(timer);
        resolve(r);
      };
      this.waiters.push({ predicate, resolve: done });
    });
  }

  /** Forgets recorded requests and violations (between deliveries of one test). */
  clear(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.unhandled.length = 0;
  }
}
