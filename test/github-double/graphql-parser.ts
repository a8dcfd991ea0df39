// A small GraphQL parser for the query subset the double executes: operations with variables,
// fields with aliases and arguments, inline fragments, named fragments and @skip/@include.
// Enum values (`states: OPEN`) stay apart from strings (`"OPEN"`), which GitHub refuses for enums.
// The `graphql` package is not installed; this recursive-descent parser is bounded (source
// size, token count, nesting depth) so a bad query fails fast instead of hanging a test.

export type GraphQLValue =
  | { kind: 'variable'; name: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; values: GraphQLValue[] }
  | { kind: 'object'; fields: Record<string, GraphQLValue> };

export interface Directive {
  name: string;
  args: Record<string, GraphQLValue>;
}

export interface FieldNode {
  kind: 'field';
  alias: string | undefined;
  name: string;
  args: Record<string, GraphQLValue>;
  directives: Directive[];
  selections: Selection[] | undefined;
}

export interface InlineFragmentNode {
  kind: 'inline';
  typeCondition: string | undefined;
  directives: Directive[];
  selections: Selection[];
}

export interface FragmentSpreadNode {
  kind: 'spread';
  name: string;
  directives: Directive[];
}

export type Selection = FieldNode | InlineFragmentNode | FragmentSpreadNode;

export interface VariableDefinition {
  name: string;
  type: string;
  defaultValue: GraphQLValue | undefined;
}

export interface OperationNode {
  operation: 'query' | 'mutation' | 'subscription';
  name: string | undefined;
  variables: VariableDefinition[];
  selections: Selection[];
}

export interface GraphQLDocument {
  operations: OperationNode[];
  fragments: Map<string, { typeCondition: string; selections: Selection[] }>;
}

/** A query the parser rejects; its message reads like GitHub's "Parse error on ...". */
export class GraphQLSyntaxError extends Error {}

const MAX_SOURCE = 200_000;
const MAX_TOKENS = 50_000;
const MAX_DEPTH = 30;

type Token = { kind: 'punct' | 'name' | 'number' | 'string' | 'eof'; value: string; raw: unknown };

function tokenize(source: string): Token[] {
  if (source.length > MAX_SOURCE) throw new GraphQLSyntaxError(`query is longer than ${MAX_SOURCE} characters`);
  const tokens: Token[] = [];
  const re = /([\s,\ufeff]+|#[^\n\r]*)|(\.\.\.|[!$&()\:=@\[\]{|}])|([_A-Za-z][_0-9A-Za-z]*)|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*")/y;
  let at = 0;
  while (at < source.length) {
    re.lastIndex = at;
    const m = re.exec(source);
    if (!m) throw new GraphQLSyntaxError(`Parse error on "${source.slice(at, at + 10)}" at ${at}`);
    at = re.lastIndex;
    if (m[1] !== undefined) continue;
    if (m[2] !== undefined) tokens.push({ kind: 'punct', value: m[2], raw: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'name', value: m[3], raw: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'number', value: m[4], raw: Number(m[4]) });
    else {
      const text = m[5]!;
      const value = text.startsWith('"""') ? text.slice(3, -3) : (JSON.parse(text) as string);
      tokens.push({ kind: 'string', value, raw: value });
    }
    if (tokens.length > MAX_TOKENS) throw new GraphQLSyntaxError(`query has more than ${MAX_TOKENS} tokens`);
  }
  tokens.push({ kind: 'eof', value: '', raw: undefined });
  return tokens;
}

/** Parses a GraphQL document; throws GraphQLSyntaxError with GitHub-like "Parse error" messages. */
export function parseGraphQL(source: string): GraphQLDocument {
  const tokens = tokenize(source);
  let i = 0;
  let depth = 0;
  const peek = (): Token => tokens[i]!;
  const fail = (): never => {
    const t = peek();
    throw new GraphQLSyntaxError(t.kind === 'eof' ? 'Parse error on end of query' : `Parse error on "${t.value}" (${t.kind.toUpperCase()})`);
  };
  const isPunct = (value: string): boolean => peek().kind === 'punct' && peek().value === value;
  const expect = (value: string): void => {
    if (!isPunct(value)) fail();
    i += 1;
  };
  const name = (): string => {
    if (peek().kind !== 'name') fail();
    return tokens[i++]!.value;
  };

  const value = (constant: boolean): GraphQLValue => {
    const t = peek();
    if (t.kind === 'punct' && t.value === '$' && !constant) {
      i += 1;
      return { kind: 'variable', name: name() };
    }
    if (t.kind === 'number' || t.kind === 'string') {
      i += 1;
      return { kind: 'literal', value: t.raw };
    }
    if (t.kind === 'name') {
      i += 1;
      if (t.value === 'true' || t.value === 'false') return { kind: 'literal', value: t.value === 'true' };
      return t.value === 'null' ? { kind: 'literal', value: null } : { kind: 'enum', value: t.value };
    }
    if (isPunct('[')) {
      i += 1;
      const values: GraphQLValue[] = [];
      while (!isPunct(']')) values.push(value(constant));
      i += 1;
      return { kind: 'list', values };
    }
    if (isPunct('{')) {
      i += 1;
      const fields: Record<string, GraphQLValue> = {};
      while (!isPunct('}')) {
        const key = name();
        expect(':');
        fields[key] = value(constant);
      }
      i += 1;
      return { kind: 'object', fields };
    }
    return fail();
  };

  const args = (): Record<string, GraphQLValue> => {
    const out: Record<string, GraphQLValue> = {};
    if (!isPunct('(')) return out;
    i += 1;
    while (!isPunct(')')) {
      const key = name();
      expect(':');
      out[key] = value(false);
    }
    i += 1;
    return out;
  };

  const directives = (): Directive[] => {
    const out: Directive[] = [];
    while (isPunct('@')) {
      i += 1;
      out.push({ name: name(), args: args() });
    }
    return out;
  };

  const selectionSet = (): Selection[] => {
    expect('{');
    depth += 1;
    if (depth > MAX_DEPTH) throw new GraphQLSyntaxError(`query is nested deeper than ${MAX_DEPTH} levels`);
    const out: Selection[] = [];
    while (!isPunct('}')) {
      if (peek().kind === 'eof') fail();
      if (isPunct('...')) {
        i += 1;
        if (peek().kind === 'name' && peek().value === 'on') {
          i += 1;
          const typeCondition = name();
          out.push({ kind: 'inline', typeCondition, directives: directives(), selections: selectionSet() });
        } else if (peek().kind === 'name') {
          out.push({ kind: 'spread', name: name(), directives: directives() });
        } else {
          out.push({ kind: 'inline', typeCondition: undefined, directives: directives(), selections: selectionSet() });
        }
        continue;
      }
      let alias: string | undefined;
      let fieldName = name();
      if (isPunct(':')) {
        i += 1;
        alias = fieldName;
        fieldName = name();
      }
      const fieldArgs = args();
      const fieldDirectives = directives();
      out.push({ kind: 'field', alias, name: fieldName, args: fieldArgs, directives: fieldDirectives, selections: isPunct('{') ? selectionSet() : undefined });
    }
    i += 1;
    depth -= 1;
    return out;
  };

  const typeRef = (): string => {
    let text: string;
    if (isPunct('[')) {
      i += 1;
      text = `[${typeRef()}]`;
      expect(']');
    } else {
      text = name();
    }
    if (isPunct('!')) {
      i += 1;
      text += '!';
    }
    return text;
  };

  const doc: GraphQLDocument = { operations: [], fragments: new Map() };
  while (peek().kind !== 'eof') {
    if (isPunct('{')) {
      doc.operations.push({ operation: 'query', name: undefined, variables: [], selections: selectionSet() });
      continue;
    }
    const keyword = name();
    if (keyword === 'fragment') {
      const fragmentName = name();
      if (name() !== 'on') fail();
      const typeCondition = name();
      directives();
      doc.fragments.set(fragmentName, { typeCondition, selections: selectionSet() });
      continue;
    }
    if (keyword !== 'query' && keyword !== 'mutation' && keyword !== 'subscription') {
      i -= 1;
      fail();
    }
    const operationName = peek().kind === 'name' ? name() : undefined;
    const variables: VariableDefinition[] = [];
    if (isPunct('(')) {
      i += 1;
      while (!isPunct(')')) {
        expect('$');
        const variable = name();
        expect(':');
        const type = typeRef();
        let defaultValue: GraphQLValue | undefined;
        if (isPunct('=')) {
          i += 1;
          defaultValue = value(true);
        }
        variables.push({ name: variable, type, defaultValue });
      }
      i += 1;
    }
    directives();
    doc.operations.push({ operation: keyword as OperationNode['operation'], name: operationName, variables, selections: selectionSet() });
  }
  if (doc.operations.length === 0) throw new GraphQLSyntaxError('Parse error: the document has no operation');
  return doc;
}
