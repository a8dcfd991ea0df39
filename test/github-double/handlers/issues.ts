// Issues, issue comments (also a pull request's conversation), labels and reactions.
import { issueCommentJson, issueJson, labelJson, reactionJson } from '../response-shapes.js';
import type { IssueCommentRecord, IssueRecord, ReactionRecord, RepoRecord } from '../state.js';
import { actor, assertWritable, GitHubHttpError, intParam, notFound, repoFromParams, validationFailed, type Handler, type HandlerContext } from './context.js';
import { paginate } from './pagination.js';

function issueFromParams(ctx: HandlerContext): IssueRecord {
  const repo = repoFromParams(ctx);
  const issue = ctx.state.findIssue(repo.fullName, intParam(ctx, 'issue_number'));
  if (issue === undefined) throw notFound();
  return issue;
}

function commentFromParams(ctx: HandlerContext): IssueCommentRecord {
  const repo = repoFromParams(ctx);
  const comment = ctx.state.issueComments.get(intParam(ctx, 'comment_id'));
  if (comment === undefined || comment.repo !== repo.fullName) throw notFound();
  return comment;
}

// `labels` arrive as names or as {name} objects depending on the client.
function labelNames(labels: unknown): string[] {
  const list = Array.isArray(labels) ? labels : [];
  return list.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? ''))).filter((n) => n !== '');
}

function setState(issue: IssueRecord, state: 'open' | 'closed', reason: string | null | undefined, now: string): void {
  if (issue.state === state) return;
  issue.state = state;
  issue.closedAt = state === 'closed' ? now : null;
  issue.stateReason = state === 'closed' ? (reason ?? 'completed') : (reason ?? 'reopened');
}

// GitHub answers issue endpoints of a repository with issues turned off with 410 Gone.
function assertIssuesEnabled(repo: RepoRecord): void {
  if (repo.hasIssues === false) {
    throw new GitHubHttpError(410, { message: 'Issues are disabled for this repo', documentation_url: 'https://docs.github.com/v3/issues/', status: '410' });
  }
}

// Who can be assigned: collaborators with any access (the double's stand-in for GitHub's assignable users).
function refusedAssignees(ctx: HandlerContext, repo: RepoRecord, assignees: unknown): string[] {
  const logins = Array.isArray(assignees) ? assignees.filter((a): a is string => typeof a === 'string') : [];
  return logins.filter((login) => {
    const permission = repo.permissions.get(login.toLowerCase());
    return permission === undefined || permission === 'none' || !ctx.state.hasAccount(login);
  });
}

const listForRepo: Handler = (ctx) => {
  const repo = repoFromParams(ctx);
  assertIssuesEnabled(repo);
  const state = ctx.query.get('state') ?? 'open';
  const labels = (ctx.query.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter((l) => l !== '');
  const creator = ctx.query.get('creator')?.toLowerCase();
  const issues = [...ctx.state.issues.values()].filter(
    (i) =>
      i.repo === repo.fullName &&
      (state === 'all' || i.state === state) &&
      labels.every((l) => i.labels.some((name) => name.toLowerCase() === l)) &&
      (creator === undefined || i.user.login.toLowerCase() === creator),
  );
  const ascending = ctx.query.get('direction') === 'asc';
  issues.sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
  return paginate(ctx, issues, (i) => issueJson(ctx.urls, ctx.state, i));
};

function react(ctx: HandlerContext, subject: string): ReturnType<Handler> {
  const content = (ctx.body as { content: string }).content;
  const user = actor(ctx);
  const existing = ctx.state.reactions.find((r) => r.subject === subject && r.user.login === user.login && r.content === content);
  if (existing) return { status: 200, body: reactionJson(ctx.urls, existing) };
  const reaction: ReactionRecord = { id: ctx.state.nextId(), content, user, subject, createdAt: ctx.state.timestamp() };
  ctx.state.reactions.push(reaction);
  return { status: 201, body: reactionJson(ctx.urls, reaction) };
}

/** Handlers for issues/* and reactions/* operations, by operationId. */
export const issuesHandlers: Record<string, Handler> = {
  'issues/get': (ctx) => ({ status: 200, body: issueJson(ctx.urls, ctx.state, issueFromParams(ctx)) }),
  'issues/list-for-repo': listForRepo,
  'issues/create': (ctx) => {
    const repo = repoFromParams(ctx);
    assertWritable(repo);
    assertIssuesEnabled(repo);
    const input = ctx.body as { title: string | number; body?: string | null; labels?: unknown; assignees?: unknown };
    const refused = refusedAssignees(ctx, repo, input.assignees);
    if (refused.length > 0) {
      // GitHub's answer for an assignee who cannot be assigned to the repository's issues.
      throw validationFailed(refused.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })));
    }
    const issue = ctx.state.addIssue(repo.fullName, {
      title: String(input.title),
      body: input.body ?? null,
      user: actor(ctx).login,
      labels: labelNames(input.labels),
    });
    const assignees = Array.isArray(input.assignees) ? (input.assignees as string[]) : [];
    if (assignees.length > 0) issue.assignees = assignees.map((login) => ctx.state.account(login).login);
    return { status: 201, body: issueJson(ctx.urls, ctx.state, issue) };
  },
  'issues/update': (ctx) => {
    const issue = issueFromParams(ctx);
    assertWritable(ctx.state.repo(issue.repo));
    const input = ctx.body as { title?: string | number | null; body?: string | null; state?: 'open' | 'closed'; state_reason?: string | null; labels?: unknown };
    const now = ctx.state.timestamp();
    if (input.title !== undefined && input.title !== null) issue.title = String(input.title);
    if (input.body !== undefined) issue.body = input.body;
    if (input.state !== undefined) setState(issue, input.state, input.state_reason, now);
    if (input.labels !== undefined) {
      issue.labels = labelNames(input.labels);
      for (const name of issue.labels) ctx.state.ensureLabel(issue.repo, name);
    }
    issue.updatedAt = now;
    return { status: 200, body: issueJson(ctx.urls, ctx.state, issue) };
  },
  'issues/add-labels': (ctx) => {
    const issue = issueFromParams(ctx);
    const repo = ctx.state.repo(issue.repo);
    assertWritable(repo);
    const body = ctx.body as unknown;
    const names = labelNames(Array.isArray(body) ? body : (body as { labels?: unknown }).labels);
    for (const name of names) {
      const label = ctx.state.ensureLabel(repo.fullName, name);
      if (!issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) issue.labels.push(label.name);
    }
    return { status: 200, body: issue.labels.map((name) => labelJson(ctx.urls, repo, ctx.state.ensureLabel(repo.fullName, name))) };
  },
  'issues/list-comments': (ctx) => {
    const issue = issueFromParams(ctx);
    return paginate(ctx, ctx.state.commentsOn(issue.repo, issue.number), (c) => issueCommentJson(ctx.urls, ctx.state, c));
  },
  'issues/create-comment': (ctx) => {
    const issue = issueFromParams(ctx);
    assertWritable(ctx.state.repo(issue.repo));
    const comment = ctx.state.addIssueComment(issue.repo, issue.number, { body: (ctx.body as { body: string }).body, user: actor(ctx).login });
    return { status: 201, body: issueCommentJson(ctx.urls, ctx.state, comment) };
  },
  'issues/get-comment': (ctx) => ({ status: 200, body: issueCommentJson(ctx.urls, ctx.state, commentFromParams(ctx)) }),
  'issues/update-comment': (ctx) => {
    const comment = commentFromParams(ctx);
    assertWritable(ctx.state.repo(comment.repo));
    comment.body = (ctx.body as { body: string }).body;
    comment.updatedAt = ctx.state.timestamp();
    return { status: 200, body: issueCommentJson(ctx.urls, ctx.state, comment) };
  },
  'issues/delete-comment': (ctx) => {
    const comment = commentFromParams(ctx);
    assertWritable(ctx.state.repo(comment.repo));
    ctx.state.issueComments.delete(comment.id);
    return { status: 204 };
  },
  'reactions/create-for-issue': (ctx) => {
    const issue = issueFromParams(ctx);
    return react(ctx, `issue:${issue.repo.toLowerCase()}#${issue.number}`);
  },
  'reactions/create-for-issue-comment': (ctx) => react(ctx, `issue-comment:${commentFromParams(ctx).id}`),
};
