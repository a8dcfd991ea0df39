/**
 * The body of the `/adr backfill` pull request: what was drafted for each
 * record, what is left to fill, what was left alone and why, within GitHub's
 * body limit (records past it are counted, and the files changed show them).
 */
import type { BackfillPlan } from '../backfill/plan-backfill.js';
import { GITHUB_TEXT_LIMIT, mostThatFit, utf8Length } from '../publish/truncate.js';
import { escaped } from '../publish/escaped-markdown.js';
import { cut, recordLabel, recordTitleText } from '../render/record-label.js';
import { renderTemplate } from '../render/templates.js';

/** What marks the bot's backfill pull request. */
export const BACKFILL_MARKER = '<!-- design-review:backfill -->';

/** The pull request's title. */
export function backfillTitle(count: number): string {
  return `Revisit triggers for ${count} ${count === 1 ? 'ADR' : 'ADRs'}`;
}

const MAX_SKIPPED_LISTED = 100;

/** The body, marker last; rows cut to fit GitHub's limit. */
export function renderBackfillBody(plan: BackfillPlan, input: { base: string; issueNumber?: number }, limit: number = GITHUB_TEXT_LIMIT): string {
  const rows = plan.changes.map((c) => ({
    label: recordLabel(c.path, c.number),
    title: cut(recordTitleText(c.path, c.title, c.number), 80),
    drafted: c.drafted.map((d) => (d.placeholder ? `${d.text.split(':')[0]} (TODO)` : d.text.replace(/\.$/, ''))).join('; '),
    todos: c.drafted.filter((d) => d.placeholder).length,
  }));
  const render = (listed: number) =>
    renderTemplate('adr-backfill-pull-request-body', {
      count: plan.changes.length,
      issueNumber: input.issueNumber,
      rows: rows.slice(0, listed),
      omitted: rows.length - listed,
      skipped: plan.skipped.slice(0, MAX_SKIPPED_LISTED),
      skippedOmitted: Math.max(0, plan.skipped.length - MAX_SKIPPED_LISTED),
      covered: plan.covered,
      base: input.base,
      marker: escaped(BACKFILL_MARKER),
    })
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  const body = render(mostThatFit(rows.length, (n) => utf8Length(render(n)) <= limit));
  return `${body}\n`;
}
