// The GraphQL executor's object model, shared by the schema parts of the double.
import type { GraphQLValue } from '../graphql-parser.js';

/** Where a field is resolved: its response path and its arguments as written (enums apart from strings). */
export interface FieldInfo {
  fieldName: string;
  path: (string | number)[];
  rawArgs: Record<string, GraphQLValue>;
}

/** One object of the schema: its type, the interfaces it implements and its field resolvers. */
export interface GqlObject {
  typename: string;
  /** Interfaces the type implements, for `... on GitObject` and friends. */
  implements: string[];
  fields: Record<string, (args: Record<string, unknown>, info: FieldInfo) => unknown>;
}

/** One entry of a response's `errors`, shaped as GitHub writes them. */
export interface GqlError {
  message: string;
  type?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** A query GitHub refuses before executing it: the answer holds `errors` only. */
export class QueryInvalid extends Error {
  constructor(readonly error: GqlError) {
    super(error.message);
  }
}
