import { ConfigError } from '../config/config-error.js';
import { extendsAllowed, extendsRule, NO_EXTENDS_ALLOWED, parseExtendsValue, type ExtendsAllowList, type ExtendsTarget } from '../config/extends-allow.js';
import { readConfigYaml, type ConfigYaml } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { validateConfig, type LocateKey } from '../config/validate.js';
import { KNOWN_RULES } from '../core/rule-set/preset.js';
import { httpStatus, type GitHub } from './github-client.js';

/**
 * Probot's `context.config(fileName)` for every surface (the App's review
 * jobs, /adr commands and reminder sweeps, the Action, `design-review
 * remind`), with one difference: each `_extends` target is checked before it
 * is fetched (src/config/extends-allow.ts), and config errors never quote a
 * file of another repository. @probot/octokit-plugin-config follows
 * `_extends` itself and offers no hook before a fetch, so this reads the
 * files the way it does: the file on the default branch; when there is none
 * (and this is not the `.github` repository), the same path in the owner's
 * `.github` repository; then the last file's `_extends` (`[owner/]repo[:path]`,
 * owner and path defaulting to the reviewed repository's), again for the file
 * it names, until a file has none or is missing (a missing extended file is
 * skipped, as the plugin does). The files are merged the way Probot merges
 * (deepmerge's defaults: objects key by key, arrays concatenated, the
 * repository's own file winning), and the result is null when no file was
 * found. Reading from the default branch also means a pull request cannot
 * relax the rules it is reviewed by. The test compares it with Probot's own
 * Context on the GitHub double for the cases the rule allows.
 */

/** What reading a config needs of a client: the contents endpoint. */
export type ConfigClient = Pick<GitHub, 'request'>;

/** Where a config is read: the reviewed repository and the path of its config. */
export interface ConfigLocation {
  owner: string;
  repo: string;
  path: string;
}

/** Options of readRepoConfig. */
export interface ReadConfigOptions {
  /** Repositories the operator lets `_extends` name besides the repository and its owner's `.github` (CONFIG_EXTENDS_ALLOW). */
  extendsAllow?: ExtendsAllowList;
}

// Files in one chain of `_extends` at most: the plugin has no bound but its recursion check.
const MAX_CONFIG_FILES = 10;

/** One file of the chain, parsed. */
interface ConfigSource {
  at: ExtendsTarget;
  /** In the reviewed repository: its errors may be quoted with their lines. */
  own: boolean;
  data: Record<string, unknown>;
  locate: LocateKey;
  /** Line of `_extends` in this file, when it has one. */
  extendsLine?: number;
}

/**
 * A repository's config, validated (defaults filled in; the defaults alone when it has no file), with the merged
 * file content it came from (`raw`: null without a file), or the problem to report in its place: a file that is not
 * YAML, an invalid key, a refused `_extends`. Errors of GitHub's are thrown.
 */
export type LoadedConfig = { config: Config; raw: unknown } | { problem: ConfigError };

/**
 * The config loader of every surface on GitHub (the App's reviews, /adr commands and sweeps, the Action,
 * `design-review remind`): reads and checks the file once (readRepoConfig), and says what is wrong as a value.
 */
export async function loadRepoConfig(octokit: ConfigClient, at: ConfigLocation, options: ReadConfigOptions = {}): Promise<LoadedConfig> {
  try {
    const { merged, config } = await readChecked(octokit, at, options);
    return { config, raw: merged };
  } catch (error) {
    if (error instanceof ConfigError) return { problem: error };
    throw error;
  }
}

/** `raw`, a config read earlier (a sweep keeps it between runs), validated again: the schema may have changed since. */
export function checkRepoConfig(raw: unknown, path: string): LoadedConfig {
  try {
    return { config: validateConfig(raw, path, KNOWN_RULES), raw };
  } catch (error) {
    if (error instanceof ConfigError) return { problem: error };
    throw error;
  }
}

/**
 * Read the config at `at.path` (e.g. `.github/design-review.yml`) as Probot's `context.config` does, after checking every
 * `_extends`; null when absent. Throws a ConfigError for a refused `_extends` (nothing of that repository is requested)
 * and for an invalid config, quoting only the reviewed repository's own files.
 */
export async function readRepoConfig(octokit: ConfigClient, at: ConfigLocation, options: ReadConfigOptions = {}): Promise<unknown> {
  return (await readChecked(octokit, at, options)).merged;
}

async function readChecked(octokit: ConfigClient, at: ConfigLocation, options: ReadConfigOptions): Promise<{ merged: unknown; config: Config }> {
  const sources = await readChain(octokit, at, options.extendsAllow ?? NO_EXTENDS_ALLOWED);
  if (sources.length === 0) return { merged: null, config: validateConfig(null, at.path, KNOWN_RULES) };
  const merged = [...sources].reverse().reduce<unknown>((config, source) => deepMerge(config, source.data), {});
  return { merged, config: checkMerged(merged, sources, at) };
}

// The files of the chain, the reviewed repository's (or its owner's default) first; [] when there is none.
async function readChain(octokit: ConfigClient, at: ConfigLocation, allow: ExtendsAllowList): Promise<ConfigSource[]> {
  const sources: ConfigSource[] = [];
  const own = { owner: at.owner, repo: at.repo, path: at.path };
  const first = await readSource(octokit, own, true, sources);
  if (first !== undefined) sources.push(first);
  else if (at.repo.toLowerCase() !== '.github') {
    const defaults = await readSource(octokit, { owner: at.owner, repo: '.github', path: at.path }, false, sources);
    if (defaults === undefined) return [];
    sources.push(defaults);
  } else return [];

  for (;;) {
    const last = sources[sources.length - 1]!;
    const value = last.data['_extends'];
    // As the plugin: a falsy `_extends` is no `_extends` (and stays in the config for the schema to judge).
    if (!value) return sources;
    delete last.data['_extends'];
    const shown = `\`_extends: ${String(value).slice(0, 300)}\``;
    const target = parseExtendsValue(value, { owner: at.owner, path: at.path });
    if ('error' in target) throw extendsError(sources, { own: `${shown}: ${target.error}`, other: 'is not a valid value' });
    if (!extendsAllowed(target, at, allow)) {
      const refused = `a repository this App does not read configuration from: nothing was read from it. ${extendsRule(at)}`;
      throw extendsError(sources, { own: `${shown} names ${target.owner}/${target.repo}, ${refused}`, other: `names ${refused}` });
    }
    if (sources.some((s) => sameFile(s.at, target))) {
      throw extendsError(sources, { own: `${shown} names a file already read: the files extend each other in a loop`, other: 'names a file already read: the files extend each other in a loop' });
    }
    if (sources.length >= MAX_CONFIG_FILES) {
      const tooLong = `is one more file than the ${MAX_CONFIG_FILES} that may extend each other: shorten the chain of \`_extends\``;
      throw extendsError(sources, { own: `${shown} ${tooLong}`, other: tooLong });
    }
    const next = await readSource(octokit, target, sameRepo(target, at), sources);
    if (next === undefined) return sources;
    sources.push(next);
  }
}

/** Fetch and parse one file of the chain; undefined when it does not exist. */
async function readSource(octokit: ConfigClient, at: ExtendsTarget, own: boolean, chain: ConfigSource[]): Promise<ConfigSource | undefined> {
  const extension = at.path.split('.').pop()?.toLowerCase() ?? '';
  if (!['yml', 'yaml', 'json'].includes(extension)) {
    throw new ConfigError(`${at.path}: a config file is .yml, .yaml or .json, not .${extension.slice(0, 20)}`, at.path);
  }
  let text: string;
  try {
    const response = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: at.owner, repo: at.repo, path: at.path, mediaType: { format: 'raw' } });
    // A directory or a submodule answers with its JSON listing, not a file's text.
    if (typeof response.data !== 'string' || response.headers['content-type'] === 'application/json; charset=utf-8') {
      throw own ? new ConfigError(`${at.path}: is a directory or a submodule, not a config file`, at.path) : outsideError(chain, at, 'is not a file');
    }
    text = response.data;
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
  const yaml = parseSource(text, at, own, chain);
  const source: ConfigSource = { at, own, data: yaml.data, locate: yaml.locate };
  const line = yaml.locate(['_extends']);
  if (line !== undefined && yaml.data['_extends'] !== undefined) source.extendsLine = line;
  return source;
}

// JSON is YAML too: one parser for .json as for .yml. Another repository's syntax error is not quoted.
function parseSource(text: string, at: ExtendsTarget, own: boolean, chain: ConfigSource[]): ConfigYaml {
  try {
    return readConfigYaml(text, at.path);
  } catch (error) {
    if (own || !(error instanceof ConfigError)) throw error;
    throw outsideError(chain, at, 'is not a YAML mapping of keys');
  }
}

/**
 * Validate the merged config; when it fails, find the file to blame without
 * quoting another repository: the repository's own files first (each alone,
 * with its own lines), then the others (named, never quoted), then the merge.
 */
function checkMerged(merged: unknown, sources: ConfigSource[], at: ConfigLocation): Config {
  let mergedError: ConfigError;
  try {
    return validateConfig(merged, at.path, KNOWN_RULES);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    mergedError = error;
  }
  for (const source of sources.filter((s) => s.own)) validateConfig(source.data, source.at.path, KNOWN_RULES, source.locate);
  for (const [index, source] of sources.entries()) {
    if (source.own) continue;
    try {
      validateConfig(source.data, source.at.path, KNOWN_RULES);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw outsideError(sources.slice(0, index), source.at, 'is not a valid design-review config');
    }
  }
  const outside = sources.find((s) => !s.own);
  if (outside === undefined) throw mergedError;
  throw outsideError(sources.slice(0, sources.indexOf(outside)), outside.at, 'is valid alone, but not once merged with the other files (a list merged from both may be longer than allowed)');
}

/** An error about a file of another repository: names it, quotes none of it, and points at the `_extends` that led to it. */
function outsideError(chain: ConfigSource[], file: ExtendsTarget, problem: string): ConfigError {
  const label = `${file.owner}/${file.repo}:${file.path}`;
  const advice =
    `Its content is not shown here because it belongs to another repository: check it in ${file.owner}/${file.repo} ` +
    `(\`npx design-review check --config ${file.path}\` there names the key and the line)`;
  const referrer = [...chain].reverse().find((s) => s.own && s.extendsLine !== undefined);
  if (referrer === undefined) {
    // No file of the repository led here: the owner's `.github` default stands in for a missing config.
    const message = `${label}: the default config of ${file.owner} (its .github repository), read because this repository has no ${file.path}, ${problem}. ${advice}, or add ${file.path} to this repository.`;
    return new ConfigError(message, label);
  }
  return new ConfigError(`${referrer.at.path}:${referrer.extendsLine}: \`_extends\`: the extended file ${label} ${problem}. ${advice}, or change \`_extends\`.`, referrer.at.path, '_extends', referrer.extendsLine);
}

/**
 * An error about the `_extends` of the last file of the chain: at its line when the file is the
 * repository's own (`problem.own` may quote it); otherwise `problem.other`, which quotes nothing,
 * said of the file through the `_extends` that led to it.
 */
function extendsError(chain: ConfigSource[], problem: { own: string; other: string }): ConfigError {
  const holder = chain[chain.length - 1]!;
  if (holder.own) {
    const line = holder.extendsLine;
    return new ConfigError(`${holder.at.path}${line ? `:${line}` : ''}: \`_extends\`: ${problem.own}`, holder.at.path, '_extends', line);
  }
  return outsideError(chain.slice(0, -1), holder.at, `has an \`_extends\` that cannot be followed: it ${problem.other}`);
}

function sameRepo(a: { owner: string; repo: string }, b: { owner: string; repo: string }): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

function sameFile(a: ExtendsTarget, b: ExtendsTarget): boolean {
  return sameRepo(a, b) && a.path === b.path;
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
