import type { DecisionDoc, DocKind, TriggerKind } from '../document/model.js';
import { compareFindings, type Finding } from '../finding.js';
import type { DocCoverage, PillarCoverage } from '../coverage-model.js';
import type { ChangeConvention } from '../review/folder-conventions.js';
import type { Review } from '../review-model.js';
import { ruleDocsUrl } from '../rule-helpers/define-rule.js';
import { escaped, type EscapedMarkdown } from './escaped-markdown.js';
import { messageMarkdown } from './message-markdown.js';
import type { Conclusion } from './types.js';
import { dueBy, triggerTiming } from '../document/trigger-due.js';

/**
 * The data `templates/review-summary.hbs` renders: the check-run summary and
 * the sticky comment share it. Everything here is plain text for the
 * template's `md*` helpers, except the `EscapedMarkdown` fields named
 * `*Markdown`, which are already escaped (finding messages keep their code
 * spans, see message-markdown.ts) or fenced (the generated ADR).
 */

/** A place in the repository, linked to the head commit when the repository URL is known. */
export interface LocationLink {
  label: string;
  url: string | undefined;
}

/** One finding row of the summary. */
export interface FindingRow {
  ruleId: string;
  ruleUrl: string;
  messageMarkdown: EscapedMarkdown;
  location: LocationLink;
}

/** A folder convention told beside the finding of a document it explains. */
export interface ConventionNote {
  ruleId: string;
  ruleUrl: string;
  messageMarkdown: EscapedMarkdown;
}

/** Findings of one severity. */
export interface SeverityGroup {
  label: string;
  icon: string;
  findings: FindingRow[];
}

/** One document's part of the summary. */
export interface DocumentSummary {
  path: string;
  kindLabel: string;
  /** Short documents are shown open; long ones collapsed. */
  open: boolean;
  counts: string;
  /** Design docs: what the review took the document for, and why (a change has no pillar table). */
  designNote: string | undefined;
  pillars: { name: string; icon: string; status: string; evidence: string | undefined; location: LocationLink | undefined }[];
  questions: { text: string; icon: string; status: string; location: LocationLink | undefined }[];
  triggers: {
    total: number;
    kinds: { kind: string; count: number }[];
    /** Triggers whose date has come (the coverage's count; the list holds those the parser dated). */
    dueCount: number;
    due: { text: string; due: string; location: LocationLink }[];
  };
  severities: SeverityGroup[];
  /** Gaps of this document that are its folder's convention (pull requests: `changeConventions`). */
  conventions: ConventionNote[];
  inlineCount: number;
}

/** A drafted ADR offered in the summary. */
export interface GeneratedAdrSummary {
  source: string;
  title: string;
  fileName: string;
  /** The draft inside a fence longer than any backtick run it holds. */
  blockMarkdown: EscapedMarkdown;
}

/** Everything the review-summary template renders. */
export interface SummaryData {
  conclusion: Conclusion;
  conclusionIcon: string;
  allClear: boolean;
  documentCount: number;
  headline: string;
  inlineCount: number;
  documents: DocumentSummary[];
  /** Findings on files that are not reviewed documents (unreadable, skipped, cross-document). */
  otherFindings: SeverityGroup[];
  skipped: { path: string; reason: string }[];
  generatedAdrs: GeneratedAdrSummary[];
  configError: ConfigErrorSummary | undefined;
  /** The records the pull request supersedes or amends and their neighbours, as a fenced Mermaid flowchart. */
  graphMarkdown?: EscapedMarkdown;
}

/** What the summary says about an invalid config (the only thing it says then). */
export interface ConfigErrorSummary {
  file: string;
  line: number | undefined;
  key: string | undefined;
  /** The bad value as written (JSON), when known. */
  value: string | undefined;
  messageMarkdown: EscapedMarkdown;
}

/** Where the summary links: the repository's web URL and the commit reviewed. */
export interface LinkBase {
  repoUrl: string | undefined;
  headSha: string;
}

/** Documents with more summary findings than this are collapsed. */
const OPEN_DOCUMENT_FINDINGS = 10;

const CONCLUSION_ICONS: Record<Conclusion, string> = { success: '✅', neutral: '⚪', failure: '❌', action_required: '⚠️' };
const KIND_LABELS: Record<DocKind, string> = { adr: 'ADR', 'design-doc': 'Design doc' };
/** Trigger kinds in the order the summary lists them: concrete first, vague last. */
const TRIGGER_KINDS: readonly TriggerKind[] = ['date', 'duration', 'recurring', 'threshold', 'vague'];

/** `1 error`, `2 errors`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The icon of a conclusion, for headers. */
export function conclusionIcon(conclusion: Conclusion): string {
  return CONCLUSION_ICONS[conclusion];
}

/** A link to a file (and line) at the reviewed commit; no URL when the repository URL is unknown. */
export function locationLink(base: LinkBase, path: string, line?: number, label: string = line === undefined ? path : `${path}:${line}`): LocationLink {
  if (!base.repoUrl) return { label, url: undefined };
  // Encode each segment: `#` or `?` in a file name must not end the path.
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return { label, url: `${base.repoUrl.replace(/\/+$/, '')}/blob/${base.headSha}/${encoded}${line === undefined ? '' : `#L${line}`}` };
}

/** A line of the document being summarised: the path is already in the heading. */
function lineLink(base: LinkBase, path: string, line: number): LocationLink {
  return locationLink(base, path, line, `line ${line}`);
}

function row(f: Finding, base: LinkBase, inDocument: boolean): FindingRow {
  // Under a document's heading the path is known, so the line alone locates the finding.
  const location = inDocument && f.line !== undefined ? lineLink(base, f.file, f.line) : locationLink(base, f.file, f.line);
  return { ruleId: f.ruleId, ruleUrl: ruleDocsUrl(f.ruleId), messageMarkdown: escaped(messageMarkdown(f.message)), location };
}

/** Findings grouped errors first, then warnings; empty groups left out. `inDocument`: listed under their document's heading. */
export function bySeverity(findings: readonly Finding[], base: LinkBase, inDocument = false): SeverityGroup[] {
  const sorted = [...findings].sort(compareFindings);
  const toRow = (f: Finding) => row(f, base, inDocument);
  const groups: SeverityGroup[] = [
    { label: 'Errors', icon: '❌', findings: sorted.filter((f) => f.severity === 'error').map(toRow) },
    { label: 'Warnings', icon: '⚠️', findings: sorted.filter((f) => f.severity === 'warning').map(toRow) },
  ];
  return groups.filter((g) => g.findings.length > 0);
}

function pillarRow(p: PillarCoverage, path: string, base: LinkBase): DocumentSummary['pillars'][number] {
  const location = p.line === undefined ? undefined : lineLink(base, path, p.line);
  if (p.state === 'addressed') return { name: p.name, icon: '✅', status: 'addressed', evidence: p.evidence, location };
  if (p.state === 'mentioned') return { name: p.name, icon: '🟡', status: 'mentioned, not addressed', evidence: p.evidence, location };
  if (p.state === 'not-applicable') {
    return { name: p.name, icon: '➖', status: p.evidence ? `n/a (${p.evidence})` : 'n/a', evidence: undefined, location };
  }
  return { name: p.name, icon: '❌', status: 'missing', evidence: undefined, location: undefined };
}

/** One sentence on what a design doc was reviewed as; a change says why its pillars are not asked. */
function designNote(coverage: DocCoverage | undefined): string | undefined {
  const design = coverage?.design;
  if (!design) return undefined;
  if (design.kind === 'change') {
    return `Well-Architected pillars not applicable: ${design.reason}. To review them anyway, set design-kind: system in the front matter.`;
  }
  return `Reviewed as a design for a running system: ${design.reason.replace(/^it reads as a design for a running system: /, '')}.`;
}

function documentSummary(
  doc: DecisionDoc,
  coverage: DocCoverage | undefined,
  summaryFindings: readonly Finding[],
  inlineFindings: readonly Finding[],
  base: LinkBase,
  today: string,
  conventions: readonly ConventionNoteSource[],
): DocumentSummary {
  const kinds = coverage?.triggers.byKind ?? countKinds(doc);
  // Due as the reminder sweep judges it: a recurring trigger's latest occurrence, nothing for a superseded record.
  const due = doc.triggers.flatMap((t) => {
    const date = dueBy(triggerTiming(t, doc, today), today);
    return date === undefined ? [] : [{ text: t.text, due: date, location: lineLink(base, doc.path, t.line) }];
  });
  const all = [...summaryFindings, ...inlineFindings];
  const errors = all.filter((f) => f.severity === 'error').length;
  const counts: string[] = [];
  if (errors > 0) counts.push(plural(errors, 'error'));
  if (all.length > errors) counts.push(plural(all.length - errors, 'warning'));
  const inlineCount = inlineFindings.length;
  return {
    path: doc.path,
    kindLabel: KIND_LABELS[doc.kind],
    open: summaryFindings.length <= OPEN_DOCUMENT_FINDINGS,
    counts: counts.length === 0 ? 'no findings' : `${counts.join(', ')}${inlineCount > 0 ? ` (${inlineCount} inline)` : ''}`,
    designNote: designNote(coverage),
    pillars: (coverage?.pillars ?? []).map((p) => pillarRow(p, doc.path, base)),
    questions: (coverage?.questions ?? []).map((q) => ({
      text: q.text,
      icon: q.answered ? '✅' : '❌',
      status: q.answered ? 'answered' : 'unanswered',
      location: q.answered && q.line !== undefined ? lineLink(base, doc.path, q.line) : undefined,
    })),
    triggers: {
      total: coverage?.triggers.total ?? doc.triggers.length,
      kinds: TRIGGER_KINDS.filter((k) => (kinds[k] ?? 0) > 0).map((k) => ({ kind: k, count: kinds[k] })),
      dueCount: Math.max(coverage?.triggers.due ?? 0, due.length),
      due,
    },
    severities: bySeverity(summaryFindings, base, true),
    conventions: conventions
      .filter((c) => c.files.includes(doc.path))
      .map((c) => ({ ruleId: c.ruleId, ruleUrl: ruleDocsUrl(c.ruleId), messageMarkdown: escaped(messageMarkdown(c.message)) })),
    inlineCount,
  };
}

function countKinds(doc: DecisionDoc): Record<TriggerKind, number> {
  const counts: Record<TriggerKind, number> = { date: 0, duration: 0, recurring: 0, threshold: 0, vague: 0 };
  for (const t of doc.triggers) counts[t.kind] += 1;
  return counts;
}

/** Input of `buildSummaryData`. */
export interface SummaryInput {
  review: Review;
  conclusion: Conclusion;
  /** Findings posted as inline comments (left out of the lists, counted). */
  inline: readonly Finding[];
  base: LinkBase;
  today: string;
  generatedAdrs: GeneratedAdrSummary[];
  /** Folder conventions to tell beside the findings of the records that have the gap; none by default. */
  conventions?: readonly ConventionNoteSource[];
}

/** What a convention note is made of: the rule, the records with the gap, the sentence. */
export type ConventionNoteSource = Pick<ChangeConvention, 'ruleId' | 'files' | 'message'>;

/** The review-summary template's data for a review. */
export function buildSummaryData(input: SummaryInput): SummaryData {
  const { review, base } = input;
  const inlineSet = new Set(input.inline);
  const summaryFindings = review.findings.filter((f) => !inlineSet.has(f));
  const byFile = groupBy(summaryFindings, (f) => f.file);
  const inlineByFile = groupBy(input.inline, (f) => f.file);
  const coverage = new Map(review.coverage.map((c) => [c.path, c]));
  const documents = [...review.documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const docPaths = new Set(documents.map((d) => d.path));
  const errors = review.findings.filter((f) => f.severity === 'error').length;
  const warnings = review.findings.length - errors;
  const docCount = plural(documents.length, 'document');
  const allClear = review.findings.length === 0;
  return {
    conclusion: input.conclusion,
    conclusionIcon: conclusionIcon(input.conclusion),
    allClear,
    documentCount: documents.length,
    headline: allClear
      ? `All clear: ${docCount} reviewed, no findings`
      : `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${docCount} reviewed`,
    inlineCount: input.inline.length,
    documents: documents.map((d) =>
      documentSummary(d, coverage.get(d.path), byFile.get(d.path) ?? [], inlineByFile.get(d.path) ?? [], base, input.today, input.conventions ?? []),
    ),
    otherFindings: bySeverity(summaryFindings.filter((f) => !docPaths.has(f.file)), base),
    skipped: [...review.skipped].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    generatedAdrs: input.generatedAdrs,
    configError: undefined,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
