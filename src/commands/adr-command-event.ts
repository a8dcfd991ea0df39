import type { CommandIssue } from '../core/commands/adr-from-issue.js';
import type { CommandSource } from '../core/commands/markers.js';
import { commandWindow } from '../core/commands/parse-command.js';

/**
 * From an `issue_comment.created` or `issues.opened` delivery to the command
 * it may carry, or nothing. Pure and linear: no request and no markdown
 * parse, only a scan for a line that starts with `/adr`, so the webhook
 * handler decides in microseconds whatever the text. Whether that line is a
 * command (not in code or a quote) is read later, by the job, on a worker
 * thread and after the permission check. Comments by bots (this app included)
 * never run commands, and only these two actions are read, so an edited
 * comment never runs one again.
 */

interface PayloadUser {
  login: string;
  type?: string;
}

/** The part of the payloads read here. */
export interface CommandPayload {
  action?: string;
  sender?: PayloadUser;
  repository?: { name: string; owner: { login: string }; default_branch: string; archived?: boolean };
  issue?: {
    number: number;
    title: string;
    body?: string | null;
    html_url: string;
    user: PayloadUser | null;
    assignees?: (PayloadUser | null)[] | null;
    pull_request?: unknown;
  };
  comment?: { id: number; body?: string | null; user: PayloadUser | null };
}

/** A delivery that may carry a command, with what the job needs from it. */
export interface CommandEvent {
  owner: string;
  repo: string;
  defaultBranch: string;
  archived: boolean;
  issue: CommandIssue & { isPullRequest: boolean };
  /** Who wrote the command (and whose permission counts). */
  author: string;
  source: CommandSource;
  /** The part of the text that decides its command (up to the blank line after the last `/adr` line). */
  text: string;
}

function isBot(user: PayloadUser | null | undefined): boolean {
  return user === null || user === undefined || user.type === 'Bot' || user.login.endsWith('[bot]');
}

/** The command a delivery carries, or undefined for anything else. */
export function commandEventFrom(eventName: string, payload: CommandPayload): CommandEvent | undefined {
  const { repository, issue } = payload;
  if (repository === undefined || issue === undefined || isBot(payload.sender)) return undefined;
  let text: string;
  let author: PayloadUser | null;
  let source: CommandSource;
  if (eventName === 'issue_comment' && payload.action === 'created' && payload.comment !== undefined) {
    text = payload.comment.body ?? '';
    author = payload.comment.user;
    source = { kind: 'comment', id: payload.comment.id };
  } else if (eventName === 'issues' && payload.action === 'opened') {
    text = issue.body ?? '';
    author = issue.user;
    source = { kind: 'issue-body', issueNumber: issue.number };
  } else {
    return undefined;
  }
  if (isBot(author)) return undefined;
  const window = commandWindow(text);
  if (window === undefined) return undefined;
  return {
    owner: repository.owner.login,
    repo: repository.name,
    defaultBranch: repository.default_branch,
    archived: repository.archived === true,
    issue: {
      number: issue.number,
      title: issue.title,
      body: issue.body ?? '',
      htmlUrl: issue.html_url,
      author: issue.user?.login ?? '',
      assignees: (issue.assignees ?? []).filter((a): a is PayloadUser => a !== null && !isBot(a)).map((a) => a.login),
      isPullRequest: issue.pull_request !== undefined,
    },
    author: author!.login,
    source,
    text: window,
  };
}
