/**
 * What the review publishes on a pull request, decided by the pure core
 * (`plan-publication.ts`) and carried out by `src/github/*`.
 */

/** A file changed by the pull request, as GitHub lists it. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath?: string;
  /** Unified diff of the file; absent for binary or very large diffs. */
  patch?: string;
}

/** One inline review comment on a line of the diff (right side). */
export interface InlineComment {
  path: string;
  line: number;
  /** Markdown body; ends with the hidden finding marker carrying `fingerprint`. */
  body: string;
  /** Stable id of the finding (rule, file, message), so a re-push does not post it again. */
  fingerprint: string;
}

/** A check-run annotation, in GitHub's shape. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title: string;
}

/** Conclusion of the "Design review" check run. */
export type Conclusion = 'success' | 'neutral' | 'failure' | 'action_required';

/** Everything one review publishes. */
export interface PublishPlan {
  conclusion: Conclusion;
  checkRun: { title: string; summary: string; text?: string };
  /** Annotations in batches of at most 50 (GitHub's limit per request). */
  annotationBatches: Annotation[][];
  /** Findings on lines in the diff. */
  inlineComments: InlineComment[];
  /** The one summary comment, with its hidden marker. */
  summaryComment: string;
}

/*
 * Hidden markers: how the bot finds its own comments again. A body the bot
 * posts quotes document text, and inside code (a code span, a ```suggestion
 * block that must stay exact) that text can hold anything, a copy of a marker
 * included. So a marker is read only where the bot puts it, never searched
 * for: the summary marker is the body's first line, the finding marker its
 * last. Every reader of the format is here.
 */

/** Hidden marker of the bot's summary comment: the first line of its body. */
export const SUMMARY_MARKER = '<!-- design-review:summary -->';

/** True when a comment body is a summary comment: it starts with the marker (quoted markers further down do not count). */
export function isSummaryCommentBody(body: string): boolean {
  return body.trimStart().startsWith(SUMMARY_MARKER);
}

const FINDING_MARKER_START = '<!-- design-review:finding ';
/** The whole last line of a finding comment; applied to that line only, so it is bounded. */
const FINDING_MARKER_LINE = /^<!-- design-review:finding ([a-f0-9]{8,64}) -->$/;

/** Hidden marker of one inline finding comment: the last line of its body. */
export function findingMarker(fingerprint: string): string {
  return `${FINDING_MARKER_START}${fingerprint} -->`;
}

/** The finding marker that ends `body` on a line of its own (trailing whitespace ignored): where it starts and its fingerprint. */
function trailingMarkerStart(body: string): { start: number; fingerprint: string } | undefined {
  const text = body.trimEnd();
  const start = text.lastIndexOf(FINDING_MARKER_START);
  if (start < 0 || (start > 0 && text.charAt(start - 1) !== '\n')) return undefined;
  const m = FINDING_MARKER_LINE.exec(text.slice(start));
  return m ? { start, fingerprint: m[1]! } : undefined;
}

/** The fingerprint of a finding comment, read only from the marker that ends its body; undefined when it does not end with one. */
export function fingerprintOf(body: string): string | undefined {
  return trailingMarkerStart(body)?.fingerprint;
}

/** The body of a finding comment without its trailing marker (and the blank lines before it); other bodies unchanged. */
export function withoutFindingMarker(body: string): string {
  const marker = trailingMarkerStart(body);
  return marker === undefined ? body : body.slice(0, marker.start).trimEnd();
}
