import { githubMessage, httpStatus, type GitHub } from './github-client.js';

/**
 * The branch, commit(s) and draft pull request of an `/adr new` or
 * `/adr supersede`, through the contents API: create the branch at the
 * default branch's head, then one PUT per file, then the pull request. For
 * one or two files that is 3–4 requests; the git data API needs blob(s),
 * tree, commit and ref (4–5, or 3 with inline tree contents) and could not
 * use the branch creation as the first, atomic claim on the number.
 * Anything failing after the branch exists deletes the branch again, so a
 * retry (or a person) never trips over a half-made proposal.
 */

/** One file to write on the new branch; `sha` is the blob being replaced (an existing file), absent for a new one. */
export interface AdrFileWrite {
  path: string;
  content: string;
  sha?: string;
  message: string;
}

/** What the proposal consists of. */
export interface AdrPullRequestParams {
  owner: string;
  repo: string;
  /** The default branch and its head commit. */
  base: { ref: string; sha: string };
  branch: string;
  /**
   * The branch-name prefix every proposal of this number shares (`adr/0007-`). The branch name
   * carries the title's slug, so two proposals of one number with different titles do not collide
   * on createRef: after creating ours, the branches with this prefix decide who keeps the number.
   */
  claimPrefix?: string;
  /** The pause of the claim check (tests pass a fake one); a real timer by default. */
  wait?: (ms: number) => Promise<void>;
  files: AdrFileWrite[];
  title: string;
  body: string;
  draft: boolean;
}

/** The branch name is taken (GitHub: 422 "Reference already exists"): another proposal got this number first. */
export class BranchExistsError extends Error {
  constructor(readonly branch: string) {
    super(`branch ${branch} already exists`);
    this.name = 'BranchExistsError';
  }
}

/**
 * Another branch claims the same number (`adr/0007-other-title`) and we gave it up (see
 * checkClaim); our branch is deleted again and the caller takes the next number.
 */
export class NumberClaimedError extends Error {
  constructor(
    readonly branch: string,
    readonly claimedBy: string,
  ) {
    super(`${claimedBy} claims the number of ${branch}`);
    this.name = 'NumberClaimedError';
  }
}

/** A new file's path is taken on the branch (another record with this number landed): the number is taken. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

/** Which step failed, for the reply (`create the branch`, `commit …`, `open the pull request`). */
export class ProposalStepError extends Error {
  constructor(
    readonly step: string,
    readonly cause: unknown,
  ) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ProposalStepError';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Create the branch, commit the files and open the pull request; returns its number and URL. */
export async function createAdrPullRequest(gh: GitHub, params: AdrPullRequestParams): Promise<{ number: number; url: string }> {
  const { owner, repo, branch } = params;
  try {
    await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: params.base.sha });
  } catch (error) {
    if (httpStatus(error) === 422 && /reference already exists/i.test(githubMessage(error))) throw new BranchExistsError(branch);
    throw new ProposalStepError(`create the branch ${branch}`, error);
  }
  try {
    if (params.claimPrefix !== undefined) await checkClaim(gh, { owner, repo, branch, prefix: params.claimPrefix, wait: params.wait ?? sleep });
    for (const file of params.files) {
      try {
        await gh.rest.repos.createOrUpdateFileContents({
          owner,
          repo,
          path: file.path,
          branch,
          message: file.message,
          content: Buffer.from(file.content, 'utf8').toString('base64'),
          ...(file.sha === undefined ? {} : { sha: file.sha }),
        });
      } catch (error) {
        // A new file without `sha` where one exists: GitHub answers 422 "sha wasn't supplied".
        if (file.sha === undefined && httpStatus(error) === 422 && /sha/i.test(githubMessage(error))) throw new FileExistsError(file.path);
        throw new ProposalStepError(`commit ${file.path}`, error);
      }
    }
    const pull = await openPullRequest(gh, {
      owner,
      repo,
      head: branch,
      base: params.base.ref,
      title: params.title,
      body: params.body,
      draft: params.draft,
    });
    return pull;
  } catch (error) {
    await gh.rest.git.deleteRef({ owner, repo, ref: `heads/${branch}` }).catch(() => undefined);
    throw error;
  }
}

/** How long the smallest of several claims waits before it looks again (the others delete theirs). */
export const CLAIM_RECHECK_MS = 1500;

/**
 * Keep the number only when no other branch with `prefix` is there. The plain "smaller name wins"
 * is not enough: a larger branch that listed before the smaller one existed keeps the number, and
 * the smaller one, listing later, would keep it too. So a claim that sees another one sorting
 * before it gives up at once, and the smallest one waits a moment and lists again: it keeps the
 * number only if the others are gone by then (they saw it and gave up). Two claims then never both
 * keep one number (each kept only after a listing without the other, which cannot happen to both);
 * at worst both give up and take the next number. Throws NumberClaimedError when we give up.
 */
async function checkClaim(gh: GitHub, params: { owner: string; repo: string; branch: string; prefix: string; wait: (ms: number) => Promise<void> }): Promise<void> {
  const ours = `refs/heads/${params.branch}`;
  const others = async (): Promise<string[]> => {
    try {
      const { data } = await gh.rest.git.listMatchingRefs({ owner: params.owner, repo: params.repo, ref: `heads/${params.prefix}` });
      // Plain code-unit order, not localeCompare: every replica must agree on the order.
      return data.map((r) => r.ref).filter((ref) => ref !== ours).sort();
    } catch (error) {
      throw new ProposalStepError(`check the branches of ${params.prefix}`, error);
    }
  };
  const short = (ref: string) => ref.replace(/^refs\/heads\//, '');
  let seen = await others();
  if (seen.length === 0) return;
  if (seen[0]! < ours) throw new NumberClaimedError(params.branch, short(seen[0]!));
  await params.wait(CLAIM_RECHECK_MS);
  seen = await others();
  if (seen.length > 0) throw new NumberClaimedError(params.branch, short(seen[0]!));
}

/** What a pull request is opened with. */
export interface PullRequestOpening {
  owner: string;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
}

/**
 * Open a pull request, as a draft when asked and the repository allows drafts;
 * any refusal is a ProposalStepError of the step "open the pull request".
 */
export async function openPullRequest(gh: GitHub, params: PullRequestOpening): Promise<{ number: number; url: string }> {
  const request = { owner: params.owner, repo: params.repo, head: params.head, base: params.base, title: params.title, body: params.body };
  try {
    const { data } = await gh.rest.pulls.create({ ...request, draft: params.draft });
    return { number: data.number, url: data.html_url };
  } catch (error) {
    // Private repositories on some plans have no drafts: open a ready pull request rather than none.
    if (params.draft && httpStatus(error) === 422 && /draft/i.test(githubMessage(error))) {
      try {
        const { data } = await gh.rest.pulls.create({ ...request, draft: false });
        return { number: data.number, url: data.html_url };
      } catch (retryError) {
        throw new ProposalStepError('open the pull request', retryError);
      }
    }
    throw new ProposalStepError('open the pull request', error);
  }
}
