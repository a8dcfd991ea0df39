// The git database writes a one-commit change goes through: trees (with inline content), commits,
// and moving a branch to the new commit (the pull requests on it follow, as on GitHub).
import type { CommitObject, GitPerson } from '../git-objects.js';
import type { RepoRecord } from '../state.js';
import { actor, assertWritable, GitHubHttpError, notFound, repoFromParams, unprocessable, type Handler, type HandlerContext } from './context.js';

interface TreeInput {
  base_tree?: string;
  tree: { path: string; mode: string; type: 'blob' | 'tree' | 'commit'; sha?: string | null; content?: string }[];
}

function commitJson(ctx: HandlerContext, repo: RepoRecord, commit: CommitObject): Record<string, unknown> {
  const api = `${ctx.urls.api}/repos/${repo.fullName}/git`;
  const person = { name: commit.author.name, email: commit.author.email, date: commit.author.date };
  return {
    sha: commit.sha,
    node_id: Buffer.from(`Commit${commit.sha}`).toString('base64'),
    url: `${api}/commits/${commit.sha}`,
    html_url: `${ctx.urls.web}/${repo.fullName}/commit/${commit.sha}`,
    author: person,
    committer: person,
    message: commit.message,
    tree: { sha: commit.tree, url: `${api}/trees/${commit.tree}` },
    parents: commit.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${ctx.urls.web}/${repo.fullName}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** Handlers for git database writes, by operationId. */
export const gitDatabaseHandlers: Record<string, Handler> = {
  'git/create-tree': (ctx) => {
    const repo = repoFromParams(ctx);
    assertWritable(repo);
    const input = ctx.body as TreeInput;
    const files = new Map<string, string>();
    if (input.base_tree !== undefined) {
      const base = ctx.state.objects.get(input.base_tree.toLowerCase());
      if (base?.type !== 'tree') throw unprocessable('base_tree is not a valid tree oid');
      for (const [path, sha] of ctx.state.objects.files(base.sha)) files.set(path, sha);
    }
    for (const entry of input.tree) {
      if (entry.type !== 'blob') throw unprocessable('the double only writes blob entries');
      if (entry.content !== undefined) files.set(entry.path, ctx.state.objects.putBlob(entry.content));
      else if (entry.sha === null) files.delete(entry.path);
      else if (entry.sha !== undefined) {
        if (ctx.state.objects.get(entry.sha.toLowerCase())?.type !== 'blob') throw unprocessable(`tree.sha ${entry.sha} is not a valid blob`);
        files.set(entry.path, entry.sha.toLowerCase());
      }
    }
    const sha = ctx.state.objects.putTree(files);
    const tree = ctx.state.objects.get(sha);
    const api = `${ctx.urls.api}/repos/${repo.fullName}/git`;
    const entries = tree?.type === 'tree' ? tree.entries : [];
    return {
      status: 201,
      body: {
        sha,
        url: `${api}/trees/${sha}`,
        truncated: false,
        tree: entries.map((e) => ({ path: e.name, mode: e.type === 'tree' ? '040000' : '100644', type: e.type, sha: e.sha, url: `${api}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` })),
      },
    };
  },
  'git/create-commit': (ctx) => {
    const repo = repoFromParams(ctx);
    assertWritable(repo);
    const input = ctx.body as { message: string; tree: string; parents?: string[] };
    if (ctx.state.objects.get(input.tree.toLowerCase())?.type !== 'tree') throw unprocessable('Tree SHA does not exist');
    const parents = (input.parents ?? []).map((p) => p.toLowerCase());
    for (const p of parents) if (ctx.state.objects.get(p)?.type !== 'commit') throw unprocessable('Parent SHA does not exist or is not a commit object');
    const who = actor(ctx);
    const author: GitPerson = { name: who.login, email: `${who.id}+${who.login}@users.noreply.github.com`, date: ctx.state.timestamp() };
    const sha = ctx.state.objects.putCommitOfTree(input.tree.toLowerCase(), parents, input.message, author);
    return { status: 201, body: commitJson(ctx, repo, ctx.state.objects.get(sha) as CommitObject) };
  },
  'git/get-commit': (ctx) => {
    const repo = repoFromParams(ctx);
    const commit = ctx.state.objects.get((ctx.params['commit_sha'] ?? '').toLowerCase());
    if (commit?.type !== 'commit') throw notFound();
    return { status: 200, body: commitJson(ctx, repo, commit) };
  },
  'git/update-ref': (ctx) => {
    const repo = repoFromParams(ctx);
    assertWritable(repo);
    const ref = `refs/${ctx.params['ref']}`;
    const input = ctx.body as { sha: string; force?: boolean };
    const current = repo.refs.get(ref);
    if (current === undefined) {
      throw new GitHubHttpError(422, { message: 'Reference does not exist', documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference', status: '422' });
    }
    const sha = input.sha.toLowerCase();
    if (ctx.state.objects.get(sha)?.type !== 'commit') throw unprocessable('Object does not exist');
    if (input.force !== true && ctx.state.mergeBase(current, sha) !== current) throw unprocessable('Update is not a fast forward');
    repo.refs.set(ref, sha);
    if (ref.startsWith('refs/heads/')) ctx.state.followBranch(repo.fullName, ref.slice('refs/heads/'.length));
    const api = `${ctx.urls.api}/repos/${repo.fullName}/git`;
    return {
      status: 200,
      body: { ref, node_id: Buffer.from(`Ref${repo.id}:${ref}`).toString('base64'), url: `${api}/${ref}`, object: { sha, type: 'commit', url: `${api}/commits/${sha}` } },
    };
  },
};
