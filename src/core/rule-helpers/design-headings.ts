/**
 * Headings that answer a question or concern in the words real design docs
 * use ("Motivation", "Rationale and alternatives", "Risks and Mitigations",
 * "Upgrade / Downgrade Strategy"): the checklists list heading phrases, and a
 * section counts when its heading contains one as whole words and the
 * section has content (a heading over template guidance answers nothing).
 */
import type { DecisionDoc, Section } from '../document/model.js';

/** A heading or phrase as compared: lower case, words padded with single spaces. */
export function headingWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

// Phrase lists are checklist data, loaded once: normalise each list once.
const phraseCache = new WeakMap<readonly string[], string[]>();

function normalizedPhrases(phrases: readonly string[]): string[] {
  let out = phraseCache.get(phrases);
  if (!out) {
    out = phrases.map(headingWords).filter((p) => p.trim() !== '');
    phraseCache.set(phrases, out);
  }
  return out;
}

/** True when the heading contains one of the phrases as whole words. */
export function headingHasPhrase(heading: string, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return false;
  const words = headingWords(heading);
  return normalizedPhrases(phrases).some((p) => words.includes(p));
}

/**
 * The first section with content whose heading contains one of the phrases.
 * The title is not a section heading here: "Design: …" or "Proposal: …"
 * names the document, it does not answer a question.
 */
export function sectionByHeading(
  doc: DecisionDoc,
  phrases: readonly string[] | undefined,
  hasContent: (s: Section) => boolean = (s) => !s.empty,
): Section | undefined {
  if (!phrases || phrases.length === 0) return undefined;
  const title = doc.title?.line;
  return doc.sections.find((s) => s.line !== title && hasContent(s) && headingHasPhrase(s.heading, phrases));
}
