// The GitHub double: an HTTP server on 127.0.0.1 that routes every request through GitHub's
// OpenAPI description, records it, and answers from the in-memory state.
// Steps per request: read body -> strip /api/v3 -> route -> validate -> scripted fault -> auth -> handler -> record.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';
import { readAuth, requiresAppJwt, type RequestAuth } from './auth.js';
import { FaultQueue, type FaultSpec } from './fault-injection.js';
import { issueInstallationToken } from './handlers/apps.js';
import { GitHubHttpError, type HandlerContext, type HandlerResponse } from './handlers/context.js';
import { executeGraphQL, validateGraphQLBody } from './handlers/graphql.js';
import { handlers } from './handlers/registry.js';
import { matchRoute } from './openapi-router.js';
import { validateBody, validateParameters } from './openapi-validation.js';
import { RequestLog, type RecordedRequest } from './recording.js';
import { GitHubState, type StateOptions } from './state.js';
import type { Violation, ViolationFinding } from './violations.js';

export interface GitHubDoubleOptions extends StateOptions {
  /** A pre-seeded state; a fresh one (with `app`/`now` from these options) otherwise. */
  state?: GitHubState;
  /**
   * 'strict' (default): App endpoints need an RS256 JWT for the app, all others an installation
   * token the double issued (scoped to that installation's repositories). 'off': no checks.
   */
  auth?: 'strict' | 'off';
}

export interface GitHubDouble {
  /** `http://127.0.0.1:<port>`; use `${url}/api/v3` as a GHE-style base URL. */
  url: string;
  state: GitHubState;
  requests: RecordedRequest[];
  violations: Violation[];
  /** Valid operations the double has no handler for (answered 501). */
  unhandled: RecordedRequest[];
  /** Scripts a failure for the next matching request(s). */
  failNext(spec: FaultSpec): void;
  /** Scripted failures not consumed yet. */
  pendingFaults(): FaultSpec[];
  /** Requests routed to one operationId. */
  requestsFor(operationId: string): RecordedRequest[];
  /** Waits for a request by operationId or predicate (already recorded ones count). */
  waitForRequest(match: string | ((r: RecordedRequest) => boolean), timeoutMs?: number): Promise<RecordedRequest>;
  /** Forgets recorded requests and violations. */
  clearRequests(): void;
  /**
   * Mints an installation token, for tests that call the double with fetch directly; `as` makes
   * its writes (and GraphQL `viewer`) another account's, e.g. `github-actions[bot]` for a workflow's GITHUB_TOKEN.
   */
  issueToken(installationId: number, options?: { as?: string }): string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 25 * 1024 * 1024;
const DOCS = 'https://docs.github.com/rest';

/** Starts a GitHub double on 127.0.0.1 with an ephemeral port. */
export async function startGitHubDouble(options: GitHubDoubleOptions = {}): Promise<GitHubDouble> {
  const state = options.state ?? new GitHubState(options);
  const log = new RequestLog();
  const faults = new FaultQueue();
  const authMode = options.auth ?? 'strict';

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      // A crash in the double must surface in the test, not hang the client.
      process.emitWarning(`github-double crashed on ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `github-double crashed: ${String(error)}` }));
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const requestUrl = new URL(req.url ?? '/', origin);
    const prefixed = requestUrl.pathname === '/api/v3' || requestUrl.pathname.startsWith('/api/v3/');
    const path = prefixed ? requestUrl.pathname.slice('/api/v3'.length) || '/' : requestUrl.pathname;
    const isGraphQL = method === 'POST' && (requestUrl.pathname === '/graphql' || requestUrl.pathname === '/api/graphql');
    const auth = readAuth(req.headers.authorization, state);
    const text = raw.toString('utf8');
    let body: unknown;
    let badJson = false;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
        badJson = true;
      }
    }

    const findings: ViolationFinding[] = [];
    let template: string | undefined;
    let operationId: string | undefined;
    let injected = false;
    const respond = (): HandlerResponse => {
      if (badJson) {
        findings.push({ kind: isGraphQL ? 'graphql-body' : 'request-body', message: 'body is not valid JSON' });
        return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' } };
      }
      const ctx: HandlerContext = {
        state,
        urls: { api: `${origin}${prefixed ? '/api/v3' : ''}`, web: origin },
        method,
        params: {},
        query: requestUrl.searchParams,
        body,
        requestUrl,
        headers: lowerCaseHeaders(req),
        token: undefined,
      };
      if (isGraphQL) {
        template = 'graphql';
        operationId = 'graphql';
        const shape = validateGraphQLBody(body);
        findings.push(...shape);
        if (shape.length > 0) {
          return { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } };
        }
        const fault = faults.take({ method, path: requestUrl.pathname, template, operationId });
        if (fault) return ((injected = true), fault);
        const refused = refuseAuth(auth, false);
        if (refused) return refused;
        ctx.token = auth.token;
        const { response, findings: queryFindings } = executeGraphQL(ctx);
        findings.push(...queryFindings);
        return response;
      }

      const routed = matchRoute(method, path);
      if (routed.kind !== 'matched') {
        const message =
          routed.kind === 'unknown-path'
            ? `${method} ${path} matches no path in GitHub's OpenAPI description`
            : `${method} is not an operation of ${routed.template} (allowed: ${routed.allowed.map((m) => m.toUpperCase()).join(', ')})`;
        findings.push({ kind: routed.kind, message });
        return { status: 404, body: { message: `Not Found: ${message}`, documentation_url: DOCS, status: '404' } };
      }
      const { operation, pathParams } = routed.match;
      template = operation.template;
      operationId = operation.operationId;
      ctx.params = pathParams;

      const parameterFindings = validateParameters(operation, pathParams, requestUrl.searchParams);
      findings.push(...parameterFindings);
      if (parameterFindings.some((f) => f.kind === 'path-parameter')) {
        return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
      }
      const bodyFindings = validateBody(operation, body, text.trim() !== '');
      findings.push(...bodyFindings);
      if (bodyFindings.length > 0) {
        // GitHub rejects schema-invalid bodies with 422 "Invalid request." and the reasons.
        return { status: 422, body: { message: `Invalid request.\n\n${bodyFindings.map((f) => f.message).join('\n')}`, documentation_url: DOCS, status: '422' } };
      }

      const fault = faults.take({ method, path, template, operationId });
      if (fault) return ((injected = true), fault);
      const refused = refuseAuth(auth, requiresAppJwt(operation.operationId, operation.template));
      if (refused) return refused;
      ctx.token = auth.token;

      const handler = handlers[operation.operationId];
      if (handler === undefined) {
        return { status: 501, body: { message: `github-double does not implement ${operation.operationId} (${method} ${operation.template})` } };
      }
      try {
        return handler(ctx);
      } catch (error) {
        if (error instanceof GitHubHttpError) return { status: error.status, body: error.body };
        throw error;
      }
    };

    function refuseAuth(auth: RequestAuth, needsJwt: boolean): HandlerResponse | undefined {
      if (authMode === 'off') return undefined;
      const wrongKind = needsJwt ? auth.scheme !== 'app-jwt' : auth.scheme !== 'installation-token';
      if (!wrongKind && auth.problem === undefined) return undefined;
      const message = wrongKind
        ? needsJwt
          ? 'A JSON web token could not be decoded'
          : auth.scheme === 'app-jwt'
            ? 'Bad credentials: this endpoint needs an installation access token, not the App JWT'
            : (auth.problem ?? 'Bad credentials')
        : auth.problem!;
      return { status: 401, body: { message, documentation_url: DOCS, status: '401' } };
    }

    const response = conditional(method, req.headers['if-none-match'], respond());
    const violations: Violation[] = findings.map((f) => ({ ...f, method, path: requestUrl.pathname, operationId }));
    log.add({
      seq: log.requests.length + 1,
      method,
      path: requestUrl.pathname,
      template,
      operationId,
      query: Object.fromEntries(requestUrl.searchParams),
      headers: recordedHeaders(req),
      auth: auth.scheme,
      body,
      rawBody: text,
      status: response.status,
      response: Buffer.isBuffer(response.body) ? undefined : response.body,
      violations,
      injectedFault: injected,
    });
    write(res, response, isGraphQL ? 'graphql' : 'core', state.now());
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests: log.requests,
    violations: log.violations,
    unhandled: log.unhandled,
    failNext: (spec) => faults.add(spec),
    pendingFaults: () => faults.remaining(),
    requestsFor: (operationId) => log.requestsFor(operationId),
    waitForRequest: (match, timeoutMs) => log.waitFor(match, timeoutMs),
    clearRequests: () => log.clear(),
    issueToken: (installationId, options) => issueInstallationToken(state, installationId, undefined, options?.as).token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * GitHub's conditional requests: a 200 GET answer carries an ETag (weak, a hash of the body), and
 * a request whose If-None-Match names it gets 304 Not Modified with an empty body instead.
 */
export function conditional(method: string, ifNoneMatch: string | string[] | undefined, response: HandlerResponse): HandlerResponse {
  if (method !== 'GET' || response.status !== 200 || response.body === undefined || Buffer.isBuffer(response.body)) return response;
  const etag = `W/"${createHash('sha256').update(JSON.stringify(response.body)).digest('hex').slice(0, 32)}"`;
  const headers = { ...response.headers, etag };
  const asked = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : (ifNoneMatch ?? '')).split(',').map((t) => t.trim().replace(/^W\//, ''));
  // Weak comparison (RFC 9110): the W/ prefix does not matter; `*` matches any current representation.
  if (asked.some((tag) => tag === '*' || tag === etag.slice(2))) return { status: 304, headers };
  return { ...response, headers };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]));
}

// Credentials never reach the log: keep the scheme word only.
function recordedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(lowerCaseHeaders(req))) {
    if (value === undefined) continue;
    out[name] = name === 'authorization' ? `${value.trim().split(/\s+/)[0] ?? ''} [redacted]` : value;
  }
  return out;
}

function write(res: ServerResponse, response: HandlerResponse, resource: 'core' | 'graphql', now: Date): void {
  const headers: Record<string, string> = {
    'x-github-request-id': randomUUID().toUpperCase(),
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-reset': String(Math.floor(now.getTime() / 1000) + 3600),
    'x-ratelimit-resource': resource,
    ...response.headers,
  };
  if (response.status === 204 || response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  if (Buffer.isBuffer(response.body)) {
    res.writeHead(response.status, { 'content-type': 'application/octet-stream', ...headers });
    res.end(response.body);
    return;
  }
  res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(response.body));
}
