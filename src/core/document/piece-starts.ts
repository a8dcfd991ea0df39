/**
 * Where a long document may be cut into pieces that parse on their own.
 *
 * micromark's cost per character grows with the document (its event list is
 * spliced as a whole, and everything it holds outlives V8's young
 * generation), so a 100 KB design doc costs about 40 % more per character
 * than ten 10 KB ones. A document cut before its top-level headings parses to
 * the same tree, piece by piece, when nothing is open across a cut: this file
 * proposes the cuts, parse-in-pieces.ts proves each one or gives up.
 */

/** Documents shorter than this parse in one piece: cutting them gains nothing. */
export const PIECES_FROM_LENGTH = 8_000;
/** A piece ends at the first cut at least this many characters after its start. */
export const PIECE_LENGTH = 3_000;

/** An ATX heading at column 0: it closes every list, quote and paragraph before it. */
const ATX_HEADING = /^#{1,6}(?:[ \t]|\r?$)/;
/** A blank line (the line terminator, if any, excluded but for a CR). */
export const BLANK_LINE = /^[ \t]*\r?$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;
const COMMENT_OPEN = /^ {0,3}<!--/;
/**
 * A line that most likely ends a paragraph (a letter or bold text at column 0,
 * not a list item, quote, table row, fence or tag): a cut after a paragraph is
 * proved without a second parse, one after a list costs the list again.
 */
const PROSE_LINE = /^(?:[\p{L}_(!]|\*\*|\[(?!\^))/u;
/** How front matter opens (YAML, TOML): only at the document's start. */
export const FRONT_MATTER_FENCE = /^(?:---|\+\+\+)/;

/**
 * Offsets (each a line start, in increasing order) where a new piece may
 * start: a column-0 ATX heading after a blank line, outside code fences and
 * HTML comments that open at the top level, after the front matter, at least
 * PIECE_LENGTH characters after the previous piece's start. Empty when the
 * document is short, starts with a byte order mark, or its front matter does
 * not close.
 * A heuristic: every cut is checked against the parse (parse-in-pieces.ts).
 */
export function pieceStarts(source: string): number[] {
  // micromark does not count a byte order mark in its offsets; the pieces' offsets would be one off.
  if (source.length < PIECES_FROM_LENGTH || source.charCodeAt(0) === 0xfeff) return [];
  const starts: number[] = [];
  let lineStart = 0;
  let pieceStart = 0;
  let prevBlank = false;
  let lastTextProse = false;
  let fence: string | undefined;
  let inComment = false;
  // Front matter: no cut before the first line that could close it (parse-in-pieces checks it did).
  let frontMatter = FRONT_MATTER_FENCE.test(source) ? source.slice(0, 3) : undefined;
  let first = true;
  while (lineStart < source.length) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    const line = source.slice(lineStart, lineEnd);
    if (first) {
      first = false;
    } else if (frontMatter !== undefined) {
      if (line.startsWith(frontMatter)) frontMatter = undefined;
    } else if (fence !== undefined) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (prevBlank && lastTextProse && lineStart - pieceStart >= PIECE_LENGTH && ATX_HEADING.test(line)) {
      starts.push(lineStart);
      pieceStart = lineStart;
    } else {
      const open = FENCE_OPEN.exec(line);
      if (open) fence = open[1];
      else if (COMMENT_OPEN.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) inComment = true;
    }
    prevBlank = BLANK_LINE.test(line);
    if (!prevBlank) lastTextProse = PROSE_LINE.test(line);
    lineStart = lineEnd + 1;
  }
  return frontMatter === undefined ? starts : [];
}
