import type { Config } from '../../config/schema.js';
import { jsonText } from '../../config/value-text.js';
import type { Checklists } from '../checklists/types.js';
import { toIndexEntry, type IndexEntry } from '../document/model.js';
import { buildDecisionGraph } from '../graph/decision-graph.js';
import { renderGraphMermaid } from '../graph/graph-mermaid.js';
import { adrFileName, nextAdrNumber } from '../new-adr/next-number.js';
import { renderTemplate } from '../render/templates.js';
import type { Review } from '../review-model.js';
import { batches, findingsToAnnotations } from './annotations.js';
import { conclusionFor } from './conclusion.js';
import { escaped } from './escaped-markdown.js';
import { draftAdrFromDesignDoc, needsGeneratedAdr } from './generated-adr.js';
import { planInlineComments } from './inline-comments.js';
import { messageMarkdown } from './message-markdown.js';
import { fencedBlock } from './suggestion-block.js';
import { buildSummaryData, plural, type ConventionNoteSource, type GeneratedAdrSummary, type SummaryData } from './summary-data.js';
import { GITHUB_TEXT_LIMIT, truncateToLimit, utf8Length } from './truncate.js';
import { SUMMARY_MARKER, type ChangedFile, type PublishPlan } from './types.js';

/**
 * What a review publishes on a pull request, decided without GitHub: the
 * check run (conclusion, summary, annotations), the inline comments and the
 * sticky summary comment. `src/github/*` carries the plan out. The built-in
 * templates must be loaded first (`loadBuiltinTemplates()`).
 */

/** Name of the summary template (templates/review-summary.hbs). */
export const SUMMARY_TEMPLATE = 'review-summary';

/** Input of `planPublication`. */
export interface PublicationInput {
  review: Review;
  changed: ChangedFile[];
  config: Config;
  /** Commit reviewed: links in the summary point at it. */
  headSha: string;
  /** Web URL of the repository (`https://github.com/o/r`), for file links; without it locations are plain text. */
  repoUrl?: string;
  /** Contents of changed files by path, in lines, so suggestions can rewrite the commented line. */
  lines?: Map<string, string[]>;
  /** Next free ADR number in the repository; by default one past the highest ADR reviewed. */
  nextAdrNumber?: number;
  /** Today, ISO (injected clock): the generated ADR's date, due triggers. */
  today: string;
  checklists: Checklists;
  /** Folder conventions that explain gap findings of the reviewed records, told in the summary beside them. */
  conventions?: readonly ConventionNoteSource[];
  /** The repository's other ADRs (the base branch's listing): the neighbours the decision graph draws. */
  index?: readonly IndexEntry[];
}

/** Records drawn in a pull request's decision graph: its records that supersede or amend others, and their neighbours. */
const PULL_REQUEST_GRAPH_NODES = 30;

/**
 * The neighbourhood of the records a pull request adds or changes that
 * supersede or amend another (either way), as a fenced Mermaid flowchart;
 * undefined when none does.
 */
export function pullRequestGraph(review: Review, index: readonly IndexEntry[] = []): string | undefined {
  const linking = review.documents.filter(
    (d) => d.kind === 'adr' && d.supersedes.length + d.supersededBy.length + (d.amends?.length ?? 0) + (d.amendedBy?.length ?? 0) > 0,
  );
  if (linking.length === 0) return undefined;
  // The reviewed text wins over the base branch's entry of the same path.
  const reviewed = new Set(review.documents.map((d) => d.path));
  const entries = [...index.filter((e) => !reviewed.has(e.path)), ...review.documents.map(toIndexEntry)];
  const graph = buildDecisionGraph(entries, { focus: linking.map((d) => d.path), maxNodes: PULL_REQUEST_GRAPH_NODES });
  if (graph.nodes.length === 0) return undefined;
  return fencedBlock('mermaid', renderGraphMermaid(graph).trimEnd());
}

/** A config that failed validation, as `ConfigError` reports it. */
export interface InvalidConfig {
  message: string;
  key?: string;
  file: string;
  line?: number;
  /** The bad value, when the caller has it; otherwise the message quotes it ("(got …)"). */
  value?: unknown;
}

/** Check-run summary and sticky comment from the same rendered text, each within GitHub's limit. */
function summaryAndComment(data: SummaryData): { summary: string; comment: string } {
  const body = renderTemplate(SUMMARY_TEMPLATE, data).replace(/\n{3,}/g, '\n\n').trim();
  // The marker is put in front of the truncated body so a cut never removes it.
  const markerPart = `${SUMMARY_MARKER}\n`;
  return {
    summary: truncateToLimit(body, GITHUB_TEXT_LIMIT),
    comment: markerPart + truncateToLimit(body, GITHUB_TEXT_LIMIT - utf8Length(markerPart)),
  };
}

/** Drafted ADRs for design docs that decide something in a PR that adds no ADR, numbered from the next free number. */
function generatedAdrs(input: PublicationInput): GeneratedAdrSummary[] {
  const docs = needsGeneratedAdr(input.review, input.changed);
  if (docs.length === 0) return [];
  let number =
    input.nextAdrNumber ??
    nextAdrNumber(input.review.documents.filter((d) => d.kind === 'adr').map((d) => toIndexEntry(d).number));
  return docs.map((doc) => {
    const text = draftAdrFromDesignDoc(doc, {
      number,
      today: input.today,
      defaultCalendar: input.config.revisit.defaultCalendar,
      categories: input.checklists.triggerCategories,
    });
    const title = doc.title?.value.trim() || doc.path;
    const fileName = adrFileName(number, title);
    number += 1;
    return { source: doc.path, title, fileName, blockMarkdown: escaped(fencedBlock('markdown', text.trimEnd())) };
  });
}

/** Plan everything a review publishes on a pull request. */
export function planPublication(input: PublicationInput): PublishPlan {
  const { review } = input;
  const conclusion = conclusionFor(review.findings, input.config.checks);
  const split = planInlineComments(review.findings, input.changed, { lines: input.lines });
  const data = buildSummaryData({
    review,
    conclusion,
    inline: split.inline,
    base: { repoUrl: input.repoUrl, headSha: input.headSha },
    today: input.today,
    generatedAdrs: generatedAdrs(input),
    ...(input.conventions ? { conventions: input.conventions } : {}),
  });
  const graph = pullRequestGraph(review, input.index);
  if (graph) data.graphMarkdown = escaped(graph);
  const { summary, comment } = summaryAndComment(data);
  const errors = review.findings.filter((f) => f.severity === 'error').length;
  const warnings = review.findings.length - errors;
  const docs = plural(review.documents.length, 'document');
  return {
    conclusion,
    checkRun: {
      title: data.allClear ? `All clear: ${docs} reviewed` : `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${docs}`,
      summary,
    },
    annotationBatches: batches(findingsToAnnotations(review.findings)),
    inlineComments: split.comments,
    summaryComment: comment,
  };
}

/** JSON of a bad value for the summary, kept short. */
function showValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = jsonText(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** The plan for a repository whose config is invalid: one check run asking for action; nothing else is posted. */
export function planInvalidConfig(error: InvalidConfig): PublishPlan {
  const summary = renderTemplate(SUMMARY_TEMPLATE, {
    configError: {
      file: error.file,
      line: error.line,
      key: error.key,
      value: showValue(error.value),
      messageMarkdown: escaped(messageMarkdown(error.message)),
    },
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    conclusion: 'action_required',
    checkRun: {
      title: `Invalid configuration${error.key ? `: ${error.key}` : ''}`.slice(0, 255),
      summary: truncateToLimit(summary, GITHUB_TEXT_LIMIT),
    },
    annotationBatches: [],
    inlineComments: [],
    summaryComment: '',
  };
}
