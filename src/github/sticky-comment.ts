import { isSummaryCommentBody, SUMMARY_MARKER } from '../core/publish/types.js';
import type { GitHub } from './github-client.js';

/**
 * The one summary comment of the bot on a pull request, edited in place.
 * Ours means: written by the bot's login AND starting with the hidden marker;
 * a marker quoted in someone else's comment, or further down in another of
 * the bot's comments (document text it quotes), is not ours.
 */

/** Where the comment goes, who the bot is, and the rendered body (with its marker). */
export interface SummaryCommentParams {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The login the token writes as, e.g. `design-review[bot]`. */
  botLogin: string;
  body: string;
}

/** What `upsertSummaryComment` did, and the comment it did it to. */
export interface SummaryCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
}

/** Creates the summary comment, or updates ours when its body differs; finds ours on any page. */
export async function upsertSummaryComment(gh: GitHub, params: SummaryCommentParams): Promise<SummaryCommentResult> {
  const { owner, repo, issueNumber, botLogin, body } = params;
  if (!isSummaryCommentBody(body)) {
    throw new Error(`upsertSummaryComment: the body must carry ${SUMMARY_MARKER} as its first line so the next review finds and edits it`);
  }
  let ours: { id: number; body: string } | undefined;
  // Stop paging as soon as our comment shows up.
  await gh.paginate(gh.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 }, (response, done) => {
    for (const comment of response.data) {
      if (ours === undefined && comment.user?.login === botLogin && isSummaryCommentBody(comment.body ?? '')) {
        ours = { id: comment.id, body: comment.body ?? '' };
      }
    }
    if (ours !== undefined) done();
    return [];
  });
  if (ours === undefined) {
    const { data } = await gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { action: 'created', commentId: data.id };
  }
  if (normalize(ours.body) === normalize(body)) return { action: 'unchanged', commentId: ours.id };
  await gh.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body });
  return { action: 'updated', commentId: ours.id };
}

// GitHub may store the body with CRLF line ends; compare text, not bytes.
function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd();
}
