// Git references beyond read and create: delete (a branch given up after a failed proposal).
import { assertWritable, GitHubHttpError, repoFromParams, type Handler } from './context.js';

/** Handlers for git reference operations not in contents-and-git.ts, by operationId. */
export const gitRefsHandlers: Record<string, Handler> = {
  'git/delete-ref': (ctx) => {
    const repo = repoFromParams(ctx);
    assertWritable(repo);
    const ref = `refs/${ctx.params['ref']}`;
    // GitHub answers a missing reference with 422, not 404.
    if (!repo.refs.has(ref)) {
      throw new GitHubHttpError(422, { message: 'Reference does not exist', documentation_url: 'https://docs.github.com/rest/git/refs#delete-a-reference', status: '422' });
    }
    repo.refs.delete(ref);
    return { status: 204 };
  },
};
