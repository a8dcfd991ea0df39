/**
 * Data of the scheduled revisit reminders (issue 5), decided by the pure core
 * (`plan-reminders.ts`, `decision-health.ts`) and carried out by the GitHub
 * sweep adapter. Nothing here knows about Octokit: issues are plain records.
 */
import type { DecisionDoc } from '../document/model.js';

/** One ADR of the default branch, as the sweep read it. */
export interface ReminderAdr {
  doc: DecisionDoc;
  /** Commit of the default branch the ADR was read at: the reminder links the ADR at it. */
  commit: string;
  /** Blob sha of the file, so the adapter can tell an ADR changed without re-reading it. */
  blobSha?: string;
}

/** A reminder issue the bot finds on the repository (open or closed), as GitHub lists it. */
export interface ExistingIssue {
  number: number;
  state: 'open' | 'closed';
  body: string;
  /** Label names on the issue. */
  labels: string[];
  title?: string;
}

/** A Prometheus reading for one `when:` query of one ADR, evaluated by the adapter. */
export interface MetricReading {
  path: string;
  /** The query as parsed from the trigger (`PrometheusCondition.query`). */
  query: string;
  /** The instant value; NaN or missing data is never a breach. */
  value: number;
}

/** Why an ADR was not planned: the file and line, and what to fix. */
export interface SkipLog {
  path: string;
  line: number;
  message: string;
}

/** What made an occurrence due: a calendar trigger, the Type 1 default or a metric breach. */
export type OccurrenceCause = 'calendar' | 'metric';

/** One due date of an ADR and why it falls then. */
export interface Occurrence {
  /** ISO date of the occurrence: the reminder's identity with the ADR path. */
  date: string;
  cause: OccurrenceCause;
  /** Human-readable reasons, one per trigger that falls on or produced this occurrence. */
  reasons: OccurrenceReason[];
}

/** One reason an occurrence is due. */
export interface OccurrenceReason {
  /** What the ADR says, e.g. `Revisit by 2027-05-01`, or the config default. */
  text: string;
  /** Line of the trigger in the ADR; absent for the config's Type 1 default. */
  line?: number;
  /** The date the trigger fell due. */
  due: string;
}

/** A reminder issue to open. */
export interface CreateReminder {
  action: 'create';
  path: string;
  occurrence: string;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

/** An open reminder that stays as it is. */
export interface KeepReminder {
  action: 'keep';
  path: string;
  occurrence: string;
  number: number;
}

/** An open reminder to close, with the comment that says why. */
export interface CloseReminder {
  action: 'close';
  path: string;
  occurrence: string;
  number: number;
  /** Why in one word, for logs and metrics. */
  reason: 'inactive' | 'not-due' | 'removed' | 'duplicate';
  comment: string;
}

/** One thing the sweep does about reminders. */
export type ReminderAction = CreateReminder | KeepReminder | CloseReminder;

/** The whole plan of one sweep of one repository. */
export interface ReminderPlan {
  actions: ReminderAction[];
  /** ADRs or triggers skipped, each naming file and line. */
  skipped: SkipLog[];
}
