import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { commandEventFrom, type CommandPayload } from '../../src/commands/adr-command-event.js';

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}
const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as Definition[];

/** A real example payload of the event and action, with `patch` applied to its copy. */
function example(name: string, action: string, patch: (p: Record<string, any>) => void): CommandPayload {
  const payload = structuredClone(definitions.find((d) => d.name === name)!.examples.find((e) => e['action'] === action)!) as Record<string, any>;
  patch(payload);
  return payload as CommandPayload;
}

describe('commandEventFrom (real example payloads)', () => {
  it('reads a command from an issue comment, with the issue, its assignees and the comment as source', () => {
    const payload = example('issue_comment', 'created', (p) => {
      p['comment'].body = 'Agreed.\n/adr new Use PostgreSQL';
      p['issue'].assignees = [{ login: 'bob', type: 'User' }, { login: 'dependabot[bot]', type: 'Bot' }];
    });
    const event = commandEventFrom('issue_comment', payload)!;
    // The text up to the command, for the job to read on a worker thread: no parse in the webhook.
    expect(event.text).toBe('Agreed.\n/adr new Use PostgreSQL');
    expect(event.source).toEqual({ kind: 'comment', id: payload.comment!.id });
    expect(event.author).toBe(payload.comment!.user!.login);
    expect(event.issue).toMatchObject({ number: payload.issue!.number, assignees: ['bob'], isPullRequest: false });
    expect(event.defaultBranch).toBe(payload.repository!.default_branch);
  });

  it('reads a command from the body of a newly opened issue', () => {
    const payload = example('issues', 'opened', (p) => {
      p['issue'].body = '/adr new Pick a broker';
    });
    expect(commandEventFrom('issues', payload)).toMatchObject({ source: { kind: 'issue-body', issueNumber: payload.issue!.number }, text: '/adr new Pick a broker' });
  });

  it('ignores bots, edits, other actions and texts without a command', () => {
    expect(commandEventFrom('issue_comment', example('issue_comment', 'created', (p) => {
      p['comment'].body = '/adr help';
      p['comment'].user = { login: 'design-review[bot]', type: 'Bot' };
      p['sender'] = { login: 'design-review[bot]', type: 'Bot' };
    }))).toBeUndefined();
    expect(commandEventFrom('issue_comment', example('issue_comment', 'created', (p) => {
      p['comment'].body = '/adr help';
      p['action'] = 'edited';
    }))).toBeUndefined();
    expect(commandEventFrom('issues', example('issues', 'opened', (p) => {
      p['issue'].body = 'No command here, only /adr in the middle.';
    }))).toBeUndefined();
  });
});
