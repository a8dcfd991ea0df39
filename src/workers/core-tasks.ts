import type { MessagePort } from 'node:worker_threads';
import { planRecord, type BackfillOptions, type BackfillSource, type RecordPlan } from '../core/backfill/plan-backfill.js';
import { readIssueText, type IssueText } from '../core/commands/adr-from-issue.js';
import { findCommand, type FoundCommand } from '../core/commands/parse-command.js';
import { reviewDocument } from '../core/review/review.js';
import type { DocumentResult, ReviewOptions, SourceFile } from '../core/review-model.js';

/**
 * The worker-thread entry of the App's core pool (src/workers/core-pool.ts):
 * the pieces of the pure core whose cost grows with untrusted text, each a
 * named export that piscina calls by name. Nothing here keeps state between
 * tasks, so a worker stopped at its time budget loses nothing.
 */

/** Every task carries the port on which it says that it has started (the pool starts its budget then). */
interface Started {
  started?: MessagePort;
}

function begin(task: Started): void {
  task.started?.postMessage('started');
  task.started?.close();
}

/** Phase 1 of the review of one document. */
export interface ReviewDocumentTask extends Started {
  file: SourceFile;
  options: ReviewOptions;
}

/** Review one document (parse, model, document checks). */
export function reviewDocumentTask(task: ReviewDocumentTask): DocumentResult {
  begin(task);
  return reviewDocument(task.file, task.options);
}

/** The first `/adr` command of a comment or issue body; null when it holds none. */
export function findCommandTask(task: { text: string } & Started): FoundCommand | null {
  begin(task);
  return findCommand(task.text) ?? null;
}

/** The context and options an ADR takes from an issue body. */
export function readIssueTextTask(task: { body: string } & Started): IssueText {
  begin(task);
  return readIssueText(task.body);
}

/** What `/adr backfill` does with one record of the default branch (parse, decide, draft). */
export function planBackfillRecordTask(task: { record: BackfillSource; options: BackfillOptions } & Started): RecordPlan {
  begin(task);
  return planRecord(task.record, task.options);
}
