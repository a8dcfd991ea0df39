import { fingerprintOf, type InlineComment } from '../core/publish/types.js';
import { httpStatus, type GitHub } from './github-client.js';

/**
 * Inline findings as pull request review comments, kept in step with the
 * latest review: a finding already commented is not posted again, a comment
 * whose finding is gone (fixed) is deleted, the new ones go out as ONE review.
 * When GitHub refuses the review (422: a line outside the diff), each new
 * comment is retried on its own and the ones that still fail are handed back
 * for the summary comment. A comment is ours when the bot wrote it and it ends
 * with a finding marker (`fingerprintOf` reads only that last line, so a
 * marker quoted from a document in a suggestion block is never taken for it).
 */

/** Where the comments go and who the bot is. */
export interface SyncReviewCommentsParams {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head commit the comments are written against. */
  commitId: string;
  /** The login the token writes as, e.g. `design-review[bot]`. */
  botLogin: string;
}

/** What the sync did. */
export interface SyncReviewCommentsResult {
  /** New comments now on the pull request. */
  posted: InlineComment[];
  /** Our comments left as they were (their finding is still there). */
  kept: number;
  /** Our comments deleted (finding fixed, or a duplicate of a kept one). */
  deleted: number;
  /** New comments GitHub would not place on the diff: show them in the summary instead. */
  failed: InlineComment[];
}

/** Posts new findings as one review, keeps the ones already there, deletes the fixed ones. */
export async function syncReviewComments(gh: GitHub, params: SyncReviewCommentsParams, comments: InlineComment[]): Promise<SyncReviewCommentsResult> {
  const { owner, repo, pullNumber } = params;
  const wanted = new Set(comments.map((c) => c.fingerprint));

  // Steps: read our existing comments -> delete the fixed (and duplicates) -> post what is new.
  const existing = await gh.paginate(gh.rest.pulls.listReviewComments, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const seen = new Set<string>();
  const stale: number[] = [];
  let kept = 0;
  for (const comment of existing) {
    if (comment.user?.login !== params.botLogin) continue;
    const fingerprint = fingerprintOf(comment.body);
    if (fingerprint === undefined) continue;
    if (wanted.has(fingerprint) && !seen.has(fingerprint)) {
      seen.add(fingerprint);
      kept += 1;
    } else {
      stale.push(comment.id);
    }
  }
  let deleted = 0;
  for (const id of stale) {
    try {
      await gh.rest.pulls.deleteReviewComment({ owner, repo, comment_id: id });
      deleted += 1;
    } catch (error) {
      // Already gone (deleted by a person or a concurrent run): nothing left to resolve.
      if (httpStatus(error) !== 404) throw error;
    }
  }

  const fresh: InlineComment[] = [];
  for (const comment of comments) {
    if (seen.has(comment.fingerprint)) continue;
    seen.add(comment.fingerprint);
    fresh.push(comment);
  }
  if (fresh.length === 0) return { posted: [], kept, deleted, failed: [] };

  try {
    await postReview(gh, params, fresh);
    return { posted: fresh, kept, deleted, failed: [] };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
  }
  // One line outside the diff fails the whole review: retry one by one so the others still land.
  const posted: InlineComment[] = [];
  const failed: InlineComment[] = [];
  for (const comment of fresh) {
    try {
      await postReview(gh, params, [comment]);
      posted.push(comment);
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      failed.push(comment);
    }
  }
  return { posted, kept, deleted, failed };
}

async function postReview(gh: GitHub, params: SyncReviewCommentsParams, comments: InlineComment[]): Promise<void> {
  await gh.rest.pulls.createReview({
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    commit_id: params.commitId,
    event: 'COMMENT',
    comments: comments.map((c) => ({ path: c.path, line: c.line, side: 'RIGHT', body: c.body })),
  });
}
