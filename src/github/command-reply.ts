import type { GitHub } from './github-client.js';

/**
 * The bot's one reply to one command: found by the bot's login and the
 * command's hidden marker, edited when it exists (a redelivery, a retried
 * job), created otherwise. A marker quoted by someone else is not ours.
 */

/** Where the reply goes and what it says (the body carries `marker`). */
export interface CommandReplyParams {
  owner: string;
  repo: string;
  issueNumber: number;
  botLogin: string;
  marker: string;
  body: string;
}

/** The bot's reply carrying `marker`, if there is one. */
export async function findCommandReply(gh: GitHub, params: Omit<CommandReplyParams, 'body'>): Promise<{ id: number; body: string } | undefined> {
  const { owner, repo, issueNumber, botLogin, marker } = params;
  let ours: { id: number; body: string } | undefined;
  await gh.paginate(gh.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 }, (response, done) => {
    for (const comment of response.data) {
      if (ours === undefined && comment.user?.login === botLogin && (comment.body ?? '').includes(marker)) ours = { id: comment.id, body: comment.body ?? '' };
    }
    if (ours !== undefined) done();
    return [];
  });
  return ours;
}

/** Create the reply, or update ours when its text changed; returns what was done. */
export async function upsertCommandReply(gh: GitHub, params: CommandReplyParams): Promise<'created' | 'updated' | 'unchanged'> {
  const { owner, repo, issueNumber, marker, body } = params;
  if (!body.includes(marker)) throw new Error(`upsertCommandReply: the body must carry ${marker}`);
  const ours = await findCommandReply(gh, params);
  if (ours === undefined) {
    await gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return 'created';
  }
  if (ours.body.replace(/\r\n/g, '\n').trimEnd() === body.trimEnd()) return 'unchanged';
  await gh.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body });
  return 'updated';
}
