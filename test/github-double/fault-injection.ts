// Scripted failures: "502 then success", primary and secondary rate limits, any status and body.
import type { HttpMethod } from './openapi-spec.js';

export interface FaultSpec {
  /** Only requests with this method (any when omitted). */
  method?: Uppercase<HttpMethod> | HttpMethod;
  /** A template (`/repos/{owner}/{repo}/pulls/{pull_number}/files`), an exact path, or a RegExp on the path; any when omitted. */
  path?: string | RegExp;
  /** Or match by operationId (`pulls/list-files`, `graphql`). */
  operationId?: string;
  status: number;
  headers?: Record<string, string>;
  /** The JSON body; GitHub's usual one for the status when omitted. */
  body?: unknown;
  /** How many matching requests fail before the fault is used up (default 1). */
  times?: number;
  /** How many matching requests pass untouched before the fault starts (default 0): "the second issue creation fails". */
  after?: number;
}

export interface Fault {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Pending {
  spec: FaultSpec;
  remaining: number;
  /** Matching requests still to let through. */
  pass: number;
}

/** Spec for GitHub's secondary rate limit: 403 (or 429) with `retry-after` and the documented message. */
export function secondaryRateLimit(options: { retryAfterSeconds?: number; status?: 403 | 429 } & Omit<FaultSpec, 'status'> = {}): FaultSpec {
  const { retryAfterSeconds = 1, status = 403, ...rest } = options;
  return {
    ...rest,
    status,
    headers: { 'retry-after': String(retryAfterSeconds), ...rest.headers },
    body: rest.body ?? {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(status),
    },
  };
}

/** Spec for an exhausted primary rate limit: 403 with `x-ratelimit-remaining: 0` and a reset time. */
export function primaryRateLimit(options: { resetEpochSeconds: number; installationId?: number } & Omit<FaultSpec, 'status'>): FaultSpec {
  const { resetEpochSeconds, installationId, ...rest } = options;
  return {
    ...rest,
    status: 403,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetEpochSeconds), 'x-ratelimit-limit': '5000', ...rest.headers },
    body: rest.body ?? {
      message: `API rate limit exceeded for installation ID ${installationId ?? 1}.`,
      documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
      status: '403',
    },
  };
}

function defaultBody(spec: FaultSpec): unknown {
  if (spec.status === 403 || spec.status === 429) {
    return spec.headers?.['retry-after'] !== undefined ? secondaryRateLimit({ status: spec.status }).body : primaryRateLimit({ resetEpochSeconds: 0 }).body;
  }
  if (spec.status >= 500) return { message: 'Server Error' };
  return { message: 'Injected failure', status: String(spec.status) };
}

/** The queue of scripted failures; the first pending spec that matches a request consumes one use. */
export class FaultQueue {
  private readonly pending: Pending[] = [];

  /** Scripts a failure for the next matching request(s). */
  add(spec: FaultSpec): void {
    this.pending.push({ spec, remaining: spec.times ?? 1, pass: spec.after ?? 0 });
  }

  /** Specs not used up yet (a test can assert its faults were all hit). */
  remaining(): FaultSpec[] {
    return this.pending.map((p) => p.spec);
  }

  /** The fault for this request, if one is scripted. */
  take(request: { method: string; path: string; template: string | undefined; operationId: string | undefined }): Fault | undefined {
    const index = this.pending.findIndex(({ spec }) => matches(spec, request));
    if (index === -1) return undefined;
    const entry = this.pending[index]!;
    if (entry.pass > 0) {
      entry.pass -= 1;
      return undefined;
    }
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.pending.splice(index, 1);
    return { status: entry.spec.status, headers: entry.spec.headers ?? {}, body: entry.spec.body ?? defaultBody(entry.spec) };
  }
}

function matches(spec: FaultSpec, request: { method: string; path: string; template: string | undefined; operationId: string | undefined }): boolean {
  if (spec.method !== undefined && spec.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (spec.operationId !== undefined && spec.operationId !== request.operationId) return false;
  if (spec.path instanceof RegExp) return spec.path.test(request.path);
  if (spec.path !== undefined) return spec.path === request.path || spec.path === request.template;
  return true;
}
