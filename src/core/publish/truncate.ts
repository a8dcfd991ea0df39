/**
 * Keeping bodies within GitHub's size limits, so a long review is cut with a
 * notice instead of being rejected with 422.
 *
 * GitHub documents "65535 characters" for check-run `output.summary` and
 * `output.text` and "65536 characters" for comment bodies, but the check-run
 * API rejects text with "summary exceeds a maximum bytesize of 65535"
 * (github/docs#35252, github/rest-api-description#5399): it counts UTF-8
 * bytes. A UTF-8 byte count is never smaller than the UTF-16 or code-point
 * count of the same text, so measuring bytes is safe under every reading.
 */

/** GitHub's limit for check-run summaries and text, and (one below it) for comment bodies, in UTF-8 bytes. */
export const GITHUB_TEXT_LIMIT = 65_535;

/** Default notice appended to cut text. */
export const TRUNCATION_NOTICE =
  "\n\n---\n\n**This summary was cut to fit GitHub's size limit.** The check run's annotations list every finding.";

const encoder = new TextEncoder();

/** Size of a text as GitHub measures it: UTF-8 bytes. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** UTF-8 bytes of the code point starting at `i` (a lone surrogate is encoded as U+FFFD: 3 bytes). */
function bytesAt(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return { bytes: 1, units: 1 };
  if (c < 0x800) return { bytes: 2, units: 1 };
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, units: 2 };
  }
  return { bytes: 3, units: 1 };
}

/** Longest prefix of `text` within `budget` UTF-8 bytes, ending on a code-point boundary (never half a surrogate pair). */
function prefixWithin(text: string, budget: number): string {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const { bytes, units } = bytesAt(text, i);
    if (used + bytes > budget) break;
    used += bytes;
    i += units;
  }
  return text.slice(0, i);
}

/** How far back (UTF-16 units) a cut may move to reach a line end. */
const LINE_CUT_SLACK = 4096;

// The lookaheads keep the fence run whole: without them a long run before a line separator
// backtracked one character at a time, rescanning the rest of the line each time.
const FENCE = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/;

/**
 * What must be appended to a Markdown prefix so nothing it opened swallows the
 * notice: the closing fence of an open code block, then `</details>` for each
 * `<details>` opened outside code and not closed.
 */
export function closingFor(prefix: string): string {
  let fence: { char: string; length: number } | undefined;
  let details = 0;
  for (const line of prefix.split('\n')) {
    const m = FENCE.exec(line);
    if (fence) {
      // CommonMark: a closing fence uses the same character, at least as long, with nothing after it.
      if (m && m[1]!.charAt(0) === fence.char && m[1]!.length >= fence.length && m[2]!.trim() === '') fence = undefined;
      continue;
    }
    if (m && !(m[1]!.charAt(0) === '`' && m[2]!.includes('`'))) {
      fence = { char: m[1]!.charAt(0), length: m[1]!.length };
      continue;
    }
    details += (line.match(/<details[\s>]/gi) ?? []).length;
    details -= (line.match(/<\/details\s*>/gi) ?? []).length;
    if (details < 0) details = 0;
  }
  let closing = fence ? `\n${fence.char.repeat(fence.length)}` : '';
  // A blank line ends the Markdown before the HTML tag, so GitHub reads the tag as HTML.
  for (let i = 0; i < details; i++) closing += '\n\n</details>';
  return closing;
}

/**
 * Cut `text` to at most `limit` UTF-8 bytes: at a line end when there is one,
 * closing an open code fence and open `<details>` blocks, then appending the
 * notice. Text within the limit is returned unchanged.
 */
export function truncateToLimit(text: string, limit: number = GITHUB_TEXT_LIMIT, notice: string = TRUNCATION_NOTICE): string {
  if (utf8Length(text) <= limit) return text;
  const noticeBytes = utf8Length(notice);
  if (noticeBytes >= limit) return prefixWithin(notice, limit);
  let budget = limit - noticeBytes;
  // The closing depends on where the cut falls; shrink the budget until prefix + closing + notice fit.
  // Each round cuts at least one byte more, so the loop ends (at worst with an empty prefix).
  for (;;) {
    let prefix = prefixWithin(text, budget);
    // Prefer a line end, so no table row or list item is cut in half, unless that would drop a lot.
    const newline = prefix.lastIndexOf('\n');
    if (newline > 0 && prefix.length - newline <= LINE_CUT_SLACK) prefix = prefix.slice(0, newline);
    const closing = closingFor(prefix);
    const total = utf8Length(prefix) + utf8Length(closing) + noticeBytes;
    if (total <= limit) return prefix + closing + notice;
    budget -= total - limit;
    if (budget <= 0) return notice;
  }
}

/**
 * The most of `total` items a text can list and still fit: `total` when
 * `fits(total)`, else the largest n below it with `fits(n)` (0 at least), found
 * by binary search (`fits` only turns false as n grows: each item adds text).
 */
export function mostThatFit(total: number, fits: (n: number) => boolean): number {
  if (fits(total)) return total;
  let lo = 0;
  let hi = total - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
