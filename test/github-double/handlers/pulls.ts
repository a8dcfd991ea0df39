// Pull requests: read, list, files, create; reviews and review comments.
import { commentableLines, type DiffLine } from '../diff-patch.js';
import { diffEntryJson, pullJson, reviewCommentJson, reviewJson } from '../response-shapes.js';
import type { PullRecord, ReviewCommentRecord, ReviewRecord, ReviewState } from '../state.js';
import {
  actor,
  assertWritable,
  GitHubHttpError,
  intParam,
  notFound,
  repoFromParams,
  validationFailed,
  type Handler,
  type HandlerContext,
} from './context.js';
import { paginate } from './pagination.js';

function pullFromParams(ctx: HandlerContext): PullRecord {
  const repo = repoFromParams(ctx);
  const pull = ctx.state.findPull(repo.fullName, intParam(ctx, 'pull_number'));
  if (pull === undefined) throw notFound();
  return pull;
}

const listPulls: Handler = (ctx) => {
  const repo = repoFromParams(ctx);
  const state = ctx.query.get('state') ?? 'open';
  const head = ctx.query.get('head');
  const base = ctx.query.get('base');
  const pulls = [...ctx.state.pulls.values()].filter((p) => {
    if (p.repo !== repo.fullName) return false;
    const issue = ctx.state.findIssue(repo.fullName, p.number)!;
    if (state !== 'all' && issue.state !== state) return false;
    // `head` is "user:ref" (or "org:ref"); GitHub ignores a head filter without the owner part.
    if (head !== null && head.includes(':')) {
      const owner = ctx.state.repo(p.head.repo).owner.login;
      if (`${owner}:${p.head.ref}`.toLowerCase() !== head.toLowerCase()) return false;
    }
    return base === null || p.base.ref === base;
  });
  const ascending = ctx.query.get('direction') === 'asc';
  pulls.sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
  return paginate(ctx, pulls, (p) => pullJson(ctx.urls, ctx.state, p));
};

const createPull: Handler = (ctx) => {
  const repo = repoFromParams(ctx);
  assertWritable(repo);
  const input = ctx.body as { title?: string; head: string; base: string; body?: string; draft?: boolean; head_repo?: string };
  const [headOwner, headRef] = input.head.includes(':') ? input.head.split(/:(.*)/s) : [repo.owner.login, input.head];
  const headRepo = ctx.state.findRepo(input.head_repo ?? `${headOwner}/${repo.name}`) ?? repo;
  const invalid = (field: string): GitHubHttpError => validationFailed([{ resource: 'PullRequest', field, code: 'invalid' }]);
  if (!repo.refs.has(`refs/heads/${input.base}`)) throw invalid('base');
  if (!headRepo.refs.has(`refs/heads/${headRef}`)) throw invalid('head');
  const duplicate = [...ctx.state.pulls.values()].find(
    (p) => p.repo === repo.fullName && p.head.ref === headRef && p.base.ref === input.base && ctx.state.findIssue(repo.fullName, p.number)?.state === 'open',
  );
  if (duplicate) throw validationFailed([{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${headOwner}:${headRef}.` }]);
  const headSha = headRepo.refs.get(`refs/heads/${headRef}`)!;
  const baseSha = repo.refs.get(`refs/heads/${input.base}`)!;
  if (headSha === baseSha || ctx.state.mergeBase(baseSha, headSha) === headSha) {
    throw validationFailed([{ resource: 'PullRequest', code: 'custom', message: `No commits between ${input.base} and ${headRef}` }]);
  }
  const pull = ctx.state.openPullRequest(repo.fullName, {
    head: headRef!,
    base: input.base,
    title: input.title ?? headRef!,
    ...(input.body === undefined ? {} : { body: input.body }),
    user: actor(ctx).login,
    draft: input.draft ?? false,
    headRepo: headRepo.fullName,
  });
  return { status: 201, body: pullJson(ctx.urls, ctx.state, pull) };
};

interface ReviewCommentInput {
  path: string;
  body: string;
  position?: number;
  line?: number;
  side?: 'LEFT' | 'RIGHT';
  start_line?: number;
  start_side?: 'LEFT' | 'RIGHT';
}

interface PlacedComment {
  input: ReviewCommentInput;
  target: DiffLine;
  start: DiffLine | undefined;
}

// GitHub's wording for review threads it cannot place; it reports them joined into one sentence.
const THREAD = 'Pull request review thread';

function placeComments(pull: PullRecord, comments: ReviewCommentInput[]): { placed: PlacedComment[]; errors: string[] } {
  const errors = new Set<string>();
  const placed: PlacedComment[] = [];
  for (const input of comments) {
    const file = pull.files.find((f) => f.filename === input.path);
    if (file === undefined) {
      errors.add(`${THREAD} path is invalid`);
      continue;
    }
    const lines = file.patch === undefined ? [] : commentableLines(file.patch);
    const side = input.side ?? 'RIGHT';
    const target =
      input.line !== undefined
        ? lines.find((l) => l.side === side && l.line === input.line)
        : input.position !== undefined
          ? (lines.find((l) => l.position === input.position && l.side === 'RIGHT') ?? lines.find((l) => l.position === input.position))
          : undefined;
    if (target === undefined) {
      errors.add(input.line === undefined && input.position !== undefined ? `${THREAD} position is invalid` : `${THREAD} line must be part of the diff`);
      continue;
    }
    let start: DiffLine | undefined;
    if (input.start_line !== undefined) {
      start = lines.find((l) => l.side === (input.start_side ?? side) && l.line === input.start_line);
      if (start === undefined) errors.add(`${THREAD} start line must be part of the diff`);
      else if (start.hunk !== target.hunk) errors.add(`${THREAD} start line must be part of the same hunk as the line.`);
      else if (start.position >= target.position) errors.add(`${THREAD} start line must precede the end line.`);
    }
    placed.push({ input, target, start });
  }
  if (errors.size > 0) errors.add(`${THREAD} diff hunk can't be blank`);
  return { placed, errors: [...errors] };
}

function joinSentence(parts: string[]): string {
  if (parts.length <= 2) return parts.join(' and ');
  return `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`;
}

const EVENT_STATE: Record<string, ReviewState> = { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' };

const createReview: Handler = (ctx) => {
  const pull = pullFromParams(ctx);
  const input = ctx.body as { body?: string; event?: string; commit_id?: string; comments?: ReviewCommentInput[] };
  const user = actor(ctx);
  const fail = (errors: string[]): GitHubHttpError =>
    new GitHubHttpError(422, {
      message: 'Unprocessable Entity',
      errors,
      documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
      status: '422',
    });
  // Steps: place every comment on the diff (all or nothing), check the event rules, then store.
  const { placed, errors } = placeComments(pull, input.comments ?? []);
  if (errors.length > 0) throw fail([joinSentence(errors)]);
  const issue = ctx.state.findIssue(pull.repo, pull.number)!;
  if (issue.user.login === user.login && input.event === 'APPROVE') throw fail(['Can not approve your own pull request']);
  if (issue.user.login === user.login && input.event === 'REQUEST_CHANGES') throw fail(['Can not request changes on your own pull request']);
  // The description marks `body` required for REQUEST_CHANGES and COMMENT; a COMMENT carrying inline comments is accepted.
  if ((input.body ?? '') === '' && (input.event === 'REQUEST_CHANGES' || (input.event === 'COMMENT' && placed.length === 0))) {
    throw fail(['Review body is required for REQUEST_CHANGES and COMMENT events']);
  }
  const pending = [...ctx.state.reviews.values()].some(
    (r) => r.repo === pull.repo && r.pullNumber === pull.number && r.user.login === user.login && r.state === 'PENDING',
  );
  if (pending && input.event === undefined) throw fail(['User can only have one pending review per pull request']);
  const state = input.event === undefined ? 'PENDING' : EVENT_STATE[input.event]!;
  const now = ctx.state.timestamp();
  const review: ReviewRecord = {
    id: ctx.state.nextId(),
    repo: pull.repo,
    pullNumber: pull.number,
    user,
    body: input.body ?? '',
    state,
    commitId: input.commit_id ?? pull.head.sha,
    submittedAt: state === 'PENDING' ? null : now,
  };
  ctx.state.reviews.set(review.id, review);
  for (const { input: c, target, start } of placed) {
    const comment: ReviewCommentRecord = {
      id: ctx.state.nextId(),
      reviewId: review.id,
      repo: pull.repo,
      pullNumber: pull.number,
      path: c.path,
      line: target.line,
      side: target.side,
      startLine: start?.line ?? null,
      startSide: start?.side ?? null,
      position: target.position,
      body: c.body,
      user,
      commitId: review.commitId,
      diffHunk: target.diffHunk,
      createdAt: now,
      updatedAt: now,
    };
    ctx.state.reviewComments.set(comment.id, comment);
  }
  return { status: 200, body: reviewJson(ctx.urls, ctx.state, review) };
};

/** Handlers for pulls/* operations, by operationId. */
export const pullsHandlers: Record<string, Handler> = {
  'pulls/get': (ctx) => ({ status: 200, body: pullJson(ctx.urls, ctx.state, pullFromParams(ctx)) }),
  // Title and body edits (what the bot changes on a pull request it opened).
  'pulls/update': (ctx) => {
    const repo = repoFromParams(ctx);
    assertWritable(repo);
    const pull = pullFromParams(ctx);
    const input = ctx.body as { title?: string; body?: string };
    const issue = ctx.state.findIssue(repo.fullName, pull.number)!;
    if (input.title !== undefined) issue.title = input.title;
    if (input.body !== undefined) issue.body = input.body;
    issue.updatedAt = ctx.state.timestamp();
    return { status: 200, body: pullJson(ctx.urls, ctx.state, pull) };
  },
  'pulls/list': listPulls,
  'pulls/create': createPull,
  'pulls/list-files': (ctx) => {
    const pull = pullFromParams(ctx);
    const repo = ctx.state.repo(pull.repo);
    return paginate(ctx, pull.files, (f) => diffEntryJson(ctx.urls, repo, pull.head.sha, f));
  },
  'pulls/list-reviews': (ctx) => {
    const pull = pullFromParams(ctx);
    const reviews = [...ctx.state.reviews.values()].filter((r) => r.repo === pull.repo && r.pullNumber === pull.number);
    return paginate(ctx, reviews, (r) => reviewJson(ctx.urls, ctx.state, r));
  },
  'pulls/create-review': createReview,
  'pulls/list-review-comments': (ctx) => {
    const pull = pullFromParams(ctx);
    const comments = [...ctx.state.reviewComments.values()].filter((c) => c.repo === pull.repo && c.pullNumber === pull.number);
    return paginate(ctx, comments, (c) => reviewCommentJson(ctx.urls, ctx.state, c));
  },
  'pulls/delete-review-comment': (ctx) => {
    const repo = repoFromParams(ctx);
    const comment = ctx.state.reviewComments.get(intParam(ctx, 'comment_id'));
    if (comment === undefined || comment.repo !== repo.fullName) throw notFound();
    ctx.state.reviewComments.delete(comment.id);
    return { status: 204 };
  },
};
