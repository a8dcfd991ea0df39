// The webhook's cheap test (commandCandidateLines, linear, no parse) and the window the job parses
// (commandWindow): the window must decide exactly what a parse of the whole text decides.
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { issueTextWithoutParsing, readIssueText } from '../../../src/core/commands/adr-from-issue.js';
import { commandCandidateLines, commandWindow, findCommandLines, MAX_COMMAND_TEXT } from '../../../src/core/commands/parse-command.js';
import { parseMarkdown } from '../../../src/core/document/parse-markdown.js';

/** The reference: `/adr` lines inside paragraphs (not block quotes) of a parse of the WHOLE text. */
function commandLinesOfWholeText(markdown: string): number[] {
  const lines = new Set<number>();
  const walk = (node: Nodes, quoted: boolean): void => {
    if (node.type === 'blockquote') quoted = true;
    if (node.type === 'paragraph' && !quoted && node.position) {
      for (let l = node.position.start.line; l <= node.position.end.line; l += 1) lines.add(l);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, quoted);
  };
  const source = markdown.replace(/\r\n?/g, '\n');
  walk(parseMarkdown(source), false);
  return source
    .split('\n')
    .map((raw, i) => ({ line: i + 1, text: raw.replace(/^ {0,3}/, '') }))
    .filter((l) => lines.has(l.line) && /^\/adr(?=\s|$)/.test(l.text))
    .map((l) => l.line);
}

const TAIL = '\n\nMore text.\n\n- a list\n- of things\n\n```\ncode\n```\n';

describe('commandCandidateLines', () => {
  it('lists the lines that start with /adr after at most three spaces, CR, LF or CRLF', () => {
    expect(commandCandidateLines('Hi\n/adr new X\n   /adr help\n    /adr check\r\n/adr\r/adrs x\n> /adr new Y')).toEqual([2, 3, 5]);
  });

  it('is a superset of the lines a parse counts', () => {
    const text = '```\n/adr new Fenced\n```\n\n/adr new Real\n> /adr new Quoted\n- /adr new Listed';
    expect(commandCandidateLines(text)).toEqual([2, 5]);
    expect(findCommandLines(text).map((c) => c.line)).toEqual([5]);
  });

  it('reads at most GitHub\'s 65,536 characters of a body', () => {
    expect(commandCandidateLines(`${'x'.repeat(MAX_COMMAND_TEXT)}\n/adr help`)).toEqual([]);
  });
});

describe('commandWindow', () => {
  it('ends at the first blank line after the last candidate', () => {
    expect(commandWindow('Hi\n/adr new X\nmore\n\nrest\n/nothing')).toBe('Hi\n/adr new X\nmore');
    expect(commandWindow('No command here')).toBeUndefined();
  });

  it.each([
    ['a paragraph', 'Agreed.\n/adr new Use PostgreSQL'],
    ['a setext heading underline after the line', '/adr new Heading\n==='],
    ['a setext h2 underline', '/adr new Heading\n---'],
    ['a table delimiter row after the line', '/adr new X | y\n--- | ---'],
    ['a definition title spanning lines', '[ref]: /url "a title\n/adr new inside the title\nends here"'],
    ['an unclosed fence', '```\n/adr new Fenced'],
    ['a closed fence and a command after it', '```\n/adr new Fenced\n```\n/adr new Real'],
    ['an HTML block', '<div>\n/adr new X\n</div>'],
    ['an HTML comment', '<!--\n/adr new X\n-->'],
    ['a lazy quote continuation', '> quoted\n/adr new X'],
    ['indented code', 'Text:\n\n    /adr new X'],
    ['a list item continuation', '- item\n  /adr new X'],
    ['two commands', '/adr help\n\n/adr new X'],
  ])('decides as a parse of the whole text does: %s', (_, text) => {
    const whole = `${text}${TAIL}`;
    expect(findCommandLines(whole).map((c) => c.line)).toEqual(commandLinesOfWholeText(whole));
  });

  it('leaves a long tail after the command out of the parse', () => {
    const text = `/adr help\n\n- x\n${'y\n'.repeat(30_000)}`;
    expect(commandWindow(text)).toBe('/adr help');
  });
});

describe('issue text', () => {
  const BODY = 'Orders drift.\n\n```\n/adr new Example\n```\n\n## Options\n\n- PostgreSQL\n- DynamoDB\n\n/adr new Use PostgreSQL\n';

  it('read with a parse: the context without the command, the options from the list', () => {
    expect(readIssueText(BODY)).toEqual({ context: 'Orders drift.\n\n```\n/adr new Example\n```\n\n## Options\n\n- PostgreSQL\n- DynamoDB', options: ['PostgreSQL', 'DynamoDB'] });
  });

  it('without a parse (a body that could not be read in time): every /adr line dropped, no options', () => {
    expect(issueTextWithoutParsing(BODY)).toEqual({ context: 'Orders drift.\n\n```\n```\n\n## Options\n\n- PostgreSQL\n- DynamoDB', options: [] });
    expect(issueTextWithoutParsing('/adr new X\r\n')).toEqual({ options: [] });
  });
});
