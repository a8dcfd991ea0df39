// Every implemented REST operation, keyed by the operationId of GitHub's OpenAPI description.
import { appsHandlers } from './apps.js';
import { checksHandlers } from './checks.js';
import { contentsAndGitHandlers } from './contents-and-git.js';
import type { Handler } from './context.js';
import { gitDatabaseHandlers } from './git-database.js';
import { gitRefsHandlers } from './git-refs.js';
import { issuesHandlers } from './issues.js';
import { pullsHandlers } from './pulls.js';
import { reposHandlers } from './repos.js';

/** Handlers by operationId; an operation missing here is valid but answered 501 by the double. */
export const handlers: Readonly<Record<string, Handler>> = {
  ...appsHandlers,
  ...reposHandlers,
  ...contentsAndGitHandlers,
  ...gitRefsHandlers,
  ...gitDatabaseHandlers,
  ...pullsHandlers,
  ...issuesHandlers,
  ...checksHandlers,
};
