import { posix } from 'node:path';
import type { ProbotOctokit } from 'probot';

/**
 * Probot's `context.config(fileName)` without a webhook context, for jobs that
 * run from a queue: the same `octokit.config.get` of `.github/<fileName>`
 * (with `_extends` from another repository or the org's `.github` repo),
 * merged the way Probot merges (deepmerge's defaults: objects merged key by
 * key, arrays concatenated), and null when no file has a config. The test
 * compares it with Probot's own Context on the GitHub double.
 */

/** The repository whose config is read. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** Read `.github/<fileName>` as Probot's `context.config(fileName)` does; null when absent. */
export async function readRepoConfig(octokit: Pick<ProbotOctokit, 'config'>, ref: RepoRef, fileName: string): Promise<unknown> {
  const { config, files } = await octokit.config.get({
    owner: ref.owner,
    repo: ref.repo,
    path: posix.join('.github', fileName),
    defaults: (configs: object[]) => configs.reduce<unknown>((merged, next) => deepMerge(merged, next), {}) as Record<string, unknown>,
  });
  if (!files.some((file) => file.config !== null)) return null;
  return config;
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
