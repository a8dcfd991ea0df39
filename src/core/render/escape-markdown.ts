/**
 * Escaping of user text placed into generated Markdown (ADRs, design docs,
 * comments). User text may hold HTML, Markdown control characters and
 * Handlebars syntax; after escaping it renders as the literal text, never as
 * markup, a link, a heading, a list, a table or a template expression.
 */

// C0/C1 controls except tab and newline, and the bidi embedding/override/isolate
// controls that can make displayed text differ from the stored text ("Trojan Source").
// Right-to-left letters themselves are kept: they render correctly on their own.
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Normalise line endings and drop invisible control characters. */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE_CONTROLS, '');
}

/**
 * Escape characters that are markup anywhere in a line: HTML tags and entities,
 * code spans, links and images, table pipes, template braces, backslashes.
 * `>` and a bare `&` are inert once no tag or entity can open, so they stay
 * readable in the Markdown source ("traffic > 10x", "R&D").
 */
function escapeAnywhere(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/([`[\]|{}])/g, '\\$1');
}

/** Escape what is markup only at the start of a line: headings, quotes, lists, breaks, fences, setext underlines, indented code. */
function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  return trimmed.replace(/^([#>+*=_~-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Escape user text placed inside a line, never at its start (link labels): one line, no line-start escapes. */
export function escapeMarkdownSpan(text: string): string {
  return escapeAnywhere(sanitizeText(text).replace(/\s+/g, ' ').trim());
}

/** Escape one line of user text (titles, list items): whitespace runs, newlines included, become one space. */
export function escapeMarkdownInline(text: string): string {
  const oneLine = sanitizeText(text).replace(/\s+/g, ' ').trim();
  // A trailing run of `#` after a space would be read as an ATX heading's closing sequence.
  return escapeLineStart(escapeAnywhere(oneLine)).replace(/ (#+)$/, ' \\$1');
}

/** Escape a block of user text (context, consequences): lines and blank-line paragraphs are kept. */
export function escapeMarkdownBlock(text: string): string {
  return sanitizeText(text)
    .trim()
    .split('\n')
    .map((line) => escapeLineStart(escapeAnywhere(line.trimEnd())))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Escape user text for a GFM table cell: one line, pipes escaped. */
export function escapeTableCell(text: string): string {
  // `escapeMarkdownInline` already escapes `|`; a cell never starts a block, but the escape is harmless.
  return escapeMarkdownInline(text);
}

/** A URL safe to place in a Markdown link target, or undefined when it is not an absolute http(s) URL. */
export function safeLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  // URL serialisation percent-encodes spaces, quotes and angle brackets; parentheses end a link target.
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

const GITHUB_MENTION = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9._-]{1,100})?$/;

/**
 * A participant as written: `@octocat` or `@org/team` stays a mention; anything
 * else (a plain name) is escaped text, so no one is mentioned by accident.
 */
export function formatHandle(name: string): string {
  const clean = sanitizeText(name).trim();
  return GITHUB_MENTION.test(clean) ? clean : escapeMarkdownInline(clean);
}
