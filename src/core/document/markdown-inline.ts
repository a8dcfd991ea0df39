/**
 * Inline markdown as written in a field or status line, reduced to text:
 * `**Accepted**` → `Accepted`, `[ADR-0020](0020-x.md)` → `ADR-0020`.
 *
 * Links and tags are unwrapped by scanning with `indexOf`: the regexes they
 * replace (`/!?\[([^\]]*)\]\([^)]*\)/g`, `/<\/?[A-Za-z][^>]*>/g`) rescan the
 * rest of the text from every `[` or `<a`, quadratic on a status line of
 * 200,000 `[`. Each function gives exactly what its regex gave.
 */
import { withoutHtmlComments } from './html-comments.js';

/**
 * `text` with `[label](target)` (`open` `(`, `close` `)`) or `[label][ref]`
 * (`open` `[`, `close` `]`), optionally after `!`, replaced by the label: as
 * `text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')` or its `[ref]` twin.
 */
function unwrapBracketLinks(text: string, open: '(' | '[', close: ')' | ']'): string {
  let out = '';
  let done = 0;
  let at = text.indexOf('[');
  while (at !== -1) {
    const labelEnd = text.indexOf(']', at + 1);
    // Every later `[` would need a `]` after it too.
    if (labelEnd === -1) break;
    if (text[labelEnd + 1] !== open) {
      // Every `[` before labelEnd has the same `]` and fails the same way.
      at = text.indexOf('[', labelEnd + 1);
      continue;
    }
    const targetEnd = text.indexOf(close, labelEnd + 2);
    if (targetEnd === -1) break;
    const start = at > done && text[at - 1] === '!' ? at - 1 : at;
    out += text.slice(done, start) + text.slice(at + 1, labelEnd);
    done = targetEnd + 1;
    at = text.indexOf('[', done);
  }
  return done === 0 ? text : out + text.slice(done);
}

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
}

/** `text` without HTML tags, as `text.replace(/<\/?[A-Za-z][^>]*>/g, '')`. */
function stripTags(text: string): string {
  let out = '';
  let done = 0;
  let at = text.indexOf('<');
  while (at !== -1) {
    const name = text[at + 1] === '/' ? at + 2 : at + 1;
    if (!isAsciiLetter(text[name])) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    const end = text.indexOf('>', name + 1);
    // Every later tag would need a `>` after it too.
    if (end === -1) break;
    out += text.slice(done, at);
    done = end + 1;
    at = text.indexOf('<', done);
  }
  return done === 0 ? text : out + text.slice(done);
}

/** Strip inline markdown (links, emphasis, code ticks, HTML tags and comments) from one line of text. */
export function stripInlineMarkdown(text: string): string {
  const unwrapped = stripTags(unwrapBracketLinks(unwrapBracketLinks(withoutHtmlComments(text), '(', ')'), '[', ']'));
  return unwrapped
    .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?=$|[^\w*])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
