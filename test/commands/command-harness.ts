import type { CommandEvent } from '../../src/commands/adr-command-event.js';
import type { GitHubDouble } from '../github-double/index.js';
import { NAME, OWNER, REPO } from '../github/double-octokit.js';

/**
 * A comment holding `text` on a new issue of the double's repository, by `author`, and the
 * command event the App would build from its delivery.
 */
export function commentCommand(double: GitHubDouble, text: string, author: string, body = 'Context.') {
  const issue = double.state.addIssue(REPO, { title: 'Question', body, user: author });
  const comment = double.state.addIssueComment(REPO, issue.number, { body: text, user: author });
  const event: CommandEvent = {
    owner: OWNER,
    repo: NAME,
    defaultBranch: 'main',
    archived: false,
    issue: { number: issue.number, title: issue.title, body, htmlUrl: `https://github.com/${REPO}/issues/${issue.number}`, author, assignees: [], isPullRequest: false },
    author,
    source: { kind: 'comment', id: comment.id },
    text,
  };
  return { issue, comment, event };
}
