import type { GitHub } from './github-client.js';

/** A pull request as GitHub's REST API gives it. */
export type PullRequest = Awaited<ReturnType<GitHub['rest']['pulls']['get']>>['data'];

/** Read a pull request: its head and base commits, draft state and repositories. */
export async function readPullRequest(gh: GitHub, at: { owner: string; repo: string; pullNumber: number }): Promise<PullRequest> {
  const { data } = await gh.rest.pulls.get({ owner: at.owner, repo: at.repo, pull_number: at.pullNumber });
  return data;
}
