/**
 * The ADR folder a record belongs to and how a link names another record,
 * for the repository checks. A folder-per-decision record
 * (`2023-05-02-slug/README.md`) belongs to the folder that holds its folder.
 */
import { posix } from 'node:path';
import { withoutQueryOrFragment } from '../document/links.js';
import type { DocLink, IndexEntry } from '../document/model.js';
import { trimEndMatching } from '../document/trim-chars.js';

const FOLDER_RECORD = /^(?:readme|index)\.(?:md|markdown|mdx)$/i;

/** The folder whose records share one numbering. */
export function collectionFolder(path: string): string {
  const dir = posix.dirname(path);
  return FOLDER_RECORD.test(posix.basename(path)) ? posix.dirname(dir) : dir;
}

/** File-name numbers that are really dates (`20200925-slug.md`) number nothing. */
export function isDateNumber(n: number): boolean {
  return n >= 1900_01_01 && n <= 2199_12_31;
}

/** The number a record is filed under: its file number, else its title number. */
export function recordNumber(entry: IndexEntry): number | undefined {
  const n = entry.fileNumber ?? entry.number;
  return n === undefined || isDateNumber(n) ? undefined : n;
}

/** Other ADRs known for a review: the index without the document itself, one entry per path. */
export function otherAdrs(index: IndexEntry[], selfPath: string): IndexEntry[] {
  const byPath = new Map<string, IndexEntry>();
  for (const e of index) if (e.kind === 'adr' && e.path !== selfPath) byPath.set(e.path, e);
  return [...byPath.values()];
}

/** The names a link's file name matches a record by: its file name, and a folder record's folder name. */
export function nameKeys(path: string): string[] {
  const base = posix.basename(path);
  if (!FOLDER_RECORD.test(base)) return [base];
  const folder = posix.basename(posix.dirname(path));
  return folder === base ? [base] : [base, folder];
}

/** True when a link target is a web address the repository checks cannot follow. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target.trim()) || target.trim().startsWith('//');
}

/** The link target as a file path (no anchor, query or angle brackets), or null when it names no file. */
export function linkTargetPath(target: string): string | null {
  const t = withoutQueryOrFragment(target.trim().replace(/^<|>$/g, ''));
  return /\.(?:md|markdown|mdx)$/i.test(t) || t.includes('/') ? t : null;
}

/** Repository paths a link's file path may name: relative to the linking file, then from the root; as a file or a folder record. */
export function pathCandidates(file: string, fromPath: string): string[] {
  const fromDir = posix.dirname(fromPath);
  return [
    posix.normalize(posix.join(fromDir, file)),
    posix.normalize(file.replace(/^\/+/, '')),
  ].flatMap((p) => [trimEndMatching(p, /\//), posix.join(p, 'README.md'), posix.join(p, 'index.md')]);
}

/**
 * The record a link names, among `entries` (which may include the linking
 * record itself): by path relative to the linking file, by repository path,
 * by file name, then by number in the same folder.
 */
export function resolveLink(link: DocLink, fromPath: string, entries: IndexEntry[]): IndexEntry | undefined {
  const file = linkTargetPath(link.target);
  if (file !== null) {
    const candidates = pathCandidates(file, fromPath);
    const byPath = entries.find((e) => candidates.includes(e.path));
    if (byPath) return byPath;
    const base = posix.basename(trimEndMatching(file, /\//));
    const byName = entries.filter(
      (e) => posix.basename(e.path) === base || (FOLDER_RECORD.test(posix.basename(e.path)) && posix.basename(posix.dirname(e.path)) === base),
    );
    if (byName.length > 0) {
      return byName.find((e) => collectionFolder(e.path) === collectionFolder(fromPath)) ?? byName[0];
    }
  }
  if (link.number !== undefined) {
    const folder = collectionFolder(fromPath);
    const sameNumber = entries.filter((e) => recordNumber(e) === link.number);
    return sameNumber.find((e) => collectionFolder(e.path) === folder) ?? (sameNumber.length === 1 ? sameNumber[0] : undefined);
  }
  return undefined;
}
