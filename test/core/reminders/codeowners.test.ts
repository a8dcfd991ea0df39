import { describe, expect, it } from 'vitest';
import { ownersOf, parseCodeowners, userLogins } from '../../../src/core/reminders/codeowners.js';
import { fixture } from './reminder-docs.js';

describe('parseCodeowners', () => {
  const parsed = parseCodeowners(fixture('CODEOWNERS'));

  it('reads rules, comments and invalid lines with their line numbers', () => {
    expect(parsed.rules.map((r) => [r.line, r.pattern, r.owners])).toEqual([
      [2, '*', ['@org/everyone']],
      [3, 'docs/', ['@docs-lead']],
      [5, '/docs/adr/', ['@arch-alice', '@arch-bob', '@org/architects']],
      [6, '/docs/adr/*postgres*', ['@dba-carol']],
      [9, 'docs/adr/unowned.md', []],
    ]);
    expect(parsed.comments).toEqual([
      { line: 1, text: '# Default owners of everything' },
      { line: 4, text: '# ADRs belong to the architects, except the database ones' },
    ]);
    expect(parsed.invalid).toEqual([
      { line: 7, text: 'invalid[abc].md         @someone', reason: 'character ranges (`[ ]`) are not supported in CODEOWNERS' },
      { line: 8, text: '!negated.md             @someone', reason: 'negated patterns (`!`) are not supported in CODEOWNERS' },
      { line: 10, text: 'README.md               not-a-handle', reason: '"not-a-handle" is not a @user, @org/team or e-mail address' },
    ]);
  });

  it('the last matching rule wins', () => {
    expect(ownersOf(parsed, 'docs/adr/0007-use-postgresql.md')).toEqual(['@dba-carol']);
    expect(ownersOf(parsed, 'docs/adr/0008-adopt-kafka.md')).toEqual(['@arch-alice', '@arch-bob', '@org/architects']);
    expect(ownersOf(parsed, 'docs/guide.md')).toEqual(['@docs-lead']);
    expect(ownersOf(parsed, 'src/index.ts')).toEqual(['@org/everyone']);
  });

  it('a rule without owners leaves the file unowned', () => {
    expect(ownersOf(parsed, 'docs/adr/unowned.md')).toEqual([]);
  });

  it('anchors patterns with a slash, matches bare names at any depth, and owns folders recursively', () => {
    const c = parseCodeowners(['*.md @any-md', '/build/ @root-build', 'logs @logs', 'apps/*  @apps-direct', 'lib/** @lib', '\\#notes.md @hash'].join('\n'));
    expect(ownersOf(c, 'deep/down/x.md')).toEqual(['@any-md']);
    expect(ownersOf(c, 'build/out.js')).toEqual(['@root-build']);
    expect(ownersOf(c, 'src/build/out.js')).toEqual([]);
    expect(ownersOf(c, 'a/logs/today.txt')).toEqual(['@logs']);
    expect(ownersOf(c, 'apps/web.js')).toEqual(['@apps-direct']);
    expect(ownersOf(c, 'apps/web/index.js')).toEqual([]);
    expect(ownersOf(c, 'lib/a/b/c.ts')).toEqual(['@lib']);
    expect(ownersOf(c, '#notes.md')).toEqual(['@hash']);
    expect(ownersOf(c, '.github/x.yml')).toEqual([]);
  });

  it('reads braces and extglob characters literally, as GitHub does', () => {
    const c = parseCodeowners('docs/{a,b}.md @braces\n');
    expect(ownersOf(c, 'docs/a.md')).toEqual([]);
    expect(ownersOf(c, 'docs/{a,b}.md')).toEqual(['@braces']);
  });

  it('accepts e-mail owners and trailing comments, keeps only users as logins', () => {
    const c = parseCodeowners('docs/** @alice @org/team dev@example.com # the docs team\r\n');
    expect(c.invalid).toEqual([]);
    expect(c.rules[0]?.owners).toEqual(['@alice', '@org/team', 'dev@example.com']);
    expect(userLogins(c.rules[0]!.owners)).toEqual(['alice']);
  });

  it('matches a pattern full of wildcards against a long path in linear time (no regex backtracking)', () => {
    const c = parseCodeowners('*a*a*a*a*a*a*a*b.md @x\n');
    expect(c.invalid).toEqual([]);
    const hostile = `${'a'.repeat(196)}.txt`;
    expect(hostile).toHaveLength(200);
    const started = performance.now();
    expect(ownersOf(c, hostile)).toEqual([]);
    expect(ownersOf(c, `docs/${'a'.repeat(190)}b.md`)).toEqual(['@x']);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('matches `?`, `*` within a segment, `**` across segments, and escaped wildcards literally', () => {
    const c = parseCodeowners(['docs/?.md @one-char', '/src/**/test/*.ts @tests', 'a**b @double', 'lit\\*.md @literal'].join('\n'));
    expect(ownersOf(c, 'docs/a.md')).toEqual(['@one-char']);
    expect(ownersOf(c, 'docs/ab.md')).toEqual([]);
    expect(ownersOf(c, 'src/test/x.ts')).toEqual(['@tests']);
    expect(ownersOf(c, 'src/a/b/test/x.ts')).toEqual(['@tests']);
    expect(ownersOf(c, 'src/a/b/test/deep/x.ts')).toEqual([]);
    expect(ownersOf(c, 'x/axxb')).toEqual(['@double']);
    expect(ownersOf(c, 'ax/b')).toEqual([]);
    expect(ownersOf(c, 'lit*.md')).toEqual(['@literal']);
    expect(ownersOf(c, 'litx.md')).toEqual([]);
  });
});
