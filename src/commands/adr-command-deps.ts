// The injected surroundings of an `/adr` command job (adr-command.ts, adr-backfill.ts), in a file of their own so the command families share them without importing one another.
import type { BackfillOptions, BackfillSource, RecordPlan } from '../core/backfill/plan-backfill.js';
import type { IssueText } from '../core/commands/adr-from-issue.js';
import type { AdrCommand } from '../core/commands/parse-command.js';
import type { ParseVocabulary } from '../core/document/parse-vocabulary.js';
import type { GitHub } from '../github/github-client.js';
import type { LoadedConfig } from '../github/repo-config.js';
import type { EnqueueResult } from '../queue/review-queue.js';
import type { JobLog } from '../shared/job-log.js';
import type { PullRequestTarget } from '../shared/pull-request-target.js';

/** What the job needs from its surroundings, injected so tests can pin them. */
export interface AdrCommandDeps {
  gh: GitHub;
  log: JobLog;
  /** The repository's config, or what is wrong with it (loadRepoConfig, src/github/repo-config.ts). */
  loadConfig: () => Promise<LoadedConfig>;
  appSlug: () => Promise<string>;
  /** Today, ISO: the new record's date. */
  today: () => string;
  /** What the parser reads of the built-in checklists: the new record's trigger categories, the records a backfill drafts for. */
  vocabulary: () => ParseVocabulary;
  /** A pause (the claim re-check, waiting for a redelivery's pull request); a real timer unless a test pins it. */
  sleep?: (ms: number) => Promise<void>;
  /** How far apart the looks for a redelivery's pull request are (ADR_REDELIVERY_LOOK_MS); REDELIVERY_LOOK_MS when unset. */
  redeliveryLookMs?: number;
  /**
   * Queue a review of the pull request, for `/adr check`: through the App's review queue, which
   * runs one review of a pull request at a time (and coalesces), so the command cannot race a
   * review of the same pull request queued by its push (duplicate inline comments or summaries).
   */
  enqueueReview: (target: PullRequestTarget) => Promise<EnqueueResult>;
  /**
   * Reads the first command of a text: undefined when none counts, 'unreadable' when the text
   * could not be read in time. The App passes the core pool's (a worker thread, a time budget);
   * in this thread otherwise.
   */
  readCommand?: (text: string) => Promise<AdrCommand | undefined | 'unreadable'>;
  /** Reads the issue body for the record (context, options); the App's runs on the core pool. */
  readIssueText?: (body: string) => Promise<IssueText>;
  /** Plans `/adr backfill` for each record (parse, decide, draft); the App's runs on the core pool, each record within a budget. */
  planRecords?: (records: readonly BackfillSource[], options: BackfillOptions) => Promise<RecordPlan[]>;
}
