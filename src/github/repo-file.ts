import { httpStatus, type GitHub } from './github-client.js';

/** A file of a repository at a commit: its text and size, or why there is none. */
export type RepoFile = { kind: 'file'; text: string; size: number } | { kind: 'missing' } | { kind: 'not-a-file' };

/** Read one file at `ref` through the contents API (a folder, a symlink or a submodule is `not-a-file`). */
export async function readFileAt(gh: GitHub, at: { owner: string; repo: string; path: string; ref: string }): Promise<RepoFile> {
  let data: unknown;
  try {
    ({ data } = await gh.rest.repos.getContent({ owner: at.owner, repo: at.repo, path: at.path, ref: at.ref }));
  } catch (error) {
    if (httpStatus(error) === 404) return { kind: 'missing' };
    throw error;
  }
  const file = data as { type?: string; content?: string; encoding?: string; size?: number };
  if (Array.isArray(data) || file.type !== 'file' || typeof file.content !== 'string') return { kind: 'not-a-file' };
  const text = file.encoding === 'base64' ? Buffer.from(file.content, 'base64').toString('utf8') : file.content;
  return { kind: 'file', text, size: file.size ?? text.length };
}
