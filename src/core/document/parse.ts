/**
 * Markdown → DecisionDoc. One parse, one pass to index the top-level blocks,
 * one walk of the tree and one scan of the source lines; every extractor then
 * reads those, so parsing stays linear in the document size (5 MB docs and
 * 10,000-row tables happen).
 */
import type { Root } from 'mdast';
import type { DecisionRigor, ParseVocabulary } from './parse-vocabulary.js';
import type { DecisionDoc, DocKind, Located, ParseProblem, RelatedLink, Status } from './model.js';
import { collectTriggers } from './collect-triggers.js';
import { placeholderDateProblem, readDecisionDate, settleDateOrder } from './decision-date.js';
import { dateLineUnderTitle, firstHistoryEntry } from './date-sources.js';
import { readDecisionMatrix } from './decision-matrix.js';
import { decisionTypeMatcher, readDecisionType } from './decision-type.js';
import { walkDocument } from './doc-walk.js';
import type { FieldLine } from './field-lines.js';
import { firstField, scanFieldLines } from './field-lines.js';
import type { FrontMatter } from './front-matter.js';
import { frontMatterEntryText, frontMatterKeyLine, frontMatterValue, isScalarValue, readFrontMatter, scalarText } from './front-matter.js';
import { languageOfHeadings } from './headings.js';
import { withoutHtmlComments } from './html-comments.js';
import { dedupe, frontMatterLinks, scanLinks } from './links.js';
import { dedupeRelated, frontMatterRelatedLinks, scanRelatedLinks } from './related-links.js';
import { readOptions } from './options.js';
import { readOptionsInProse } from './options-prose.js';
import { parseMarkdown } from './parse-markdown.js';
import { readParticipants } from './participants.js';
import { findPlaceholders, frontMatterPlaceholders } from './placeholders.js';
import type { Block, SectionSpan } from './sections.js';
import { buildSections, indexBlocks } from './sections.js';
import { normalizeStatus, placeholderStatus, statusFrom } from './status.js';
import { numberFromFileName, numberInTitle, titleFromBlocks } from './title.js';
import { readTradeOffs } from './trade-offs.js';

const STATUS_KEYS = ['status', 'statut', 'state'];
const DATE_KEYS = ['date', 'decision-date', 'decision_date', 'last-updated', 'last_updated', 'updated', 'created'];

/** Parse markdown and build its DecisionDoc in one call. */
export function parseDecisionDoc(
  source: string,
  path: string,
  kind: DocKind,
  checklists: ParseVocabulary,
): { tree: Root; doc: DecisionDoc } {
  const tree = parseMarkdown(source);
  return { tree, doc: buildDecisionDoc(tree, source, path, kind, checklists) };
}

/** Build the typed DecisionDoc (every field) from a parsed tree and its source. */
export function buildDecisionDoc(
  tree: Root,
  source: string,
  path: string,
  kind: DocKind,
  checklists: ParseVocabulary,
): DecisionDoc {
  const lines = source.split('\n');
  const lineCount = source === '' ? 0 : source.endsWith('\n') ? lines.length - 1 : lines.length;
  const fm = readFrontMatter(tree);
  const fmNode = tree.children[0];
  const fmEnd = fm.line !== undefined ? (fmNode?.position?.end.line ?? fm.line) : 0;

  const blocks = indexBlocks(tree);
  const spans = buildSections(blocks);
  const walk = walkDocument(blocks, lineCount, fmEnd);
  const fields = scanFieldLines(lines, walk.codeLines);

  const status = readStatus(fm, spans, blocks, fields, source);
  const dateLine = dateLineUnderTitle(blocks);
  const history = firstHistoryEntry(spans, blocks);
  const section = dateSection(spans, blocks);
  const frontMatterDate = dateInFrontMatter(fm);
  const written = readDecisionDate({
    ...(frontMatterDate ? { frontMatter: frontMatterDate } : {}),
    fields,
    ...(dateLine ? { dateLine } : {}),
    ...(section ? { section } : {}),
    ...(history ? { history } : {}),
    path,
  });
  // `05-08-2018` beside `16-08-2018` is read day-first, as the record writes.
  const date = settleDateOrder(written, lines, walk.codeLines);

  const matrices = [];
  for (const block of blocks) {
    if (block.node.type !== 'table') continue;
    const matrix = readDecisionMatrix(block.node);
    if (matrix) matrices.push(matrix);
  }

  const bodyLinks = scanLinks(lines, walk.codeLines);
  const fmLinks = frontMatterLinks(fm);

  const doc: DecisionDoc = {
    path,
    kind,
    lineCount,
    frontMatter: fm.data,
    participants: readParticipants(fm, fields, blocks, spans),
    sections: spans.map((s) => s.section),
    options: readOptions(blocks, spans, matrices),
    optionsInProse: readOptionsInProse(blocks, spans),
    matrices,
    tradeOffs: readTradeOffs(blocks, spans, walk),
    triggers: [],
    supersedes: dedupe([...fmLinks.supersedes, ...bodyLinks.supersedes]),
    supersededBy: dedupe([...fmLinks.supersededBy, ...bodyLinks.supersededBy]),
    amends: dedupe([...fmLinks.amends, ...bodyLinks.amends]),
    amendedBy: dedupe([...fmLinks.amendedBy, ...bodyLinks.amendedBy]),
    ...relatedLinks(frontMatterRelatedLinks(fm), scanRelatedLinks(lines, walk.codeLines, spans.map((s) => s.section))),
    language: languageOfHeadings(spans.map((s) => s.section.heading)),
    // Front matter comes first in the file, so its leftovers keep the list in line order.
    placeholders: [...frontMatterPlaceholders(fm, [...STATUS_KEYS, ...DATE_KEYS]), ...findPlaceholders(walk, lines)],
    problems: [...fm.problems, ...dateProblems(fm)],
  };
  if (fm.line !== undefined) doc.frontMatterLine = fm.line;

  const title = readTitle(blocks, fm);
  if (title) {
    doc.title = title;
    const n = numberInTitle(title.value);
    if (n !== undefined) doc.titleNumber = { value: n, line: title.line, column: title.column };
  }
  const fileNumber = numberFromFileName(path);
  if (fileNumber !== undefined) doc.fileNumber = fileNumber;
  if (status) doc.status = status;
  if (date) doc.date = date;
  const decisionType = readDecisionType(blocks, matcherFor(checklists.rigor));
  if (decisionType) doc.decisionType = decisionType;

  const decisionDate = date?.iso ?? status?.date;
  const triggerSources = { blocks, spans, walk, fields, frontMatter: fm.data, lines };
  // Front matter triggers point at their key (`revisit:`), not the fence.
  const revisitLine = frontMatterKeyLine(fm, ['revisit', 'review-by', 'review_by', 'revisit-by', 'revisit_by', 'review-date']);
  doc.triggers = collectTriggers(fm.line !== undefined ? { ...triggerSources, frontMatterLine: revisitLine } : triggerSources, {
    ...(decisionDate ? { decisionDate } : {}),
    categories: checklists.triggerCategories,
    vaguePhrases: checklists.vaguePhrases,
  });
  return doc;
}

/** The first depth-1 heading, else front matter `title`. */
function readTitle(blocks: Block[], fm: FrontMatter): Located<string> | undefined {
  const heading = titleFromBlocks(blocks);
  if (heading) return heading;
  const text = scalarText(frontMatterValue(fm.data, ['title']));
  return text ? { value: text, line: frontMatterKeyLine(fm, ['title']), column: 1 } : undefined;
}

/**
 * Status from front matter, else the first non-empty block of a Status
 * section, else a `Status:` field line; an empty Status section is an unfilled placeholder.
 */
function readStatus(
  fm: FrontMatter,
  spans: SectionSpan[],
  blocks: Block[],
  fields: FieldLine[],
  source: string,
): Status | undefined {
  const fmValue = frontMatterValue(fm.data, STATUS_KEYS);
  if (fmValue !== undefined) {
    const line = frontMatterKeyLine(fm, STATUS_KEYS);
    // `status: {proposed | rejected | …}` is YAML for a map: the template's guidance, kept as written.
    if (!isScalarValue(fmValue)) return placeholderStatus(frontMatterEntryText(fm, STATUS_KEYS)?.text ?? '', line, 1, 'front-matter');
    return statusFrom(scalarText(fmValue) ?? '', line, 1, 'front-matter');
  }
  const span = spans.find((s) => s.section.key === 'status');
  const field = firstField(fields, 'status');
  if (span) {
    for (let b = span.start + 1; b < span.end; b += 1) {
      const block = blocks[b]!;
      if (block.node.type === 'heading') break;
      if (block.text.trim() === '') continue;
      const raw = firstSourceLine(source, block);
      if (raw === '') continue;
      // A `## Status` section that is prose about something else (an API's `Status`
      // type) gives way to a status field (`| Status | Approved |`) when there is one.
      const reading = normalizeStatus(raw);
      if (field && !reading.placeholder && !reading.known) break;
      return statusFrom(raw, block.line, block.column, 'section');
    }
  }
  if (field) return statusFrom(field.value, field.line, field.column, 'field');
  if (span) return statusFrom('', span.section.line, span.section.column, 'section');
  return undefined;
}

/** First non-empty source line of a block, without its list or quote marker (raw markdown kept). */
function firstSourceLine(source: string, block: Block): string {
  const start = block.node.position?.start.offset;
  const end = block.node.position?.end.offset;
  if (start === undefined || end === undefined) return block.text.split('\n')[0]!.trim();
  let from = start;
  while (from < end) {
    let to = source.indexOf('\n', from);
    if (to === -1 || to > end) to = end;
    const line = withoutHtmlComments(source.slice(from, to).replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*/, ''), true).trim();
    if (line !== '') return line;
    from = to + 1;
  }
  return '';
}

/** A front-matter date that YAML read as a map or list (template guidance) is a problem, not a date. */
function dateProblems(fm: FrontMatter): ParseProblem[] {
  const value = frontMatterValue(fm.data, DATE_KEYS);
  if (value === undefined || isScalarValue(value)) return [];
  const written = frontMatterEntryText(fm, DATE_KEYS);
  return [placeholderDateProblem(written?.text ?? '', written?.line ?? fm.line ?? 1, written?.column ?? 1)];
}

function dateInFrontMatter(fm: FrontMatter): { text: string; line: number } | undefined {
  const value = frontMatterValue(fm.data, DATE_KEYS);
  const text = scalarText(value);
  return text === undefined ? undefined : { text, line: frontMatterKeyLine(fm, DATE_KEYS) };
}

function dateSection(spans: SectionSpan[], blocks: Block[]): { text: string; line: number; column: number } | undefined {
  const span = spans.find((s) => s.section.key === 'date');
  if (!span) return undefined;
  for (let b = span.start + 1; b < span.end; b += 1) {
    const block = blocks[b]!;
    if (block.text.trim() !== '') return { text: block.text.split('\n')[0]!.trim(), line: block.line, column: block.column };
  }
  return undefined;
}

// The matcher depends only on the checklist's rigor cues: build it once per checklist.
const matchers = new WeakMap<DecisionRigor, RegExp>();
function matcherFor(rigor: DecisionRigor): RegExp {
  let matcher = matchers.get(rigor);
  if (!matcher) {
    matcher = decisionTypeMatcher(rigor);
    matchers.set(rigor, matcher);
  }
  return matcher;
}

/** `relatesTo`, only when the record names a related one: most do not, and the model stays as it was for them. */
function relatedLinks(fromFrontMatter: RelatedLink[], fromBody: RelatedLink[]): { relatesTo?: RelatedLink[] } {
  const links = dedupeRelated([...fromFrontMatter, ...fromBody]);
  return links.length > 0 ? { relatesTo: links } : {};
}
