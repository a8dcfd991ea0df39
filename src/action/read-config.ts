import type { API as ConfigApi } from '@probot/octokit-plugin-config';

/**
 * The config the way the App reads it (Probot's `context.config`): the file
 * at `path` on the default branch, `_extends` followed by
 * @probot/octokit-plugin-config, the files deep-merged like Probot does
 * (deepmerge: objects key by key, arrays concatenated), and null when no file
 * exists. Reading from the default branch also means a pull request cannot
 * relax the rules it is reviewed by.
 */

/** Reads the repository's config; null when it has none. */
export async function readRepoConfig(octokit: ConfigApi, at: { owner: string; repo: string; path: string }): Promise<unknown> {
  const { config, files } = await octokit.config.get({
    owner: at.owner,
    repo: at.repo,
    path: at.path,
    defaults: (configs) => configs.reduce<Record<string, unknown>>((merged, next) => deepMerge(merged, next), {}),
  });
  return files.some((file) => file.config !== null) ? config : null;
}

/** deepmerge's default semantics: plain objects merge key by key, arrays concatenate, anything else is replaced. */
export function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const before = out[key];
    if (Array.isArray(before) && Array.isArray(value)) out[key] = [...before, ...value];
    else if (isPlainObject(before) && isPlainObject(value)) out[key] = deepMerge(before, value);
    else out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
