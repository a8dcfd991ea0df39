/**
 * What `design-review backfill` prints: with `--dry-run`, a unified diff of
 * every record it would change (`git apply` takes it); either way a report of
 * what was drafted, what is left to fill, and what was skipped and why.
 */
import { createTwoFilesPatch } from 'diff';
import type { BackfillPlan } from '../backfill/plan-backfill.js';

/** The plan as one unified diff, `a/<path>` → `b/<path>`, records in path order. */
export function renderBackfillDiff(plan: BackfillPlan): string {
  return plan.changes.map((c) => createTwoFilesPatch(`a/${c.path}`, `b/${c.path}`, c.before, c.after, undefined, undefined, { context: 3 })).join('');
}

/** The report: one line per drafted record (its categories, its TODOs), the skipped records, the totals. */
export function renderBackfillReport(plan: BackfillPlan, options: { dryRun: boolean }): string {
  const lines: string[] = [];
  for (const c of plan.changes) {
    const todos = c.drafted.filter((d) => d.placeholder).length;
    const categories = c.drafted.map((d) => d.text.split(':')[0]).join(', ');
    lines.push(`${c.path}:${c.line}  ${options.dryRun ? 'would draft' : 'drafted'} ${categories}${todos > 0 ? ` (${todos} TODO${todos === 1 ? '' : 's'} to fill)` : ''}`);
  }
  for (const s of plan.skipped) lines.push(`${s.path}  skipped: ${s.reason}`);
  const todos = plan.changes.reduce((n, c) => n + c.drafted.filter((d) => d.placeholder).length, 0);
  const verb = options.dryRun ? 'would get' : 'got';
  lines.push(
    '',
    `${plan.changes.length} record${plan.changes.length === 1 ? '' : 's'} ${verb} a Revisit Triggers section${todos > 0 ? ` (${todos} TODO${todos === 1 ? '' : 's'} to fill)` : ''}, ` +
      `${plan.skipped.length} skipped, ${plan.covered} already say when to revisit`,
  );
  return `${lines.join('\n')}\n`;
}
