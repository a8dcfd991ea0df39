/**
 * The fix part of an inline comment. A ```suggestion block replaces the
 * commented line when the author applies it, so the block must hold the new
 * text of the whole line: for a missing section that is the original line
 * followed by the skeleton; for a wrong status word, the line with the word
 * replaced. Without the line's text we cannot build that, so the fix is shown
 * in a plain ```markdown block to copy instead.
 */
import { longestBacktickRun } from '../render/code-span.js';

/** A code fence longer than any backtick run in `text`, so the text cannot close it. */
export function fenceFor(text: string): string {
  // Counted in one pass: spreading every run into Math.max overflows the stack on a document with ~100k runs.
  return '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
}

/** A fenced block with an info string (`suggestion`, `markdown`). */
export function fencedBlock(info: string, text: string): string {
  const fence = fenceFor(text);
  return `${fence}${info}\n${text}\n${fence}`;
}

// `Status: x`, `- **Status**: x`, `## Status: x`, `status: x` (front matter): the key part of a field line.
// Each `(?!\s)` keeps a run of blanks whole (so a key never starts with a blank): without them a
// long run was given back one blank at a time, each time rescanning the rest of the line (quadratic).
const FIELD_PREFIX = /^(\s{0,3}(?:>\s*(?!\s))*(?:#{1,6}\s+(?!\s))?(?:[-*+]\s+(?!\s))?(?:\*\*|__|\*|_)?[\p{L} -]{1,30}?(?:\*\*|__|\*|_)?\s*:(?:\*\*|__|\*|_)?\s*)(?!\s)(.*)$/u;
// A value wholly made of template guidance: `{proposed | accepted}`, `[status]`, `<status>`.
const BRACKETED = /^(["']?)(\{[^}]*\}|\[[^\]]*\]|<[^>]*>)\1\s*$/;
const LEADING_WORD = /^((?:\*\*|__|\*|_)?)([\p{L}][\p{L}\p{N}-]*)/u;

/** The line with its status-like value replaced by `word`, or undefined when the value cannot be located safely. */
function replaceWord(line: string, word: string): string | undefined {
  const field = FIELD_PREFIX.exec(line);
  const prefix = field ? field[1]! : (/^\s*/.exec(line)?.[0] ?? '');
  const value = field ? field[2]! : line.slice(prefix.length);
  if (BRACKETED.test(value)) return prefix + word;
  const m = LEADING_WORD.exec(value);
  if (!m) return undefined;
  // Keep the author's capitalisation style: `Acepted` becomes `Accepted`, `acepted` stays lower case.
  const written = m[2]!;
  const replacement = written.charAt(0) === written.charAt(0).toUpperCase() && written.charAt(0) !== written.charAt(0).toLowerCase()
    ? word.charAt(0).toUpperCase() + word.slice(1)
    : word;
  return prefix + m[1] + replacement + value.slice(m[0].length);
}

/** The new text of the commented line that applies `suggestion`, or undefined when it cannot be built safely. */
export function suggestedLine(line: string, suggestion: string): string | undefined {
  const fix = suggestion.trimEnd();
  if (fix === '') return undefined;
  // A multi-line fix is a missing section: keep the line and add the skeleton after it.
  if (fix.includes('\n')) return `${line}\n\n${fix}`;
  // A `key: value` fix is a missing front matter field: add it on the next line.
  if (/^[A-Za-z][\w-]*:\s/.test(fix)) return `${line}\n${fix}`;
  if (/\s/.test(fix)) return undefined;
  // A word for an empty section (`## Status` with nothing under it) goes under the heading.
  if (/^\s{0,3}#{1,6}\s/.test(line)) return `${line}\n\n${fix}`;
  return replaceWord(line, fix);
}

/** The fix block of a comment: a ```suggestion when the line is known and the fix is mechanical, else a ```markdown block. */
export function fixBlock(suggestion: string, line: string | undefined): string {
  const replaced = line === undefined ? undefined : suggestedLine(line, suggestion);
  if (replaced !== undefined) return fencedBlock('suggestion', replaced);
  return fencedBlock('markdown', suggestion.trimEnd());
}
