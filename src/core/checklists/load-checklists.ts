import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { jsonText, valueAt } from '../../config/value-text.js';
import { lensSchema, toLens } from './aws-lens.js';
import {
  crossCuttingFileSchema,
  revisitTriggersFileSchema,
  tradeOffsFileSchema,
  userChecklistSchema,
  wellArchitectedFileSchema,
} from './schema.js';
import type { Checklists, CustomChecklist, Lens } from './types.js';

/**
 * Turn checklist file texts into the validated `Checklists`. Pure: the caller
 * (src/io/read-checklists.ts) does the reading, so tests, workers and the App
 * (which fetches files from GitHub) share one loader. Every error names the
 * file, the key path, the bad value and, when it can be found, the line.
 */

/** One checklist file: its path as the user should see it, and its text. */
export interface ChecklistFile {
  path: string;
  text: string;
}

/** The four built-in files, recognised by base name wherever they live. */
export const BUILTIN_CHECKLIST_NAMES = ['well-architected', 'trade-offs', 'revisit-triggers', 'cross-cutting'] as const;
type BuiltinName = (typeof BUILTIN_CHECKLIST_NAMES)[number];

/** Larger files are refused: checklists are small, and parsing is not free. */
export const MAX_CHECKLIST_CHARS = 2_000_000;
const MAX_VALUE_CHARS = 60;

/** A checklist that cannot be used; the message says where and why. */
export class ChecklistError extends Error {
  readonly file: string;
  /** Key path of the bad value (`pillars[2].cues[0]`), or '' for file-level problems. */
  readonly key: string;
  readonly line?: number;

  constructor(file: string, key: string, detail: string, options: { line?: number; value?: unknown } = {}) {
    const where = options.line === undefined ? file : `${file}:${options.line}`;
    const what = key ? ` ${key}${'value' in options ? ` = ${showValue(options.value)}` : ''}:` : '';
    super(`${where}:${what} ${detail}`);
    this.name = 'ChecklistError';
    this.file = file;
    this.key = key;
    if (options.line !== undefined) this.line = options.line;
  }
}

/** Render a bad value briefly: JSON, truncated, `(missing)` when absent. */
function showValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const shown = jsonText(value);
  return shown.length > MAX_VALUE_CHARS ? `${shown.slice(0, MAX_VALUE_CHARS - 1)}…` : shown;
}

/** Format a zod path as `pillars[2].cues[0]`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = String(part);
      out += /^[A-Za-z_$][\w$-]*$/.test(key) ? `${out ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** Parse and validate checklist files: the four built-ins, user YAML checklists and AWS lens JSON. */
export function parseChecklistFiles(files: readonly ChecklistFile[]): Checklists {
  const builtins = new Map<BuiltinName, ChecklistFile>();
  const custom: CustomChecklist[] = [];
  const lenses: Lens[] = [];

  for (const file of files) {
    if (file.text.length > MAX_CHECKLIST_CHARS) {
      throw new ChecklistError(file.path, '', `file is larger than ${MAX_CHECKLIST_CHARS} characters`);
    }
    const base = baseName(file.path);
    const ext = /\.(ya?ml|json)$/i.exec(base)?.[1]?.toLowerCase();
    if (ext === 'json') {
      lenses.push(toLens(parseJsonWith(file, lensSchema), file.path));
    } else if (ext === 'yml' || ext === 'yaml') {
      const stem = base.slice(0, base.lastIndexOf('.'));
      const builtin = BUILTIN_CHECKLIST_NAMES.find((name) => name === stem);
      if (builtin) {
        const earlier = builtins.get(builtin);
        if (earlier) throw new ChecklistError(file.path, '', `built-in checklist "${stem}" is defined twice (also ${earlier.path})`);
        builtins.set(builtin, file);
      } else {
        custom.push(toCustom(parseYamlWith(file, userChecklistSchema), file.path));
      }
    } else {
      throw new ChecklistError(
        file.path,
        '',
        'unsupported checklist file: expected a .yml/.yaml checklist or a .json AWS Well-Architected custom lens',
      );
    }
  }

  const need = (name: BuiltinName): ChecklistFile => {
    const file = builtins.get(name);
    if (!file) throw new ChecklistError(`checklists/${name}.yml`, '', 'built-in checklist file is missing');
    return file;
  };
  const wellArchitected = parseYamlWith(need('well-architected'), wellArchitectedFileSchema);
  const tradeOffs = parseYamlWith(need('trade-offs'), tradeOffsFileSchema);
  const triggers = parseYamlWith(need('revisit-triggers'), revisitTriggersFileSchema);
  const crossCutting = parseYamlWith(need('cross-cutting'), crossCuttingFileSchema);

  rejectDuplicateIds(custom, 'checklist');
  rejectDuplicateIds(lenses, 'lens');

  return {
    pillars: wellArchitected.pillars,
    questions: tradeOffs.questions,
    rigor: tradeOffs.rigor,
    mistakes: tradeOffs.mistakes,
    triggerCategories: triggers.categories,
    concreteHint: triggers.concreteHint,
    vaguePhrases: triggers.vaguePhrases,
    concerns: crossCutting.concerns,
    custom,
    lenses,
  };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function toCustom(parsed: z.output<typeof userChecklistSchema>, file: string): CustomChecklist {
  return {
    id: parsed.id,
    name: parsed.name,
    file,
    appliesTo: parsed.appliesTo,
    items: parsed.items.map((item) => ({ id: item.id, text: item.text, cues: item.cues, severity: item.severity })),
  };
}

// Two user checklists with one id would make findings ambiguous.
function rejectDuplicateIds(list: readonly { id: string; file: string }[], what: string): void {
  const seen = new Map<string, string>();
  for (const entry of list) {
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) {
      throw new ChecklistError(entry.file, 'id', `${what} id "${entry.id}" is already used by ${earlier}`, {
        value: entry.id,
      });
    }
    seen.set(entry.id, entry.file);
  }
}

/** Parse a YAML file and validate it; syntax and schema errors become ChecklistErrors with lines. */
function parseYamlWith<S extends z.ZodType>(file: ChecklistFile, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(stripBom(file.text), { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const line = syntaxError.linePos?.[0]?.line;
    const firstLine = syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ChecklistError(file.path, '', `YAML syntax error: ${firstLine}`, line === undefined ? {} : { line });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml throws here for alias bombs ("Excessive alias count").
    throw new ChecklistError(file.path, '', `YAML error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validate(file, schema, data, (path) => lineOf(doc, lineCounter, path));
}

/** Parse a JSON file and validate it; lines come from re-reading the JSON as YAML (a superset). */
function parseJsonWith<S extends z.ZodType>(file: ChecklistFile, schema: S): z.output<S> {
  const text = stripBom(file.text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = jsonErrorLine(text);
    throw new ChecklistError(file.path, '', `JSON syntax error: ${message}`, line === undefined ? {} : { line });
  }
  return validate(file, schema, data, (path) => {
    const lineCounter = new LineCounter();
    try {
      const doc = parseDocument(text, { lineCounter });
      return doc.errors.length > 0 ? undefined : lineOf(doc, lineCounter, path);
    } catch {
      return undefined;
    }
  });
}

function validate<S extends z.ZodType>(
  file: ChecklistFile,
  schema: S,
  data: unknown,
  locate: (path: readonly PropertyKey[]) => number | undefined,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues[0]!;
  // An unknown key is reported on its parent object: point at the key itself.
  const path =
    issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const line = locate(path);
  throw new ChecklistError(file.path, formatKeyPath(path) || '(root)', `${issue.message}${more}`, {
    value: valueAt(data, path),
    ...(line === undefined ? {} : { line }),
  });
}

type YamlDoc = ReturnType<typeof parseDocument>;

// The line of the deepest node that exists on the path: for a missing key that
// is its parent object, which is where the key should be added.
function lineOf(doc: YamlDoc, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    const offset = depth === 0 ? doc.contents?.range?.[0] : node?.range?.[0];
    if (offset !== undefined) return lineCounter.linePos(offset).line;
  }
  return undefined;
}

// Node 20's JSON.parse messages carry no position, so find the first offending
// offset with a small scanner (it only locates; JSON.parse already decided).
function jsonErrorLine(text: string): number | undefined {
  const offset = jsonErrorOffset(text);
  return offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
}

function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonScanError(i);
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const scanString = (): void => {
    i += 1;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i += 1;
        return;
      }
      if (c < ' ') fail();
      i += c === '\\' ? 2 : 1;
    }
    fail();
  };
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const scanValue = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      skipSpace();
      if (text[i] === close) {
        i += 1;
        return;
      }
      for (;;) {
        if (close === '}') {
          skipSpace();
          if (text[i] !== '"') fail();
          scanString();
          skipSpace();
          if (text[i] !== ':') fail();
          i += 1;
        }
        scanValue();
        skipSpace();
        if (text[i] === ',') i += 1;
        else if (text[i] === close) {
          i += 1;
          return;
        } else fail();
      }
    }
    if (c === '"') return scanString();
    literal.lastIndex = i;
    if (!literal.test(text)) fail();
    i = literal.lastIndex;
  };
  try {
    scanValue();
    skipSpace();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    // A RangeError (absurd nesting) just means no line in the message.
    return error instanceof JsonScanError ? Math.min(error.offset, text.length) : undefined;
  }
}

class JsonScanError extends Error {
  constructor(readonly offset: number) {
    super(`JSON error at offset ${offset}`);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
