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
 *
 * A pull request is still reviewed record by record: `changeConventions`
 * counts a folder's records as the change leaves them, so that its summary
 * can say a changed record's gap is the folder's convention.
 */
import type { Config } from '../../config/schema.js';
import { compareStrings } from '../compare-strings.js';
import type { DecisionDoc, DocKind, IndexEntry } from '../document/model.js';
import { compareFindings, type Finding, type Severity } from '../finding.js';
import { collectionFolder } from '../rule-helpers/adr-folder.js';
import { allRules } from '../rule-set/preset.js';
import type { Review } from '../review-model.js';

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
  const totals = recordTotals(review.documents);
  const partial = folderKeys(options.notReviewed ?? []);
  const folded = new Set<Finding>();
  const added: Finding[] = [];
  const conventions: FolderConvention[] = [];
  for (const group of gapGroups(review).values()) {
    const convention = conventionOf(group, totals);
    if (convention === undefined) continue;
    for (const list of group.byFile.values()) for (const f of list) folded.add(f);
    conventions.push(convention);
    const reviewedOnly = partial.has(folderKey(group.gap.kind, group.folder));
    added.push({ ruleId: group.gap.ruleId, severity: convention.severity, message: conventionMessage(convention, group.gap, options.configPath, reviewedOnly), file: group.folder });
  }
  if (conventions.length === 0) return { review, conventions };

  conventions.sort(compareConventions);
  const findings = [...review.findings.filter((f) => !folded.has(f)), ...added].sort(compareFindings);
  return { review: { ...review, findings }, conventions };
}

/** A folder convention that explains a gap finding of a record a change adds or changes. */
export interface ChangeConvention extends FolderConvention {
  /** What to tell: `conventionMessage`'s sentence. */
  message: string;
}

/** What `changeConventions` counts. */
export interface ChangeConventionsInput {
  /** The review of the records a change (a pull request) adds or changes, as they are after it. */
  changed: Review;
  /**
   * The review of the other records of their folders as they were before the change. A record
   * the change edits, renames away or deletes may be in it: that version is not counted.
   */
  before: Review;
  /** Paths the change deletes or renames away (the old paths): they leave the count. */
  gone?: Iterable<string>;
  /** The config file to name in the message. */
  configPath: string;
  /** Records of those folders that could not be read or reviewed: counts there are "of the N reviewed". */
  notReviewed?: readonly Pick<IndexEntry, 'path' | 'kind'>[];
}

/**
 * The folders whose records a change gives a gap finding (`reportsGap`), with the records' kind:
 * only these are worth counting, since a convention is told where it explains a finding.
 */
export function changedGapFolders(changed: Review): { folder: string; kind: DocKind }[] {
  const found = new Map<string, { folder: string; kind: DocKind }>();
  for (const { gap, folder } of gapGroups(changed).values()) found.set(folderKey(gap.kind, folder), { folder, kind: gap.kind });
  return [...found.values()].sort((a, b) => compareStrings(a.folder, b.folder) || compareStrings(a.kind, b.kind));
}

/**
 * The folder conventions behind the gap findings of the records a change adds or changes. The
 * folder's records are counted as they are after the change: the changed versions replace the
 * ones before, deleted and renamed-away records leave the count. A gap is a convention by
 * `isConvention`, as in `foldConventions`, and only gaps that a changed record has are told.
 */
export function changeConventions(input: ChangeConventionsInput): ChangeConvention[] {
  const { changed, before } = input;
  // A changed record replaces its version before the change, even when it could not be reviewed itself.
  const replaced = new Set<string>([...changed.documents.map((d) => d.path), ...changed.skipped.map((s) => s.path), ...(input.gone ?? [])]);
  const after: Review = {
    findings: [...changed.findings, ...before.findings.filter((f) => !replaced.has(f.file))],
    documents: [...changed.documents, ...before.documents.filter((d) => !replaced.has(d.path))],
    coverage: [],
    skipped: [],
  };
  const changedPaths = new Set(changed.documents.map((d) => d.path));
  const totals = recordTotals(after.documents);
  const partial = folderKeys(input.notReviewed ?? []);
  const out: ChangeConvention[] = [];
  for (const group of gapGroups(after).values()) {
    if (![...group.byFile.keys()].some((path) => changedPaths.has(path))) continue;
    const convention = conventionOf(group, totals);
    if (convention === undefined) continue;
    const reviewedOnly = partial.has(folderKey(group.gap.kind, group.folder));
    out.push({ ...convention, message: conventionMessage(convention, group.gap, input.configPath, reviewedOnly) });
  }
  return out.sort(compareConventions);
}

/**
 * The config that runs the gap rules only, each with the setting `config` gives it: enough to
 * count a folder's gaps, at a fraction of the full review's cost (no other rule, no phase 2).
 */
export function gapRulesOnly(config: Config): Config {
  const gapIds = new Set(CONVENTION_GAPS.map((g) => g.ruleId));
  const rules: Config['rules'] = { ...config.rules };
  for (const rule of allRules) if (!gapIds.has(rule.meta.id)) rules[rule.meta.id] = 'off';
  return { ...config, rules };
}

// Gap findings by rule and folder, then by record (a record may have two findings of one gap);
// a finding counts only on a reviewed record of the gap's kind.
interface GapGroup {
  gap: ConventionGap;
  folder: string;
  byFile: Map<string, Finding[]>;
}

function gapGroups(review: Review): Map<string, GapGroup> {
  const kindOf = new Map(review.documents.map((d) => [d.path, d.kind]));
  const groups = new Map<string, GapGroup>();
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
  return groups;
}

// Reviewed records by kind and folder.
function recordTotals(documents: readonly DecisionDoc[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const d of documents) {
    const key = folderKey(d.kind, collectionFolder(d.path));
    totals.set(key, (totals.get(key) ?? 0) + 1);
  }
  return totals;
}

// The convention a group of gap findings makes, if it is one.
function conventionOf({ gap, folder, byFile }: GapGroup, totals: ReadonlyMap<string, number>): FolderConvention | undefined {
  const total = totals.get(folderKey(gap.kind, folder)) ?? 0;
  if (!isConvention(byFile.size, total)) return undefined;
  const findings = [...byFile.values()].flat();
  return {
    ruleId: gap.ruleId,
    severity: findings.some((f) => f.severity === 'error') ? 'error' : 'warning',
    folder,
    kind: gap.kind,
    count: byFile.size,
    total,
    files: [...byFile.keys()].sort(compareStrings),
  };
}

function folderKey(kind: DocKind, folder: string): string {
  return `${kind}\u0000${folder}`;
}

function folderKeys(entries: readonly Pick<IndexEntry, 'path' | 'kind'>[]): Set<string> {
  return new Set(entries.map((e) => folderKey(e.kind, collectionFolder(e.path))));
}

function compareConventions(a: FolderConvention, b: FolderConvention): number {
  return compareStrings(a.folder, b.folder) || compareStrings(a.ruleId, b.ruleId);
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
