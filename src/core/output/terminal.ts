import { compareStrings } from '../compare-strings.js';
import { compareFindings, type Finding } from '../finding.js';
import type { DocCoverage } from '../coverage-model.js';
import type { FolderConvention } from '../review/folder-conventions.js';
import type { Review } from '../review-model.js';
import type { NoRecordsNotice } from './no-records.js';
import { createStyle, type Style } from './ansi.js';

/**
 * Terminal report in the style of eslint's "stylish" and remark-cli: one
 * block per file (header, aligned `line:column  severity  message  rule-id`
 * rows, a one-line summary and the coverage), then the totals.
 * Files without findings are listed only when they are design docs, whose
 * coverage report is the point of the review. A folder convention (one
 * finding for a gap most records of a folder share) gets the folder's block,
 * headed `folder/`.
 */

/** Messages longer than this are not used to align the rule-id column. */
const MAX_ALIGNED_MESSAGE = 100;

/** How to render: colour is decided by the caller (TTY, NO_COLOR, --no-color). */
export interface TerminalOptions {
  color: boolean;
  /** The folder conventions that replaced per-record findings (`foldConventions`); none by default. */
  conventions?: readonly FolderConvention[];
  /** Set when a repository scan found no record: the last line says so instead of "✔ no problems". */
  noRecords?: NoRecordsNotice;
}

/** Render a review for a terminal; the string ends with a newline. */
export function renderTerminal(review: Review, options: TerminalOptions): string {
  const style = createStyle(options.color);
  const findings = [...review.findings].sort(compareFindings);
  const byFile = groupByFile(findings);
  const coverageByFile = new Map(review.coverage.map((c) => [c.path, c]));
  const folders = new Set((options.conventions ?? []).map((c) => c.folder));

  const files = new Set<string>(byFile.keys());
  for (const c of review.coverage) if (c.kind === 'design-doc') files.add(c.path);

  const out: string[] = [];
  for (const file of [...files].sort(compareStrings)) {
    const fileFindings = byFile.get(file) ?? [];
    out.push(style.underline(folders.has(file) ? `${file}/` : file));
    out.push(...findingRows(fileFindings, style));
    out.push(`  ${style.dim(countText(fileFindings))}`);
    const coverage = coverageByFile.get(file);
    if (coverage) out.push(...coverageLines(coverage).map((line) => `  ${style.dim(line)}`));
    out.push('');
  }

  if (review.skipped.length > 0) {
    out.push(style.underline('skipped'));
    const skipped = [...review.skipped].sort((a, b) => compareStrings(a.path, b.path));
    const width = Math.max(...skipped.map((s) => s.path.length));
    for (const s of skipped) out.push(`  ${s.path.padEnd(width)}  ${style.dim(s.reason)}`);
    out.push('');
  }

  out.push(options.noRecords ? style.bold(style.yellow(`⚠ ${options.noRecords.message}`)) : totalsLine(review, findings, folders, style));
  return `${out.join('\n')}\n`;
}

/** Aligned finding rows for one file. */
function findingRows(findings: Finding[], style: Style): string[] {
  if (findings.length === 0) return [];
  const rows = findings.map((f) => ({
    place: positionText(f),
    severity: f.severity,
    message: oneLine(f.message),
    ruleId: f.ruleId,
  }));
  const placeWidth = Math.max(...rows.map((r) => r.place.length));
  const severityWidth = Math.max(...rows.map((r) => r.severity.length));
  // Align rule ids after ordinary messages; a very long message does not push every row to its width.
  const messageWidth = Math.max(0, ...rows.map((r) => r.message.length).filter((n) => n <= MAX_ALIGNED_MESSAGE));
  return rows.map((r) => {
    const severity = r.severity.padEnd(severityWidth);
    const coloredSeverity = r.severity === 'error' ? style.red(severity) : style.yellow(severity);
    return `  ${style.dim(r.place.padEnd(placeWidth))}  ${coloredSeverity}  ${r.message.padEnd(messageWidth)}  ${style.dim(r.ruleId)}`;
  });
}

/** `line:column`; `0:0` for findings about the whole file. */
function positionText(f: Finding): string {
  if (f.line === undefined) return '0:0';
  return `${f.line}:${f.column ?? 1}`;
}

/** Messages are one sentence, but never let a stray newline break the table. */
function oneLine(text: string): string {
  // Each whitespace run that holds a line break becomes one space; `/\s*\r?\n\s*/g` rescanned long space runs.
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}

/** Coverage lines for one document: pillars (design docs), questions, triggers, lenses. */
export function coverageLines(coverage: DocCoverage): string[] {
  const lines: string[] = [];
  if (coverage.design?.kind === 'change') lines.push(`pillars: not applicable (${coverage.design.reason})`);
  else if (coverage.kind === 'design-doc' && coverage.pillars.length > 0) lines.push(pillarLine(coverage));
  if (coverage.questions.length > 0) {
    const answered = coverage.questions.filter((q) => q.answered);
    const missing = coverage.questions.filter((q) => !q.answered).map((q) => q.id);
    lines.push(
      `questions: ${answered.length}/${coverage.questions.length} answered` +
        (missing.length > 0 ? `, unanswered: ${missing.join(', ')}` : ''),
    );
  }
  lines.push(triggerLine(coverage));
  for (const lens of coverage.lenses) {
    const counts = new Map<string, number>();
    for (const q of lens.questions) counts.set(q.risk, (counts.get(q.risk) ?? 0) + 1);
    const parts = ['HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE', 'UNANSWERED']
      .filter((risk) => counts.has(risk))
      .map((risk) => `${counts.get(risk)} ${risk.toLowerCase().replace('_', ' ')}`);
    lines.push(`lens ${lens.lens}: ${parts.length > 0 ? parts.join(', ') : 'no questions'}`);
  }
  return lines;
}

/** `pillars: 4/6 addressed (security, reliability, …), 1 n/a (cost), 1 missing: sustainability`. */
function pillarLine(coverage: DocCoverage): string {
  const addressed = coverage.pillars.filter((p) => p.state === 'addressed').map((p) => p.id);
  const mentioned = coverage.pillars.filter((p) => p.state === 'mentioned').map((p) => p.id);
  const na = coverage.pillars.filter((p) => p.state === 'not-applicable').map((p) => p.id);
  const missing = coverage.pillars.filter((p) => p.state === 'missing').map((p) => p.id);
  let line = `pillars: ${addressed.length}/${coverage.pillars.length} addressed`;
  if (addressed.length > 0) line += ` (${addressed.join(', ')})`;
  if (mentioned.length > 0) line += `, ${mentioned.length} mentioned (${mentioned.join(', ')})`;
  if (na.length > 0) line += `, ${na.length} n/a (${na.join(', ')})`;
  if (missing.length > 0) line += `, ${missing.length} missing: ${missing.join(', ')}`;
  return line;
}

/** `triggers: 3 (2 threshold, 1 date), 1 due` or `triggers: none`. */
function triggerLine(coverage: DocCoverage): string {
  const { total, byKind, due } = coverage.triggers;
  if (total === 0) return 'triggers: none';
  const kinds = Object.entries(byKind)
    .filter(([, n]) => n > 0)
    .sort(([a, na], [b, nb]) => nb - na || compareStrings(a, b))
    .map(([kind, n]) => `${n} ${kind}`);
  return `triggers: ${total}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}${due > 0 ? `, ${due} due` : ''}`;
}

/** `2 errors, 1 warning` or `no problems`. */
function countText(findings: Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return 'no problems';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** The last line: problems, files reviewed, files skipped. */
function totalsLine(review: Review, findings: Finding[], folders: ReadonlySet<string>, style: Style): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const reviewed = review.documents.length;
  const skipped = review.skipped.length > 0 ? `, ${review.skipped.length} skipped` : '';
  if (findings.length === 0) {
    return style.green(`✔ no problems in ${plural(reviewed, 'file')} reviewed${skipped}`);
  }
  const places = new Set(findings.map((f) => f.file));
  const foldersWithProblems = [...places].filter((p) => folders.has(p)).length;
  const where =
    plural(places.size - foldersWithProblems, 'file') + (foldersWithProblems > 0 ? ` and ${plural(foldersWithProblems, 'folder')}` : '');
  const text =
    `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})` +
    ` in ${where}; ${plural(reviewed, 'file')} reviewed${skipped}`;
  return style.bold(errors > 0 ? style.red(text) : style.yellow(text));
}

function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = map.get(f.file);
    if (list) list.push(f);
    else map.set(f.file, [f]);
  }
  return map;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
