import picomatch from 'picomatch';
import type { Config } from '../config/schema.js';
import { classify } from '../core/document/classify.js';
import type { IndexEntry } from '../core/document/model.js';
import { repositoryLayout } from '../core/document/repository-layout.js';
import { numberFromFileName } from '../core/document/title.js';
import { collectionFolder } from '../core/rule-helpers/adr-folder.js';
import { httpStatus, type GitHub } from './github-client.js';

/**
 * The ADRs of the base branch, from file names only: one recursive tree read,
 * or, when GitHub truncates the tree (very large repositories), a bounded
 * number of folder listings. The entries are `listingOnly`: number and path
 * are known, links and status are not. The same listing gives the layout the
 * classifier reads (ADRs clustered at the root or in an `architecture` folder).
 */

/** At most this many folders are listed when the tree is truncated. */
export const MAX_FOLDER_LISTINGS = 20;

/** What the listing needs. */
export interface AdrListingParams {
  owner: string;
  repo: string;
  /** Commit (or tree) to list. */
  sha: string;
  config: Config;
  adrDirs: string[];
  /** ADRs under review: their folders are listed first in the fallback. */
  reviewedAdrPaths: readonly string[];
  /** Paths to leave out (reviewed, removed or renamed away by the pull request). */
  exclude: ReadonlySet<string>;
  /** The tree at `sha`, when the caller has read it already (one read serves both). */
  tree?: TreeListing;
}

/** The blob paths of a recursive tree read, and whether GitHub truncated it. */
export interface TreeListing {
  paths: string[];
  truncated: boolean;
}

/** Read the blob paths of the tree at `sha` (recursive, one request). */
export async function readTreeListing(gh: GitHub, owner: string, repo: string, sha: string): Promise<TreeListing> {
  const { data } = await gh.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: 'true' });
  const paths = data.tree.filter((e) => e.type === 'blob' && typeof e.path === 'string').map((e) => e.path!);
  return { paths, truncated: data.truncated };
}

/** Index entries of the ADRs at `sha`, from file names; `truncated` tells whether the fallback ran. */
export async function listAdrs(gh: GitHub, params: AdrListingParams): Promise<{ index: IndexEntry[]; truncated: boolean }> {
  const tree = params.tree ?? (await readTreeListing(gh, params.owner, params.repo, params.sha));
  const paths = tree.truncated ? await listFolders(gh, params) : tree.paths;
  const opts = { config: params.config, adrDirs: params.adrDirs, layout: repositoryLayout(paths) };
  const index = [...new Set(paths)]
    .filter((p) => !params.exclude.has(p) && classify(p, opts) === 'adr')
    .sort()
    .map((path) => entryFor(path));
  return { index, truncated: tree.truncated };
}

/** A listing-only index entry for an ADR path. */
export function entryFor(path: string): IndexEntry {
  const fileNumber = numberFromFileName(path);
  return {
    path,
    kind: 'adr',
    ...(fileNumber === undefined ? {} : { number: fileNumber, fileNumber }),
    supersedes: [],
    supersededBy: [],
    listingOnly: true,
  };
}

/** Folders worth listing: those of the reviewed ADRs, the declared ADR folders, then the fixed parts of the ADR globs. */
export function foldersToList(params: Pick<AdrListingParams, 'config' | 'adrDirs' | 'reviewedAdrPaths'>): string[] {
  const folders = new Set<string>();
  for (const path of params.reviewedAdrPaths) folders.add(collectionFolder(path));
  for (const dir of params.adrDirs) folders.add(dir);
  for (const glob of params.config.paths.adr) {
    const base = picomatch.scan(glob).base.replace(/\/+$/, '');
    if (base !== '') folders.add(base);
  }
  // The repository root is not an ADR folder worth a listing (and is listed by nothing bounded).
  folders.delete('.');
  folders.delete('');
  return [...folders].slice(0, MAX_FOLDER_LISTINGS);
}

// One contents listing per folder (not recursive): files, and per-decision folders as `<folder>/README.md`.
async function listFolders(gh: GitHub, params: AdrListingParams): Promise<string[]> {
  const paths: string[] = [];
  for (const folder of foldersToList(params)) {
    let entries: unknown;
    try {
      ({ data: entries } = await gh.rest.repos.getContent({ owner: params.owner, repo: params.repo, path: folder, ref: params.sha }));
    } catch (error) {
      if (httpStatus(error) === 404) continue;
      throw error;
    }
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as { type?: string; path?: string; name?: string }[]) {
      if (typeof entry.path !== 'string') continue;
      if (entry.type === 'file') paths.push(entry.path);
      else if (entry.type === 'dir' && numberFromFileName(`${entry.path}/README.md`) !== undefined) paths.push(`${entry.path}/README.md`);
    }
  }
  return paths;
}
