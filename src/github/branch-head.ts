import { httpStatus, type GitHub, type RepoRef } from './github-client.js';

/**
 * The commit a branch points at, read with a conditional request: with the
 * ETag of the last answer GitHub says 304 Not Modified when the branch did not
 * move, and a 304 does not count against the rate limit.
 */

/** What the conditional read found. */
export type BranchHead =
  | { kind: 'not-modified' }
  | { kind: 'moved'; sha: string; etag?: string }
  | { kind: 'missing' };

/** Read `refs/heads/<branch>`; `etag` makes it conditional. A 404 (branch renamed or deleted) is `missing`. */
export async function readBranchHead(gh: GitHub, target: RepoRef, branch: string, etag?: string): Promise<BranchHead> {
  try {
    const response = await gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      owner: target.owner,
      repo: target.repo,
      ref: `heads/${branch}`,
      ...(etag ? { headers: { 'if-none-match': etag } } : {}),
    });
    const data = response.data as { object?: { sha?: string } };
    const sha = data.object?.sha;
    if (typeof sha !== 'string') return { kind: 'missing' };
    const tag = response.headers.etag;
    return { kind: 'moved', sha, ...(typeof tag === 'string' ? { etag: tag } : {}) };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 304) return { kind: 'not-modified' };
    // A renamed branch, or a repository gone: the full sweep that follows tells which.
    if (status === 404) return { kind: 'missing' };
    throw error;
  }
}
