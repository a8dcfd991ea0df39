import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import type { Config } from '../config/schema.js';
import type { Checklists } from '../core/checklists/types.js';
import { classify } from '../core/document/classify.js';
import type { RepositoryLayout } from '../core/document/repository-layout.js';
import { toIndexEntry, type IndexEntry } from '../core/document/model.js';
import { parseDecisionDoc } from '../core/document/parse.js';
import { decodeSource } from '../core/review/decode-source.js';
import type { SourceFile } from '../core/review-model.js';
import { collectionFolder } from '../core/rule-helpers/adr-folder.js';

/**
 * When only some files are reviewed (paths named on the command line, a
 * pre-commit hook), the cross-document checks still need the other ADRs of
 * the same folders: numbering duplicates and supersede links are judged
 * against them. This builds their index entries (parse only, no checks).
 */

/** What the index builder needs. */
export interface SiblingIndexOptions {
  root: string;
  config: Config;
  adrDirs: string[];
  checklists: Checklists;
  /** The layout the reviewed files were classified with (ADRs clustered at the root, …). */
  layout?: RepositoryLayout;
}

/** Index entries of the ADRs that share a folder with the reviewed ADRs but are not reviewed themselves. */
export async function siblingIndex(reviewed: SourceFile[], opts: SiblingIndexOptions): Promise<IndexEntry[]> {
  const reviewedPaths = new Set(reviewed.map((f) => f.path));
  const folders = new Set<string>();
  for (const f of reviewed) {
    if (f.kind === 'design-doc' || f.path.startsWith('../')) continue;
    folders.add(collectionFolder(f.path));
  }
  const candidates = new Set<string>();
  for (const folder of folders) {
    const base = folder === '.' ? '' : `${folder}/`;
    const found = await glob(['*.md', '*.markdown', '*/README.md', '*/readme.md', '*/index.md'], {
      cwd: join(opts.root, folder),
      onlyFiles: true,
      followSymbolicLinks: false,
    });
    for (const rel of found) {
      const path = `${base}${rel}`;
      if (!reviewedPaths.has(path)) candidates.add(path);
    }
  }
  const entries: IndexEntry[] = [];
  for (const path of [...candidates].sort()) {
    const entry = await indexEntry(path, opts);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Parse one ADR for the index; anything unreadable or not an ADR is left out. */
async function indexEntry(path: string, opts: SiblingIndexOptions): Promise<IndexEntry | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(opts.root, path));
  } catch {
    return undefined;
  }
  const head = bytes.subarray(0, 2048).toString('utf8');
  const layout = opts.layout ? { layout: opts.layout } : {};
  if (classify(path, { config: opts.config, adrDirs: opts.adrDirs, ...layout }, head) !== 'adr') return undefined;
  const decoded = decodeSource(bytes, opts.config.review.maxFileBytes);
  if (!('text' in decoded)) return undefined;
  try {
    return toIndexEntry(parseDecisionDoc(decoded.text, path, 'adr', opts.checklists).doc);
  } catch {
    // A document the parser cannot read is reported when it is reviewed itself.
    return undefined;
  }
}
