// JSON for state records in GitHub's REST response shapes (field names and nesting from the
// OpenAPI response schemas: simple-user, repository, pull-request, issue, check-run, ...).
// URLs point back at the double so following them (pagination, `url` fields) stays local.
import type { BlobObject } from './git-objects.js';
import type {
  Account,
  CheckRunRecord,
  GitHubState,
  InstallationRecord,
  IssueCommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  ReactionRecord,
  RepoRecord,
  ReviewCommentRecord,
  ReviewRecord,
} from './state.js';

/** Base URLs for links in responses: `api` keeps any `/api/v3` prefix the client used. */
export interface Urls {
  api: string;
  web: string;
}

function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`0:${kind}${id}`).toString('base64').replace(/=+$/, '');
}

/** A simple-user object. */
export function userJson(urls: Urls, user: Account): Record<string, unknown> {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `${urls.web}/avatars/u/${user.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${user.type === 'Bot' ? `apps/${user.login.replace(/\[bot\]$/, '')}` : user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** A repository object (the fields of `repository`/`full-repository`). */
export function repoJson(urls: Urls, repo: RepoRecord): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const html = `${urls.web}/${repo.fullName}`;
  const host = new URL(urls.web).host;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: userJson(urls, repo.owner),
    html_url: html,
    description: repo.description,
    fork: repo.parent !== undefined,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    git_url: `git://${host}/${repo.fullName}.git`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    mirror_url: null,
    homepage: null,
    language: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    forks_count: 0,
    forks: 0,
    open_issues_count: 0,
    open_issues: 0,
    has_issues: repo.hasIssues ?? true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repo.archived,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    default_branch: repo.defaultBranch,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
  };
}

/** A full-repository object, what GET /repos/{owner}/{repo} answers. */
export function fullRepoJson(urls: Urls, repo: RepoRecord): Record<string, unknown> {
  return { ...repoJson(urls, repo), network_count: 0, subscribers_count: 0 };
}

/** An integration (GitHub App) object. */
export function appJson(urls: Urls, state: GitHubState): Record<string, unknown> {
  const { app } = state;
  const anyInstallation = [...state.installations.values()][0];
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('Integration', app.id),
    client_id: `Iv1.${app.id.toString(16).padStart(16, '0')}`,
    owner: userJson(urls, app.owner),
    name: app.name,
    description: null,
    external_url: `${urls.web}/apps/${app.slug}`,
    html_url: `${urls.web}/apps/${app.slug}`,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    permissions: anyInstallation?.permissions ?? {},
    events: anyInstallation?.events ?? [],
    installations_count: state.installations.size,
  };
}

/** An installation object. */
export function installationJson(urls: Urls, state: GitHubState, installation: InstallationRecord): Record<string, unknown> {
  return {
    id: installation.id,
    account: userJson(urls, installation.account),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/organizations/${installation.account.login}/settings/installations/${installation.id}`,
    app_id: state.app.id,
    app_slug: state.app.slug,
    client_id: `Iv1.${state.app.id.toString(16).padStart(16, '0')}`,
    target_id: installation.account.id,
    target_type: installation.account.type,
    permissions: installation.permissions,
    events: installation.events,
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** A label object. */
export function labelJson(urls: Urls, repo: RepoRecord, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

/** How GitHub relates a user to a repository in `author_association`. */
export function authorAssociation(repo: RepoRecord, user: Account): string {
  if (user.login.toLowerCase() === repo.owner.login.toLowerCase()) return 'OWNER';
  const permission = repo.permissions.get(user.login.toLowerCase());
  if (permission === undefined || permission === 'none') return 'NONE';
  return 'COLLABORATOR';
}

function reactionRollup(url: string, state: GitHubState, subject: string): Record<string, unknown> {
  const counts: Record<string, number> = { '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 };
  const mine = state.reactions.filter((r) => r.subject === subject);
  for (const r of mine) counts[r.content] = (counts[r.content] ?? 0) + 1;
  return { url: `${url}/reactions`, total_count: mine.length, ...counts };
}

/** An issue object (pull requests carry a `pull_request` key, as in GitHub's issue lists). */
export function issueJson(urls: Urls, state: GitHubState, issue: IssueRecord): Record<string, unknown> {
  const repo = state.repo(issue.repo);
  const api = `${urls.api}/repos/${repo.fullName}/issues/${issue.number}`;
  const html = `${urls.web}/${repo.fullName}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`;
  return {
    id: issue.id,
    node_id: nodeId(issue.isPullRequest ? 'PullRequest' : 'Issue', issue.id),
    url: api,
    repository_url: `${urls.api}/repos/${repo.fullName}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(urls, issue.user),
    labels: issue.labels.map((name) => labelJson(urls, repo, state.ensureLabel(repo.fullName, name))),
    assignee: issue.assignees?.[0] === undefined ? null : userJson(urls, state.account(issue.assignees[0])),
    assignees: (issue.assignees ?? []).map((login) => userJson(urls, state.account(login))),
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: state.commentsOn(repo.fullName, issue.number).length,
    ...(issue.isPullRequest
      ? {
          pull_request: {
            url: `${urls.api}/repos/${repo.fullName}/pulls/${issue.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: null,
          },
        }
      : {}),
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: authorAssociation(repo, issue.user),
    reactions: reactionRollup(api, state, `issue:${repo.fullName.toLowerCase()}#${issue.number}`),
  };
}

/** An issue comment object. */
export function issueCommentJson(urls: Urls, state: GitHubState, comment: IssueCommentRecord): Record<string, unknown> {
  const repo = state.repo(comment.repo);
  const api = `${urls.api}/repos/${repo.fullName}/issues/comments/${comment.id}`;
  const issue = state.findIssue(repo.fullName, comment.issueNumber);
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: api,
    html_url: `${urls.web}/${repo.fullName}/${issue?.isPullRequest ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${urls.api}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(repo, comment.user),
    performed_via_github_app: comment.user.login === state.app.bot.login ? appJson(urls, state) : null,
    reactions: reactionRollup(api, state, `issue-comment:${comment.id}`),
  };
}

function branchJson(urls: Urls, state: GitHubState, side: PullRecord['head']): Record<string, unknown> {
  const repo = state.repo(side.repo);
  return {
    label: `${repo.owner.login}:${side.ref}`,
    ref: side.ref,
    sha: side.sha,
    user: userJson(urls, repo.owner),
    repo: repoJson(urls, repo),
  };
}

/** A pull-request object, with counts computed from the state. */
export function pullJson(urls: Urls, state: GitHubState, pull: PullRecord): Record<string, unknown> {
  const repo = state.repo(pull.repo);
  const issue = state.findIssue(repo.fullName, pull.number)!;
  const api = `${urls.api}/repos/${repo.fullName}/pulls/${pull.number}`;
  const issueApi = `${urls.api}/repos/${repo.fullName}/issues/${pull.number}`;
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}`;
  const reviewComments = [...state.reviewComments.values()].filter((c) => c.repo === repo.fullName && c.pullNumber === pull.number);
  return {
    url: api,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${urls.api}/repos/${repo.fullName}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${urls.api}/repos/${repo.fullName}/statuses/${pull.head.sha}`,
    number: pull.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userJson(urls, issue.user),
    body: issue.body,
    labels: issue.labels.map((name) => labelJson(urls, repo, state.ensureLabel(repo.fullName, name))),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: issue.assignees?.[0] === undefined ? null : userJson(urls, state.account(issue.assignees[0])),
    assignees: (issue.assignees ?? []).map((login) => userJson(urls, state.account(login))),
    requested_reviewers: [],
    requested_teams: [],
    head: branchJson(urls, state, pull.head),
    base: branchJson(urls, state, pull.base),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${urls.api}/repos/${repo.fullName}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${urls.api}/repos/${repo.fullName}/statuses/${pull.head.sha}` },
    },
    author_association: authorAssociation(repo, issue.user),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: state.commentsOn(repo.fullName, pull.number).length,
    review_comments: reviewComments.length,
    maintainer_can_modify: false,
    commits: countCommits(state, pull),
    additions: pull.files.reduce((n, f) => n + f.additions, 0),
    deletions: pull.files.reduce((n, f) => n + f.deletions, 0),
    changed_files: pull.files.length,
  };
}

function countCommits(state: GitHubState, pull: PullRecord): number {
  const base = state.mergeBase(pull.base.sha, pull.head.sha);
  let count = 0;
  let sha: string | undefined = pull.head.sha;
  while (sha !== undefined && sha !== base && count < 10_000) {
    count += 1;
    const commit = state.objects.get(sha);
    sha = commit?.type === 'commit' ? commit.parents[0] : undefined;
  }
  return count;
}

/** A diff-entry object (one file of a pull request). */
export function diffEntryJson(urls: Urls, repo: RepoRecord, headSha: string, file: PullRecord['files'][number]): Record<string, unknown> {
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${urls.web}/${repo.fullName}/blob/${headSha}/${path}`,
    raw_url: `${urls.web}/${repo.fullName}/raw/${headSha}/${path}`,
    contents_url: `${urls.api}/repos/${repo.fullName}/contents/${path}?ref=${headSha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
  };
}

/** A pull-request-review object. */
export function reviewJson(urls: Urls, state: GitHubState, review: ReviewRecord): Record<string, unknown> {
  const repo = state.repo(review.repo);
  const html = `${urls.web}/${repo.fullName}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  const pullApi = `${urls.api}/repos/${repo.fullName}/pulls/${review.pullNumber}`;
  return {
    id: review.id,
    node_id: nodeId('PullRequestReview', review.id),
    user: userJson(urls, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullApi,
    author_association: authorAssociation(repo, review.user),
    _links: { html: { href: html }, pull_request: { href: pullApi } },
    ...(review.submittedAt === null ? {} : { submitted_at: review.submittedAt }),
    commit_id: review.commitId,
  };
}

/** A pull-request-review-comment object. */
export function reviewCommentJson(urls: Urls, state: GitHubState, comment: ReviewCommentRecord): Record<string, unknown> {
  const repo = state.repo(comment.repo);
  const api = `${urls.api}/repos/${repo.fullName}/pulls/comments/${comment.id}`;
  const html = `${urls.web}/${repo.fullName}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const pullApi = `${urls.api}/repos/${repo.fullName}/pulls/${comment.pullNumber}`;
  return {
    url: api,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: nodeId('PullRequestReviewComment', comment.id),
    diff_hunk: comment.diffHunk,
    path: comment.path,
    position: comment.position,
    original_position: comment.position,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    user: userJson(urls, comment.user),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: pullApi,
    author_association: authorAssociation(repo, comment.user),
    _links: { self: { href: api }, html: { href: html }, pull_request: { href: pullApi } },
    start_line: comment.startLine,
    original_start_line: comment.startLine,
    start_side: comment.startSide,
    line: comment.line,
    original_line: comment.line,
    side: comment.side,
    subject_type: 'line',
    reactions: reactionRollup(api, state, `review-comment:${comment.id}`),
  };
}

/** A check-run object. */
export function checkRunJson(urls: Urls, state: GitHubState, run: CheckRunRecord): Record<string, unknown> {
  const repo = state.repo(run.repo);
  const api = `${urls.api}/repos/${repo.fullName}/check-runs/${run.id}`;
  const pulls = [...state.pulls.values()].filter((p) => p.repo === repo.fullName && p.head.sha === run.headSha);
  const mini = (side: PullRecord['head']): Record<string, unknown> => {
    const r = state.repo(side.repo);
    return { ref: side.ref, sha: side.sha, repo: { id: r.id, url: `${urls.api}/repos/${r.fullName}`, name: r.name } };
  };
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CheckRun', run.id),
    external_id: run.externalId,
    url: api,
    html_url: `${urls.web}/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${urls.web}/apps/${state.app.slug}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id + 1_000_000 },
    app: appJson(urls, state),
    pull_requests: pulls.map((p) => ({
      url: `${urls.api}/repos/${repo.fullName}/pulls/${p.number}`,
      id: p.id,
      number: p.number,
      head: mini(p.head),
      base: mini(p.base),
    })),
  };
}

/** A reaction object. */
export function reactionJson(urls: Urls, reaction: ReactionRecord): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: nodeId('Reaction', reaction.id),
    user: userJson(urls, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

/** GitHub's base64 wrapping: 60 characters per line, each line ending in "\n". */
export function base64Lines(content: Buffer): string {
  const encoded = content.toString('base64');
  return encoded === '' ? '' : `${encoded.match(/.{1,60}/g)!.join('\n')}\n`;
}

/** A blob object from the git database API. */
export function blobJson(urls: Urls, repo: RepoRecord, blob: BlobObject): Record<string, unknown> {
  return {
    sha: blob.sha,
    node_id: nodeId('Blob', blob.sha),
    size: blob.content.length,
    url: `${urls.api}/repos/${repo.fullName}/git/blobs/${blob.sha}`,
    content: base64Lines(blob.content),
    encoding: 'base64',
  };
}
