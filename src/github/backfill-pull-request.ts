import { createHash } from 'node:crypto';
import { httpStatus, validationMessages, type GitHub, type RepoRef } from './github-client.js';
import { BACKFILL_BRANCH_NAME } from '../core/commands/replies.js';
import { openPullRequest, ProposalStepError } from './adr-pull-request.js';

/**
 * The one pull request of `/adr backfill`, written through the Git Data API:
 * one tree (with every file's new text inline, on the default branch's tree),
 * one commit, one ref move; so a backfill of a thousand records costs the
 * same handful of requests as one of ten. The branch is the bot's own
 * (`adr/backfill-revisit-triggers`): each run rebuilds it on the default
 * branch's head, so it holds exactly what is still missing there.
 */

/** The branch every backfill is proposed on. */
export const BACKFILL_BRANCH = BACKFILL_BRANCH_NAME;

/** The open backfill pull request, as the next run needs it. */
export interface BackfillPull {
  number: number;
  url: string;
  headSha: string;
}

/** The bot's open pull request from the backfill branch, if any (one request). */
export async function findBackfillPullRequest(gh: GitHub, target: RepoRef & { botLogin: string }): Promise<BackfillPull | undefined> {
  const { data } = await gh.rest.pulls.list({ owner: target.owner, repo: target.repo, state: 'open', head: `${target.owner}:${BACKFILL_BRANCH}`, per_page: 10 });
  const pull = data.find((p) => p.user?.login === target.botLogin && p.head.ref === BACKFILL_BRANCH);
  return pull === undefined ? undefined : { number: pull.number, url: pull.html_url, headSha: pull.head.sha };
}

/** The git blob id of a text: what the tree will hold for it, so a run can tell which files a branch already has. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The tree of `baseTree` with `files` replaced (one request); returns its sha. */
export async function writeTree(gh: GitHub, target: RepoRef, baseTree: string, files: readonly { path: string; content: string }[]): Promise<string> {
  try {
    const { data } = await gh.rest.git.createTree({
      owner: target.owner,
      repo: target.repo,
      base_tree: baseTree,
      tree: files.map((f) => ({ path: f.path, mode: '100644' as const, type: 'blob' as const, content: f.content })),
    });
    return data.sha;
  } catch (error) {
    throw new ProposalStepError('write the records', error);
  }
}

/** The tree sha of a commit (one request). */
export async function treeOfCommit(gh: GitHub, target: RepoRef, commit: string): Promise<string> {
  const { data } = await gh.rest.git.getCommit({ owner: target.owner, repo: target.repo, commit_sha: commit });
  return data.tree.sha;
}

/** The blob sha of each path in a commit's tree (one recursive read), to tell what a branch already holds. */
export async function blobsOfCommit(gh: GitHub, target: RepoRef, commit: string): Promise<Map<string, string>> {
  const { data } = await gh.rest.git.getTree({ owner: target.owner, repo: target.repo, tree_sha: commit, recursive: 'true' });
  const blobs = new Map<string, string>();
  for (const entry of data.tree) if (entry.type === 'blob' && entry.path && entry.sha) blobs.set(entry.path, entry.sha);
  return blobs;
}

/** One commit of `tree` on `parent`, and the backfill branch moved (or created) to it: two requests. */
export async function commitToBackfillBranch(gh: GitHub, target: RepoRef, params: { tree: string; parent: string; message: string }): Promise<string> {
  let sha: string;
  try {
    const { data } = await gh.rest.git.createCommit({ owner: target.owner, repo: target.repo, message: params.message, tree: params.tree, parents: [params.parent] });
    sha = data.sha;
  } catch (error) {
    throw new ProposalStepError('commit the records', error);
  }
  try {
    // Force: the branch is rebuilt on the default branch at every run, never built upon.
    await gh.rest.git.updateRef({ owner: target.owner, repo: target.repo, ref: `heads/${BACKFILL_BRANCH}`, sha, force: true });
  } catch (error) {
    if (httpStatus(error) !== 422 && httpStatus(error) !== 404) throw new ProposalStepError(`move the branch ${BACKFILL_BRANCH}`, error);
    try {
      await gh.rest.git.createRef({ owner: target.owner, repo: target.repo, ref: `refs/heads/${BACKFILL_BRANCH}`, sha });
    } catch (createError) {
      // Another run created it between our two requests: move it as we meant to.
      if (httpStatus(createError) !== 422) throw new ProposalStepError(`create the branch ${BACKFILL_BRANCH}`, createError);
      await gh.rest.git.updateRef({ owner: target.owner, repo: target.repo, ref: `heads/${BACKFILL_BRANCH}`, sha, force: true });
    }
  }
  return sha;
}

/**
 * Open the backfill pull request, or edit the open one's title and body.
 * Two runs at once may both try to open it: the second finds the first's and edits it.
 */
export async function openOrUpdateBackfillPull(
  gh: GitHub,
  target: RepoRef & { botLogin: string; base: string; title: string; body: string; draft: boolean; existing?: BackfillPull },
): Promise<{ number: number; url: string; opened: boolean }> {
  const edit = async (pull: { number: number; url: string }) => {
    try {
      await gh.rest.pulls.update({ owner: target.owner, repo: target.repo, pull_number: pull.number, title: target.title, body: target.body });
    } catch (error) {
      throw new ProposalStepError('update the pull request', error);
    }
    return { number: pull.number, url: pull.url, opened: false };
  };
  if (target.existing) return edit(target.existing);
  try {
    const pull = await openPullRequest(gh, { owner: target.owner, repo: target.repo, head: BACKFILL_BRANCH, base: target.base, title: target.title, body: target.body, draft: target.draft });
    return { ...pull, opened: true };
  } catch (error) {
    // GitHub's 422 "Validation Failed" says in its errors list that the branch has an open pull request.
    const cause = error instanceof ProposalStepError ? error.cause : error;
    if (httpStatus(cause) === 422 && /already exists/i.test(validationMessages(cause))) {
      const theirs = await findBackfillPullRequest(gh, target);
      if (theirs) return edit(theirs);
    }
    throw error;
  }
}
