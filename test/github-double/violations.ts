// What the double reports when a request does not follow GitHub's OpenAPI description.

export type ViolationKind =
  | 'unknown-path'
  | 'unknown-method'
  | 'path-parameter'
  | 'query-parameter'
  | 'request-body'
  | 'graphql-body'
  | 'graphql-query';

export interface Violation {
  kind: ViolationKind;
  method: string;
  /** The request path as sent, without the query string. */
  path: string;
  operationId: string | undefined;
  message: string;
}

/** A violation before the request it belongs to is known. */
export type ViolationFinding = Pick<Violation, 'kind' | 'message'>;
