// GitHub's official OpenAPI description (api.github.com, dereferenced), read once per process.
// The file is ~70 MB: loading it lazily keeps test files that never start a double fast, and
// caching it keeps every double in a process (and every request) from paying for it again.
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

let cached: OpenApiDocument | undefined;
let loads = 0;

/** GitHub's dereferenced api.github.com OpenAPI document, parsed on first use and cached for the process. */
export function loadGitHubOpenApi(): OpenApiDocument {
  if (cached === undefined) {
    const file = createRequire(import.meta.url).resolve(SPEC_MODULE);
    cached = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    loads += 1;
  }
  return cached;
}

/** How many times this process has parsed the OpenAPI file (tests assert it stays at one). */
export function openApiLoadCount(): number {
  return loads;
}
