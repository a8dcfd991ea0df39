import { createHash } from 'node:crypto';

/**
 * Hidden markers that make the /adr commands idempotent without memory: the
 * pull request an `/adr new` opened carries the issue and a hash of the title,
 * the bot's reply carries the id of the comment it answers. A redelivered
 * comment, a restarted process or a second replica finds them on GitHub.
 */

/** Where a command was written: a comment (by id) or the body of a newly opened issue. */
export type CommandSource = { kind: 'comment'; id: number } | { kind: 'issue-body'; issueNumber: number };

/** The title as compared for idempotency: case, spacing and Unicode forms do not make a new ADR. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A short stable hash of the title key (12 hex digits: collisions within one issue are not a concern). */
export function titleHash(title: string): string {
  return createHash('sha256').update(titleKey(title)).digest('hex').slice(0, 12);
}

/** The marker in the body of the pull request `/adr new` opens for an issue and title. */
export function pullRequestMarker(issueNumber: number, title: string): string {
  return `<!-- design-review:adr-command issue=${issueNumber} title=${titleHash(title)} -->`;
}

/** The marker in the bot's reply to one command. */
export function replyMarker(source: CommandSource): string {
  return source.kind === 'comment'
    ? `<!-- design-review:adr-reply comment=${source.id} -->`
    : `<!-- design-review:adr-reply issue-body=${source.issueNumber} -->`;
}

/**
 * In the bot's reply once a command's pull request exists (opened, or found already open): a
 * redelivery of that command finds it next to the reply marker and does nothing more, even after
 * the pull request was merged or closed (which the open pull request lookup no longer sees).
 */
export const CREATED_REPLY_MARKER = '<!-- design-review:adr-created -->';
