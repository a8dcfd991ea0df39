/**
 * One finding per convention, not one per file (issue 9, section 4). Whole
 * decision logs share conventions: a log whose template has no date field
 * lacks a date in every record, and seventy identical "Missing decision
 * date" findings say one thing seventy times. When at least 80 % of at least
 * 5 records of a folder share such a gap, their findings of that rule become
 * one finding about the folder, which names the `rules` setting that
 * silences it.
 *
 * Only gaps a template decides are folded: a missing date, status, options
 * section, consequences section or revisit triggers. A finding about what a
 * record wrote (an ambiguous date, an unknown status word, one option only, a
 * vague trigger) stays on its record, and so does every finding of a folder
 * below the threshold. A record that turns the rule off with a lint comment
 * has no finding, so it counts as a record without the gap.
 */
import type { DocKind, IndexEntry } from '../document/model.js';
import { compareFindings, type Finding, type Severity } from '../finding.js';
import { collectionFolder } from '../rules/adr-folder.js';
import type { Review } from './types.js';

/** A folder is judged only when it holds at least this many records of the rule's kind. */
export const CONVENTION_MIN_RECORDS = 5;
/** Share of those records (percent) that must have the gap for it to be the folder's convention. */
export const CONVENTION_MIN_PERCENT = 80;

/** A gap a folder's template can decide, recognised by how the rule words its finding. */
export interface ConventionGap {
  ruleId: string;
  kind: DocKind;
  /** Starts of the rule's messages that report the gap (and not a mistake in what was written). */
  prefixes: readonly string[];
  /** What the records lack, after "N of M ADRs in folder": `have no decision date`. */
  lack: string;
}

/**
 * The gaps that are folded. The prefixes follow the rules' messages; a test
 * runs the real rules on records lacking each so they stay in step.
 */
export const CONVENTION_GAPS: readonly ConventionGap[] = [
  // An unfilled placeholder (`Date: YYYY-MM-DD`, an empty `## Status`) is no date or status either.
  { ruleId: 'adr-date', kind: 'adr', prefixes: ['Missing decision date', 'Date `'], lack: 'have no decision date' },
  { ruleId: 'adr-status', kind: 'adr', prefixes: ['Missing status', 'Empty status', 'Empty `', 'Status '], lack: 'have no status' },
  { ruleId: 'adr-options', kind: 'adr', prefixes: ['Missing `', 'Empty `'], lack: 'list no considered options' },
  { ruleId: 'adr-consequences', kind: 'adr', prefixes: ['Missing `'], lack: 'have no consequences section' },
  { ruleId: 'adr-revisit-triggers', kind: 'adr', prefixes: ['No revisit triggers', 'Empty `'], lack: 'have no revisit triggers' },
];

/** A gap most records of a folder share, reported once for the folder. */
export interface FolderConvention {
  ruleId: string;
  /** The worst severity of the findings it replaces. */
  severity: Severity;
  /** The folder, repository-relative (`docs/decisions`), `.` for the repository root. */
  folder: string;
  kind: DocKind;
  /** Records of the folder that have the gap. */
  count: number;
  /** Records of the kind reviewed in the folder. */
  total: number;
  /** The records that have the gap, sorted. */
  files: string[];
}

/** How to word the folder findings. */
export interface FoldOptions {
  /** The config file to name in the message (`.github/design-review.yml`, or the `--config` path). */
  configPath: string;
  /**
   * Records of the reviewed folders that were not reviewed (paths named on the
   * command line): in their folders the counts are of the records reviewed, and say so.
   */
  notReviewed?: readonly Pick<IndexEntry, 'path' | 'kind'>[];
}

/** The review with folded findings, and the conventions that replaced them. */
export interface FoldedReview {
  review: Review;
  conventions: FolderConvention[];
}

/** True when `count` of `total` records is the folder's convention (integer arithmetic: 80 % of 15 is exactly 12). */
export function isConvention(count: number, total: number): boolean {
  return total >= CONVENTION_MIN_RECORDS && count * 100 >= total * CONVENTION_MIN_PERCENT;
}

/** True when a finding reports the gap `gap` describes. */
export function reportsGap(finding: Finding, gap: ConventionGap): boolean {
  return finding.ruleId === gap.ruleId && gap.prefixes.some((prefix) => finding.message.startsWith(prefix));
}

/**
 * Replace the gap findings of each folder convention by one finding whose
 * `file` is the folder (no line); every other finding is kept as it is.
 */
export function foldConventions(review: Review, options: FoldOptions): FoldedReview {
  const kindOf = new Map(review.documents.map((d) => [d.path, d.kind]));
  const totals = new Map<string, number>();
  for (const d of review.documents) {
    const key = `${d.kind}\u0000${collectionFolder(d.path)}`;
    totals.set(key, (totals.get(key) ?? 0) + 1);
  }

  // Gap findings by rule and folder, then by record (a record may have two findings of one gap).
  const groups = new Map<string, { gap: ConventionGap; folder: string; byFile: Map<string, Finding[]> }>();
  for (const finding of review.findings) {
    const gap = CONVENTION_GAPS.find((g) => reportsGap(finding, g));
    if (!gap || kindOf.get(finding.file) !== gap.kind) continue;
    const folder = collectionFolder(finding.file);
    const key = `${gap.ruleId}\u0000${folder}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { gap, folder, byFile: new Map() }));
    const list = group.byFile.get(finding.file);
    if (list) list.push(finding);
    else group.byFile.set(finding.file, [finding]);
  }

  const partial = new Set((options.notReviewed ?? []).map((e) => `${e.kind}\u0000${collectionFolder(e.path)}`));
  const folded = new Set<Finding>();
  const added: Finding[] = [];
  const conventions: FolderConvention[] = [];
  for (const { gap, folder, byFile } of groups.values()) {
    const total = totals.get(`${gap.kind}\u0000${folder}`) ?? 0;
    if (!isConvention(byFile.size, total)) continue;
    const findings = [...byFile.values()].flat();
    for (const f of findings) folded.add(f);
    const convention: FolderConvention = {
      ruleId: gap.ruleId,
      severity: findings.some((f) => f.severity === 'error') ? 'error' : 'warning',
      folder,
      kind: gap.kind,
      count: byFile.size,
      total,
      files: [...byFile.keys()].sort(compareStrings),
    };
    conventions.push(convention);
    const reviewedOnly = partial.has(`${gap.kind}\u0000${folder}`);
    added.push({ ruleId: gap.ruleId, severity: convention.severity, message: conventionMessage(convention, gap, options.configPath, reviewedOnly), file: folder });
  }
  if (conventions.length === 0) return { review, conventions };

  conventions.sort((a, b) => compareStrings(a.folder, b.folder) || compareStrings(a.ruleId, b.ruleId));
  const findings = [...review.findings.filter((f) => !folded.has(f)), ...added].sort(compareFindings);
  return { review: { ...review, findings }, conventions };
}

/** `64 of 70 ADRs in docs/decisions have no decision date, which looks like the folder's convention: …`. */
export function conventionMessage(c: FolderConvention, gap: ConventionGap, configPath: string, reviewedOnly = false): string {
  const records = c.kind === 'adr' ? 'ADRs' : 'design docs';
  const where = c.folder === '.' ? 'at the repository root' : `in ${c.folder}`;
  const counted = reviewedOnly ? `${c.count} of the ${c.total} ${records} reviewed ${where}` : `${c.count} of ${c.total} ${records} ${where}`;
  return (
    `${counted} ${gap.lack}, which looks like the folder's convention: ` +
    `set \`rules: { ${c.ruleId}: off }\` in ${configPath} to stop checking for it, or add one to each record`
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
