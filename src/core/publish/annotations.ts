import { compareFindings, type Finding } from '../finding.js';
import { neutralizeReferences } from '../render/neutralize-references.js';
import type { Annotation } from './types.js';
import { truncateToLimit } from './truncate.js';

/** Annotations GitHub takes per check-run create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** GitHub's limit on an annotation title, in characters. */
const TITLE_LIMIT = 255;
/** GitHub's limit on an annotation message (64 KB). */
const MESSAGE_LIMIT = 65_535;

/**
 * One check-run annotation for a finding, in the shape GitHub validates. The
 * message quotes document text and is shown on GitHub: its mentions and issue
 * references are neutralised like every other echo of document text.
 */
export function toAnnotation(finding: Finding): Annotation {
  // GitHub needs a line; a finding about the whole file points at its first line.
  const start = finding.line !== undefined && finding.line >= 1 ? finding.line : 1;
  const end = finding.endLine !== undefined && finding.endLine >= start ? finding.endLine : start;
  const annotation: Annotation = {
    path: finding.file,
    start_line: start,
    end_line: end,
    annotation_level: finding.severity === 'error' ? 'failure' : 'warning',
    message: truncateToLimit(neutralizeReferences(finding.message), MESSAGE_LIMIT, ' …'),
    title: neutralizeReferences(finding.ruleId).slice(0, TITLE_LIMIT),
  };
  // GitHub rejects columns on an annotation that spans lines.
  if (start === end && finding.line !== undefined && finding.column !== undefined && finding.column >= 1) {
    annotation.start_column = finding.column;
    const endColumn = finding.endLine === undefined || finding.endLine === start ? finding.endColumn : undefined;
    annotation.end_column = endColumn !== undefined && endColumn >= finding.column ? endColumn : finding.column;
  }
  return annotation;
}

/** Annotations for every finding, errors first so the first batch GitHub shows holds the failures. */
export function findingsToAnnotations(findings: readonly Finding[]): Annotation[] {
  const errorsFirst = [...findings].sort(
    (a, b) => (a.severity === b.severity ? compareFindings(a, b) : a.severity === 'error' ? -1 : 1),
  );
  return errorsFirst.map(toAnnotation);
}

/** Split items into consecutive batches of at most `size` (GitHub takes 50 annotations per request). */
export function batches<T>(items: readonly T[], size: number = ANNOTATIONS_PER_REQUEST): T[][] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`batches: expected a positive batch size, got ${String(size)}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
