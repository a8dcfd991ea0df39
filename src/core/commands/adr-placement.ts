import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Config } from '../../config/schema.js';
import { classify } from '../document/classify.js';
import { repositoryLayout } from '../document/repository-layout.js';
import { numberFromFileName } from '../document/title.js';
import { collectionFolder, isDateNumber } from '../rule-helpers/adr-folder.js';
import { adrFileName, nextAdrNumber } from '../new-adr/next-number.js';

/**
 * Where a new ADR goes and which number it takes, from the default branch's
 * file listing and the numbers other open pull requests already claim. Pure:
 * the adapters read GitHub, this decides.
 */

/** The default branch's files as the planner needs them. */
export interface RepositoryListing {
  /** Every file path of the default branch. */
  paths: readonly string[];
  /** Folders declared by `.adr-dir` / `.log4brains.yml`. */
  adrDirs: readonly string[];
}

/** A `--dir` value that names a folder inside the repository, normalised; an error message otherwise. */
export function checkDirOption(dir: string): { ok: true; dir: string } | { ok: false; message: string } {
  const clean = dir.trim().replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (clean === '' || clean.startsWith('/') || clean.split('/').includes('..') || !/^[A-Za-z0-9._/-]{1,200}$/.test(clean) || clean.split('/').includes('.')) {
    return { ok: false, message: `--dir must name a folder inside the repository with letters, digits, ".", "_", "-" and "/", such as docs/decisions` };
  }
  return { ok: true, dir: posix.normalize(clean) };
}

/** ADR paths of the listing (as the review classifies them, with the listing's layout). */
export function adrPaths(listing: RepositoryListing, config: Config): string[] {
  const opts = { config, adrDirs: [...listing.adrDirs], layout: repositoryLayout(listing.paths) };
  return listing.paths.filter((p) => classify(p, opts) === 'adr');
}

/**
 * The folder for a new ADR: `--dir`, else the declared folder (`.adr-dir`), else the folder that already
 * holds the most ADRs, else the first configured ADR folder that exists, else `doc/adr` (adr-tools).
 */
export function chooseAdrFolder(listing: RepositoryListing, config: Config, dirOption?: string): string {
  if (dirOption !== undefined) return dirOption;
  const declared = listing.adrDirs[0];
  if (declared) return declared;
  const counts = new Map<string, number>();
  for (const path of adrPaths(listing, config)) {
    if (numberFromFileName(path) === undefined) continue;
    const folder = collectionFolder(path);
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  const busiest = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (busiest) return busiest[0];
  const folders = new Set(listing.paths.map((p) => posix.dirname(p)));
  for (const glob of config.paths.adr) {
    const base = picomatch.scan(glob).base.replace(/\/+$/, '');
    if (base !== '' && [...folders].some((f) => f === base || f.startsWith(`${base}/`))) return base;
  }
  return 'doc/adr';
}

/** Numbers taken in `folder`: files on the default branch plus claims of open pull requests (paths they add). */
export function takenNumbers(folder: string, listing: RepositoryListing, claimedPaths: readonly string[]): number[] {
  const out: number[] = [];
  for (const path of [...listing.paths, ...claimedPaths]) {
    if (collectionFolder(path) !== folder) continue;
    const n = numberFromFileName(path);
    if (n !== undefined && !isDateNumber(n)) out.push(n);
  }
  return out;
}

/** The new record's number, path and branch; `skip` holds numbers found taken while creating it (a race). */
export function placeAdr(folder: string, title: string, taken: readonly number[], skip: readonly number[] = []): { number: number; path: string; branch: string } {
  const number = nextAdrNumber([...taken, ...skip]);
  const file = adrFileName(number, title);
  // ADRs kept at the repository root (`adr-007-x.md` …) have the folder `.`; a new `NNNN-slug.md` joins them there.
  const path = folder === '.' || folder === '' ? file : `${folder}/${file}`;
  return { number, path, branch: `adr/${file.replace(/\.md$/, '')}` };
}

/** The ADR of `folder`s listing with this number (the record `/adr supersede N` names), preferring the chosen folder. */
export function findAdrByNumber(listing: RepositoryListing, config: Config, number: number, folder: string): string | undefined {
  const matches = adrPaths(listing, config).filter((p) => numberFromFileName(p) === number);
  return matches.find((p) => collectionFolder(p) === folder) ?? matches.sort()[0];
}

/** A link target from one record to another: relative, POSIX. */
export function relativeLink(fromPath: string, toPath: string): string {
  return posix.relative(posix.dirname(fromPath), toPath);
}
