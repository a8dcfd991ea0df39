/**
 * The document's source lines as checks scan them for phrases: fenced code
 * and HTML comments are blanked so a quoted example or template guidance is
 * never taken for the author's own words.
 */
import { phraseSource } from '../document/escape-regexp.js';

/** One source line and its 1-based number. */
export interface SourceLine {
  line: number;
  text: string;
}

/** Source lines `from`..`to` (1-based, inclusive), with code fences and HTML comments blanked. */
export function proseLines(source: string, from = 1, to = Number.POSITIVE_INFINITY): SourceLine[] {
  const all = source.split(/\r?\n/);
  const out: SourceLine[] = [];
  let fence: string | null = null;
  let inComment = false;
  for (let i = 0; i < all.length && i + 1 <= to; i += 1) {
    let text = all[i]!;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      text = '';
    } else if (fenceMatch && !inComment) {
      fence = fenceMatch[1]!;
      text = '';
    } else {
      let kept = '';
      let rest = text;
      while (rest.length > 0) {
        if (inComment) {
          const end = rest.indexOf('-->');
          if (end < 0) {
            rest = '';
          } else {
            inComment = false;
            rest = rest.slice(end + 3);
          }
        } else {
          const start = rest.indexOf('<!--');
          if (start < 0) {
            kept += rest;
            rest = '';
          } else {
            kept += rest.slice(0, start);
            inComment = true;
            rest = rest.slice(start + 4);
          }
        }
      }
      text = kept;
    }
    if (i + 1 >= from) out.push({ line: i + 1, text });
  }
  return out;
}

/** A case-insensitive regular expression matching a phrase on word boundaries. */
export function phrasePattern(phrase: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${phraseSource(phrase)}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * One regular expression that tests true exactly when some `phrasePattern` of
 * the phrases would: the alternation backtracks through every phrase at each
 * position, so one pass over the text replaces one pass per phrase.
 */
export function anyPhrasePattern(phrases: readonly string[]): RegExp {
  const body = phrases.map(phraseSource).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body || '(?!)'})(?![\\p{L}\\p{N}])`, 'iu');
}
