import type { DocumentResult, ReviewOptions, SourceFile } from '../review-model.js';
import { reviewDocument } from './review.js';

/**
 * The phase-1 result without its sections' text: what `check` keeps of each
 * document. Phase 2 (numbering, supersede links), the folder conventions and
 * every output format read the document's facts (path, kind, numbers, title,
 * status, links) and its findings and coverage, never a section's text. That
 * text is most of a result (about twice the source in size: a section's text
 * holds its sub-sections', and a line number per line), so a run over
 * thousands of records would hold the corpus twice, and copy it from the
 * worker threads, for nothing. Headings, keys and places stay.
 */
export function withoutSectionText(result: DocumentResult): DocumentResult {
  if (!result.doc) return result;
  const sections = result.doc.sections.map(({ text: _text, textLines: _lines, ...section }) => ({ ...section, text: '' }));
  return { ...result, doc: { ...result.doc, sections } };
}

/**
 * Phase 1 of one file as a run keeps it: without its sections' text when
 * `lean`, made lean at once so the full result is garbage before the next
 * file is read (the worker threads and the main thread of `check` alike).
 */
export function reviewDocumentKept(file: SourceFile, options: ReviewOptions, lean: boolean): DocumentResult {
  const result = reviewDocument(file, options);
  return lean ? withoutSectionText(result) : result;
}
