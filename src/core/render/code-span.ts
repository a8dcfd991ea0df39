import { sanitizeText } from './escape-markdown.js';

/**
 * User text shown as code. Inside a code span Markdown escapes do not work,
 * so a backtick in the text cannot be escaped: it would close a one-backtick
 * span and leave the rest as live Markdown (and live @mentions). CommonMark
 * ends a code span only at a backtick run of the same length as the opening
 * one, so a fence longer than any run in the text cannot be closed by it.
 */

/** Length of the longest run of backticks in `text` (0 when there is none), in one pass. */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      run += 1;
      if (run > longest) longest = run;
    } else {
      run = 0;
    }
  }
  return longest;
}

/**
 * One line of text as a Markdown code span that renders exactly that text:
 * whitespace runs become one space (a span must not cross lines, where a `#`
 * or `-` would start a block) and the ends are trimmed; the fence is one
 * backtick longer than the longest run inside, and a space pads the text when
 * it starts or ends with a backtick (CommonMark strips one padding space from
 * each side when both are there, and the trimmed text has none of its own). Not
 * for GFM table cells, where `|` splits the cell even inside code. Empty text
 * gives an empty string: there is no empty code span. An HTML comment opener
 * `<!--` gets a zero-width space after `<`, invisible in code, so quoted text
 * never forms one of the bot's hidden markers (`<!-- design-review:… -->`).
 */
export function codeSpan(text: string): string {
  const line = sanitizeText(text).replace(/\s+/g, ' ').trim().replace(/<!--/g, '<\u200b!--');
  if (line === '') return '';
  const fence = '`'.repeat(longestBacktickRun(line) + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
