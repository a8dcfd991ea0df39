import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import { adrDirsFromFiles, classify } from '../core/document/classify.js';
import { repositoryLayout } from '../core/document/repository-layout.js';
import { listAdrs } from './adr-listing.js';
import type { GitHub, RepoRef } from './github-client.js';
import { readBlobBatch, readBlobs, type BlobRead } from './read-blobs.js';
import { CONFIG_PATH } from '../config/load.js';

/**
 * Every ADR of a commit of the default branch, for the reminder sweep: one
 * recursive tree read and GraphQL blob batches of 50, so the number of
 * requests does not grow with the ADRs beyond that batching. CODEOWNERS rides
 * in the first batch. The tree also gives the blob shas the sweep compares to
 * tell "nothing that matters changed" without reading any file.
 */

/** Where GitHub looks for CODEOWNERS, in its order: the first one found counts. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** The config file the sweep's fingerprint follows (read through Probot's loader, not here). */

const HINT_FILES = ['.adr-dir', '.log4brains.yml'] as const;
// Front matter `type:` sits at the top; this much text is enough for the classifier.
const HEAD_BYTES = 2048;

/** A file read at the commit. */
export interface BranchFile {
  path: string;
  text: string;
  /** Blob sha, when the tree gave it. */
  blobSha?: string;
}

/** What the tree says, before any file is read: blob shas by path (undefined when GitHub truncated the tree). */
export interface BranchTree {
  commit: string;
  blobs: Map<string, string> | undefined;
  /** The commit's root tree, when read from GitHub (a new tree is built on it). */
  treeSha?: string;
}

/** The ADRs and CODEOWNERS of one commit, and the files that could not be read. */
export interface DefaultBranchAdrs {
  commit: string;
  adrs: BranchFile[];
  codeowners?: BranchFile;
  unreadable: { path: string; reason: string }[];
  /** ADR folders the repository declares (`.adr-dir`, `.log4brains.yml`). */
  adrDirs: string[];
  /** Hash of the blob shas that decide the reminders (ADRs, hints, CODEOWNERS, config); undefined for a truncated tree. */
  fingerprint?: string;
  /**
   * True when GitHub truncated the tree and the ADRs come from the bounded folder listing
   * instead, which can miss ADRs in deeper folders: an ADR not listed may still exist.
   */
  incomplete?: boolean;
}

/** Read the tree of `commit` (recursive, one request). */
export async function readBranchTree(gh: GitHub, target: RepoRef, commit: string): Promise<BranchTree> {
  const { data } = await gh.rest.git.getTree({ owner: target.owner, repo: target.repo, tree_sha: commit, recursive: 'true' });
  if (data.truncated) return { commit, blobs: undefined, treeSha: data.sha };
  const blobs = new Map<string, string>();
  for (const entry of data.tree) if (entry.type === 'blob' && typeof entry.path === 'string' && typeof entry.sha === 'string') blobs.set(entry.path, entry.sha);
  return { commit, blobs, treeSha: data.sha };
}

/** ADR paths of a listed tree under `config`, from file names, the folder hints' texts and the tree's layout. */
export function adrPathsOf(tree: BranchTree, config: Config, adrDirs: string[]): string[] {
  if (!tree.blobs) return [];
  const paths = [...tree.blobs.keys()];
  const opts = { config, adrDirs, layout: repositoryLayout(paths) };
  return paths.filter((path) => classify(path, opts) === 'adr').sort();
}

/** The first CODEOWNERS path present in the tree. */
export function codeownersPathOf(tree: BranchTree): string | undefined {
  return CODEOWNERS_PATHS.find((path) => tree.blobs?.has(path));
}

/**
 * Fingerprint of what decides the reminders at a commit: the blob shas of the
 * config, the folder hints, CODEOWNERS and every ADR. Equal fingerprints mean
 * equal inputs, whatever else the commit changed.
 */
export function treeFingerprint(tree: BranchTree, adrPaths: readonly string[]): string | undefined {
  if (!tree.blobs) return undefined;
  const blobs = tree.blobs;
  const parts = [CONFIG_PATH, ...HINT_FILES, ...CODEOWNERS_PATHS, ...adrPaths].map((path) => `${path}\u0000${blobs.get(path) ?? '-'}`);
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** Read the ADRs (and CODEOWNERS) of `tree` under `config`; a file that is gone, binary or too large is listed in `unreadable`. */
export async function readDefaultBranchAdrs(
  gh: GitHub,
  target: RepoRef,
  tree: BranchTree,
  config: Config,
  maxFileBytes: number = config.review.maxFileBytes,
): Promise<DefaultBranchAdrs> {
  const { commit } = tree;
  const hints = HINT_FILES.filter((path) => tree.blobs === undefined || tree.blobs.has(path));
  // The folder hints decide which paths are ADRs, so they come first; most repositories have none.
  const hinted = hints.length > 0 ? await readBlobBatch(gh, target.owner, target.repo, commit, hints) : new Map<string, BlobRead>();
  const adrDirs = adrDirsFromFiles({ adrDir: textOf(hinted.get('.adr-dir')), log4brains: textOf(hinted.get('.log4brains.yml')) });

  let adrPaths: string[];
  if (tree.blobs) {
    adrPaths = adrPathsOf(tree, config, adrDirs);
  } else {
    // A truncated tree: a bounded number of folder listings instead (very large repositories).
    const { index } = await listAdrs(gh, { owner: target.owner, repo: target.repo, sha: commit, config, adrDirs, reviewedAdrPaths: [], exclude: new Set() });
    adrPaths = index.map((e) => e.path);
  }
  const codeownersPath = tree.blobs ? codeownersPathOf(tree) : undefined;
  const blobs = await readBlobs(gh, target.owner, target.repo, commit, [...(codeownersPath ? [codeownersPath] : []), ...adrPaths]);

  const result: DefaultBranchAdrs = { commit, adrs: [], unreadable: [], adrDirs, ...(tree.blobs ? {} : { incomplete: true }) };
  // The paths are ADRs by name already; the layout lets the clustered ones (root, `architecture/`) keep that kind.
  const layout = repositoryLayout(tree.blobs ? tree.blobs.keys() : adrPaths);
  const fingerprint = treeFingerprint(tree, adrPaths);
  if (fingerprint) result.fingerprint = fingerprint;
  if (codeownersPath) {
    const text = textOf(blobs.get(codeownersPath));
    if (text !== undefined) result.codeowners = withSha({ path: codeownersPath, text }, tree);
  }
  for (const path of adrPaths) {
    const blob = blobs.get(path) ?? null;
    const problem = whyUnreadable(blob, maxFileBytes);
    if (problem !== undefined || blob === null || blob.text === null) {
      result.unreadable.push({ path, reason: problem ?? 'not a file at the default branch' });
      continue;
    }
    // Front matter `type: design-doc` in an ADR folder wins, as in the review.
    if (classify(path, { config, adrDirs, layout }, blob.text.slice(0, HEAD_BYTES)) !== 'adr') continue;
    result.adrs.push(withSha({ path, text: blob.text }, tree));
  }
  return result;
}

function withSha(file: BranchFile, tree: BranchTree): BranchFile {
  const sha = tree.blobs?.get(file.path);
  return sha ? { ...file, blobSha: sha } : file;
}

function textOf(blob: BlobRead | undefined): string | undefined {
  return blob && blob.text !== null && !blob.isBinary && !blob.isTruncated ? blob.text : undefined;
}

function whyUnreadable(blob: BlobRead, maxFileBytes: number): string | undefined {
  if (blob === null) return 'no longer a file at the default branch (deleted or moved while the sweep ran)';
  if (blob.isBinary) return 'a binary file';
  if (blob.byteSize > maxFileBytes) return `larger than review.maxFileBytes (${blob.byteSize} > ${maxFileBytes} bytes)`;
  if (blob.isTruncated || blob.text === null) return 'too large for GitHub to return its text';
  return undefined;
}
