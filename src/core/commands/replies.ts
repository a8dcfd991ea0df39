import { neutralizeReferences } from '../render/neutralize-references.js';
import { renderTemplate } from '../render/templates.js';
import { CREATED_REPLY_MARKER, replyMarker, type CommandSource } from './markers.js';

/** The branch `/adr backfill` proposes on (the GitHub adapter writes it; the reply names it). */
export const BACKFILL_BRANCH_NAME = 'adr/backfill-revisit-triggers';

/**
 * The bot's replies to /adr commands, rendered through the app's one
 * Handlebars instance from `templates/adr-command-*.hbs`. Text echoed from
 * the comment is escaped by the templates' `md*` helpers and has its
 * @mentions and issue references neutralised (neutralize-references.ts), so a
 * command cannot make the bot ping anyone or cross-reference an issue.
 */

/** Who may run commands, as the permission names GitHub shows. */
export type RequiredPermission = 'write' | 'maintain' | 'admin';

/** Why a command could not finish, each with its own wording. */
export type FailureProblem = 'missing-permission' | 'protected' | 'config' | 'supersede' | 'not-a-pull-request' | 'unreadable' | 'error';

/** One reply. */
export type Reply =
  | { kind: 'help'; unknown?: string }
  | { kind: 'usage'; subcommand: 'new' | 'supersede'; message: string }
  | { kind: 'denied'; login: string; required: RequiredPermission }
  | { kind: 'created'; existing: boolean; number: number; title: string; url: string; path?: string; branch?: string; draft?: boolean; supersedes?: number }
  | { kind: 'failed'; problem: FailureProblem; action: string; detail?: string }
  | BackfillReply;

/** What `/adr backfill` did: opened or updated its pull request, found it up to date, or found nothing to draft. */
export interface BackfillReply {
  kind: 'backfill';
  outcome: 'opened' | 'updated' | 'unchanged' | 'nothing';
  /** The default branch. */
  branch: string;
  pull?: { number: number; url: string };
  draft?: boolean;
  /** Records the pull request drafts a section for. */
  drafted: number;
  /** Of those, the records new since the last run (paths). */
  added: string[];
  todos: number;
  skipped: number;
  covered: number;
}

/** Paths named in an "updated" reply; more are counted. */
const ADDED_NAMED = 20;

const PERMISSIONS: Record<RequiredPermission, string> = {
  write: 'write, maintain or admin',
  maintain: 'maintain or admin',
  admin: 'admin',
};

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

/** The reply's Markdown, ending with the hidden marker of the command it answers. */
export function renderReply(reply: Reply, source: CommandSource): string {
  let body: string;
  switch (reply.kind) {
    case 'help':
      body = renderTemplate('adr-command-help', { unknown: reply.unknown === undefined ? '' : neutralizeReferences(reply.unknown) });
      break;
    case 'usage':
      body = renderTemplate('adr-command-usage', { subcommand: reply.subcommand, message: neutralizeReferences(reply.message) });
      break;
    case 'denied':
      body = renderTemplate('adr-command-denied', { mention: `@${reply.login}`, permissions: PERMISSIONS[reply.required] });
      break;
    case 'created':
      body = renderTemplate('adr-command-created', {
        existing: reply.existing,
        label: neutralizeReferences(`ADR-${pad(reply.number)}: ${reply.title}`),
        url: reply.url,
        path: reply.path ?? '',
        branch: reply.branch ?? '',
        draft: reply.draft === true,
        supersedes: reply.supersedes === undefined ? '' : pad(reply.supersedes),
      });
      break;
    case 'failed':
      body = renderTemplate('adr-command-failed', { problem: reply.problem, action: reply.action, detail: neutralizeReferences(reply.detail ?? '') });
      break;
    case 'backfill':
      body = renderTemplate('adr-command-backfill', {
        outcome: reply.outcome,
        branch: reply.branch,
        branchName: BACKFILL_BRANCH_NAME,
        label: reply.pull ? `#${reply.pull.number}` : '',
        url: reply.pull?.url ?? '',
        draft: reply.draft === true,
        drafted: reply.drafted,
        added: reply.added.slice(0, ADDED_NAMED),
        addedCount: reply.added.length,
        addedMore: Math.max(0, reply.added.length - ADDED_NAMED),
        todos: reply.todos,
        skipped: reply.skipped,
        covered: reply.covered,
      });
      break;
  }
  // The reply marker stays last (what finds the reply); a created reply also says so.
  const created = reply.kind === 'created' ? `${CREATED_REPLY_MARKER}\n` : '';
  return `${body.trimEnd()}\n\n${created}${replyMarker(source)}\n`;
}

/** What the ADR pull request's body says, ending with its idempotency marker. */
export interface PullRequestBodyInput {
  number: number;
  title: string;
  issueNumber: number;
  path: string;
  supersedes?: { number: number; path: string };
  marker: string;
}

/** The body of the draft pull request `/adr new` opens. */
export function renderPullRequestBody(input: PullRequestBodyInput): string {
  const body = renderTemplate('adr-pull-request-body', {
    numberPadded: pad(input.number),
    title: neutralizeReferences(input.title),
    issueNumber: input.issueNumber,
    path: input.path,
    supersedes: input.supersedes === undefined ? '' : pad(input.supersedes.number),
    supersedesPath: input.supersedes?.path ?? '',
  });
  return `${body.trimEnd()}\n\n${input.marker}\n`;
}

/** The pull request's title: `ADR-0007: <title>`, one line, bounded (GitHub shows about 250 characters). */
export function pullRequestTitle(number: number, title: string): string {
  const oneLine = title.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  const full = `ADR-${pad(number)}: ${oneLine}`;
  return full.length > 200 ? `${full.slice(0, 199).trimEnd()}…` : full;
}
