/**
 * Which lines of a pull request a review comment may point at. GitHub accepts
 * a comment on the right side of the diff only on lines inside a hunk: added
 * lines and the unchanged context around them. Anything else is rejected with
 * 422 ("line must be part of the diff"), so findings elsewhere go to the summary.
 */

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Right-side line numbers of a unified diff that accept review comments; empty when there is no patch. */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let right = 0;
  // Lines still expected in the current hunk; the header's counts tell where it ends,
  // so a trailing empty line or a following `diff --git` header is never read as context.
  let oldLeft = 0;
  let newLeft = 0;
  let start = 0;
  while (start <= patch.length) {
    let end = patch.indexOf('\n', start);
    if (end === -1) end = patch.length;
    const line = patch.charCodeAt(end - 1) === 13 ? patch.slice(start, end - 1) : patch.slice(start, end);
    start = end + 1;
    const header = line.startsWith('@@') ? HUNK_HEADER.exec(line) : null;
    if (header) {
      // An omitted count means 1 (`@@ -3 +3 @@`).
      oldLeft = header[1] === undefined ? 1 : Number(header[1]);
      right = Number(header[2]);
      newLeft = header[3] === undefined ? 1 : Number(header[3]);
      continue;
    }
    if (oldLeft === 0 && newLeft === 0) continue;
    const sign = line.charAt(0);
    if (sign === '\\') continue; // "\ No newline at end of file": a note on the line before, not a line.
    if (sign === '+') {
      if (newLeft === 0) continue;
      lines.add(right++);
      newLeft--;
    } else if (sign === '-') {
      if (oldLeft > 0) oldLeft--;
    } else if (sign === ' ' || line === '') {
      // Some tools strip the space of an empty context line; the counts keep that safe.
      if (newLeft === 0) continue;
      lines.add(right++);
      newLeft--;
      if (oldLeft > 0) oldLeft--;
    }
  }
  return lines;
}
