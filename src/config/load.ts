import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { ConfigError } from './config-error.js';
import type { Config } from './schema.js';
import { validateConfig, type KnownRules, type LocateKey } from './validate.js';

export { ConfigError } from './config-error.js';

/** Where the config lives in a repository. */
export const CONFIG_PATH = '.github/design-review.yml';

/** A config file's YAML: its data (an empty file is `{}`) and the line each key path is written on. */
export interface ConfigYaml {
  data: Record<string, unknown>;
  locate: LocateKey;
}

/** Parse the YAML of a config file; syntax errors and a document that is not a mapping name the file and line. */
export function readConfigYaml(text: string, file: string): ConfigYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line;
    const first = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: invalid YAML: ${first}`, file, undefined, line);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ConfigError(`${file}:1: the config must be a YAML mapping of keys (see the README's configuration reference)`, file, '(root)', 1);
  }
  const locate: LocateKey = (path) => {
    // Walk to the deepest node that exists so a bad value points at its key's line.
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        offset = (pair.key as YamlNode | null)?.range?.[0];
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as YamlNode | undefined;
        if (!item) break;
        offset = item.range?.[0];
        node = item;
      } else break;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return { data: (data ?? {}) as Record<string, unknown>, locate };
}

/** Parse the text of a config file: YAML syntax errors and schema errors name the file and line. */
export function parseConfigText(text: string, file: string, rules: KnownRules): Config {
  const { data, locate } = readConfigYaml(text, file);
  return validateConfig(data, file, rules, locate);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The repository root above `cwd` (the folder holding `.git`), or `cwd` when there is none. */
export async function findRoot(cwd: string): Promise<string> {
  let dir = resolve(cwd);
  for (;;) {
    if (await exists(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}

/**
 * Load the config for a working directory: `--config` when given, else
 * `.github/design-review.yml` at the repository root, else the defaults.
 */
export async function loadConfig(opts: { cwd: string; configPath?: string; rules: KnownRules }): Promise<{ config: Config; path?: string; root: string }> {
  const root = await findRoot(opts.cwd);
  const path = opts.configPath ? resolve(opts.cwd, opts.configPath) : join(root, CONFIG_PATH);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !opts.configPath) return { config: validateConfig({}, CONFIG_PATH, opts.rules), root };
    const shown = opts.configPath ?? relative(opts.cwd, path);
    throw new ConfigError(
      `${shown}: cannot read the config (${code ?? 'error'}): check the path given to --config`,
      shown,
    );
  }
  const shown = relative(opts.cwd, path) || path;
  return { config: parseConfigText(text, shown, opts.rules), path, root };
}
