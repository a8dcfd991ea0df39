import type { API as ConfigApi } from '@probot/octokit-plugin-config';

/**
 * Probot's `context.config(fileName)` for every surface (the App's queued
 * jobs, the Action, `design-review remind`): `octokit.config.get` of the
 * file on the default branch, with `_extends` from another repository or the
 * org's `.github` repository, merged the way Probot merges (deepmerge's
 * defaults: objects merged key by key, arrays concatenated), and null when no
 * file has a config. Reading from the default branch also means a pull
 * request cannot relax the rules it is reviewed by. The test compares it with
 * Probot's own Context on the GitHub double.
 */

/** Read the config at `path` (e.g. `.github/design-review.yml`) as Probot's `context.config` does; null when absent. */
export async function readRepoConfig(octokit: ConfigApi, at: { owner: string; repo: string; path: string }): Promise<unknown> {
  const { config, files } = await octokit.config.get({
    owner: at.owner,
    repo: at.repo,
    path: at.path,
    defaults: (configs: object[]) => configs.reduce<unknown>((merged, next) => deepMerge(merged, next), {}) as Record<string, unknown>,
  });
  return files.some((file) => file.config !== null) ? config : null;
}

/** deepmerge's default merge of two parsed YAML values (no Dates or RegExps in YAML from GitHub). */
export function deepMerge(target: unknown, source: unknown): unknown {
  if (Array.isArray(source)) return Array.isArray(target) ? [...target.map(clone), ...source.map(clone)] : source.map(clone);
  if (!isPlainObject(source) || !isPlainObject(target)) return clone(source);
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(target)) merged[key] = clone(target[key]);
  for (const key of Object.keys(source)) {
    // As deepmerge: never write a key the target only inherits (`__proto__`, `constructor`).
    if (key in target && !Object.prototype.propertyIsEnumerable.call(target, key)) continue;
    merged[key] = key in target && isMergeable(source[key]) ? deepMerge(target[key], source[key]) : clone(source[key]);
  }
  return merged;
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  return isPlainObject(value) ? deepMerge({}, value) : value;
}

function isMergeable(value: unknown): boolean {
  return Array.isArray(value) || isPlainObject(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
