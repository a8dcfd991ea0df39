import type { z } from 'zod';
import { didYouMean, meantQuestion, nearestNames, orList } from './nearest-name.js';
import { SEVERITIES } from './schema.js';
import { knownKeysAt } from './schema-keys.js';
import { jsonText, valueAt } from './value-text.js';

/**
 * What a config problem says, from zod's issue: the allowed values, the
 * nearest known key or value, and what to write, in words a YAML author
 * reads (a "mapping", a "list"), never zod's "Invalid input".
 */

/** The key path a problem is about and what to say of it (without file and line). */
export interface IssueText {
  keyPath: (string | number)[];
  detail: string;
}

type Key = string | number;

/** A value as the message quotes it: JSON, cut at 80 characters. */
export function showValue(value: unknown): string {
  const text = jsonText(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const code = (text: string | number) => `\`${text}\``;

/** The text of one zod issue of the config schema; `ruleIds` are the names a `rules` key may take. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown, ruleIds: readonly string[]): IssueText {
  const path = issue.path.filter((k): k is Key => typeof k !== 'symbol');
  const value = valueAt(data, path);
  const got = value === undefined ? '' : `, got ${showValue(value)}`;
  switch (issue.code) {
    case 'unrecognized_keys':
      return { keyPath: [...path, issue.keys[0] ?? ''], detail: unknownKeys(issue.keys, path) };
    case 'invalid_union':
      if (path.length === 2 && path[0] === 'rules') return { keyPath: path, detail: severityProblem(String(path[1]), value) };
      break;
    case 'invalid_key': {
      // The key is what is wrong, not the value under it.
      const key = String(path[path.length - 1] ?? '');
      const inner = issue.issues[0]?.message ?? 'invalid key';
      const near = path.length === 2 && path[0] === 'rules' ? didYouMean(key, ruleIds) : '';
      return { keyPath: path, detail: `${inner} (got ${showValue(key)})${near}` };
    }
    case 'invalid_value': {
      const allowed = orList(issue.values.map((v) => code(String(v))));
      const near = typeof value === 'string' ? nearestNames(value, issue.values.map(String))[0] : undefined;
      if (near !== undefined) return { keyPath: path, detail: `expected ${allowed}${got} — did you mean ${code(near)}?` };
      const example = `${String(path[path.length - 1] ?? 'key')}: ${String(issue.values[0])}`;
      return { keyPath: path, detail: `expected ${allowed}${got}; write e.g. ${code(example)}` };
    }
    case 'invalid_type':
      return { keyPath: path, detail: `expected ${typeWord(issue.expected)}${value === undefined ? '' : got}` };
    case 'too_small':
    case 'too_big':
      return { keyPath: path, detail: `${sizeLimit(issue)}${got}` };
  }
  return { keyPath: path, detail: `${issue.message}${got}` };
}

/** Unknown keys under `path`: each with the nearest known key, or the keys that belong there. */
function unknownKeys(keys: readonly string[], path: readonly Key[]): string {
  const known = knownKeysAt(path) ?? [];
  const where = path.length > 0 ? ` in ${code(path.join('.'))}` : '';
  const suggestions = keys.map((k) => meantQuestion(k, known));
  const list =
    keys.length > 1
      ? `unknown keys ${keys.map((k, i) => `${code(k)}${suggestions[i] ? ` (${suggestions[i]!})` : ''}`).join(', ')}${where}`
      : `unknown key ${code(keys[0] ?? '')}${where}${suggestions[0] ? ` — ${suggestions[0]}` : ''}`;
  if (suggestions.every((s) => s !== '')) return list;
  const them = keys.length > 1 ? 'them' : 'it';
  return `${list}: remove ${them}${known.length > 0 ? `, or use one of ${known.map(code).join(', ')}` : ''} (the configuration reference is in the README)`;
}

/**
 * Settings other linters take and their word here: ESLint's 0 / 1 / 2,
 * remark-lint's `on` and booleans, and the usual names for the two levels.
 */
const SEVERITY_ALIASES = new Map<unknown, (typeof SEVERITIES)[number]>([
  [0, 'off'],
  [1, 'warn'],
  [2, 'error'],
  [false, 'off'],
  [true, 'warn'],
  ['on', 'warn'],
  ['warning', 'warn'],
  ['fatal', 'error'],
  ['err', 'error'],
  ['none', 'off'],
  ['disabled', 'off'],
]);

const SETTING_FORMS = `${orList(SEVERITIES.map(code))}, or \`[severity, {options}]\``;

/** A `rules.<id>` value that is neither a severity nor `[severity, {options}]`. */
function severityProblem(ruleId: string, value: unknown): string {
  const write = (severity: string) => code(`${ruleId}: ${severity}`);
  if (Array.isArray(value)) {
    if (value.length !== 2) return `\`[severity, {options}]\` takes two items, got ${showValue(value)}; for a severity alone write e.g. ${write('warn')}`;
    const [severity, options] = value as unknown[];
    if (!(SEVERITIES as readonly unknown[]).includes(severity)) {
      const meant = severityMeant(severity);
      return `the first item of \`[severity, {options}]\` must be ${orList(SEVERITIES.map(code))}, got ${showValue(severity)}${meant ? `; write ${code(`${ruleId}: [${meant}, ${showValue(options)}]`)}` : ''}`;
    }
    return `the second item of \`[severity, {options}]\` must be a mapping of options, got ${showValue(options)}; write e.g. ${code(`${ruleId}: [${String(severity)}, {}]`)}`;
  }
  const meant = severityMeant(value);
  const quoted = typeof value === 'string' ? `"${value}"` : showValue(value);
  const advice = meant ? `write ${write(meant)}` : `write e.g. ${write('warn')}`;
  return `${quoted} is not a severity: ${advice} (a rule takes ${SETTING_FORMS})`;
}

function severityMeant(value: unknown): string | undefined {
  const key = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if ((SEVERITIES as readonly unknown[]).includes(key)) return key as string;
  return SEVERITY_ALIASES.get(key) ?? (typeof value === 'string' ? nearestNames(value, SEVERITIES)[0] : undefined);
}

function typeWord(expected: string): string {
  switch (expected) {
    case 'object':
    case 'record':
      return 'a mapping (`key: value` lines)';
    case 'array':
    case 'tuple':
      return 'a list (`[a, b]`, or one `- item` per line)';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return '`true` or `false`';
    default:
      return expected;
  }
}

function sizeLimit(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'array':
      return `expected a list of ${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`;
    case 'string':
      return `expected ${small ? 'at least' : 'at most'} ${bound} character${bound === 1 ? '' : 's'}`;
    case 'number':
    case 'int':
      if (inclusive) return `expected a number ${small ? 'of at least' : 'of at most'} ${bound}`;
      return `expected a number ${small ? 'greater' : 'less'} than ${bound}`;
    default:
      return issue.message;
  }
}
