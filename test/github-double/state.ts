// The double's in-memory GitHub: what tests seed and what handlers read and change.
// Keys are case-insensitive like GitHub's (`Octo/Repo` and `octo/repo` are one repository).
import { ObjectStore, type GitPerson } from './git-objects.js';
import { diffCommits, type PullFileRecord } from './pull-files.js';

export type { PullFileRecord } from './pull-files.js';

export type AccountType = 'User' | 'Bot' | 'Organization';
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface Account {
  login: string;
  id: number;
  type: AccountType;
}

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  owner: Account;
  /** The `<slug>[bot]` user the app's installation tokens act as. */
  bot: Account;
}

export interface InstallationRecord {
  id: number;
  account: Account;
  permissions: Record<string, 'read' | 'write' | 'admin'>;
  events: string[];
  repositorySelection: 'all' | 'selected';
  createdAt: string;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface RepoRecord {
  id: number;
  owner: Account;
  name: string;
  fullName: string;
  description: string | null;
  defaultBranch: string;
  private: boolean;
  archived: boolean;
  installationId: number | undefined;
  /** Full ref name (`refs/heads/main`) -> commit sha. */
  refs: Map<string, string>;
  labels: Map<string, LabelRecord>;
  permissions: Map<string, Permission>;
  createdAt: string;
  /** Issues and pull requests share one sequence, as on GitHub. */
  nextNumber: number;
  /** For a fork: the full name of the repository it was forked from. */
  parent?: string;
  /** False when the repository's issues are turned off (`has_issues: false`); true when omitted. */
  hasIssues?: boolean;
}

export interface IssueRecord {
  repo: string;
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: Account;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  isPullRequest: boolean;
  /** Logins assigned to the issue. */
  assignees?: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface PullRecord {
  repo: string;
  number: number;
  id: number;
  head: { ref: string; sha: string; repo: string };
  base: { ref: string; sha: string; repo: string };
  draft: boolean;
  merged: boolean;
  files: PullFileRecord[];
}

export interface IssueCommentRecord {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  user: Account;
  createdAt: string;
  updatedAt: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING' | 'DISMISSED';

export interface ReviewRecord {
  id: number;
  repo: string;
  pullNumber: number;
  user: Account;
  body: string;
  state: ReviewState;
  commitId: string;
  submittedAt: string | null;
}

export interface ReviewCommentRecord {
  id: number;
  reviewId: number;
  repo: string;
  pullNumber: number;
  path: string;
  line: number | null;
  side: 'LEFT' | 'RIGHT';
  startLine: number | null;
  startSide: 'LEFT' | 'RIGHT' | null;
  position: number | null;
  body: string;
  user: Account;
  commitId: string;
  diffHunk: string;
  createdAt: string;
  updatedAt: string;
}

export interface CheckRunRecord {
  id: number;
  repo: string;
  headSha: string;
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: unknown[] };
  appId: number;
}

export interface ReactionRecord {
  id: number;
  content: string;
  user: Account;
  /** `issue:<repo>#<n>` or `issue-comment:<id>`. */
  subject: string;
  createdAt: string;
}

export interface TokenRecord {
  token: string;
  installationId: number;
  expiresAt: string;
  /** Set when the token was requested for some repositories only. */
  repositoryIds: number[] | undefined;
  /**
   * The account the token writes as, when not the app's bot: a workflow's GITHUB_TOKEN acts as
   * `github-actions[bot]`, another App's installation token as its `<slug>[bot]`, a personal token as its user.
   */
  actor?: Account;
}

export interface StateOptions {
  app?: { id?: number; slug?: string; name?: string; owner?: string };
  /** The clock for every timestamp the double writes. */
  now?: () => Date;
}

/** GitHub's timestamp format: ISO 8601 without milliseconds. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The in-memory GitHub the double serves: seed it in tests, inspect it after the app ran. */
export class GitHubState {
  readonly objects = new ObjectStore();
  readonly app: AppRecord;
  readonly installations = new Map<number, InstallationRecord>();
  readonly repos = new Map<string, RepoRecord>();
  readonly issues = new Map<string, IssueRecord>();
  readonly pulls = new Map<string, PullRecord>();
  readonly issueComments = new Map<number, IssueCommentRecord>();
  readonly reviews = new Map<number, ReviewRecord>();
  readonly reviewComments = new Map<number, ReviewCommentRecord>();
  readonly checkRuns = new Map<number, CheckRunRecord>();
  readonly reactions: ReactionRecord[] = [];
  readonly tokens = new Map<string, TokenRecord>();
  readonly now: () => Date;
  private readonly users = new Map<string, Account>();
  private lastId = 1000;

  constructor(options: StateOptions = {}) {
    this.now = options.now ?? (() => new Date());
    const slug = options.app?.slug ?? 'design-review';
    this.app = {
      id: options.app?.id ?? 1,
      slug,
      name: options.app?.name ?? slug,
      owner: this.account(options.app?.owner ?? 'design-review-org', 'Organization'),
      bot: this.account(`${slug}[bot]`, 'Bot'),
    };
  }

  /** A fresh id, unique across every kind of record. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** The current time in GitHub's format. */
  timestamp(): string {
    return timestamp(this.now());
  }

  /** The account with this login, created on first mention (`x[bot]` logins are Bots). */
  account(login: string, type?: AccountType): Account {
    const key = login.toLowerCase();
    let account = this.users.get(key);
    if (account === undefined) {
      account = { login, id: this.nextId(), type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User') };
      this.users.set(key, account);
    }
    return account;
  }

  /** Whether the login was ever seeded or seen. */
  hasAccount(login: string): boolean {
    return this.users.has(login.toLowerCase());
  }

  /** Installs the app on an account. */
  addInstallation(seed: {
    id?: number;
    account: string;
    accountType?: AccountType;
    permissions?: InstallationRecord['permissions'];
    events?: string[];
    repositorySelection?: 'all' | 'selected';
  }): InstallationRecord {
    const installation: InstallationRecord = {
      id: seed.id ?? this.nextId(),
      account: this.account(seed.account, seed.accountType ?? 'Organization'),
      permissions: seed.permissions ?? { checks: 'write', contents: 'write', issues: 'write', metadata: 'read', pull_requests: 'write' },
      events: seed.events ?? ['pull_request', 'issue_comment', 'check_run'],
      repositorySelection: seed.repositorySelection ?? 'selected',
      createdAt: this.timestamp(),
    };
    this.installations.set(installation.id, installation);
    return installation;
  }

  /** Creates a repository with an initial commit of `files` on its default branch. */
  addRepo(seed: {
    owner: string;
    name: string;
    defaultBranch?: string;
    private?: boolean;
    archived?: boolean;
    installationId?: number;
    description?: string;
    files?: Record<string, string>;
    hasIssues?: boolean;
  }): RepoRecord {
    const owner = this.account(seed.owner, this.users.get(seed.owner.toLowerCase())?.type ?? 'Organization');
    const installationId =
      seed.installationId ?? [...this.installations.values()].find((i) => i.account.login.toLowerCase() === owner.login.toLowerCase())?.id;
    const repo: RepoRecord = {
      id: this.nextId(),
      owner,
      name: seed.name,
      fullName: `${owner.login}/${seed.name}`,
      description: seed.description ?? null,
      defaultBranch: seed.defaultBranch ?? 'main',
      private: seed.private ?? false,
      archived: seed.archived ?? false,
      installationId,
      refs: new Map(),
      labels: new Map(),
      permissions: new Map(),
      createdAt: this.timestamp(),
      nextNumber: 1,
      ...(seed.hasIssues === false ? { hasIssues: false } : {}),
    };
    this.repos.set(repo.fullName.toLowerCase(), repo);
    this.commit(repo.fullName, { branch: repo.defaultBranch, files: seed.files ?? {}, message: 'Initial commit' });
    return repo;
  }

  /**
   * Forks `source` to `owner` (`name` defaults to the source's): a new repository with the
   * source's branches at their current commits, sharing its objects as GitHub's fork network
   * does. The installation is the owner's, as with addRepo, unless `installationId` says
   * otherwise (a fork in the same organization, which GitHub allows, stays installed).
   */
  forkRepo(source: string, seed: { owner: string; name?: string; installationId?: number; private?: boolean }): RepoRecord {
    const parent = this.repo(source);
    const owner = this.account(seed.owner, this.users.get(seed.owner.toLowerCase())?.type ?? 'User');
    const name = seed.name ?? parent.name;
    const fullName = `${owner.login}/${name}`;
    if (this.findRepo(fullName) !== undefined) throw new Error(`github-double: cannot fork ${parent.fullName} to ${fullName}: it exists`);
    const installationId =
      seed.installationId ?? [...this.installations.values()].find((i) => i.account.login.toLowerCase() === owner.login.toLowerCase())?.id;
    const fork: RepoRecord = {
      id: this.nextId(),
      owner,
      name,
      fullName,
      description: parent.description,
      defaultBranch: parent.defaultBranch,
      private: seed.private ?? parent.private,
      archived: false,
      installationId,
      refs: new Map([...parent.refs].filter(([ref]) => ref.startsWith('refs/heads/'))),
      labels: new Map(),
      permissions: new Map(),
      createdAt: this.timestamp(),
      nextNumber: 1,
      parent: parent.fullName,
    };
    this.repos.set(fullName.toLowerCase(), fork);
    return fork;
  }

  /**
   * Pushes `changes` (`null` deletes) to a pull request's head branch, in its head repository
   * (the fork for fork pull requests), and moves the pull request's head and files along, as
   * a `git push` does before GitHub sends `pull_request.synchronize`. Returns the new head sha.
   */
  pushToPullRequest(fullName: string, number: number, changes: Record<string, string | null>, message = 'Update'): string {
    const pull = this.requirePull(fullName, number);
    const sha = this.commit(pull.head.repo, { branch: pull.head.ref, files: changes, message });
    pull.head = { ...pull.head, sha };
    pull.files = diffCommits(this.objects, this.mergeBase(pull.base.sha, sha) ?? pull.base.sha, sha);
    const issue = this.findIssue(pull.repo, number);
    if (issue !== undefined) issue.updatedAt = this.timestamp();
    return sha;
  }

  /** Moves the open pull requests whose head is `ref` of `fullName` to the branch's new commit, as GitHub does when a branch is pushed. */
  followBranch(fullName: string, ref: string): void {
    const repo = this.repo(fullName);
    const sha = repo.refs.get(`refs/heads/${ref}`);
    if (sha === undefined) return;
    for (const pull of this.pulls.values()) {
      if (pull.head.repo !== repo.fullName || pull.head.ref !== ref || pull.merged) continue;
      pull.head = { ...pull.head, sha };
      pull.files = diffCommits(this.objects, this.mergeBase(pull.base.sha, sha) ?? pull.base.sha, sha);
    }
  }

  /** The repository, or undefined; `fullName` is `owner/name`. */
  findRepo(fullName: string): RepoRecord | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  /** The repository; throws a message naming it when it was never seeded. */
  repo(fullName: string): RepoRecord {
    const repo = this.findRepo(fullName);
    if (repo === undefined) throw new Error(`github-double: no repository ${fullName}; seed it with state.addRepo({ owner, name })`);
    return repo;
  }

  /**
   * Commits file changes (`null` deletes) on a branch, creating the branch from the default
   * branch when it does not exist yet, and returns the new commit sha.
   */
  commit(
    fullName: string,
    change: { branch?: string; from?: string; files: Record<string, string | null>; message?: string; author?: string },
  ): string {
    const repo = this.repo(fullName);
    const branch = change.branch ?? repo.defaultBranch;
    const parent = repo.refs.get(`refs/heads/${branch}`) ?? this.resolveRef(repo, change.from ?? repo.defaultBranch);
    const files = new Map(parent === undefined ? [] : this.objects.files(parent));
    for (const [path, content] of Object.entries(change.files)) {
      if (content === null) files.delete(path);
      else files.set(path, this.objects.putBlob(content));
    }
    const author: GitPerson = { name: change.author ?? 'Octo Cat', email: 'octocat@example.com', date: this.timestamp() };
    const sha = this.objects.putCommit(files, parent === undefined ? [] : [parent], change.message ?? 'Update files', author);
    repo.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** Resolves a sha, branch, tag or `refs/...`/`heads/...` name to a commit sha. */
  resolveRef(repo: RepoRecord, ref: string | undefined): string | undefined {
    const name = ref ?? repo.defaultBranch;
    if (/^[0-9a-f]{40}$/i.test(name)) return this.objects.get(name.toLowerCase()) ? name.toLowerCase() : undefined;
    if (name === 'HEAD') return repo.refs.get(`refs/heads/${repo.defaultBranch}`);
    for (const candidate of [name, `refs/${name}`, `refs/heads/${name}`, `refs/tags/${name}`]) {
      const sha = repo.refs.get(candidate);
      if (sha !== undefined) return sha;
    }
    return undefined;
  }

  /** Opens a pull request from `head` into `base` (default branch); files are the diff from their merge base. */
  openPullRequest(
    fullName: string,
    seed: {
      head: string;
      base?: string;
      number?: number;
      title?: string;
      body?: string;
      user?: string;
      draft?: boolean;
      /** The fork the head branch lives in, when not `fullName`. */
      headRepo?: string;
      /** New path -> old path, for files to report as renamed. */
      renames?: Record<string, string>;
      labels?: string[];
    },
  ): PullRecord {
    const repo = this.repo(fullName);
    const headRepo = this.repo(seed.headRepo ?? fullName);
    const baseRef = seed.base ?? repo.defaultBranch;
    const headSha = this.resolveRef(headRepo, seed.head);
    const baseSha = this.resolveRef(repo, baseRef);
    if (headSha === undefined || baseSha === undefined) {
      throw new Error(`github-double: cannot open a pull request ${seed.head} -> ${baseRef} in ${fullName}: unknown branch`);
    }
    const issue = this.addIssue(fullName, {
      number: seed.number,
      title: seed.title ?? `Update ${seed.head}`,
      body: seed.body ?? null,
      user: seed.user ?? 'octocat',
      labels: seed.labels,
      isPullRequest: true,
    });
    const pull: PullRecord = {
      repo: repo.fullName,
      number: issue.number,
      id: this.nextId(),
      head: { ref: seed.head, sha: headSha, repo: headRepo.fullName },
      base: { ref: baseRef, sha: baseSha, repo: repo.fullName },
      draft: seed.draft ?? false,
      merged: false,
      files: diffCommits(this.objects, this.mergeBase(baseSha, headSha) ?? baseSha, headSha, seed.renames),
    };
    this.pulls.set(key(repo.fullName, pull.number), pull);
    return pull;
  }

  /** Commits `changes` on a new branch and opens a pull request for it: the usual seed for a review test. */
  seedPullRequest(
    fullName: string,
    seed: Omit<Parameters<GitHubState['openPullRequest']>[1], 'head'> & {
      branch: string;
      changes: Record<string, string | null>;
      message?: string;
    },
  ): PullRecord {
    const { branch, changes, message, ...pull } = seed;
    // A rename moves the old content unless `changes` gives the new path its own.
    // The branch lives in the head repository: the fork for a fork pull request.
    const headName = pull.headRepo ?? fullName;
    const repo = this.repo(headName);
    const start = this.resolveRef(repo, branch) ?? this.resolveRef(repo, pull.base ?? repo.defaultBranch)!;
    const moves: Record<string, string | null> = {};
    for (const [newPath, oldPath] of Object.entries(pull.renames ?? {})) {
      const blob = this.objects.lookup(start, oldPath);
      moves[oldPath] = null;
      if (blob?.type === 'blob') moves[newPath] = blob.content.toString('utf8');
    }
    this.commit(headName, { branch, from: pull.base, files: { ...moves, ...changes }, message: message ?? `Change ${branch}` });
    return this.openPullRequest(fullName, { ...pull, head: branch });
  }

  /** The nearest common ancestor of two commits (first-parent and merge parents alike). */
  mergeBase(a: string, b: string): string | undefined {
    const ancestors = new Set<string>();
    const walk = (start: string, visit: (sha: string) => boolean): string | undefined => {
      const queue = [start];
      while (queue.length > 0) {
        const sha = queue.shift()!;
        if (visit(sha)) return sha;
        const object = this.objects.get(sha);
        if (object?.type === 'commit') queue.push(...object.parents);
      }
      return undefined;
    };
    walk(a, (sha) => (ancestors.add(sha), false));
    return walk(b, (sha) => ancestors.has(sha));
  }

  /** Adds an issue (or the issue half of a pull request). */
  addIssue(
    fullName: string,
    seed: { title: string; body?: string | null; user?: string; labels?: string[] | undefined; state?: 'open' | 'closed'; number?: number | undefined; isPullRequest?: boolean },
  ): IssueRecord {
    const repo = this.repo(fullName);
    const number = seed.number ?? repo.nextNumber;
    if (this.issues.has(key(repo.fullName, number))) throw new Error(`github-double: ${repo.fullName}#${number} already exists`);
    repo.nextNumber = Math.max(repo.nextNumber, number + 1);
    for (const label of seed.labels ?? []) this.ensureLabel(repo.fullName, label);
    const now = this.timestamp();
    const issue: IssueRecord = {
      repo: repo.fullName,
      number,
      id: this.nextId(),
      title: seed.title,
      body: seed.body ?? null,
      user: this.account(seed.user ?? 'octocat'),
      state: seed.state ?? 'open',
      stateReason: null,
      labels: [...(seed.labels ?? [])],
      isPullRequest: seed.isPullRequest ?? false,
      createdAt: now,
      updatedAt: now,
      closedAt: seed.state === 'closed' ? now : null,
    };
    this.issues.set(key(repo.fullName, number), issue);
    return issue;
  }

  /** The issue (or pull request's issue) with this number. */
  findIssue(fullName: string, number: number): IssueRecord | undefined {
    return this.issues.get(key(fullName, number));
  }

  /** The pull request with this number. */
  findPull(fullName: string, number: number): PullRecord | undefined {
    return this.pulls.get(key(fullName, number));
  }

  /** Adds a comment to an issue or pull request conversation. */
  addIssueComment(fullName: string, issueNumber: number, seed: { body: string; user?: string; userType?: AccountType }): IssueCommentRecord {
    const repo = this.repo(fullName);
    const now = this.timestamp();
    const comment: IssueCommentRecord = {
      id: this.nextId(),
      repo: repo.fullName,
      issueNumber,
      body: seed.body,
      user: this.account(seed.user ?? 'octocat', seed.userType),
      createdAt: now,
      updatedAt: now,
    };
    this.issueComments.set(comment.id, comment);
    return comment;
  }

  /** Adds a submitted review to a pull request. */
  addReview(fullName: string, pullNumber: number, seed: { body?: string; state?: ReviewState; user?: string }): ReviewRecord {
    const pull = this.requirePull(fullName, pullNumber);
    const review: ReviewRecord = {
      id: this.nextId(),
      repo: pull.repo,
      pullNumber,
      user: this.account(seed.user ?? 'octocat'),
      body: seed.body ?? '',
      state: seed.state ?? 'COMMENTED',
      commitId: pull.head.sha,
      submittedAt: seed.state === 'PENDING' ? null : this.timestamp(),
    };
    this.reviews.set(review.id, review);
    return review;
  }

  /** Adds a review comment on a line of a pull request's diff (creating a COMMENTED review for it). */
  addReviewComment(
    fullName: string,
    pullNumber: number,
    seed: { path: string; line: number; body: string; side?: 'LEFT' | 'RIGHT'; user?: string; reviewId?: number },
  ): ReviewCommentRecord {
    const pull = this.requirePull(fullName, pullNumber);
    const reviewId = seed.reviewId ?? this.addReview(fullName, pullNumber, { user: seed.user }).id;
    const now = this.timestamp();
    const comment: ReviewCommentRecord = {
      id: this.nextId(),
      reviewId,
      repo: pull.repo,
      pullNumber,
      path: seed.path,
      line: seed.line,
      side: seed.side ?? 'RIGHT',
      startLine: null,
      startSide: null,
      position: null,
      body: seed.body,
      user: this.account(seed.user ?? 'octocat'),
      commitId: pull.head.sha,
      diffHunk: '',
      createdAt: now,
      updatedAt: now,
    };
    this.reviewComments.set(comment.id, comment);
    return comment;
  }

  /** Adds a check run (as if created by the app unless `appId` says otherwise). */
  addCheckRun(
    fullName: string,
    seed: { name: string; headSha: string; status?: CheckRunRecord['status']; conclusion?: string | null; appId?: number; summary?: string; title?: string },
  ): CheckRunRecord {
    const repo = this.repo(fullName);
    const run: CheckRunRecord = {
      id: this.nextId(),
      repo: repo.fullName,
      headSha: seed.headSha,
      name: seed.name,
      status: seed.conclusion ? 'completed' : (seed.status ?? 'queued'),
      conclusion: seed.conclusion ?? null,
      startedAt: this.timestamp(),
      completedAt: seed.conclusion ? this.timestamp() : null,
      detailsUrl: null,
      externalId: null,
      output: { title: seed.title ?? null, summary: seed.summary ?? null, text: null, annotations: [] },
      appId: seed.appId ?? this.app.id,
    };
    this.checkRuns.set(run.id, run);
    return run;
  }

  /** The label by name (case-insensitive), created with a default colour when missing, as GitHub does on add. */
  ensureLabel(fullName: string, name: string, color = 'ededed', description: string | null = null): LabelRecord {
    const repo = this.repo(fullName);
    let label = repo.labels.get(name.toLowerCase());
    if (label === undefined) {
      label = { id: this.nextId(), name, color, description };
      repo.labels.set(name.toLowerCase(), label);
    }
    return label;
  }

  /** Sets a user's permission on a repository (what the collaborator permission endpoint reports). */
  setPermission(fullName: string, login: string, permission: Permission): void {
    this.account(login);
    this.repo(fullName).permissions.set(login.toLowerCase(), permission);
  }

  /** Issue comments of one issue or pull request, oldest first. */
  commentsOn(fullName: string, issueNumber: number): IssueCommentRecord[] {
    return [...this.issueComments.values()].filter((c) => c.repo.toLowerCase() === fullName.toLowerCase() && c.issueNumber === issueNumber);
  }

  private requirePull(fullName: string, number: number): PullRecord {
    const pull = this.findPull(fullName, number);
    if (pull === undefined) throw new Error(`github-double: no pull request ${fullName}#${number}; seed it with state.seedPullRequest()`);
    return pull;
  }
}

function key(fullName: string, number: number): string {
  return `${fullName.toLowerCase()}#${number}`;
}
