import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { configSchema, type Config } from './schema.js';

/** Maps a key path to the 1-based line where it is written, when the source is known. */
export type LocateKey = (path: (string | number)[]) => number | undefined;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describe(issue: z.core.$ZodIssue, data: unknown, file: string, locate?: LocateKey): ConfigError {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  let keyPath = path;
  let detail: string;
  if (issue.code === 'unrecognized_keys') {
    const first = issue.keys[0] ?? '';
    keyPath = [...path, first];
    detail = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling against the configuration reference in the README`;
  } else {
    const value = valueAt(data, path);
    detail = `${issue.message}${value === undefined ? '' : ` (got ${show(value)})`}`;
  }
  const key = keyPath.join('.') || '(root)';
  const line = locate?.(keyPath) ?? locate?.(path);
  return new ConfigError(`${file}${line ? `:${line}` : ''}: \`${key}\`: ${detail}`, file, key, line);
}

/**
 * Validate a config object (from YAML or from Probot's `context.config`) with
 * the shared schema; throws a ConfigError naming the file, key, line and value.
 * `ruleIds` are the rules a `rules` key may name (the core's `RULE_IDS`:
 * passed in, because the rules sit above the config they read).
 */
export function validateConfig(data: unknown, file: string, ruleIds: readonly string[], locate?: LocateKey): Config {
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    if (!first) throw new ConfigError(`${file}: invalid configuration`, file);
    throw describe(first, data, file, locate);
  }
  const known = new Set(ruleIds);
  for (const id of Object.keys(result.data.rules)) {
    if (!known.has(id)) {
      const line = locate?.(['rules', id]);
      throw new ConfigError(
        `${file}${line ? `:${line}` : ''}: \`rules.${id}\`: unknown rule id; known rules: ${[...known].sort().join(', ')}`,
        file,
        `rules.${id}`,
        line,
      );
    }
  }
  return result.data;
}
