/**
 * Where a part of a trigger is written in the source: a trigger's text is
 * collapsed plain text (markdown stripped, whitespace folded), so the column
 * of a phrase inside it is found again in the source lines, from the
 * trigger's own start. Findings then point at the phrase, not the sentence.
 */
import { escapeRegExp } from './escape-regexp.js';
import type { Place } from './model.js';

/** Finds `needle` in the source at or after `from`; undefined when it is not written there as such (the caller keeps `from`). */
export type Locate = (from: Place, needle: string) => Place | undefined;

// A trigger is one item or sentence: its parts are written within a few lines of its start.
const SEARCH_LINES = 12;
// Words of the needle to look for: enough to tell it apart, short enough to survive inline markup further on.
const NEEDLE_WORDS = 5;

/** A `Locate` over the document's source lines (1-based lines and columns, as the parser's places). */
export function sourceLocator(lines: readonly string[]): Locate {
  return (from, needle) => {
    const words = needle.trim().split(/\s+/).filter((w) => w !== '').slice(0, NEEDLE_WORDS);
    if (words.length === 0 || from.line < 1) return undefined;
    // Between words the source may break the line, quote it or wrap a word in emphasis.
    const body = words.map(escapeRegExp).join('[\\s*_`>]{1,12}');
    const lead = /^[\p{L}\p{N}]/u.test(words[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
    const re = new RegExp(lead + body, 'iu');
    const window = lines.slice(from.line - 1, from.line - 1 + SEARCH_LINES);
    if (window.length === 0) return undefined;
    const text = window.join('\n');
    const start = Math.min(Math.max(0, from.column - 1), window[0]!.length);
    const m = re.exec(text.slice(start));
    if (!m) return undefined;
    const index = start + m.index;
    let line = from.line;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
      line += 1;
      lineStart = i + 1;
    }
    return { line, column: index - lineStart + 1 };
  };
}
