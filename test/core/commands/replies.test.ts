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
    for (const example of ['/adr new Use PostgreSQL for orders', '/adr supersede 7 Move orders to DynamoDB', '/adr check', '/adr help']) expect(help).toContain(example);
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
});
