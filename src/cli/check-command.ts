import { CONFIG_PATH } from '../config/load.js';
import { NO_WARNING_LIMIT, warningLimitExceeded } from '../config/warning-limit.js';
import { compareFindings } from '../core/finding.js';
import { describeRecordSearch } from '../core/document/record-search.js';
import { renderJson } from '../core/output/json.js';
import { noRecordsNotice, noRecordsText, type NoRecordsNotice } from '../core/output/no-records.js';
import { renderSarif } from '../core/output/sarif.js';
import { renderTerminal } from '../core/output/terminal.js';
import { foldConventions, type FoldedReview } from '../core/review/folder-conventions.js';
import type { Config } from '../config/schema.js';
import type { IndexEntry } from '../core/document/model.js';
import type { Review, ReviewOptions } from '../core/review-model.js';
import { allRules } from '../core/rule-set/preset.js';
import { cacheFile, CheckCache, runKey } from './check-cache.js';
import { EXIT_FINDINGS, EXIT_OK } from './cli-error.js';
import { collectFiles } from './collect-files.js';
import { loadReviewContext } from './review-context.js';
import { limitHeapGrowth } from './heap-growth.js';
import { runReview } from './run-review.js';
import { siblingIndex } from './sibling-index.js';
import { createProgress, useColor } from './terminal-env.js';
import { packageVersion } from '../io/package-version.js';

/** Output formats of `check`. */
export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Flags of `design-review check`. */
export interface CheckFlags {
  format: CheckFormat;
  config?: string;
  today: string;
  color: boolean;
  /** Keep each file's result between runs and reuse it while the file and the run's inputs are unchanged. */
  cache?: boolean;
  /** The cache file, or a folder for it (default: `.design-review-cache` in the working directory). */
  cacheLocation?: string;
  /** Exit 1 when the warnings outnumber this (ESLint's `--max-warnings`); -1 or absent: no limit. */
  maxWarnings?: number;
}

/** Where the command reads and writes (injected for tests). */
export interface CommandIo {
  cwd: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * `design-review check [paths...]`:
 * 1. load config, checklists and ADR folders;
 * 2. expand and read the paths, classify the files;
 * 3. review (phase 1 in workers when large, phase 2 here);
 * 4. add unreadable paths and notes, fold the gaps a folder's records share
 *    into one finding each, render, return the exit code (1 on an error
 *    finding or more warnings than `--max-warnings`, said on stderr).
 */
export async function runCheck(paths: string[], flags: CheckFlags, io: CommandIo): Promise<number> {
  const { review, conventions, noRecords } = await checkPaths(paths, flags, io);
  const version = packageVersion();
  // A scan that found nothing is not a pass: say so on stderr whatever the format, and in the report itself.
  if (noRecords) io.stderr.write(noRecordsText(noRecords));
  const output =
    flags.format === 'json'
      ? renderJson(review, { version, conventions, noRecords })
      : flags.format === 'sarif'
        ? renderSarif(review, { version, rules: allRules.map((r) => r.meta), conventions, noRecords })
        : renderTerminal(review, { color: useColor(flags.color, io.stdout), conventions, noRecords });
  io.stdout.write(output);
  // Counted after folding, so the limit judges the warnings the report shows.
  const warnings = review.findings.filter((f) => f.severity === 'warning').length;
  const tooMany = warningLimitExceeded(warnings, flags.maxWarnings ?? NO_WARNING_LIMIT, '--max-warnings');
  // stderr, whatever the format: stdout stays a valid JSON or SARIF document.
  if (tooMany !== undefined) io.stderr.write(`design-review: ${tooMany}\n`);
  return tooMany !== undefined || review.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** Steps 1 to 4 but rendering: the review with folder conventions folded, unless `review.folderConventions` is false. */
async function checkPaths(paths: string[], flags: CheckFlags, io: CommandIo): Promise<FoldedReview & { noRecords?: NoRecordsNotice }> {
  // `check` reads no section's text after phase 1 (the renderers read findings, coverage and facts).
  const { review, context, notReviewed, noRecords } = await reviewWithContext(paths, flags, io, 'facts');
  if (!context.config.review.folderConventions) return { review, conventions: [], noRecords };
  // Named paths may be part of a folder: its counts are then of the records reviewed, and the message says so.
  return { ...foldConventions(review, { configPath: flags.config ?? CONFIG_PATH, notReviewed }), noRecords };
}

/** Steps 1 to 3, shared with `triggers`: the review of the paths, unreadable paths included as findings. */
export async function reviewPaths(paths: string[], flags: { config?: string; today: string }, io: CommandIo): Promise<Review> {
  return (await reviewWithContext(paths, flags, io)).review;
}

/** The review of the paths, and the index of the ADRs beside them that were not reviewed (none when no path is named). */
export async function reviewPathsWithSiblings(
  paths: string[],
  flags: { config?: string; today: string },
  io: CommandIo,
): Promise<{ review: Review; siblings: IndexEntry[]; config: Config }> {
  const { review, notReviewed, context } = await reviewWithContext(paths, flags, io);
  return { review, siblings: notReviewed, config: context.config };
}

/** The review of the paths and the context it was made with (the config decides the folding). */
async function reviewWithContext(
  paths: string[],
  flags: { config?: string; today: string; cache?: boolean; cacheLocation?: string },
  io: CommandIo,
  keep: 'facts' | 'text' = 'text',
) {
  // Before collecting: reading and classifying 2,000 files let the heap run to 200 MB of garbage at V8's own factor.
  limitHeapGrowth();
  const context = await loadReviewContext(io.cwd, flags.config);
  const collected = await collectFiles(paths, { cwd: io.cwd, root: context.root, config: context.config, adrDirs: context.adrDirs });
  const options: ReviewOptions = { config: context.config, checklists: context.checklists, today: flags.today };
  // Named paths are a subset of the repository: judge numbering and supersede links against the other ADRs too.
  if (paths.length > 0) options.index = await siblingIndex(collected.files, { ...context, layout: collected.layout });
  const progress = createProgress(collected.files.length, io.stderr);
  const warn = (message: string) => io.stderr.write(`${message}\n`);
  const cache = flags.cache
    ? await CheckCache.open(await cacheFile(flags.cacheLocation, io.cwd), runKey(packageVersion(), options), warn)
    : undefined;
  const review = await runReview(collected.files, collected.refused, options, progress, { cache, withoutSectionText: keep === 'facts' });
  await cache?.save();
  review.findings.push(...collected.errors);
  review.findings.sort(compareFindings);
  review.skipped.push(...collected.skipped);
  review.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Nothing read as a record and nothing failed to read: the search itself missed, so describe it.
  const foundNothing = collected.files.length === 0 && collected.refused.length === 0 && collected.errors.length === 0;
  const noRecords = foundNothing
    ? noRecordsNotice(describeRecordSearch(context.config, context.adrDirs), flags.config ?? CONFIG_PATH)
    : undefined;
  return { review, context, notReviewed: options.index ?? [], noRecords };
}
