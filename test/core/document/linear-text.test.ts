/**
 * The regexes that took quadratic (or cubic) time on document text (issue 13,
 * item 2) were replaced by loops and `indexOf` scans. Each replacement gives
 * exactly what its regex gave (checked here against the regex on many random
 * strings over the characters that matter), and runs on 1 MB of its worst
 * input in about the time of 1 MB of ordinary text.
 */
import { describe, expect, it } from 'vitest';
import { htmlComments, withoutHtmlComments } from '../../../src/core/document/html-comments.js';
import { normalizeHeading } from '../../../src/core/document/headings.js';
import { numberOfTarget, scanLinks, withoutQueryOrFragment } from '../../../src/core/document/links.js';
import { stripInlineMarkdown } from '../../../src/core/document/markdown-inline.js';
import { normalizeStatus } from '../../../src/core/document/status.js';
import { numberInTitle } from '../../../src/core/document/title.js';
import { trimEndMatching, trimStartMatching } from '../../../src/core/document/trim-chars.js';
import { readToml } from '../../../src/core/document/front-matter-toml.js';
import { isPlaceholderTitle } from '../../../src/core/rules/adr-title.js';

/** Seeded pseudo-random strings over `alphabet` (whole tokens), up to `maxTokens` long. */
function* samples(alphabet: string[], count: number, maxTokens: number, seed = 1): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < count; i += 1) {
    let s = '';
    const length = Math.floor(next() * (maxTokens + 1));
    for (let t = 0; t < length; t += 1) s += alphabet[Math.floor(next() * alphabet.length)];
    yield s;
  }
}

/** The regex chain stripInlineMarkdown used to be: the oracle its replacement must agree with. */
function stripInlineMarkdownByRegex(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?=$|[^\w*])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('linear replacements give what their regexes gave', () => {
  it('trimEndMatching and trimStartMatching trim like /[…]+$/ and /^[…]+/, surrogate pairs included', () => {
    for (const s of samples(['.', ':', ' ', '\n', 'a', '😀', '\ud800', '\udc00', '1'], 20_000, 12)) {
      expect(trimEndMatching(s, /[\s:.]/), JSON.stringify(s)).toBe(s.replace(/[\s:.]+$/, ''));
      expect(trimEndMatching(s, /[^\p{L}\p{N}]/u), JSON.stringify(s)).toBe(s.replace(/[^\p{L}\p{N}]+$/u, ''));
      expect(trimStartMatching(s, /[^\p{L}\p{N}]/u), JSON.stringify(s)).toBe(s.replace(/^[^\p{L}\p{N}]+/u, ''));
    }
  });

  it('htmlComments finds what /<!--[\\s\\S]*?-->/g and /<!--.*?-->/g find', () => {
    for (const s of samples(['<!--', '-->', '<', '!', '-', '>', 'a', '\n', '\r', '\u2028'], 20_000, 12)) {
      const all = [...s.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => ({ index: m.index, end: m.index + m[0].length, inner: m[1] }));
      const oneLine = [...s.matchAll(/<!--(.*?)-->/g)].map((m) => ({ index: m.index, end: m.index + m[0].length, inner: m[1] }));
      expect(htmlComments(s), JSON.stringify(s)).toEqual(all);
      expect(htmlComments(s, true), JSON.stringify(s)).toEqual(oneLine);
      expect(withoutHtmlComments(s, true)).toBe(s.replace(/<!--.*?-->/g, ''));
    }
  });

  it('stripInlineMarkdown gives what its regex chain gave', () => {
    const tokens = ['[', ']', '(', ')', '!', '<', '>', '/', 'a', 'B', '<!--', '-->', ' ', '\n', '*', '_', '`', '~'];
    for (const s of samples(tokens, 50_000, 16)) expect(stripInlineMarkdown(s), JSON.stringify(s)).toBe(stripInlineMarkdownByRegex(s));
  });

  it('withoutQueryOrFragment cuts like /[?#].*$/, line breaks included', () => {
    for (const s of samples(['?', '#', 'a', '/', '.md', '\n', '\u2028', '12'], 20_000, 10)) {
      expect(withoutQueryOrFragment(s), JSON.stringify(s)).toBe(s.replace(/[?#].*$/, ''));
    }
  });
});

describe('linear replacements run in linear time', () => {
  const SIZE = 1_000_000;
  const prose = 'the relay reads the outbox and publishes each row; consumers acknowledge after processing. '.repeat(SIZE / 90);

  // Ordinary text that takes scanLinks past its cheap filter: real supersede phrases and links.
  const links = 'Supersedes [ADR-12](0012-use-x.md) and replaces ADR 3, see 0004-y.md. '.repeat(SIZE / 70);

  /** Milliseconds of `f` on the hostile input, and on ordinary text (`benign`) of the same size. */
  function compare(f: (s: string) => unknown, hostile: string, benign = prose): { hostileMs: number; benignMs: number } {
    f(benign.slice(0, 1000)); // warm up
    let started = performance.now();
    f(benign.slice(0, hostile.length));
    const benignMs = performance.now() - started;
    started = performance.now();
    f(hostile);
    return { hostileMs: performance.now() - started, benignMs };
  }

  // Each took minutes at this size: quadratic, or cubic for the titles.
  const cases: [string, (s: string) => unknown, string, string?, number?][] = [
    ['normalizeHeading on `1`, dots, `x`', normalizeHeading, `1${'.'.repeat(SIZE)}x`],
    ['isPlaceholderTitle on `1`, dots, `x`', isPlaceholderTitle, `1${'.'.repeat(SIZE)}x`],
    ['numberInTitle on `ADR`, spaces, `x`', numberInTitle, `ADR${' '.repeat(SIZE)}x`],
    ['isPlaceholderTitle on `ADR`, spaces, `x`', isPlaceholderTitle, `ADR${' '.repeat(SIZE)}x`],
    ['normalizeStatus on `[` and `|`', normalizeStatus, `[${'|'.repeat(SIZE)}`],
    ['normalizeStatus on `[`', normalizeStatus, '['.repeat(SIZE)],
    ['normalizeStatus on `<!--`', normalizeStatus, '<!--'.repeat(SIZE / 4)],
    ['normalizeStatus on `<a`', normalizeStatus, '<a'.repeat(SIZE / 2)],
    ['scanLinks on `Superseded by [x](` and letters', (s) => scanLinks([s], new Uint8Array(2)), `Superseded by [x](${'a'.repeat(SIZE)}`, links],
    // Each of the 83,000 phrases may scan TARGETS_WINDOW (1,000) characters for its `]`: linear, with that constant.
    ['scanLinks on `supersedes [` repeated', (s) => scanLinks([s], new Uint8Array(2)), 'supersedes ['.repeat(SIZE / 12), links, 10],
    ['numberOfTarget on `?` then a line break', numberOfTarget, `${'?'.repeat(SIZE)}\n`],
    ['readToml on a value of spaces before a line separator', readToml, `a =${' '.repeat(SIZE)}x\u2028y`],
  ];

  it.each(cases)('%s', (_name, f, hostile, benign, factor = 3) => {
    const { hostileMs, benignMs } = compare(f, hostile, benign);
    expect(hostileMs, `hostile ${Math.round(hostileMs)} ms, benign ${Math.round(benignMs)} ms`).toBeLessThan(factor * benignMs + 100);
  }, 60_000);
});
