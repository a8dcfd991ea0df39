// Payload patches taken from the double's state, so a delivery names the same repository,
// installation, pull request and head sha the double will serve when the app calls back.
import type { PayloadPatch } from './deliveries.js';
import { issueCommentJson, issueJson, pullJson, repoJson, userJson, type Urls } from './response-shapes.js';
import type { GitHubState } from './state.js';

function urlsFor(baseUrl: string): Urls {
  return { api: baseUrl, web: baseUrl };
}

function repositoryPart(state: GitHubState, urls: Urls, fullName: string): PayloadPatch {
  const repo = state.repo(fullName);
  if (repo.installationId === undefined) throw new Error(`github-double: ${fullName} has no installation; pass installationId to addRepo`);
  return {
    repository: repoJson(urls, repo),
    installation: { id: repo.installationId, node_id: Buffer.from(`Installation${repo.installationId}`).toString('base64') },
    organization: undefined,
  };
}

/** Patch for a `pull_request` delivery about `fullName#number` as the state holds it. */
export function pullRequestPatch(state: GitHubState, baseUrl: string, fullName: string, number: number): PayloadPatch {
  const urls = urlsFor(baseUrl);
  const pull = state.findPull(fullName, number);
  if (pull === undefined) throw new Error(`github-double: no pull request ${fullName}#${number}`);
  const pullRequest = pullJson(urls, state, pull);
  return { ...repositoryPart(state, urls, fullName), number, pull_request: pullRequest, sender: pullRequest['user'] };
}

/** Patch for an `issue_comment` delivery about a comment the state holds (on an issue or a pull request). */
export function issueCommentPatch(state: GitHubState, baseUrl: string, commentId: number): PayloadPatch {
  const urls = urlsFor(baseUrl);
  const comment = state.issueComments.get(commentId);
  if (comment === undefined) throw new Error(`github-double: no issue comment ${commentId}`);
  const issue = state.findIssue(comment.repo, comment.issueNumber)!;
  return {
    ...repositoryPart(state, urls, comment.repo),
    issue: issueJson(urls, state, issue),
    comment: issueCommentJson(urls, state, comment),
    sender: userJson(urls, comment.user),
  };
}
