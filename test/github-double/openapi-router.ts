// Maps a concrete request (method + path) to the OpenAPI operation GitHub would route it to.
import { readFileSync } from 'node:fs';
import {
  HTTP_METHODS,
  loadGitHubOpenApi,
  ROUTING_SPEC_KEY,
  slimOpenApi,
  type HttpMethod,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiParameter,
} from './openapi-spec.js';

/** Everything the double needs to know about one operation of the description. */
export interface OperationInfo {
  operationId: string;
  method: HttpMethod;
  template: string;
  parameters: OpenApiParameter[];
  requestBodySchema: JsonSchema | undefined;
  requestBodyRequired: boolean;
  /** Media types the operation accepts; a JSON schema is only validated for application/json. */
  requestBodyMediaTypes: string[];
  /** Response codes the description lists; their schemas: `responseSchema` in openapi-spec.ts. */
  responseCodes: string[];
}

export interface RouteMatch {
  operation: OperationInfo;
  /** Decoded path parameters; a multi-segment parameter keeps its inner `/`. */
  pathParams: Record<string, string>;
}

export type RouteResult =
  | { kind: 'matched'; match: RouteMatch }
  | { kind: 'unknown-path' }
  | { kind: 'unknown-method'; template: string; allowed: HttpMethod[] };

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string; greedy: boolean }
  // `{base}...{head}` in the compare endpoint: several parameters inside one segment.
  | { kind: 'pattern'; regex: RegExp; names: string[] };

interface RouteTemplate {
  template: string;
  segments: Segment[];
  operations: Map<HttpMethod, OperationInfo>;
}

// Specificity of each segment kind: a literal beats a pattern, which beats a parameter, and a
// parameter that may swallow several segments loses to everything.
const RANK = { literal: 0, pattern: 1, param: 2, greedy: 3 } as const;

let routes: RouteTemplate[] | undefined;
let routing: OpenApiDocument | undefined;
let routingLoads = 0;

/** The routing description: the global setup's file when there is one, else derived here; once per process. */
export function routingOpenApi(): OpenApiDocument {
  if (routing === undefined) {
    // The variable the global setup sets before the test workers start; benchmarks run without it.
    const file = process.env[ROUTING_SPEC_KEY];
    routing = file ? (JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument) : slimOpenApi(loadGitHubOpenApi());
    routingLoads += 1;
  }
  return routing;
}

/** How many times this process has read the routing description (tests assert it stays at one). */
export function openApiLoadCount(): number {
  return routingLoads;
}

/** The route table built from every path template and method in the description (built once). */
export function routeTable(): readonly RouteTemplate[] {
  if (routes === undefined) routes = buildRoutes();
  return routes;
}

function buildRoutes(): RouteTemplate[] {
  const spec = routingOpenApi();
  const table: RouteTemplate[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const operations = new Map<HttpMethod, OperationInfo>();
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const content = op.requestBody?.content ?? {};
      operations.set(method, {
        operationId: op.operationId,
        method,
        template,
        parameters,
        requestBodySchema: content['application/json']?.schema,
        requestBodyRequired: op.requestBody?.required === true,
        requestBodyMediaTypes: Object.keys(content),
        responseCodes: Object.keys(op.responses),
      });
    }
    const multiSegment = new Set(
      [...operations.values()].flatMap((o) => o.parameters.filter((p) => p['x-multi-segment'] === true).map((p) => p.name)),
    );
    table.push({ template, segments: parseTemplate(template, multiSegment), operations });
  }
  return table;
}

function parseTemplate(template: string, multiSegment: Set<string>): Segment[] {
  return template
    .replace(/\/+$/, '')
    .split('/')
    .slice(1)
    .map((part): Segment => {
      const whole = /^\{([^}]+)\}$/.exec(part);
      // `ref` is not flagged multi-segment in the description, yet GitHub accepts an unencoded
      // `heads/feature/x` there (Octokit encodes the slash, hand-written URLs often do not).
      if (whole) return { kind: 'param', name: whole[1]!, greedy: multiSegment.has(whole[1]!) || whole[1] === 'ref' };
      if (!part.includes('{')) return { kind: 'literal', value: part };
      const names: string[] = [];
      const source = part.replace(/\{([^}]+)\}|[^{]+/g, (m, name: string | undefined) => {
        if (name === undefined) return m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '(.+?)';
      });
      return { kind: 'pattern', regex: new RegExp(`^${source}$`), names };
    });
}

/** Routes a request path (already stripped of any `/api/v3` prefix) to its operation, most specific template first. */
export function matchRoute(method: string, pathname: string): RouteResult {
  const concrete = pathname.replace(/\/+$/, '').split('/').slice(1);
  let best: { route: RouteTemplate; params: Record<string, string>; rank: number[] } | undefined;
  for (const route of routeTable()) {
    const found = matchSegments(route.segments, 0, concrete, 0);
    if (found === undefined) continue;
    if (best === undefined || compareRanks(found.rank, best.rank) < 0) best = { route, ...found };
  }
  if (best === undefined) return { kind: 'unknown-path' };
  const operation = best.route.operations.get(method.toLowerCase() as HttpMethod);
  if (operation === undefined) {
    return { kind: 'unknown-method', template: best.route.template, allowed: [...best.route.operations.keys()] };
  }
  return { kind: 'matched', match: { operation, pathParams: best.params } };
}

interface SegmentsMatch {
  params: Record<string, string>;
  rank: number[];
}

function matchSegments(segments: Segment[], si: number, concrete: string[], ci: number): SegmentsMatch | undefined {
  if (si === segments.length) return ci === concrete.length ? { params: {}, rank: [] } : undefined;
  if (ci >= concrete.length) return undefined;
  const segment = segments[si]!;
  const raw = concrete[ci]!;
  if (segment.kind === 'literal') {
    if (raw !== segment.value) return undefined;
    return prepend(matchSegments(segments, si + 1, concrete, ci + 1), RANK.literal, {});
  }
  if (segment.kind === 'pattern') {
    const m = segment.regex.exec(decode(raw));
    if (!m) return undefined;
    const params = Object.fromEntries(segment.names.map((n, i) => [n, m[i + 1]!]));
    return prepend(matchSegments(segments, si + 1, concrete, ci + 1), RANK.pattern, params);
  }
  if (raw === '') return undefined;
  if (!segment.greedy) {
    return prepend(matchSegments(segments, si + 1, concrete, ci + 1), RANK.param, { [segment.name]: decode(raw) });
  }
  // A greedy parameter takes as few segments as it can while the rest of the template still matches.
  for (let end = ci + 1; end <= concrete.length; end += 1) {
    const rest = matchSegments(segments, si + 1, concrete, end);
    if (rest === undefined) continue;
    const value = concrete.slice(ci, end).map(decode).join('/');
    // Rank every swallowed segment, so a template that matches more of the path literally wins.
    const ranks = end - ci > 1 ? Array<number>(end - ci).fill(RANK.greedy) : [RANK.param];
    return prepend(rest, ranks, { [segment.name]: value });
  }
  return undefined;
}

function prepend(rest: SegmentsMatch | undefined, rank: number | number[], params: Record<string, string>): SegmentsMatch | undefined {
  if (rest === undefined) return undefined;
  return { params: { ...params, ...rest.params }, rank: [...(Array.isArray(rank) ? rank : [rank]), ...rest.rank] };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
