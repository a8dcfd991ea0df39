import { beforeAll, describe, expect, it } from 'vitest';
import { pullRequestTitle, renderPullRequestBody, renderReply } from '../../../src/core/commands/replies.js';
import { neutralizeReferences } from '../../../src/core/render/neutralize-references.js';
import { pullRequestMarker, replyMarker, titleHash } from '../../../src/core/commands/markers.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';

const SOURCE = { kind: 'comment', id: 77 } as const;

beforeAll(() => loadBuiltinTemplates());

describe('replies', () => {
  it('help lists every command with an example, and names an unknown one without pinging anyone', () => {
    const help = renderReply({ kind: 'help' }, SOURCE);
    for (const example of ['/adr new Use PostgreSQL for orders', '/adr supersede 7 Move orders to DynamoDB', '/adr backfill', '/adr check', '/adr help']) expect(help).toContain(example);
    expect(help.trimEnd().endsWith(replyMarker(SOURCE))).toBe(true);
    const unknown = renderReply({ kind: 'help', unknown: '@org/team<b>' }, SOURCE);
    expect(unknown).toContain('“@\u200borg/team&lt;b>”');
    expect(unknown).not.toMatch(/@org/);
  });

  it('usage, denied, created, existing and failed replies say what happened', () => {
    expect(renderReply({ kind: 'usage', subcommand: 'new', message: 'the title is empty' }, SOURCE)).toContain('I could not run `/adr new`: the title is empty.');
    expect(renderReply({ kind: 'denied', login: 'mallory', required: 'write' }, SOURCE)).toContain('@mallory');
    expect(renderReply({ kind: 'denied', login: 'mallory', required: 'write' }, SOURCE)).toContain('write, maintain or admin permission');
    const created = renderReply({ kind: 'created', existing: false, number: 3, title: 'Use [x](y) @bob', url: 'https://github.com/acme/shop/pull/13', path: 'doc/adr/0003-use-x-y-bob.md', branch: 'adr/0003-use-x-y-bob', draft: true }, SOURCE);
    expect(created).toContain('Proposed [ADR-0003: Use \\[x\\](y) @\u200bbob](https://github.com/acme/shop/pull/13) as a draft: `doc/adr/0003-use-x-y-bob.md`');
    expect(renderReply({ kind: 'created', existing: true, number: 3, title: 'T', url: 'https://github.com/acme/shop/pull/13' }, SOURCE)).toContain('already has a pull request');
    expect(renderReply({ kind: 'failed', problem: 'missing-permission', action: 'create the branch' }, SOURCE)).toContain('**Contents: write**');
    expect(renderReply({ kind: 'failed', problem: 'protected', action: 'create the branch', detail: 'Repository rule violations found' }, SOURCE)).toContain('ruleset refused it (Repository rule violations found)');
  });

  it('the pull request body references the issue and ends with the idempotency marker', () => {
    const marker = pullRequestMarker(12, 'Use PostgreSQL');
    expect(marker).toBe(`<!-- design-review:adr-command issue=12 title=${titleHash('use   postgresql')} -->`);
    const body = renderPullRequestBody({ number: 3, title: 'Use PostgreSQL', issueNumber: 12, path: 'doc/adr/0003-use-postgresql.md', marker, supersedes: { number: 1, path: 'doc/adr/0001-x.md' } });
    expect(body).toContain('Refs #12');
    expect(body).toContain('supersedes ADR-0001 (`doc/adr/0001-x.md`)');
    expect(body.trimEnd().endsWith(marker)).toBe(true);
  });

  it('titles are one bounded line', () => {
    expect(pullRequestTitle(3, 'a\u202eb\n c')).toBe('ADR-0003: ab c');
    expect(pullRequestTitle(3, 'x'.repeat(300)).length).toBe(200);
    expect(neutralizeReferences('@a and a@b.c')).toBe('@\u200ba and a@\u200bb.c');
  });

  it('backfill replies: opened, updated with the records added, up to date, nothing to do', () => {
    const base = { kind: 'backfill' as const, branch: 'main', drafted: 3, added: [], todos: 2, skipped: 1, covered: 4 };
    const pull = { number: 12, url: 'https://github.com/acme/shop/pull/12' };
    expect(renderReply({ ...base, outcome: 'opened', pull, draft: true, added: ['a.md'] }, SOURCE)).toContain(
      'Opened [#\u200b12](https://github.com/acme/shop/pull/12) as a draft: a Revisit Triggers section drafted for 3 ADRs from their own text, in one commit on `adr/backfill-revisit-triggers`. 2 conditions are TODOs for the team to fill; the review flags them until then. 1 superseded, deprecated, rejected or unaccepted record was left alone.',
    );
    const added = Array.from({ length: 23 }, (_, i) => `docs/adr/${String(i + 1).padStart(4, '0')}-x.md`);
    const updated = renderReply({ ...base, outcome: 'updated', pull, added }, SOURCE);
    expect(updated).toContain('it now drafts Revisit Triggers for 3 records, 23 of them new since the last run: `docs/adr/0001-x.md`, ');
    expect(updated).toContain('`docs/adr/0020-x.md` and 3 more.');
    expect(renderReply({ ...base, outcome: 'unchanged', pull }, SOURCE)).toContain('is up to date: it drafts Revisit Triggers for 3 records, and no other record on `main` needs one. Nothing was changed.');
    expect(renderReply({ ...base, outcome: 'nothing', drafted: 0 }, SOURCE)).toContain(
      'Nothing to backfill on `main`: every accepted ADR says when to revisit it (4 records), and 1 record is superseded, deprecated, rejected or not accepted yet.',
    );
  });
});
