import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { describeIssue } from './issue-message.js';
import { didYouMean } from './nearest-name.js';
import { configSchema, type Config } from './schema.js';

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
 * `ruleIds` are the rules a `rules` key may name (the core's `RULE_IDS`:
 * passed in, because the rules sit above the config they read).
 */
export function validateConfig(data: unknown, file: string, ruleIds: readonly string[], locate?: LocateKey): Config {
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    if (!first) throw new ConfigError(`${file}: invalid configuration`, file);
    throw describe(first, data, file, ruleIds, locate);
  }
  const known = new Set(ruleIds);
  for (const id of Object.keys(result.data.rules)) {
    if (!known.has(id)) {
      const line = locate?.(['rules', id]);
      const near = didYouMean(id, ruleIds);
      const advice = near === '' ? `; known rules: ${[...known].sort().join(', ')}` : near;
      throw new ConfigError(`${file}${line ? `:${line}` : ''}: \`rules.${id}\`: unknown rule id${advice}`, file, `rules.${id}`, line);
    }
  }
  return result.data;
}
