// Repository contents and the git database: contents (read and write), trees, blobs and refs.
import type { BlobObject, TreeObject } from '../git-objects.js';
import { base64Lines, blobJson, type Urls } from '../response-shapes.js';
import type { RepoRecord } from '../state.js';
import {
  actor,
  assertWritable,
  conflict,
  GitHubHttpError,
  notFound,
  repoFromParams,
  unprocessable,
  type Handler,
  type HandlerContext,
} from './context.js';

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function contentEntry(urls: Urls, repo: RepoRecord, path: string, object: BlobObject | TreeObject, ref: string): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const git = `${api}/git/${object.type === 'blob' ? 'blobs' : 'trees'}/${object.sha}`;
  const html = `${urls.web}/${repo.fullName}/${object.type === 'blob' ? 'blob' : 'tree'}/${ref}/${encodePath(path)}`;
  return {
    type: object.type === 'blob' ? 'file' : 'dir',
    size: object.type === 'blob' ? object.content.length : 0,
    name: path.split('/').at(-1),
    path,
    sha: object.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: object.type === 'blob' ? `${urls.web}/${repo.fullName}/raw/${ref}/${encodePath(path)}` : null,
    _links: { self, git, html },
  };
}

function resolveOr404(ctx: HandlerContext, repo: RepoRecord, ref: string | undefined): string {
  const sha = ctx.state.resolveRef(repo, ref);
  if (sha === undefined) {
    throw new GitHubHttpError(404, { message: `No commit found for the ref ${ref}`, documentation_url: 'https://docs.github.com/rest/repos/contents', status: '404' });
  }
  return sha;
}

const getContent: Handler = (ctx) => {
  const repo = repoFromParams(ctx);
  const ref = ctx.query.get('ref') ?? undefined;
  const sha = resolveOr404(ctx, repo, ref);
  const path = (ctx.params['path'] ?? '').replace(/^\/+|\/+$/g, '');
  const object = ctx.state.objects.lookup(sha, path);
  if (object === undefined) throw notFound();
  const refName = ref ?? repo.defaultBranch;
  if (object.type === 'tree') {
    const entries = object.entries.map((e) => {
      const child = ctx.state.objects.get(e.sha) as BlobObject | TreeObject;
      return contentEntry(ctx.urls, repo, path === '' ? e.name : `${path}/${e.name}`, child, refName);
    });
    return { status: 200, body: entries };
  }
  // `application/vnd.github.raw` (Octokit's mediaType: { format: 'raw' }) returns the bytes themselves.
  if (/\.raw\b|vnd\.github\.raw/.test(ctx.headers['accept'] ?? '')) {
    return { status: 200, body: object.content, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
  }
  return {
    status: 200,
    body: { ...contentEntry(ctx.urls, repo, path, object, refName), content: base64Lines(object.content), encoding: 'base64' },
  };
};

const putContent: Handler = (ctx) => {
  const repo = repoFromParams(ctx);
  assertWritable(repo);
  const input = ctx.body as { message: string; content: string; sha?: string; branch?: string };
  const path = ctx.params['path']!;
  const branch = input.branch ?? repo.defaultBranch;
  const head = repo.refs.get(`refs/heads/${branch}`);
  if (head === undefined) throw new GitHubHttpError(404, { message: `Branch ${branch} not found`, documentation_url: 'https://docs.github.com/rest/repos/contents', status: '404' });
  const existing = ctx.state.objects.lookup(head, path);
  if (existing?.type === 'tree') throw unprocessable(`${path} is a directory`);
  if (existing !== undefined && input.sha === undefined) throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
  if (existing !== undefined && input.sha !== existing.sha) throw conflict(`${path} does not match ${input.sha}`);
  const content = Buffer.from(input.content, 'base64').toString('utf8');
  const commitSha = ctx.state.commit(repo.fullName, { branch, files: { [path]: content }, message: input.message, author: actor(ctx).login });
  const blob = ctx.state.objects.lookup(commitSha, path) as BlobObject;
  const commit = ctx.state.objects.get(commitSha);
  const api = `${ctx.urls.api}/repos/${repo.fullName}`;
  const person = { name: actor(ctx).login, email: `${actor(ctx).id}+${actor(ctx).login}@users.noreply.github.com`, date: ctx.state.timestamp() };
  return {
    status: existing === undefined ? 201 : 200,
    body: {
      content: contentEntry(ctx.urls, repo, path, blob, branch),
      commit: {
        sha: commitSha,
        node_id: Buffer.from(`Commit${commitSha}`).toString('base64'),
        url: `${api}/git/commits/${commitSha}`,
        html_url: `${ctx.urls.web}/${repo.fullName}/commit/${commitSha}`,
        author: person,
        committer: person,
        message: input.message,
        tree: commit?.type === 'commit' ? { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` } : undefined,
        parents: [{ sha: head, url: `${api}/git/commits/${head}`, html_url: `${ctx.urls.web}/${repo.fullName}/commit/${head}` }],
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
    },
  };
};

const getTree: Handler = (ctx) => {
  const repo = repoFromParams(ctx);
  const wanted = ctx.params['tree_sha']!;
  // GitHub accepts a tree sha, a commit sha or a branch/tag name here.
  let object = ctx.state.objects.get(wanted.toLowerCase());
  if (object === undefined) {
    const sha = ctx.state.resolveRef(repo, wanted);
    object = sha === undefined ? undefined : ctx.state.objects.get(sha);
  }
  if (object?.type === 'commit') object = ctx.state.objects.get(object.tree);
  if (object?.type !== 'tree') throw notFound();
  const api = `${ctx.urls.api}/repos/${repo.fullName}/git`;
  const tree: Record<string, unknown>[] = [];
  const add = (path: string, entry: TreeObject['entries'][number]): void => {
    const child = ctx.state.objects.get(entry.sha);
    tree.push({
      path,
      mode: entry.type === 'tree' ? '040000' : '100644',
      type: entry.type,
      sha: entry.sha,
      ...(child?.type === 'blob' ? { size: child.content.length } : {}),
      url: `${api}/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
    });
  };
  // The docs: "Setting this parameter to any value returns the objects or subtrees referenced by the tree."
  if (ctx.query.has('recursive')) ctx.state.objects.walk(object, '', add);
  else for (const entry of object.entries) add(entry.name, entry);
  return { status: 200, body: { sha: object.sha, url: `${api}/trees/${object.sha}`, tree, truncated: false } };
};

function refJson(urls: Urls, repo: RepoRecord, ref: string, sha: string): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}/git`;
  return {
    ref,
    node_id: Buffer.from(`Ref${repo.id}:${ref}`).toString('base64'),
    url: `${api}/${ref}`,
    object: { sha, type: 'commit', url: `${api}/commits/${sha}` },
  };
}

/** Handlers for contents and git database operations, by operationId. */
export const contentsAndGitHandlers: Record<string, Handler> = {
  'repos/get-content': getContent,
  'repos/create-or-update-file-contents': putContent,
  'git/get-tree': getTree,
  'git/get-blob': (ctx) => {
    const repo = repoFromParams(ctx);
    const blob = ctx.state.objects.get((ctx.params['file_sha'] ?? '').toLowerCase());
    if (blob?.type !== 'blob') throw notFound();
    return { status: 200, body: blobJson(ctx.urls, repo, blob) };
  },
  'git/get-ref': (ctx) => {
    const repo = repoFromParams(ctx);
    const ref = `refs/${ctx.params['ref']}`;
    const sha = repo.refs.get(ref);
    if (sha === undefined) throw notFound();
    return { status: 200, body: refJson(ctx.urls, repo, ref, sha) };
  },
  // Every ref whose full name starts with `refs/<ref>` (a prefix, not a path segment: `heads/feature`
  // matches `featureA`), sorted by name as GitHub lists them; an empty array when none match, 409 for
  // an empty repository (no commits, hence no refs).
  'git/list-matching-refs': (ctx) => {
    const repo = repoFromParams(ctx);
    if (repo.refs.size === 0) {
      throw new GitHubHttpError(409, { message: 'Git Repository is empty.', documentation_url: 'https://docs.github.com/rest/git/refs#list-matching-references', status: '409' });
    }
    const prefix = `refs/${ctx.params['ref'] ?? ''}`;
    const matching = [...repo.refs.entries()].filter(([ref]) => ref.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { status: 200, body: matching.map(([ref, sha]) => refJson(ctx.urls, repo, ref, sha)) };
  },
  'git/create-ref': (ctx) => {
    const repo = repoFromParams(ctx);
    assertWritable(repo);
    const input = ctx.body as { ref: string; sha: string };
    if (!/^refs\/[^/]+\/.+/.test(input.ref)) throw unprocessable(`${input.ref} is not a valid ref name.`);
    if (repo.refs.has(input.ref)) throw unprocessable('Reference already exists');
    if (ctx.state.objects.get(input.sha.toLowerCase())?.type !== 'commit') throw unprocessable('Object does not exist');
    repo.refs.set(input.ref, input.sha.toLowerCase());
    return { status: 201, body: refJson(ctx.urls, repo, input.ref, input.sha.toLowerCase()) };
  },
};
