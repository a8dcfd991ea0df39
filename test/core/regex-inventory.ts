/**
 * Every regular expression in a source tree, found with the TypeScript
 * compiler API (a regex over the source would misread regexes that contain
 * `/`, quotes or `//`): regex literals, and `new RegExp(...)` / `RegExp(...)`
 * whose pattern folds to a constant string. Folding follows string and
 * template literals, `+` and `*`, `const` bindings (also across relative
 * imports), `[...].join(sep)`, `Object.keys({...})` and `re.source`. A
 * pattern that does not fold is reported as dynamic, so a test can list each
 * one with why its input is safe.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** A regular expression whose pattern is known without running the code. */
export interface FoundRegex {
  /** Path relative to the root, POSIX separators. */
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** A `new RegExp(...)` whose pattern or flags depend on run-time values. */
export interface DynamicRegex {
  file: string;
  line: number;
  /** The constructor call as written, whitespace collapsed. */
  text: string;
}

type Folded =
  | { kind: 'string'; value: string }
  | { kind: 'regex'; source: string; flags: string }
  | { kind: 'array'; items: Folded[] }
  | { kind: 'object'; keys: string[] };

function splitRegexLiteral(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

/** Regexes of every `.ts` file under `srcDir`, with paths relative to `root`. */
export function regexInventory(root: string, srcDir: string): { regexes: FoundRegex[]; dynamic: DynamicRegex[] } {
  const files = new Map<string, ts.SourceFile>();
  for (const name of readdirSync(srcDir, { recursive: true }) as string[]) {
    if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
    const path = resolve(srcDir, name);
    files.set(path, ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true));
  }
  const regexes: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  const folding = new Set<ts.Node>();

  /** The initializer of the `const` a name refers to from `at`, in its own scope or an imported module's top level. */
  function constInitializer(name: string, at: ts.Node): ts.Expression | undefined {
    for (let scope: ts.Node | undefined = at.parent; scope; scope = scope.parent) {
      if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return undefined;
      const statements = ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) ? scope.statements : undefined;
      if (!statements) continue;
      for (const statement of statements) {
        if (ts.isVariableStatement(statement)) {
          for (const decl of statement.declarationList.declarations) {
            if (!ts.isIdentifier(decl.name) || decl.name.text !== name) continue;
            return statement.declarationList.flags & ts.NodeFlags.Const ? decl.initializer : undefined;
          }
        }
        if (ts.isSourceFile(scope) && ts.isImportDeclaration(statement)) {
          const imported = importedConst(statement, name);
          if (imported !== null) return imported;
        }
      }
    }
    return undefined;
  }

  /** The exported `const` an import of `name` refers to (undefined: unresolvable; null: not this import). */
  function importedConst(statement: ts.ImportDeclaration, name: string): ts.Expression | undefined | null {
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) return null;
    const spec = bindings.elements.find((e) => e.name.text === name);
    if (!spec) return null;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!from.startsWith('.')) return undefined;
    const target = files.get(resolve(dirname(statement.getSourceFile().fileName), from.replace(/\.js$/, '.ts')));
    if (!target) return undefined;
    const exported = (spec.propertyName ?? spec.name).text;
    for (const s of target.statements) {
      if (!ts.isVariableStatement(s) || !(s.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const decl of s.declarationList.declarations) if (ts.isIdentifier(decl.name) && decl.name.text === exported) return decl.initializer;
    }
    return undefined;
  }

  function fold(node: ts.Expression): Folded | undefined {
    if (folding.has(node)) return undefined;
    folding.add(node);
    try {
      return foldOnce(node);
    } finally {
      folding.delete(node);
    }
  }

  function foldString(node: ts.Expression): string | undefined {
    const f = fold(node);
    return f?.kind === 'string' ? f.value : undefined;
  }

  function foldOnce(node: ts.Expression): Folded | undefined {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text };
    if (ts.isNumericLiteral(node)) return { kind: 'string', value: String(Number(node.text)) };
    if (ts.isRegularExpressionLiteral(node)) return { kind: 'regex', ...splitRegexLiteral(node.text) };
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return fold(node.expression);
    if (ts.isTemplateExpression(node)) {
      let value = node.head.text;
      for (const span of node.templateSpans) {
        const part = foldString(span.expression);
        if (part === undefined) return undefined;
        value += part + span.literal.text;
      }
      return { kind: 'string', value };
    }
    if (ts.isBinaryExpression(node)) {
      const left = foldString(node.left);
      const right = foldString(node.right);
      if (left === undefined || right === undefined) return undefined;
      if (node.operatorToken.kind === ts.SyntaxKind.PlusToken) return { kind: 'string', value: left + right };
      if (node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) return { kind: 'string', value: String(Number(left) * Number(right)) };
      return undefined;
    }
    if (ts.isIdentifier(node)) {
      const init = constInitializer(node.text, node);
      return init ? fold(init) : undefined;
    }
    if (ts.isArrayLiteralExpression(node)) {
      const items: Folded[] = [];
      for (const e of node.elements) {
        const f = fold(e);
        if (!f) return undefined;
        items.push(f);
      }
      return { kind: 'array', items };
    }
    if (ts.isObjectLiteralExpression(node)) {
      const keys: string[] = [];
      for (const p of node.properties) {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return undefined;
        keys.push(p.name.text);
      }
      return { kind: 'object', keys };
    }
    if (ts.isPropertyAccessExpression(node)) {
      const target = fold(node.expression);
      if (target?.kind !== 'regex') return undefined;
      if (node.name.text === 'source') return { kind: 'string', value: target.source };
      if (node.name.text === 'flags') return { kind: 'string', value: target.flags };
      return undefined;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const owner = node.expression.expression;
      if (method === 'join') {
        const array = fold(owner);
        const sep = node.arguments[0] === undefined ? ',' : foldString(node.arguments[0]);
        if (array?.kind !== 'array' || sep === undefined) return undefined;
        const parts = array.items.map((i) => (i.kind === 'string' ? i.value : undefined));
        return parts.every((p) => p !== undefined) ? { kind: 'string', value: parts.join(sep) } : undefined;
      }
      if (method === 'keys' && ts.isIdentifier(owner) && owner.text === 'Object' && node.arguments[0]) {
        const object = fold(node.arguments[0]);
        return object?.kind === 'object' ? { kind: 'array', items: object.keys.map((value) => ({ kind: 'string', value })) } : undefined;
      }
    }
    return undefined;
  }

  for (const [path, sourceFile] of files) {
    const file = relative(root, path).split('\\').join('/');
    const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        regexes.push({ file, line: lineOf(node), ...splitRegexLiteral(node.text) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [patternArg, flagsArg] = node.arguments ?? [];
        const pattern = patternArg ? fold(patternArg) : undefined;
        const flags = flagsArg === undefined ? (pattern?.kind === 'regex' ? pattern.flags : '') : foldString(flagsArg);
        const source = pattern?.kind === 'string' ? pattern.value : pattern?.kind === 'regex' ? pattern.source : undefined;
        if (source !== undefined && flags !== undefined) regexes.push({ file, line: lineOf(node), source, flags });
        else dynamic.push({ file, line: lineOf(node), text: node.getText(sourceFile).replace(/\s+/g, ' ') });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { regexes, dynamic };
}

/** Where the inventory looks: `src/` of this repository. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SOURCE_DIR = join(REPOSITORY_ROOT, 'src');
