import type { CommandSource } from '../core/commands/markers.js';
import type { GitHub } from './github-client.js';

/** React to a command where it was written, its comment or its issue (👀 taken, 😕 not understood, 🚀 done). */
export async function reactTo(gh: GitHub, at: { owner: string; repo: string; source: CommandSource }, content: 'eyes' | 'confused' | 'rocket'): Promise<void> {
  const { owner, repo, source } = at;
  if (source.kind === 'comment') await gh.rest.reactions.createForIssueComment({ owner, repo, comment_id: source.id, content });
  else await gh.rest.reactions.createForIssue({ owner, repo, issue_number: source.issueNumber, content });
}
