/**
 * Trimming characters of a class from the ends of a string, in linear time.
 * `text.replace(/[.:]+$/, '')` reads like one pass, but the regex engine tries
 * the class at every position: a long run of such characters that is not at
 * the very end (`1.....x`, 200,000 dots) costs quadratic time. These walk
 * inwards from one end instead.
 */

/** The code point that ends at `end` (a surrogate pair counts as one). */
function codePointBefore(text: string, end: number): string {
  const low = text.charCodeAt(end - 1);
  if (end >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(end - 2, end);
  }
  return text.slice(end - 1, end);
}

/** The code point that starts at `start`. */
function codePointAt(text: string, start: number): string {
  return String.fromCodePoint(text.codePointAt(start)!);
}

/**
 * `text` without its trailing characters that `drop` matches, as
 * `text.replace(/[…]+$/, '')` would give. `drop` is a one-character class
 * (`/[.:]/`, `/[^\p{L}\p{N}]/u`) without the `g` or `y` flag.
 */
export function trimEndMatching(text: string, drop: RegExp): string {
  let end = text.length;
  while (end > 0) {
    const ch = codePointBefore(text, end);
    if (!drop.test(ch)) break;
    end -= ch.length;
  }
  return text.slice(0, end);
}

/** `text` without its leading characters that `drop` matches, as `text.replace(/^[…]+/, '')` would give. */
export function trimStartMatching(text: string, drop: RegExp): string {
  let start = 0;
  while (start < text.length) {
    const ch = codePointAt(text, start);
    if (!drop.test(ch)) break;
    start += ch.length;
  }
  return text.slice(start);
}
