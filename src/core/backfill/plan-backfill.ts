/**
 * The backfill plan for a decision log: for every ADR that stands (accepted,
 * or with no status) and does not yet say when to revisit it, the record with
 * a drafted Revisit Triggers section; the records it leaves alone, and why.
 * Pure: the CLI writes the plan to disk or prints its diff, the App commits it
 * in one pull request.
 */
import type { DecisionDoc } from '../document/model.js';
import { findSection } from '../document/model.js';
import { inactiveReason } from '../document/inactive.js';
import { parseDecisionDoc } from '../document/parse.js';
import type { ParseVocabulary } from '../document/parse-vocabulary.js';
import { statusClass } from '../graph/decision-graph.js';
import { draftTriggers, type DraftedTrigger } from './draft-triggers.js';
import { insertRevisitSection } from './insert-section.js';

/** One record to backfill. */
export interface BackfillChange {
  path: string;
  /** `ADR-0012`, or the file name. */
  number?: number;
  title: string;
  before: string;
  after: string;
  /** 1-based line of the new section's heading. */
  line: number;
  drafted: DraftedTrigger[];
}

/** A record left alone. */
export interface BackfillSkip {
  path: string;
  reason: string;
}

export interface BackfillPlan {
  changes: BackfillChange[];
  /** Superseded, deprecated, rejected, or not accepted yet: listed with the reason. */
  skipped: BackfillSkip[];
  /** Records that say when to revisit them already. */
  covered: number;
}

export interface BackfillOptions {
  today: string;
  vocabulary: ParseVocabulary;
}

/** A record's text and path (repository-relative). */
export interface BackfillSource {
  path: string;
  text: string;
}

/** What the backfill does with one record. */
export type RecordPlan = { path: string; change: BackfillChange } | { path: string; skip: string } | { path: string; covered: true };

/** Plan one record (parse, decide, draft): the unit a worker thread runs within a time budget. */
export function planRecord(record: BackfillSource, options: BackfillOptions): RecordPlan {
  let doc: DecisionDoc;
  try {
    doc = parseDecisionDoc(record.text, record.path, 'adr', options.vocabulary).doc;
  } catch (error) {
    return { path: record.path, skip: `could not be read: ${(error as Error).message}` };
  }
  const decision = backfillDecision(doc);
  if (decision === 'covered') return { path: record.path, covered: true };
  if (decision !== 'backfill') return { path: record.path, skip: decision.skip };
  const drafted = draftTriggers(doc, { today: options.today, categories: options.vocabulary.triggerCategories });
  const inserted = insertRevisitSection(record.text, doc, drafted.map((d) => d.text));
  const number = doc.titleNumber?.value ?? doc.fileNumber;
  return {
    path: record.path,
    change: {
      path: record.path,
      ...(number !== undefined ? { number } : {}),
      title: doc.title?.value.trim() || record.path,
      before: record.text,
      after: inserted.text,
      line: inserted.line,
      drafted,
    },
  };
}

/** The plan of a log from its records' plans, in path order. */
export function assemblePlan(records: readonly RecordPlan[]): BackfillPlan {
  const plan: BackfillPlan = { changes: [], skipped: [], covered: 0 };
  for (const r of [...records].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if ('change' in r) plan.changes.push(r.change);
    else if ('skip' in r) plan.skipped.push({ path: r.path, reason: r.skip });
    else plan.covered += 1;
  }
  return plan;
}

/** Plan the backfill of `records` (ADRs only), in this thread, in path order. */
export function planBackfill(records: readonly BackfillSource[], options: BackfillOptions): BackfillPlan {
  return assemblePlan(records.map((r) => planRecord(r, options)));
}

/** Whether a record gets a drafted section, says when to revisit already, or is skipped (and why). */
export function backfillDecision(doc: DecisionDoc): 'backfill' | 'covered' | { skip: string } {
  const inactive = inactiveReason(doc);
  if (inactive) return { skip: inactive };
  if (findSection(doc, 'revisit') || doc.triggers.length > 0) return 'covered';
  const status = doc.status && !doc.status.placeholder ? doc.status.normalized : null;
  if (status != null && statusClass(status) !== 'accepted') return { skip: `status ${status}: not accepted yet` };
  return 'backfill';
}
