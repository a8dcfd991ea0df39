import { issueTextWithoutParsing, type IssueText } from '../core/commands/adr-from-issue.js';
import type { AdrCommand, FoundCommand } from '../core/commands/parse-command.js';
import type { JobLog } from '../shared/job-log.js';
import type { CorePool } from '../workers/core-pool.js';

/**
 * The /adr command job's markdown reads on the core pool: a comment's
 * command and an issue body's context, each within COMMAND_PARSE_TIMEOUT_MS.
 * A text that cannot be read in time is "unreadable" (the job tells a
 * permitted author so) and an issue body falls back to its plain lines.
 */

/** The readers the /adr command job takes (AdrCommandDeps' readCommand and readIssueText). */
export interface CommandReaders {
  readCommand: (text: string) => Promise<AdrCommand | undefined | 'unreadable'>;
  readIssueText: (body: string) => Promise<IssueText>;
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
  };
}
