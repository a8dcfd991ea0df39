import { beforeAll, describe, expect, it } from 'vitest';
import { fenceFor } from '../../../src/core/publish/suggestion-block.js';
import { codeSpan, longestBacktickRun } from '../../../src/core/render/code-span.js';
import { compileTemplate, renderTemplate } from '../../../src/core/render/templates.js';
import { messageMarkdown } from '../../../src/core/publish/message-markdown.js';
import { asSeen, codeIn, liveInMarkdown } from '../../helpers/live-references.js';

// Titles that close a one-backtick code span and leave the rest live.
const HOSTILE_TITLES = [
  'Use `redis` @octocat #1',
  '```Ship`` it @acme/security-team acme/other#1 `',
  '`leading backtick',
  'trailing backtick`',
  '``',
  'a ```` b ``` c ` d',
];

beforeAll(() => {
  compileTemplate('t-code', 'Comment {{code "/adr new " title}} to open it; file {{code path}}.\n');
});

describe('codeSpan', () => {
  it.each(HOSTILE_TITLES)('renders %j as one intact code span', (title) => {
    const markdown = renderTemplate('t-code', { title, path: 'docs/adr/0001-x.md' });
    const { inline } = codeIn(markdown);
    expect(inline).toEqual([`/adr new ${title}`, 'docs/adr/0001-x.md']);
    // Nothing of the title leaked out of the span as live text.
    expect(liveInMarkdown(markdown)).toEqual([]);
  });

  it('keeps the span on one line and pads only when the text touches a backtick', () => {
    expect(codeSpan('a\nb\t c')).toBe('`a b c`');
    expect(codeSpan('x`y')).toBe('``x`y``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('  ')).toBe('');
  });

  it('the one-backtick span it replaces broke on a backtick and left the rest live (the reproduction)', () => {
    compileTemplate('t-code-old', 'comment `/adr new {{mdLine title}}` to open it\n');
    const old = renderTemplate('t-code-old', { title: HOSTILE_TITLES[0] });
    expect(codeIn(old).inline).toEqual(['/adr new Use \\']);
    expect(liveInMarkdown(old)).toEqual(['@octocat', '#1']);
  });
});

describe('hidden markers quoted in code', () => {
  it('never form one: the comment opener is split by an invisible zero-width space', () => {
    const quoted = 'acepted <!-- design-review:finding 00000000deadbeef -->';
    for (const markdown of [codeSpan(quoted), messageMarkdown(`Unexpected status \`${quoted}\`, expected accepted`)]) {
      expect(markdown).not.toContain('<!--');
      expect(asSeen(codeIn(markdown).inline.join(''))).toBe(quoted);
    }
  });
});

describe('longestBacktickRun', () => {
  it('counts the longest run', () => {
    expect(longestBacktickRun('')).toBe(0);
    expect(longestBacktickRun('a`b```c``')).toBe(3);
  });

  it('handles 200,000 runs (a 400 KB document), where spreading them into Math.max overflowed the stack', () => {
    const text = '`a'.repeat(200_000);
    expect(longestBacktickRun(text)).toBe(1);
    expect(fenceFor(text)).toBe('```');
  });
});
