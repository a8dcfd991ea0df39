/**
 * Front matter: the YAML (`---`) or TOML (`+++`) block remark-frontmatter puts
 * first in the tree. Invalid front matter becomes a ParseProblem pointing at
 * the offending line, so the author learns what to fix instead of silently
 * losing status and date.
 */
import type { Root } from 'mdast';
import { parseDocument, visit, type Document } from 'yaml';
import type { ParseProblem } from './model.js';
import { readToml } from './front-matter-toml.js';

/** Rule id of problems found while reading front matter. */
export const FRONT_MATTER_RULE = 'front-matter-yaml';

/** Front matter as read: data (null when absent or invalid), where it starts, the raw lines. */
export interface FrontMatter {
  data: Record<string, unknown> | null;
  /** Line of the opening fence. */
  line?: number;
  /** Raw lines between the fences, to locate keys. */
  lines: string[];
  problems: ParseProblem[];
}

/** Read the front matter block of a tree (first child of type yaml/toml). */
export function readFrontMatter(tree: Root): FrontMatter {
  const node = tree.children[0];
  if (!node || (node.type !== 'yaml' && (node.type as string) !== 'toml')) {
    return { data: null, lines: [], problems: [] };
  }
  const value = (node as { value: string }).value;
  const line = node.position?.start.line ?? 1;
  const lines = value.split('\n');
  if ((node.type as string) === 'toml') {
    const result = readToml(value);
    if ('error' in result) {
      return {
        data: null,
        line,
        lines,
        problems: [
          {
            ruleId: FRONT_MATTER_RULE,
            line: line + result.error.line,
            column: 1,
            message: `Invalid TOML front matter: ${result.error.reason}. Fix this line between the +++ fences.`,
          },
        ],
      };
    }
    return { data: result.data, line, lines, problems: [] };
  }
  return { ...readYaml(value, line), line, lines };
}

function readYaml(value: string, fenceLine: number): { data: Record<string, unknown> | null; problems: ParseProblem[] } {
  const doc = parseDocument(value, { prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    // linePos is 1-based within the block; the block starts the line after the fence.
    const pos = error.linePos?.[0];
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return {
      data: null,
      problems: [
        {
          ruleId: FRONT_MATTER_RULE,
          line: fenceLine + (pos?.line ?? 1),
          column: pos?.col ?? 1,
          message: `Invalid YAML front matter: ${reason}. Fix the YAML between the --- lines (quote values that contain ": " or start with "[", "{", "*", "@" or "#").`,
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // Some invalid YAML parses without errors and throws only when built:
    // `status: **provisional**|implementable` is an alias to an anchor never set.
    return { data: null, problems: [toJsProblem(doc, value, fenceLine, error)] };
  }
  if (data === null || data === undefined) return { data: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      data: null,
      problems: [
        {
          ruleId: FRONT_MATTER_RULE,
          line: fenceLine + 1,
          column: 1,
          message: 'Unexpected front matter that is not a list of `key: value` pairs, expected e.g. `status: accepted`.',
        },
      ],
    };
  }
  return { data: data as Record<string, unknown>, problems: [] };
}

/** How yaml's error for an alias without its anchor starts; the alias's name follows. */
const UNRESOLVED_ALIAS = 'Unresolved alias (the anchor must be set before the alias): ';

/** Values longer than this are not repeated in full in the quoting advice. */
const MAX_QUOTED_VALUE = 80;

/**
 * The problem of a YAML block that parsed but could not be built: an alias
 * whose anchor is not set (a value starting with `*`, as template choice lists
 * `**a**|b|c` do), or too many aliases. It points at the alias's line and says
 * to quote the value, instead of letting the error skip the whole document.
 */
function toJsProblem(doc: Document, value: string, fenceLine: number, error: unknown): ParseProblem {
  const full = error instanceof Error ? error.message : String(error);
  const reason = full.slice(0, 200);
  const unresolved = full.startsWith(UNRESOLVED_ALIAS) ? full.slice(UNRESOLVED_ALIAS.length) : undefined;
  // yaml builds in document order, so the first alias of that name is the one that failed.
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (unresolved !== undefined && node.source !== unresolved) return undefined;
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  if (offset === undefined) {
    return {
      ruleId: FRONT_MATTER_RULE,
      line: fenceLine + 1,
      column: 1,
      message: `Invalid YAML front matter: ${reason}. Fix the YAML between the --- lines (quote values that contain ": " or start with "[", "{", "*", "@" or "#").`,
    };
  }
  const lineStart = value.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = value.indexOf('\n', offset);
  const lineText = value.slice(lineStart, lineEnd < 0 ? value.length : lineEnd);
  const line = fenceLine + 1 + countNewlines(value, lineStart);
  const column = offset - lineStart + 1;
  if (unresolved === undefined) {
    return { ruleId: FRONT_MATTER_RULE, line, column, message: `Invalid YAML front matter: ${reason}. Use fewer aliases (\`*name\`), or quote values that start with "*".` };
  }
  const key = /^\s*([A-Za-z0-9_-]+)\s*:/.exec(lineText)?.[1];
  const written = withoutYamlComment(lineText.slice(column - 1)).trim();
  const example = written.length <= MAX_QUOTED_VALUE && !written.includes('"') ? `"${written}"` : '"…"';
  const what = key ? `the value of \`${key}\`` : 'a value';
  return {
    ruleId: FRONT_MATTER_RULE,
    line,
    column,
    message:
      `Invalid YAML front matter: ${what} starts with "*", which YAML reads as an alias of an anchor (\`&name\`) that this front matter does not set. ` +
      `Quote the value (${key ? `\`${key}: ${example}\`` : example}); if it is a template's list of choices, keep only the one that applies.`,
  };
}

/** How many line feeds `text` has before `end`. */
function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** Line of a top-level front matter key (first of the given spellings), or the fence line when not found. */
export function frontMatterKeyLine(fm: FrontMatter, keys: string[]): number {
  const fence = fm.line ?? 1;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (let i = 0; i < fm.lines.length; i += 1) {
    const m = /^([A-Za-z0-9_-]+)\s*[:=]/.exec(fm.lines[i]!);
    if (m && wanted.has(m[1]!.toLowerCase())) return fence + 1 + i;
  }
  return fence;
}

/** The first front matter value under any of the given keys (case-insensitive). */
export function frontMatterValue(data: Record<string, unknown> | null, keys: string[]): unknown {
  if (!data) return undefined;
  for (const key of keys) {
    const lower = key.toLowerCase();
    for (const k of Object.keys(data)) {
      if (k.toLowerCase() === lower && data[k] !== undefined && data[k] !== null) return data[k];
    }
  }
  return undefined;
}

/**
 * The text written after a top-level key, as in the source (`status: {proposed
 * | accepted}` gives `{proposed | accepted}`), with its line and column; a
 * trailing comment is dropped. Undefined when no line holds one of the keys.
 */
export function frontMatterEntryText(fm: FrontMatter, keys: string[]): { text: string; line: number; column: number } | undefined {
  const fence = fm.line ?? 1;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (let i = 0; i < fm.lines.length; i += 1) {
    const raw = fm.lines[i]!;
    const m = /^([A-Za-z0-9_-]+)\s*[:=]\s*/.exec(raw);
    if (!m || !wanted.has(m[1]!.toLowerCase())) continue;
    let text = raw.slice(m[0].length).trimEnd();
    const closing = text.startsWith('{') ? text.lastIndexOf('}') : text.startsWith('[') ? text.lastIndexOf(']') : -1;
    text = closing > 0 ? text.slice(0, closing + 1) : withoutYamlComment(text);
    return { text, line: fence + 1 + i, column: m[0].length + 1 };
  }
  return undefined;
}

/**
 * A YAML value without its trailing ` # comment`: what `.replace(/\s+#.*$/, '')`
 * gave, without rescanning the line from every run of spaces. The comment is the
 * first `#` after whitespace with no line separator after it.
 */
function withoutYamlComment(text: string): string {
  const lastBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => text.lastIndexOf(c)));
  for (let hash = text.indexOf('#', lastBreak + 1); hash !== -1; hash = text.indexOf('#', hash + 1)) {
    if (hash === 0 || !/\s/.test(text[hash - 1]!)) continue;
    let start = hash - 1;
    while (start > 0 && /\s/.test(text[start - 1]!)) start -= 1;
    return text.slice(0, start);
  }
  return text;
}

/** True for a value a scalar key can hold: a string, number, boolean, date or nothing. */
export function isScalarValue(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object' || value instanceof Date;
}

/**
 * True for a map YAML made of template guidance: `{list everyone involved}`
 * reads as a flow map whose keys are the guidance words and whose values are
 * all empty. A real map (`{issue: 123}`) has values.
 */
export function isGuidanceMap(value: unknown): boolean {
  if (isScalarValue(value) || Array.isArray(value)) return false;
  const values = Object.values(value as Record<string, unknown>);
  return values.length > 0 && values.every((v) => v === null);
}

/** A scalar front matter value as text: Date objects become ISO dates (YAML 1.1 timestamps). */
export function scalarText(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
