import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planBackfill, type BackfillSkip, type BackfillSource } from '../core/backfill/plan-backfill.js';
import { decodeSource } from '../core/review/decode-source.js';
import { renderBackfillDiff, renderBackfillReport } from '../core/output/backfill-output.js';
import type { CommandIo } from './check-command.js';
import { EXIT_FINDINGS, EXIT_OK } from './cli-error.js';
import { collectFiles } from './collect-files.js';
import { loadReviewContext } from './review-context.js';

/** Flags of `design-review backfill`. */
export interface BackfillFlags {
  dryRun: boolean;
  config?: string;
  today: string;
}

/**
 * `design-review backfill [paths...]`:
 * 1. read the ADRs (default: the repository's, as `check` finds them);
 * 2. plan: a drafted Revisit Triggers section for each accepted (or
 *    status-less) record that says nothing about revisiting;
 * 3. `--dry-run`: print the unified diff on stdout; otherwise write the
 *    records, leaving every other byte of them as it was;
 * 4. report what was drafted and skipped (stderr with `--dry-run`, so the
 *    diff stays clean for `git apply`). Exit 0; 1 when a file cannot be read
 *    or written.
 */
export async function runBackfill(paths: string[], flags: BackfillFlags, io: CommandIo): Promise<number> {
  const context = await loadReviewContext(io.cwd, flags.config);
  const collected = await collectFiles(paths, { cwd: io.cwd, root: context.root, config: context.config, adrDirs: context.adrDirs });
  const adrs: BackfillSource[] = [];
  const unreadable: BackfillSkip[] = [];
  for (const file of collected.files) {
    if (file.kind !== 'adr') continue;
    const decoded = decodeSource(file.content, context.config.review.maxFileBytes);
    if ('text' in decoded) adrs.push({ path: file.path, text: decoded.text });
    else unreadable.push({ path: file.path, reason: decoded.skipped });
  }
  const plan = planBackfill(adrs, { today: flags.today, vocabulary: context.checklists });
  plan.skipped.push(...unreadable);
  plan.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let code = collected.errors.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  for (const error of collected.errors) io.stderr.write(`design-review: ${error.message}\n`);
  if (flags.dryRun) {
    io.stdout.write(renderBackfillDiff(plan));
    io.stderr.write(renderBackfillReport(plan, { dryRun: true }));
    return code;
  }
  for (const change of plan.changes) {
    try {
      await writeFile(join(context.root, change.path), change.after, 'utf8');
    } catch (error) {
      io.stderr.write(`design-review: ${change.path}: could not write the drafted section (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the file's permissions and run backfill again\n`);
      code = EXIT_FINDINGS;
    }
  }
  io.stdout.write(renderBackfillReport(plan, { dryRun: false }));
  return code;
}
