import type { Reply } from '../core/commands/replies.js';
import { renderReply } from '../core/commands/replies.js';
import { replyMarker } from '../core/commands/markers.js';
import { upsertCommandReply } from '../github/command-reply.js';
import { reactTo } from '../github/reactions.js';
import type { GitHub } from '../github/github-client.js';
import type { JobLog } from '../shared/job-log.js';
import type { CommandEvent } from './adr-command-event.js';

/**
 * One running `/adr` command: the event, the bot's login, and the two ways it
 * answers (a reaction on the command, one reply edited in place), shared by
 * the command families (adr-command.ts, adr-backfill.ts).
 */

/** How a command ended. */
export type CommandOutcome = 'archived' | 'disabled' | 'no-command' | 'denied' | 'replied' | 'created' | 'existing' | 'queued' | 'failed';

/** What every command family needs of its surroundings. */
export interface CommandRunDeps {
  gh: GitHub;
  log: JobLog;
}

/** One command being run. */
export interface Run<D extends CommandRunDeps = CommandRunDeps> {
  deps: D;
  event: CommandEvent;
  botLogin: string;
}

/** React, reply with the failure, and end the command as failed. */
export async function fail(run: Run, failure: Reply): Promise<CommandOutcome> {
  await react(run, 'confused');
  await reply(run, failure);
  return 'failed';
}

/** React on the command (a courtesy: a failure is only logged). */
export async function react(run: Run, content: 'eyes' | 'confused' | 'rocket'): Promise<void> {
  const { owner, repo, source } = run.event;
  try {
    await reactTo(run.deps.gh, { owner, repo, source }, content);
  } catch (error) {
    // A reaction is a courtesy: the reply still says what happened.
    run.deps.log.warn({ owner, repo, err: error }, 'design-review: could not react to the command');
  }
}

/** The command's one reply, found by its marker and edited in place. */
export async function reply(run: Run, content: Reply): Promise<void> {
  const { owner, repo, source, issue } = run.event;
  await upsertCommandReply(run.deps.gh, {
    owner,
    repo,
    issueNumber: issue.number,
    botLogin: run.botLogin,
    marker: replyMarker(source),
    body: renderReply(content, source),
  });
}
