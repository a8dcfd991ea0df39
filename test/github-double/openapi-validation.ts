// Checks a routed request's parameters and JSON body against its OpenAPI operation.
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { OperationInfo } from './openapi-router.js';
import { responseSchema, type JsonSchema, type OpenApiParameter } from './openapi-spec.js';
import type { ViolationFinding } from './violations.js';

// One compiler for the process; each operation's body validator is compiled on first use
// (compiling all ~1,100 up front would cost seconds no test needs).
let ajv: Ajv | undefined;
const bodyValidators = new Map<string, ValidateFunction | Error>();

function compiler(): Ajv {
  if (ajv === undefined) {
    ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    ajvFormats.default(ajv);
    // Formats GitHub's description uses that JSON Schema does not define.
    ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/);
    ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
    ajv.addFormat('binary', true);
  }
  return ajv;
}

/** Violations in the path and query parameters of a routed request. */
export function validateParameters(
  operation: OperationInfo,
  pathParams: Record<string, string>,
  query: URLSearchParams,
): ViolationFinding[] {
  const findings: ViolationFinding[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') {
      const problem = checkParameterValue(parameter, pathParams[parameter.name]);
      if (problem) findings.push({ kind: 'path-parameter', message: problem });
    } else if (parameter.in === 'query') {
      const value = query.get(parameter.name) ?? undefined;
      if (value === undefined) {
        if (parameter.required) findings.push({ kind: 'query-parameter', message: `missing required query parameter "${parameter.name}"` });
        continue;
      }
      const problem = checkParameterValue(parameter, value);
      if (problem) findings.push({ kind: 'query-parameter', message: problem });
    }
  }
  // GitHub silently ignores unknown query parameters, so a typo (`per_pag`) would go unnoticed there.
  const known = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of new Set(query.keys())) {
    if (!known.has(name)) {
      findings.push({ kind: 'query-parameter', message: `unknown query parameter "${name}" for ${operation.operationId}` });
    }
  }
  return findings;
}

function checkParameterValue(parameter: OpenApiParameter, value: string | undefined): string | undefined {
  const label = `${parameter.in} parameter "${parameter.name}"`;
  if (value === undefined) return `missing ${label}`;
  const schema = parameter.schema ?? {};
  const type = schema['type'];
  if (type === 'integer' && !/^-?\d+$/.test(value)) return `${label} must be an integer, got "${value}"`;
  if (type === 'number' && !Number.isFinite(Number(value))) return `${label} must be a number, got "${value}"`;
  if (type === 'boolean' && value !== 'true' && value !== 'false') return `${label} must be true or false, got "${value}"`;
  const allowed = schema['enum'];
  if (Array.isArray(allowed) && !allowed.map(String).includes(value)) {
    return `${label} must be one of ${allowed.join(', ')}, got "${value}"`;
  }
  return undefined;
}

/** Violations in a request body: missing when required, unexpected, or not matching the JSON schema. */
export function validateBody(operation: OperationInfo, body: unknown, hasBody: boolean): ViolationFinding[] {
  if (!hasBody) {
    return operation.requestBodyRequired
      ? [{ kind: 'request-body', message: `${operation.operationId} requires a request body` }]
      : [];
  }
  if (operation.requestBodyMediaTypes.length === 0) {
    // Octokit sends `{}` for a body-less call only when given no extra parameters; keys here mean a mistake.
    const empty = body === null || (typeof body === 'object' && Object.keys(body).length === 0);
    return empty ? [] : [{ kind: 'request-body', message: `${operation.operationId} takes no request body` }];
  }
  const validate = bodyValidator(operation);
  if (validate === undefined) return [];
  if (validate(body)) return [];
  const details = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${describeParams(e.params)}`);
  return [{ kind: 'request-body', message: `invalid body for ${operation.operationId}: ${[...new Set(details)].join('; ')}` }];
}

function describeParams(params: Record<string, unknown>): string {
  if (Array.isArray(params['allowedValues'])) return ` (${params['allowedValues'].join(', ')})`;
  if (typeof params['additionalProperty'] === 'string') return ` (${params['additionalProperty']})`;
  return '';
}

function bodyValidator(operation: OperationInfo): ValidateFunction | undefined {
  const schema = operation.requestBodySchema;
  if (schema === undefined) return undefined;
  let validate = bodyValidators.get(operation.operationId);
  if (validate === undefined) {
    try {
      validate = compiler().compile(toJsonSchema(schema));
    } catch (error) {
      // A schema ajv cannot compile is a gap in the double, not in the request: skip it, loudly once.
      validate = error instanceof Error ? error : new Error(String(error));
      process.emitWarning(`github-double: cannot compile body schema of ${operation.operationId}: ${validate.message}`);
    }
    bodyValidators.set(operation.operationId, validate);
  }
  return validate instanceof Error ? undefined : validate;
}

const responseValidators = new Map<string, ValidateFunction | Error>();

/**
 * Problems in a response body against the operation's JSON response schema for that status
 * (the double checks its own answers with this in its tests; undefined when no schema applies).
 */
export function responseProblems(operation: OperationInfo, status: number, body: unknown): string[] | undefined {
  const key = `${operation.operationId} ${status}`;
  let validate = responseValidators.get(key);
  if (validate === undefined) {
    const schema = responseSchema(operation.template, operation.method, String(status));
    if (schema === undefined) return undefined;
    try {
      validate = compiler().compile(toJsonSchema(schema));
    } catch (error) {
      validate = error instanceof Error ? error : new Error(String(error));
    }
    responseValidators.set(key, validate);
  }
  if (validate instanceof Error) return [`schema does not compile: ${validate.message}`];
  if (validate(body)) return [];
  return [...new Set((validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${describeParams(e.params)}`))];
}

/** Rewrites OpenAPI 3.0 schema dialect (`nullable`) into plain JSON Schema that ajv understands. */
export function toJsonSchema(schema: unknown): JsonSchema {
  return convert(schema) as JsonSchema;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' || key === 'patternProperties') {
      // Keys here are property names, not keywords: every value is a schema.
      out[key] = Object.fromEntries(Object.entries(value as object).map(([name, sub]) => [name, convert(sub)]));
    } else {
      // `example`, `enum` and `default` hold data, not schemas: converting them could corrupt them.
      out[key] = DATA_KEYWORDS.has(key) ? value : convert(value);
    }
  }
  if (out['nullable'] !== true) return out;
  delete out['nullable'];
  if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
  if (typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null'];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const DATA_KEYWORDS = new Set(['example', 'examples', 'enum', 'default', 'const']);
