// GitHub's official OpenAPI description (api.github.com, dereferenced), read once per process.
// The file is ~70 MB (1.5 s of CPU and 250 MB to parse): routing and request checks need only
// its paths, parameters and request bodies (1.4 MB, `routingOpenApi` in openapi-router.ts), which the test run's global
// setup writes once (test/helpers/openapi-global-setup.ts); only the double's own response-shape
// test reads the whole description, for the response schemas.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** JSON Schema as it appears in the description (OpenAPI 3.0 flavour: `nullable`, `example`, ...). */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  /** GitHub's extension: the parameter may contain `/` (contents paths, tree shas given as refs). */
  'x-multi-segment'?: boolean;
}

export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>> & { parameters?: OpenApiParameter[] };

export interface OpenApiDocument {
  openapi: string;
  info: { version: string };
  paths: Record<string, OpenApiPathItem>;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

const SPEC_MODULE = '@octokit/openapi/generated/api.github.com.deref.json';

/** The environment variable naming the routing description the global setup wrote (unset outside a test run). */
export const ROUTING_SPEC_KEY = 'DESIGN_REVIEW_TEST_OPENAPI_ROUTING';

let cached: OpenApiDocument | undefined;

/** GitHub's dereferenced api.github.com OpenAPI document, parsed on first use and cached for the process. */
export function loadGitHubOpenApi(): OpenApiDocument {
  if (cached === undefined) {
    const file = createRequire(import.meta.url).resolve(SPEC_MODULE);
    cached = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  }
  return cached;
}

/**
 * The description without response schemas: every path, method, parameter and request body,
 * each operation's response codes. What the router and the request checks read.
 */
export function slimOpenApi(doc: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, OpenApiPathItem> = {};
  for (const [template, item] of Object.entries(doc.paths)) {
    const slim: OpenApiPathItem = item.parameters ? { parameters: item.parameters } : {};
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      slim[method] = {
        operationId: op.operationId,
        ...(op.parameters ? { parameters: op.parameters } : {}),
        ...(op.requestBody ? { requestBody: op.requestBody } : {}),
        responses: Object.fromEntries(Object.keys(op.responses).map((code) => [code, {}])),
      };
    }
    paths[template] = slim;
  }
  return { openapi: doc.openapi, info: { version: doc.info.version }, paths };
}

/** JSON schema of an operation's application/json response for a status, from the whole description. */
export function responseSchema(template: string, method: HttpMethod, status: string): JsonSchema | undefined {
  return loadGitHubOpenApi().paths[template]?.[method]?.responses[status]?.content?.['application/json']?.schema;
}
