import type { z } from 'zod';
import { orList } from './nearest-name.js';
import { jsonText } from './value-text.js';
import { ConfigError } from './config-error.js';
import { describeIssue } from './issue-message.js';
import { didYouMean } from './nearest-name.js';
import { configSchema, type Config } from './schema.js';

/**
 * The rules a config's `rules` key may name, each with the zod schema of its options (undefined:
 * the rule takes none). The core's rule set provides it (KNOWN_RULES): the rules sit above the
 * config they read, so it is passed in.
 */
export type KnownRules = Readonly<Record<string, z.ZodType | undefined>>;

/** Maps a key path to the 1-based line where it is written, when the source is known. */
export type LocateKey = (path: (string | number)[]) => number | undefined;

function describe(issue: z.core.$ZodIssue, data: unknown, file: string, ruleIds: readonly string[], locate?: LocateKey): ConfigError {
  const { keyPath, detail } = describeIssue(issue, data, ruleIds);
  const issuePath = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const key = keyPath.join('.') || '(root)';
  const line = locate?.(keyPath) ?? locate?.(issuePath);
  return new ConfigError(`${file}${line ? `:${line}` : ''}: \`${key}\`: ${detail}`, file, key, line);
}

/**
 * Validate a config object (from YAML or from Probot's `context.config`) with
 * the shared schema; throws a ConfigError naming the file, key, line and value,
 * the allowed values and the nearest known key (src/config/issue-message.ts).
 * `rules` are the rules a `rules` key may name and their options (KnownRules); a rule's
 * options (`[severity, options]`) are checked against its schema and come back with their
 * defaults filled in.
 */
export function validateConfig(data: unknown, file: string, rules: KnownRules, locate?: LocateKey): Config {
  const ruleIds = Object.keys(rules);
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    if (!first) throw new ConfigError(`${file}: invalid configuration`, file);
    throw describe(first, data, file, ruleIds, locate);
  }
  for (const [id, setting] of Object.entries(result.data.rules)) {
    if (!Object.hasOwn(rules, id)) {
      const line = locate?.(['rules', id]);
      const near = didYouMean(id, ruleIds);
      const advice = near === '' ? `; known rules: ${[...ruleIds].sort().join(', ')}` : near;
      throw new ConfigError(`${file}${line ? `:${line}` : ''}: \`rules.${id}\`: unknown rule id${advice}`, file, `rules.${id}`, line);
    }
    if (Array.isArray(setting)) result.data.rules[id] = [setting[0], ruleOptions(id, setting, rules[id], file, locate)];
  }
  return result.data;
}

/** The options of `[severity, options]` checked against the rule's schema, defaults filled in. */
function ruleOptions(id: string, setting: readonly [string, Record<string, unknown>], schema: z.ZodType | undefined, file: string, locate?: LocateKey): Record<string, unknown> {
  const [severity, options] = setting;
  const at = (key?: string) => {
    const line = (key === undefined ? undefined : locate?.(['rules', id, 1, key])) ?? locate?.(['rules', id]);
    return `${file}${line ? `:${line}` : ''}`;
  };
  if (schema === undefined) {
    const keys = Object.keys(options);
    if (keys.length === 0) return options;
    throw new ConfigError(`${at(keys[0])}: \`rules.${id}\`: ${id} takes no options; write \`${id}: ${severity}\``, file, `rules.${id}`, locate?.(['rules', id]));
  }
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0]!;
  const known = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  const key = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : String(issue.path[0] ?? '');
  const detail =
    issue.code === 'unrecognized_keys'
      ? `unknown option \`${key}\`${didYouMean(key, known)}; ${id} takes ${orList(known.map((k) => `\`${k}\``))}`
      : `option \`${key}\`: ${issue.message.replace(/^Invalid input: /, '').replace(/, received \w+$/, '')}, got ${jsonText(options[key])}${exampleOf(schema, key)}`;
  throw new ConfigError(`${at(key)}: \`rules.${id}\`: ${detail}`, file, `rules.${id}.${key}`, locate?.(['rules', id, 1, key]) ?? locate?.(['rules', id]));
}

/** "; write e.g. `key: default`" from the option's default, or '' without one. */
function exampleOf(schema: z.ZodType, key: string): string {
  const defaults = schema.safeParse({});
  const value = defaults.success ? (defaults.data as Record<string, unknown>)[key] : undefined;
  return value === undefined ? '' : `; write e.g. \`${key}: ${jsonText(value)}\``;
}
