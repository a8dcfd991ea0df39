import type { Config } from '../config/schema.js';
import type { Checklists } from '../core/checklists/types.js';
import { frontMatterType } from '../core/document/classify.js';
import type { DocKind, IndexEntry } from '../core/document/model.js';
import { CONVENTION_MIN_RECORDS, changeConventions, changedGapFolders, gapRulesOnly, type ChangeConvention } from '../core/review/folder-conventions.js';
import type { Review, SourceFile } from '../core/review-model.js';
import { collectionFolder } from '../core/rule-helpers/adr-folder.js';
import { whySkipped, type PullRequestDocuments } from '../github/fetch-documents.js';
import type { GitHub } from '../github/github-client.js';
import { readBlobs } from '../github/read-blobs.js';
import type { ReviewFiles } from './review-in-pool.js';

/**
 * Whether a gap of a record the pull request adds or changes is its folder's
 * convention (issue 9, section 4), so that the summary can say so beside the
 * finding. Steps, only when a changed record has a gap finding (no date,
 * status, options, consequences or revisit triggers) and `review.folderConventions`
 * is on:
 *   1. take the other records of that record's folder from the base branch's
 *      ADR listing the review already read (no second listing); a folder that
 *      cannot hold a convention (fewer than 5 records) or holds too many is left;
 *   2. read them at the base commit, 50 per GraphQL query, skipping what the
 *      review skips (binary, over review.maxFileBytes, truncated by GitHub);
 *   3. review them on the same worker pool, with the gap rules only;
 *   4. count the folder as the pull request leaves it (core: changeConventions).
 * Nothing here may cost the review: a failure is logged and the review is
 * published without the note.
 */

/**
 * At most this many records of the base branch are read for one review (all folders together):
 * 500 records of a typical 5 KB are 10 GraphQL queries and about 5 s of thread time with the gap
 * rules only; the largest real decision log seen holds 92. A folder that would go over is not judged.
 */
export const MAX_CONVENTION_RECORDS = 500;

// Front matter `type:` sits at the top of a file.
const FRONT_MATTER_BYTES = 2048;

/** The review job's log, as far as the count writes to it (taken by shape: the job imports this file). */
interface ConventionLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** What the count needs from the review job. */
export interface ConventionLookup {
  gh: GitHub;
  log: ConventionLog;
  reviewFiles: ReviewFiles;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The base commit, where the other records are read. */
  baseSha: string;
  config: Config;
  /** Names the config file in the message. */
  configPath: string;
  checklists: Checklists;
  today: string;
  /** The pull request's documents: the changed files and the base branch's ADR listing (`index`). */
  docs: Pick<PullRequestDocuments, 'changed' | 'index'>;
  /** The review of the pull request's documents. */
  result: Review;
}

/** The folder conventions behind the changed records' gap findings, or none when there are none or they cannot be told. */
export async function conventionsOrNone(at: ConventionLookup): Promise<ChangeConvention[]> {
  if (!at.config.review.folderConventions) return [];
  const folders = changedGapFolders(at.result);
  if (folders.length === 0) return [];
  const where = { owner: at.owner, repo: at.repo, pullNumber: at.pullNumber };
  try {
    return await countConventions(at, folders);
  } catch (error) {
    at.log.warn(
      { ...where, folders: folders.map((f) => f.folder), err: error },
      "design-review: could not read the other records of the folder to tell its convention; publishing the review without the folder note",
    );
    return [];
  }
}

async function countConventions(at: ConventionLookup, folders: { folder: string; kind: DocKind }[]): Promise<ChangeConvention[]> {
  const where = { owner: at.owner, repo: at.repo, pullNumber: at.pullNumber };
  // Step 1: the folder's other records at the base, from the listing (it leaves out the reviewed,
  // removed and renamed-away paths, so the pull request's versions replace the base's).
  const entries: IndexEntry[] = [];
  const judged = new Set<string>();
  for (const { folder, kind } of folders) {
    const records = at.docs.index.filter((e) => e.kind === kind && collectionFolder(e.path) === folder);
    const changed = at.result.documents.filter((d) => d.kind === kind && collectionFolder(d.path) === folder).length;
    // Fewer records than a convention needs: nothing to read (most pull requests of a young log).
    if (records.length + changed < CONVENTION_MIN_RECORDS) continue;
    if (entries.length + records.length > MAX_CONVENTION_RECORDS) {
      at.log.info(
        { ...where, folder, records: records.length, limit: MAX_CONVENTION_RECORDS },
        'design-review: folder too large to tell its convention on a pull request; its records keep their own findings',
      );
      continue;
    }
    entries.push(...records);
    judged.add(folder);
  }
  if (judged.size === 0) return [];

  // Step 2: one GraphQL query per 50 records.
  const started = performance.now();
  const maxFileBytes = at.config.review.maxFileBytes;
  const blobs = await readBlobs(
    at.gh,
    at.owner,
    at.repo,
    at.baseSha,
    entries.map((e) => e.path),
  );
  const files: SourceFile[] = [];
  const notReviewed: Pick<IndexEntry, 'path' | 'kind'>[] = [];
  for (const entry of entries) {
    const blob = blobs.get(entry.path) ?? null;
    if (whySkipped(blob, maxFileBytes) !== undefined || blob === null || blob.text === null) {
      notReviewed.push(entry);
      continue;
    }
    // Front matter `type: design-doc` wins over the folder, as for the pull request's documents.
    const kind = frontMatterType(blob.text.slice(0, FRONT_MATTER_BYTES)) ?? entry.kind;
    if (kind !== entry.kind) continue;
    files.push({ path: entry.path, content: blob.text, kind });
  }

  // Step 3: the same pool and budgets as the review, the gap rules only.
  const before = await at.reviewFiles(files, { config: gapRulesOnly(at.config), checklists: at.checklists, today: at.today });
  // A record the pool stopped (time or memory budget) or could not decode leaves its folder's
  // count unknown: that folder gets no note rather than a count that may be wrong.
  const reviewed = new Set(before.documents.map((d) => d.path));
  const unfinished = new Set(files.filter((f) => !reviewed.has(f.path)).map((f) => collectionFolder(f.path)));
  for (const folder of unfinished) {
    at.log.warn(
      { ...where, folder, notReviewed: before.skipped.filter((s) => collectionFolder(s.path) === folder).length },
      "design-review: some records of the folder could not be reviewed in time to tell its convention; publishing the review without the folder note",
    );
  }

  // Step 4: count, the pull request's versions replacing the base's.
  const gone: string[] = [];
  for (const f of at.docs.changed) {
    if (f.status === 'removed') gone.push(f.path);
    if (f.previousPath !== undefined) gone.push(f.previousPath);
  }
  const conventions = changeConventions({ changed: at.result, before, gone, configPath: at.configPath, notReviewed }).filter(
    (c) => judged.has(c.folder) && !unfinished.has(c.folder),
  );
  at.log.info(
    { ...where, folders: [...judged], read: entries.length, reviewed: reviewed.size, conventions: conventions.map((c) => `${c.ruleId} ${c.folder} ${c.count}/${c.total}`), ms: Math.round(performance.now() - started) },
    'design-review: counted the folder records to tell conventions',
  );
  return conventions;
}
