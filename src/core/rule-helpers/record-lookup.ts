/**
 * The repository's ADRs indexed once per review, so the repository checks
 * stay linear: `otherAdrs` + `resolveLink` scan every entry per document and
 * per link, which is quadratic (cubic for the back-link checks) on a large
 * ADR folder. Lookups here give exactly the answers of `resolveLink` over
 * `[self, ...otherAdrs(index, self.path)]`, the universe the checks use.
 */
import { posix } from 'node:path';
import type { DocLink, IndexEntry } from '../document/model.js';
import { trimEndMatching } from '../document/trim-chars.js';
import { collectionFolder, isExternal, linkTargetPath, nameKeys, pathCandidates, recordNumber } from './adr-folder.js';

/** The ADRs of one index, by every key a link can name them with. */
export interface RecordLookup {
  /** `otherAdrs(index, '')`: one entry per path (the last one), in first-seen order. */
  adrs: IndexEntry[];
  position: Map<IndexEntry, number>;
  byPath: Map<string, IndexEntry>;
  /** File name, and for a folder record (`slug/README.md`) its folder's name too. */
  byName: Map<string, IndexEntry[]>;
  byNumber: Map<number, IndexEntry[]>;
  byFolder: Map<string, IndexEntry[]>;
  folderOf: Map<IndexEntry, string>;
  /** Entries with a non-external link that could resolve to a path / name / number, per relation. */
  mentions: { byPath: Map<string, IndexEntry[]>; byName: Map<string, IndexEntry[]>; byNumber: Map<number, IndexEntry[]> };
}

/** The universe of one document's checks: the lookup, with `self` first and replacing its own path. */
export interface RecordView {
  lookup: RecordLookup;
  self: IndexEntry;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function build(index: IndexEntry[]): RecordLookup {
  const latest = new Map<string, IndexEntry>();
  for (const e of index) if (e.kind === 'adr') latest.set(e.path, e);
  const adrs = [...latest.values()];
  const lookup: RecordLookup = {
    adrs,
    position: new Map(),
    byPath: latest,
    byName: new Map(),
    byNumber: new Map(),
    byFolder: new Map(),
    folderOf: new Map(),
    mentions: { byPath: new Map(), byName: new Map(), byNumber: new Map() },
  };
  adrs.forEach((e, i) => {
    lookup.position.set(e, i);
    for (const key of nameKeys(e.path)) push(lookup.byName, key, e);
    const n = recordNumber(e);
    if (n !== undefined) push(lookup.byNumber, n, e);
    const folder = collectionFolder(e.path);
    lookup.folderOf.set(e, folder);
    push(lookup.byFolder, folder, e);
    // Every key a link of `e` could resolve by, whichever step of `resolveLink` answers.
    for (const link of [...e.supersedes, ...e.supersededBy, ...(e.amends ?? []), ...(e.amendedBy ?? [])]) {
      if (isExternal(link.target)) continue;
      const file = linkTargetPath(link.target);
      if (file !== null) {
        for (const p of pathCandidates(file, e.path)) push(lookup.mentions.byPath, p, e);
        push(lookup.mentions.byName, posix.basename(trimEndMatching(file, /\//)), e);
      }
      if (link.number !== undefined) push(lookup.mentions.byNumber, link.number, e);
    }
  });
  return lookup;
}

// Keyed by the index array: every document of a review shares it.
const cache = new WeakMap<IndexEntry[], { length: number; lookup: RecordLookup }>();

/** The lookup of an index, built on first use; rebuilt if the array has grown or shrunk since. */
export function recordLookup(index: IndexEntry[]): RecordLookup {
  const hit = cache.get(index);
  if (hit && hit.length === index.length) return hit.lookup;
  const lookup = build(index);
  cache.set(index, { length: index.length, lookup });
  return lookup;
}

/** The entries of `list` in the view's order: `self` first when it qualifies, its stale index entry dropped. */
function inView(view: RecordView, list: IndexEntry[] | undefined, selfQualifies: boolean): IndexEntry[] {
  const selfPath = view.self.path;
  const rest = list ? list.filter((e) => e.path !== selfPath) : [];
  return selfQualifies ? [view.self, ...rest] : rest;
}

function folderOf(view: RecordView, e: IndexEntry): string {
  return view.lookup.folderOf.get(e) ?? collectionFolder(e.path);
}

/** `resolveLink(link, fromPath, [self, ...otherAdrs(index, self.path)])`, without scanning the index. */
export function resolveInView(link: Pick<DocLink, 'target' | 'number'>, fromPath: string, view: RecordView): IndexEntry | undefined {
  const { lookup, self } = view;
  const file = linkTargetPath(link.target);
  if (file !== null) {
    // The first entry in universe order whose path is a candidate (self is first).
    let best: IndexEntry | undefined;
    let bestAt = Infinity;
    for (const p of pathCandidates(file, fromPath)) {
      if (p === self.path) return self;
      const e = lookup.byPath.get(p);
      const at = e ? lookup.position.get(e)! : Infinity;
      if (at < bestAt) {
        best = e;
        bestAt = at;
      }
    }
    if (best) return best;
    const base = posix.basename(trimEndMatching(file, /\//));
    const byName = inView(view, lookup.byName.get(base), nameKeys(self.path).includes(base));
    if (byName.length > 0) {
      const from = collectionFolder(fromPath);
      return byName.find((e) => folderOf(view, e) === from) ?? byName[0];
    }
  }
  if (link.number !== undefined) {
    const folder = collectionFolder(fromPath);
    const sameNumber = inView(view, lookup.byNumber.get(link.number), recordNumber(self) === link.number);
    return sameNumber.find((e) => folderOf(view, e) === folder) ?? (sameNumber.length === 1 ? sameNumber[0] : undefined);
  }
  return undefined;
}

/**
 * True when a link names a record only by number ("Supersedes ADR 0053") and
 * several records of the linking folder carry that number (duplicate numbers
 * happen): the link cannot say which one it means, so no check judges it.
 */
export function isAmbiguousNumberLink(link: Pick<DocLink, 'target' | 'number'>, fromPath: string, view: RecordView): boolean {
  if (link.number === undefined || linkTargetPath(link.target) !== null) return false;
  const folder = collectionFolder(fromPath);
  const sameNumber = inView(view, view.lookup.byNumber.get(link.number), recordNumber(view.self) === link.number);
  return sameNumber.filter((e) => folderOf(view, e) === folder).length > 1;
}

/**
 * The other ADRs with a link that might resolve to `self`, in index order: a
 * superset of those that do (callers resolve each link to be sure).
 */
export function mayLinkTo(view: RecordView): IndexEntry[] {
  const { lookup, self } = view;
  const found = new Set<IndexEntry>();
  const add = (list: IndexEntry[] | undefined) => list?.forEach((e) => e.path !== self.path && found.add(e));
  add(lookup.mentions.byPath.get(self.path));
  for (const key of nameKeys(self.path)) add(lookup.mentions.byName.get(key));
  const n = recordNumber(self);
  if (n !== undefined) add(lookup.mentions.byNumber.get(n));
  return [...found].sort((a, b) => lookup.position.get(a)! - lookup.position.get(b)!);
}
