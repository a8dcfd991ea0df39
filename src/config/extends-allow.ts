/**
 * Which repositories a config's `_extends` may name, decided before anything
 * is fetched. The App reads configs with its installation token, which reads
 * every repository of the installation, private ones included: a config that
 * could extend any of them would have the App fetch that file and, through the
 * errors it reports, show its keys in the check run of the repository that
 * asked. So `_extends` may name the repository itself and the same owner's
 * `.github` repository (Probot's convention for organisation defaults); any
 * other repository only when the operator lists it in CONFIG_EXTENDS_ALLOW.
 */

/** The variable the operator lists more repositories in. */
export const EXTENDS_ALLOW_VARIABLE = 'CONFIG_EXTENDS_ALLOW';

/** Repositories the operator lets `_extends` name besides the two that always may (lower case). */
export interface ExtendsAllowList {
  /** `owner/repo` entries. */
  repos: readonly string[];
  /** Owners from `owner/*` entries: any repository of theirs. */
  owners: readonly string[];
}

/** No repository beyond the repository itself and its owner's `.github`. */
export const NO_EXTENDS_ALLOWED: ExtendsAllowList = { repos: [], owners: [] };

/** Where an `_extends` value points. */
export interface ExtendsTarget {
  owner: string;
  repo: string;
  path: string;
}

// Longest `_extends` value read; GitHub's names are shorter than this together.
const MAX_EXTENDS_LENGTH = 300;

/**
 * Read CONFIG_EXTENDS_ALLOW: `owner/repo` or `owner/*` entries separated by
 * commas or spaces. Bad entries are left out (they allow nothing) and each is
 * named in `problems`, for the caller to report as it reports bad settings.
 */
export function parseExtendsAllow(text: string | undefined): { allow: ExtendsAllowList; problems: string[] } {
  const repos: string[] = [];
  const owners: string[] = [];
  const problems: string[] = [];
  for (const entry of (text ?? '').split(/[\s,]+/)) {
    if (entry === '') continue;
    const slash = entry.indexOf('/');
    const owner = slash < 0 ? '' : entry.slice(0, slash);
    const repo = slash < 0 ? '' : entry.slice(slash + 1);
    if (!isOwnerName(owner) || !(repo === '*' || isRepoName(repo))) {
      problems.push(`${EXTENDS_ALLOW_VARIABLE}: "${entry.slice(0, 100)}" is not owner/repo or owner/* (e.g. acme/policies, acme/*); it allows nothing`);
      continue;
    }
    if (repo === '*') owners.push(owner.toLowerCase());
    else repos.push(`${owner}/${repo}`.toLowerCase());
  }
  return { allow: { repos, owners }, problems };
}

/**
 * Read an `_extends` value as @probot/octokit-plugin-config does:
 * `[owner/]repo[:path.yml]`, the owner defaulting to the repository's and the
 * path to the config's own. Paths with `.` or `..` segments are refused too.
 */
export function parseExtendsValue(value: unknown, defaults: { owner: string; path: string }): ExtendsTarget | { error: string } {
  const expected = 'expected `repo`, `repo:path/to/file.yml` or `owner/repo:path/to/file.yml`';
  if (typeof value !== 'string') return { error: `the value must be a string: ${expected}` };
  if (value.length > MAX_EXTENDS_LENGTH) return { error: `the value is longer than ${MAX_EXTENDS_LENGTH} characters: ${expected}` };
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  const path = colon < 0 ? undefined : value.slice(colon + 1);
  const slash = name.indexOf('/');
  const owner = slash < 0 ? undefined : name.slice(0, slash);
  const repo = slash < 0 ? name : name.slice(slash + 1);
  if (owner !== undefined && !isOwnerName(owner)) return { error: `"${owner}" is not a GitHub owner name: ${expected}` };
  if (!isRepoName(repo)) return { error: `"${repo}" is not a repository name: ${expected}` };
  if (path !== undefined && !isConfigPath(path)) {
    return { error: `"${path}" is not a path to a .yml or .yaml file inside the repository: ${expected}` };
  }
  return { owner: owner ?? defaults.owner, repo, path: path ?? defaults.path };
}

/** True when a config of `reviewed` may extend `target`: the repository itself, its owner's `.github`, or one the operator allows. */
export function extendsAllowed(target: { owner: string; repo: string }, reviewed: { owner: string; repo: string }, allow: ExtendsAllowList): boolean {
  const owner = target.owner.toLowerCase();
  const repo = target.repo.toLowerCase();
  if (owner === reviewed.owner.toLowerCase() && (repo === reviewed.repo.toLowerCase() || repo === '.github')) return true;
  return allow.repos.includes(`${owner}/${repo}`) || allow.owners.includes(owner);
}

/** What `_extends` may name, for error messages. */
export function extendsRule(reviewed: { owner: string; repo: string }): string {
  return (
    `\`_extends\` may name this repository (\`${reviewed.repo}:path/to/file.yml\`) or ${reviewed.owner}/.github, the organisation defaults ` +
    `(\`.github\` or \`.github:path/to/file.yml\`); any other repository only when the operator of the App lists it in ` +
    `${EXTENDS_ALLOW_VARIABLE} (comma-separated owner/repo or owner/* entries)`
  );
}

// GitHub logins: letters, digits and single inner hyphens, at most 39 (the plugin's rule).
function isOwnerName(text: string): boolean {
  if (text.length === 0 || text.length > 39 || text.startsWith('-') || text.endsWith('-') || text.includes('--')) return false;
  for (const ch of text) if (!(isAlphanumeric(ch) || ch === '-')) return false;
  return true;
}

// Repository names: letters, digits, `-`, `_` and `.`, but never `.` or `..` alone.
function isRepoName(text: string): boolean {
  if (text.length === 0 || text.length > 100 || text === '.' || text === '..') return false;
  for (const ch of text) if (!(isAlphanumeric(ch) || ch === '-' || ch === '_' || ch === '.')) return false;
  return true;
}

// The plugin's path characters, ending in .yml or .yaml; every segment a name (no `.`, `..` or empty one).
function isConfigPath(text: string): boolean {
  const lower = text.toLowerCase();
  if (!(lower.endsWith('.yml') || lower.endsWith('.yaml'))) return false;
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return false;
    for (const ch of segment) if (!(isAlphanumeric(ch) || ch === '-' || ch === '_' || ch === '.')) return false;
  }
  return true;
}

function isAlphanumeric(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}
