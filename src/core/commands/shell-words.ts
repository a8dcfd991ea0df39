/**
 * Splits a command line into words the way people type titles in a comment:
 * whitespace separates words, and a quote that opens a word ("...", '...',
 * or the typographic “...” and ‘...’ that phones insert) groups words until
 * its closing quote. A quote inside a word is an ordinary character, so
 * `Don't use Kafka` is three words and not an unterminated string.
 */

/** A command line that cannot be split (an opening quote without its closing one). */
export class ShellWordsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellWordsError';
  }
}

const CLOSING: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019', '\u201e': '\u201c' };

/** The words of `line`; throws ShellWordsError on an unterminated quote. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && /\s/.test(line[i]!)) i += 1;
    if (i >= n) break;
    const open = line[i]!;
    const close = CLOSING[open];
    if (close !== undefined) {
      const end = line.indexOf(close, i + 1);
      if (end === -1) throw new ShellWordsError(`the quote ${open} at column ${i + 1} is never closed; close it or drop it`);
      // A quoted word may run on into unquoted characters ("v2"x): keep them, as a shell does.
      let word = line.slice(i + 1, end);
      i = end + 1;
      while (i < n && !/\s/.test(line[i]!)) word += line[i++];
      words.push(word);
      continue;
    }
    let word = '';
    while (i < n && !/\s/.test(line[i]!)) word += line[i++];
    words.push(word);
  }
  return words;
}
