import { compareStrings } from '../compare-strings.js';
import { compareFindings, type Finding } from '../finding.js';
import type { DocCoverage } from '../coverage-model.js';
import type { FolderConvention } from '../review/folder-conventions.js';
import type { NoRecordsNotice } from './no-records.js';
import type { Review } from '../review-model.js';

/**
 * Machine-readable report: `{ version, findings, conventions, coverage, skipped }`.
 * Arrays are sorted and keys written in a fixed order so that two runs on the
 * same input produce byte-identical output (diffable in CI).
 */

/** The JSON report's shape. */
export interface JsonReport {
  /** Version of design-review that produced the report. */
  version: string;
  findings: Finding[];
  /**
   * Gaps most records of a folder share: each is one finding in `findings`
   * (same `ruleId`, `file` = the folder, no line) that replaces the records' own.
   */
  conventions: FolderConvention[];
  coverage: DocCoverage[];
  skipped: { path: string; reason: string }[];
  /** Only when a repository scan found no record: what was looked for and the settings that point elsewhere. */
  noRecords?: NoRecordsNotice;
}

/** What the JSON report needs besides the review. */
export interface JsonOptions {
  version: string;
  /** The folder conventions that replaced per-record findings (`foldConventions`); none by default. */
  conventions?: readonly FolderConvention[];
  /** Set when a repository scan found no record. */
  noRecords?: NoRecordsNotice;
}

/** Build the JSON report object (sorted, fixed key order). */
export function toJsonReport(review: Review, options: JsonOptions): JsonReport {
  const report: JsonReport = {
    version: options.version,
    findings: [...review.findings].sort(compareFindings).map(normalizeFinding),
    conventions: [...(options.conventions ?? [])]
      .sort((a, b) => compareStrings(a.folder, b.folder) || compareStrings(a.ruleId, b.ruleId))
      .map((c) => ({ ruleId: c.ruleId, severity: c.severity, folder: c.folder, kind: c.kind, count: c.count, total: c.total, files: [...c.files].sort(compareStrings) })),
    coverage: [...review.coverage].sort((a, b) => compareStrings(a.path, b.path)).map(normalizeCoverage),
    skipped: [...review.skipped]
      .sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.reason, b.reason))
      .map((s) => ({ path: s.path, reason: s.reason })),
  };
  if (options.noRecords) report.noRecords = options.noRecords;
  return report;
}

/** Render the JSON report, pretty-printed, ending with a newline. */
export function renderJson(review: Review, options: JsonOptions): string {
  return `${JSON.stringify(toJsonReport(review, options), null, 2)}\n`;
}

/** A finding with keys in a fixed order and absent fields left out. */
function normalizeFinding(f: Finding): Finding {
  const out: Finding = { ruleId: f.ruleId, ...(f.messageId === undefined ? {} : { messageId: f.messageId }), severity: f.severity, message: f.message, file: f.file };
  if (f.line !== undefined) out.line = f.line;
  if (f.column !== undefined) out.column = f.column;
  if (f.endLine !== undefined) out.endLine = f.endLine;
  if (f.endColumn !== undefined) out.endColumn = f.endColumn;
  if (f.suggestion !== undefined) out.suggestion = f.suggestion;
  return out;
}

/** Coverage with keys in a fixed order; trigger kinds sorted by name. */
function normalizeCoverage(c: DocCoverage): DocCoverage {
  const byKind = Object.fromEntries(
    Object.entries(c.triggers.byKind).sort(([a], [b]) => compareStrings(a, b)),
  ) as DocCoverage['triggers']['byKind'];
  return {
    path: c.path,
    kind: c.kind,
    ...(c.design ? { design: { kind: c.design.kind, source: c.design.source, reason: c.design.reason } } : {}),
    pillars: c.pillars.map((p) => withoutUndefined({ id: p.id, name: p.name, state: p.state, line: p.line, evidence: p.evidence })),
    questions: c.questions.map((q) => withoutUndefined({ id: q.id, text: q.text, answered: q.answered, line: q.line })),
    triggers: { total: c.triggers.total, byKind, due: c.triggers.due },
    lenses: c.lenses.map((l) => ({
      lens: l.lens,
      questions: l.questions.map((q) =>
        withoutUndefined({ pillar: q.pillar, id: q.id, title: q.title, risk: q.risk, line: q.line }),
      ),
    })),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
