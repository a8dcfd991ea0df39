/**
 * Numbering and file naming of new ADRs, compatible with adr-tools
 * (`0007-use-postgresql.md`): pure functions, no file system.
 */
import { trimEndMatching, trimStartMatching } from '../document/trim-chars.js';

/** Longest slug kept in a file name; longer titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 50;

/** Letters NFKD does not decompose into a base letter plus a mark. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/** The number for a new ADR: one more than the highest existing; gaps are not filled (they are not errors). */
export function nextAdrNumber(existing: readonly (number | undefined)[]): number {
  let max = 0;
  for (const n of existing) {
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > max) max = n;
  }
  return max + 1;
}

/** A file-name slug: ASCII lower-case letters, digits and single dashes, at most 50 characters; `untitled` when nothing is left. */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (c) => TRANSLITERATIONS[c] ?? '');
  let slug = trimEndMatching(trimStartMatching(ascii.replace(/[^a-z0-9]+/g, '-'), /-/), /-/);
  if (slug.length > MAX_SLUG_LENGTH) {
    // Cut at the last dash that keeps the slug within the limit, so no word is split;
    // a single very long word is cut hard.
    const head = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const dash = head.lastIndexOf('-');
    slug = trimEndMatching(dash > 0 ? head.slice(0, dash) : slug.slice(0, MAX_SLUG_LENGTH), /-/);
  }
  return slug === '' ? 'untitled' : slug;
}

/** The adr-tools file name of an ADR: number padded to four digits, then the slug (`0007-use-postgresql.md`). */
export function adrFileName(n: number, title: string): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`adrFileName: expected a non-negative integer ADR number, got ${String(n)}`);
  }
  return `${String(n).padStart(4, '0')}-${slugify(title)}.md`;
}
