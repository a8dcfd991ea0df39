import { issueTextWithoutParsing, type IssueText } from '../core/commands/adr-from-issue.js';
import type { AdrCommand, FoundCommand } from '../core/commands/parse-command.js';
import type { BackfillOptions, BackfillSource, RecordPlan } from '../core/backfill/plan-backfill.js';
import type { JobLog } from '../shared/job-log.js';
import type { CorePool } from '../workers/core-pool.js';

/**
 * The /adr command job's markdown reads on the core pool: a comment's
 * command and an issue body's context, each within COMMAND_PARSE_TIMEOUT_MS,
 * and the records `/adr backfill` drafts for, each within REVIEW_DOCUMENT_TIMEOUT_MS.
 * A text that cannot be read in time is "unreadable" (the job tells a
 * permitted author so) and an issue body falls back to its plain lines.
 */

/** The readers the /adr command job takes (AdrCommandDeps' readCommand, readIssueText and planRecords). */
export interface CommandReaders {
  readCommand: (text: string) => Promise<AdrCommand | undefined | 'unreadable'>;
  readIssueText: (body: string) => Promise<IssueText>;
  planRecords: (records: readonly BackfillSource[], options: BackfillOptions) => Promise<RecordPlan[]>;
}

/** Readers that parse on `pool`, logging what could not be read. */
export function commandReadersInPool(pool: CorePool, log: JobLog): CommandReaders {
  const budget = () => pool.settings.commandTimeoutMs;
  return {
    async readCommand(text) {
      const outcome = await pool.run<FoundCommand | null>('findCommandTask', { text }, budget);
      if (outcome.ok) return outcome.value?.command;
      log.warn({ chars: text.length, reason: outcome.reason, detail: outcome.message }, 'design-review: could not read the /adr command in time');
      return 'unreadable';
    },
    async readIssueText(body) {
      const outcome = await pool.run<IssueText>('readIssueTextTask', { body }, budget);
      if (outcome.ok) return outcome.value;
      log.warn({ chars: body.length, reason: outcome.reason, detail: outcome.message }, 'design-review: could not read the issue body in time; using its plain lines');
      return issueTextWithoutParsing(body);
    },
    // One task per record, each within REVIEW_DOCUMENT_TIMEOUT_MS: a record that cannot be read in time is left alone, saying so.
    planRecords(records, options) {
      return Promise.all(
        records.map(async (record): Promise<RecordPlan> => {
          const outcome = await pool.run<RecordPlan>('planBackfillRecordTask', { record, options }, () => pool.settings.documentTimeoutMs);
          if (outcome.ok) return outcome.value;
          log.warn({ path: record.path, chars: record.text.length, reason: outcome.reason, detail: outcome.message }, 'design-review: could not read a record for /adr backfill in time');
          return { path: record.path, skip: `not read: it took longer than ${Math.round(outcome.budgetMs / 100) / 10} s to read and was stopped (${outcome.reason})` };
        }),
      );
    },
  };
}
