/**
 * HTML comments (`<!-- … -->`) found with `indexOf` rather than
 * `/<!--[\s\S]*?-->/g`: that regex rescans the rest of the text from every
 * unclosed `<!--`, so a line of 100,000 `<!--` takes quadratic time.
 */

/** One comment: where it starts, where it ends (exclusive) and its inside. */
export interface HtmlComment {
  index: number;
  end: number;
  inner: string;
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;

/**
 * The comments of `text` from left to right, exactly those `/<!--[\s\S]*?-->/g`
 * matches (with `singleLine`, those of `/<!--.*?-->/g`: a comment never spans
 * a line terminator), in linear time.
 */
export function htmlComments(text: string, singleLine = false): HtmlComment[] {
  const found: HtmlComment[] = [];
  // Both searches are cached: each answer holds for every later start before it.
  let close = -1;
  let terminator = -1;
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start === -1) break;
    if (close < start + 4) close = text.indexOf('-->', start + 4);
    // No `-->` after this opening: none after any later one either.
    if (close === -1) break;
    if (singleLine) {
      if (terminator < start + 4) {
        LINE_TERMINATOR.lastIndex = start + 4;
        terminator = LINE_TERMINATOR.exec(text)?.index ?? text.length;
      }
      if (terminator < close) {
        // Every opening before the line break fails the same way.
        from = terminator + 1;
        continue;
      }
    }
    found.push({ index: start, end: close + 3, inner: text.slice(start + 4, close) });
    from = close + 3;
  }
  return found;
}

/** `text` with every HTML comment removed (see `htmlComments`). */
export function withoutHtmlComments(text: string, singleLine = false): string {
  let out = '';
  let done = 0;
  for (const c of htmlComments(text, singleLine)) {
    out += text.slice(done, c.index);
    done = c.end;
  }
  return done === 0 ? text : out + text.slice(done);
}
