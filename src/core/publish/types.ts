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

/** Hidden marker of the bot's summary comment. */
export const SUMMARY_MARKER = '<!-- design-review:summary -->';

/** Hidden marker of one inline finding comment. */
export function findingMarker(fingerprint: string): string {
  return `<!-- design-review:finding ${fingerprint} -->`;
}

/** Read the fingerprint back from a comment body, if it is one of ours. */
export function fingerprintOf(body: string): string | undefined {
  return /<!-- design-review:finding ([a-f0-9]{8,64}) -->/.exec(body)?.[1];
}
