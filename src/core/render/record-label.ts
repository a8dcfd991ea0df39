/**
 * How a record is named wherever the bot lists it (reminder titles, the
 * health table, the decision graph): `ADR-0007` and its title without the
 * number prefix, as one clean line, cut to a length at a word.
 */
import { sanitizeText } from './escape-markdown.js';

/** `ADR-0007` from the record's number; its file name when it has none. */
export function recordLabel(path: string, number: number | undefined): string {
  if (number !== undefined) return `ADR-${String(number).padStart(4, '0')}`;
  return path.split('/').pop() ?? path;
}

/**
 * The title without its number prefix (`7. Use X` → `Use X`) when the prefix
 * is the record's `number`, as one clean line; the file name when it has none.
 */
export function recordTitleText(path: string, title: string | undefined, number: number | undefined): string {
  const raw = title ?? '';
  // Each optional part takes the spaces before it, so no two `\s*` meet (they backtracked cubically on space runs).
  const prefix = /^\s*(?:(?:ADR|RFC|DR|AD|Decision)\s*(?:[-_#:]\s*)?)?(?:#\s*)?(\d{1,6})\s*(?:[.:)]|\s[-–—])?\s*/i.exec(raw);
  const withoutNumber = prefix && number !== undefined && Number(prefix[1]) === number ? raw.slice(prefix[0].length) : raw;
  const clean = oneLine(withoutNumber);
  return clean !== '' ? clean : (path.split('/').pop() ?? path);
}

/** Text on one line: control and bidi characters dropped, white space runs made one space. */
export function oneLine(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

/** At most `limit` code points (never half a surrogate pair), ending with `…` when cut, at a space when one is near. */
export function cut(text: string, limit: number): string {
  const points = Array.from(text);
  if (points.length <= limit) return text;
  let kept = points.slice(0, limit - 1).join('');
  const space = kept.lastIndexOf(' ');
  if (space > kept.length * 0.7) kept = kept.slice(0, space);
  return `${kept.trimEnd()}…`;
}
