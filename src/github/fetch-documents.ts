import type { Config } from '../config/schema.js';
import { adrDirsFromFiles, classify, layoutMayChange, type ClassifyOptions } from '../core/document/classify.js';
import type { DocKind, IndexEntry } from '../core/document/model.js';
import { repositoryLayout } from '../core/document/repository-layout.js';
import type { ChangedFile } from '../core/publish/types.js';
import type { SourceFile } from '../core/review-model.js';
import { listAdrs, readTreeListing, type TreeListing } from './adr-listing.js';
import type { GitHub } from './github-client.js';
import { BLOB_BATCH, readBlobBatch, readBlobs, type BlobRead } from './read-blobs.js';

/**
 * The documents a pull request review needs, in a request budget that does not
 * grow with the number of documents beyond pagination:
 *   1. the changed files (REST, 100 per page);
 *   2. `.adr-dir`, `.log4brains.yml` and the decision documents at the head
 *      commit, read from the head repository (forks work), 50 per GraphQL query;
 *   3. the other ADRs of the base branch from one recursive tree read.
 * Some layouts show only in a listing (ADRs clustered at the repository root,
 * an RFC repository's folders, generated twins): when a changed path could
 * depend on one, the base branch's tree is read with step 2, and read once.
 */

/** Where the pull request lives, what it compares, and the review limits. */
export interface FetchDocumentsParams {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head commit and the repository it lives in (a fork for fork pull requests). */
  head: { owner: string; repo: string; sha: string };
  base: { sha: string; ref: string };
  config: Config;
  /** At most this many documents are read; defaults to `config.review.maxFiles`. */
  maxFiles?: number;
  /** Larger documents are skipped; defaults to `config.review.maxFileBytes`. */
  maxFileBytes?: number;
}

/** A decision document as read: its text is decoded once, by GitHub's GraphQL `Blob.text`. */
export interface FetchedDocument extends SourceFile {
  content: string;
}

/** The review's inputs, read from GitHub. */
export interface PullRequestDocuments {
  /** Every file the pull request changes, as GitHub lists it. */
  changed: ChangedFile[];
  /** Decision documents at the head commit (renamed ones under their new path), classified. */
  files: FetchedDocument[];
  /** ADRs of the base branch that are not under review (listing-only entries). */
  index: IndexEntry[];
  /** Documents not reviewed, and why. */
  skipped: { path: string; reason: string }[];
  /** ADR folders the repository declares (`.adr-dir`, `.log4brains.yml`), read at the head commit. */
  adrDirs: string[];
}

const ADR_DIR_FILE = '.adr-dir';
const LOG4BRAINS_FILE = '.log4brains.yml';
/** Front matter `type:` sits at the top; this much of the text is enough for the classifier. */
const HEAD_BYTES = 2048;

/** Reads the changed files, the decision documents and the base branch's ADR listing of a pull request. */
export async function fetchPullRequestDocuments(gh: GitHub, params: FetchDocumentsParams): Promise<PullRequestDocuments> {
  const { config, head } = params;
  const maxFiles = params.maxFiles ?? config.review.maxFiles;
  const maxFileBytes = params.maxFileBytes ?? config.review.maxFileBytes;

  // Steps: list changed files -> read repository hints with a first batch (and the base tree when a layout
  // could matter) -> classify -> read the rest -> list the base's ADRs.
  const changed = await listChangedFiles(gh, params);
  const present = changed.filter((f) => f.status !== 'removed');

  // The first query carries the folder hints and the documents the default globs already name,
  // so a typical pull request costs one GraphQL query; folders named by the hints may add more.
  const guess = candidates(present, { config, adrDirs: [] }).slice(0, Math.min(maxFiles, BLOB_BATCH));
  const needsTree = present.some((f) => layoutMayChange(f.path, { config, adrDirs: [] }));
  const [first, tree] = await Promise.all([
    readBlobBatch(gh, head.owner, head.repo, head.sha, [ADR_DIR_FILE, LOG4BRAINS_FILE, ...guess]),
    needsTree ? readTreeListing(gh, params.owner, params.repo, params.base.sha) : Promise.resolve(undefined),
  ]);
  const adrDirs = adrDirsFromFiles({ adrDir: textOf(first.get(ADR_DIR_FILE)), log4brains: textOf(first.get(LOG4BRAINS_FILE)) });
  const opts: ClassifyOptions = { config, adrDirs, ...(tree ? { layout: repositoryLayout(headPaths(tree, changed)) } : {}) };

  const documents = candidates(present, opts);
  const chosen = documents.slice(0, maxFiles);
  const skipped: PullRequestDocuments['skipped'] = documents.slice(maxFiles).map((path) => ({ path, reason: `over review.maxFiles (${maxFiles})` }));
  const rest = await readBlobs(
    gh,
    head.owner,
    head.repo,
    head.sha,
    chosen.filter((p) => !first.has(p)),
  );

  const files: FetchedDocument[] = [];
  for (const path of chosen) {
    const blob = first.get(path) ?? rest.get(path) ?? null;
    const problem = whySkipped(blob, maxFileBytes);
    if (problem !== undefined || blob === null || blob.text === null) {
      skipped.push({ path, reason: problem ?? 'not a file at the head commit' });
      continue;
    }
    // Front matter `type: adr | design-doc` wins over the folder, as in the CLI.
    const kind: DocKind | null = classify(path, opts, blob.text.slice(0, HEAD_BYTES));
    if (kind === null) continue;
    files.push({ path, content: blob.text, kind });
  }

  const reviewedAdrPaths = files.filter((f) => f.kind === 'adr').map((f) => f.path);
  let index: IndexEntry[] = [];
  // The index serves the cross-ADR checks only: without an ADR under review there is nothing to list.
  if (reviewedAdrPaths.length > 0) {
    const exclude = new Set<string>(files.map((f) => f.path));
    for (const f of changed) {
      if (f.status === 'removed') exclude.add(f.path);
      if (f.previousPath !== undefined) exclude.add(f.previousPath);
    }
    ({ index } = await listAdrs(gh, {
      owner: params.owner,
      repo: params.repo,
      sha: params.base.sha,
      config,
      adrDirs,
      reviewedAdrPaths,
      exclude,
      ...(tree ? { tree } : {}),
    }));
  }
  return { changed, files, index, skipped, adrDirs };
}

/** The changed files of a pull request, all pages of 100. */
export async function listChangedFiles(gh: GitHub, params: { owner: string; repo: string; pullNumber: number }): Promise<ChangedFile[]> {
  const raw = await gh.paginate(gh.rest.pulls.listFiles, { owner: params.owner, repo: params.repo, pull_number: params.pullNumber, per_page: 100 });
  return raw.map((f) => ({
    path: f.filename,
    status: f.status,
    ...(f.previous_filename === undefined ? {} : { previousPath: f.previous_filename }),
    ...(f.patch === undefined ? {} : { patch: f.patch }),
  }));
}

// Paths that classify as decision documents by path alone, in the pull request's order.
function candidates(present: ChangedFile[], opts: ClassifyOptions): string[] {
  return present.filter((f) => classify(f.path, opts) !== null).map((f) => f.path);
}

// The head commit's paths as far as the layout cares: the base's, less what the pull request removes or
// renames away, plus what it adds.
function headPaths(tree: TreeListing, changed: ChangedFile[]): string[] {
  const gone = new Set<string>();
  for (const f of changed) {
    if (f.status === 'removed') gone.add(f.path);
    if (f.previousPath !== undefined) gone.add(f.previousPath);
  }
  const paths = new Set(tree.paths.filter((p) => !gone.has(p)));
  for (const f of changed) if (f.status !== 'removed') paths.add(f.path);
  return [...paths];
}

function textOf(blob: BlobRead | undefined): string | undefined {
  return blob?.text ?? undefined;
}

/** Why a read blob cannot be reviewed, if it cannot. */
export function whySkipped(blob: BlobRead, maxFileBytes: number): string | undefined {
  if (blob === null) return 'not a file at the head commit';
  if (blob.isBinary) return 'binary file';
  if (blob.byteSize > maxFileBytes) return `larger than review.maxFileBytes (${blob.byteSize} > ${maxFileBytes} bytes)`;
  if (blob.isTruncated || blob.text === null) return 'content truncated by the GitHub API';
  return undefined;
}
