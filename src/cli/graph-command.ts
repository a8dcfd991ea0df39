import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDuration } from '../core/document/dates.js';
import { toIndexEntry } from '../core/document/model.js';
import { buildDecisionGraph } from '../core/graph/decision-graph.js';
import { buildRevisitTimeline } from '../core/graph/revisit-timeline.js';
import { renderGraphOutput, renderTimelineOutput, type GraphFormat } from '../core/output/graph-output.js';
import { listTriggers } from '../core/reminders/trigger-rows.js';
import { adrLabel } from '../core/reminders/reminder-issue.js';
import { packageVersion } from '../io/package-version.js';
import { reviewPathsWithSiblings, type CommandIo } from './check-command.js';
import { EXIT_OK, UsageError } from './cli-error.js';
import { READ_ERROR_RULE_ID } from './collect-files.js';

/** Flags of `design-review graph`. */
export interface GraphFlags {
  format: GraphFormat;
  /** Draw the revisit timeline (a gantt) instead of the decision graph. */
  timeline: boolean;
  /** Keep superseded records as nodes of their own rather than folding them into their successor. */
  expand: boolean;
  maxNodes: number;
  config?: string;
  today: string;
}

/**
 * `design-review graph [paths...]`:
 * 1. read and parse the documents (named paths: their folders' other ADRs too);
 * 2. build the decision graph (records named as files: those and their neighbours)
 *    or, with `--timeline`, the revisit timeline on `--today`;
 * 3. print it as Mermaid, Markdown, DOT or JSON. Always exits 0.
 */
export async function runGraph(paths: string[], flags: GraphFlags, io: CommandIo): Promise<number> {
  if (flags.timeline && flags.format === 'dot') throw new UsageError('--timeline draws a Mermaid gantt; use --format mermaid, markdown or json with it');
  const { review, siblings, config } = await reviewPathsWithSiblings(paths, flags, io);
  const version = packageVersion();
  let output: string;
  if (flags.timeline) {
    const rows = listTriggers(review.documents, flags.today, {
      type1Default: parseDuration(config.revisit.type1Default),
      type1DefaultText: config.revisit.type1Default.trim(),
    });
    const labels = new Map(review.documents.map((d) => [d.path, adrLabel(d)]));
    output = renderTimelineOutput(buildRevisitTimeline(rows, labels, flags.today), flags.format as Exclude<GraphFormat, 'dot'>, { version });
  } else {
    const reviewed = review.documents.filter((d) => d.kind === 'adr');
    const graph = buildDecisionGraph([...siblings, ...reviewed.map(toIndexEntry)], {
      maxNodes: flags.maxNodes,
      collapseSuperseded: !flags.expand,
      ...((await namesFilesOnly(paths, io.cwd)) ? { focus: reviewed.map((d) => d.path) } : {}),
    });
    output = renderGraphOutput(graph, flags.format, { version });
  }
  io.stdout.write(output);
  for (const f of review.findings.filter((f) => f.ruleId === READ_ERROR_RULE_ID)) io.stderr.write(`design-review: ${f.message}\n`);
  return EXIT_OK;
}

/** True when records are named one by one (not a folder or glob): then they are drawn with their neighbours only. */
async function namesFilesOnly(paths: string[], cwd: string): Promise<boolean> {
  if (paths.length === 0) return false;
  const kinds = await Promise.all(paths.map((p) => stat(resolve(cwd, p)).then((s) => s.isFile(), () => false)));
  return kinds.every(Boolean);
}

export { DEFAULT_MAX_NODES } from '../core/graph/decision-graph.js';
