import { adrDirsFromFiles } from '../core/document/classify.js';
import type { GitHub } from './github-client.js';
import { readBlobBatch } from './read-blobs.js';

/**
 * What an `/adr` command reads of the default branch, pinned to one commit:
 * its head (one ref read), every path with its blob sha (one recursive tree
 * read), and in one GraphQL query the folder hints (`.adr-dir`,
 * `.log4brains.yml`) and whatever else the caller asks for once it has seen
 * the paths (a repository template, the record to supersede). A repository
 * without hints and extras costs two requests.
 */

/** The default branch at one commit. */
export interface AdrRepositorySnapshot {
  branch: string;
  sha: string;
  paths: string[];
  /** Blob sha by path (a file update needs the blob it replaces). */
  blobs: Map<string, string>;
  adrDirs: string[];
  /** Texts of the extra paths asked for that exist as files. */
  texts: Map<string, string>;
  /** GitHub cut the tree short (over 100,000 entries): numbers may be missed, the create step still refuses clashes. */
  truncated: boolean;
}

const HINTS = ['.adr-dir', '.log4brains.yml'];

/** Read the branch head, its tree, the folder hints and the extra paths `wanted` picks from the tree. */
export async function readAdrRepository(
  gh: GitHub,
  params: { owner: string; repo: string; branch: string; wanted?: (paths: readonly string[]) => string[] },
): Promise<AdrRepositorySnapshot> {
  const { owner, repo, branch } = params;
  const { data: ref } = await gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
  const sha = ref.object.sha;
  const { data: tree } = await gh.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: 'true' });
  const blobs = new Map<string, string>();
  for (const entry of tree.tree) if (entry.type === 'blob' && entry.path && entry.sha) blobs.set(entry.path, entry.sha);
  const paths = [...blobs.keys()];
  const extra = params.wanted?.(paths) ?? [];
  const toRead = [...new Set([...HINTS, ...extra])].filter((p) => blobs.has(p));
  const read = await readBlobBatch(gh, owner, repo, sha, toRead);
  const texts = new Map<string, string>();
  for (const [path, blob] of read) if (blob?.text !== null && blob?.text !== undefined) texts.set(path, blob.text);
  const adrDirs = adrDirsFromFiles({ adrDir: texts.get('.adr-dir'), log4brains: texts.get('.log4brains.yml') });
  return { branch, sha, paths, blobs, adrDirs, texts, truncated: tree.truncated };
}
