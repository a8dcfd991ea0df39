import { describe, expect, it } from 'vitest';
import { findCommand, findCommandLines, parseCommandLine } from '../../../src/core/commands/parse-command.js';
import { splitWords } from '../../../src/core/commands/shell-words.js';

describe('findCommandLines', () => {
  it('finds /adr at the start of a paragraph line, also after other text', () => {
    const text = 'We should record this.\n/adr new Use PostgreSQL\n\n/adr help';
    expect(findCommandLines(text)).toEqual([
      { line: 2, text: '/adr new Use PostgreSQL' },
      { line: 4, text: '/adr help' },
    ]);
  });

  it.each([
    ['a fenced code block', '```\n/adr new X\n```'],
    ['a tilde fence', '~~~md\n/adr new X\n~~~'],
    ['indented code', 'Example:\n\n    /adr new X'],
    ['a block quote', '> /adr new X'],
    ['a lazy quote continuation', '> quoted\n/adr new X'],
    ['inline code', '`/adr new X`'],
    ['the middle of a line', 'run /adr new X please'],
    ['an HTML comment', '<!--\n/adr new X\n-->'],
    ['a list item marker', '- /adr new X'],
    ['a longer word', '/adrs new X'],
  ])('ignores a command in %s', (_, text) => {
    expect(findCommandLines(text)).toEqual([]);
  });

  it('reads CRLF line ends', () => {
    expect(findCommand('Hi\r\n/adr check\r\n')?.command).toEqual({ kind: 'check' });
  });
});

describe('parseCommandLine', () => {
  it('parses new with a bare title and with options in any order', () => {
    expect(parseCommandLine('/adr new Use PostgreSQL for orders')).toEqual({ kind: 'new', title: 'Use PostgreSQL for orders', options: {} });
    expect(parseCommandLine('/adr new --status accepted "Use  PostgreSQL" --dir docs/decisions --template=trade-off-analysis')).toEqual({
      kind: 'new',
      title: 'Use PostgreSQL',
      options: { status: 'accepted', dir: 'docs/decisions', template: 'trade-off-analysis' },
    });
  });

  it('keeps apostrophes inside words and reads typographic quotes', () => {
    expect(parseCommandLine("/adr new Don't use Kafka")).toMatchObject({ title: "Don't use Kafka" });
    expect(parseCommandLine('/adr new “Use Kafka” --status draft')).toMatchObject({ title: 'Use Kafka', options: { status: 'draft' } });
  });

  it('parses supersede with a number in several spellings', () => {
    for (const n of ['7', '0007', 'ADR-7', '#7']) {
      expect(parseCommandLine(`/adr supersede ${n} Move to DynamoDB`)).toEqual({ kind: 'supersede', number: 7, title: 'Move to DynamoDB', options: {} });
    }
  });

  it('reports usage errors naming the problem', () => {
    expect(parseCommandLine('/adr new')).toEqual({ kind: 'usage-error', subcommand: 'new', message: 'the title is empty' });
    expect(parseCommandLine('/adr new   --status draft')).toMatchObject({ kind: 'usage-error', message: 'the title is empty' });
    expect(parseCommandLine('/adr new --force X')).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('unknown option --force') });
    expect(parseCommandLine('/adr new X --template')).toMatchObject({ kind: 'usage-error', message: '--template needs a value' });
    expect(parseCommandLine('/adr new "X')).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('never closed') });
    expect(parseCommandLine('/adr supersede X Title')).toMatchObject({ kind: 'usage-error', subcommand: 'supersede', message: '"X" is not an ADR number' });
    expect(parseCommandLine('/adr supersede 3')).toMatchObject({ kind: 'usage-error', message: 'the title is empty' });
  });

  it('treats a dash-led title after -- as words', () => {
    expect(parseCommandLine('/adr new -- --not-an-option')).toMatchObject({ kind: 'new', title: '--not-an-option' });
  });

  it('knows check and help, and names unknown subcommands', () => {
    expect(parseCommandLine('/adr')).toEqual({ kind: 'help' });
    expect(parseCommandLine('/adr HELP')).toEqual({ kind: 'help' });
    expect(parseCommandLine('/adr check')).toEqual({ kind: 'check' });
    expect(parseCommandLine('/adr backfill')).toEqual({ kind: 'backfill' });
    expect(parseCommandLine('/adr BACKFILL please')).toEqual({ kind: 'backfill' });
    expect(parseCommandLine('/adr frobnicate now')).toEqual({ kind: 'unknown', name: 'frobnicate' });
  });
});

describe('splitWords', () => {
  it('splits on whitespace and groups quoted words', () => {
    expect(splitWords(` a  "b c"  'd e'f g `)).toEqual(['a', 'b c', 'd ef', 'g']);
  });
  it('throws on an opening quote that never closes', () => {
    expect(() => splitWords('"abc')).toThrow(/never closed/);
  });
});
