/**
 * What an ADR's body holds besides the sections the review knows, for
 * `adr-decision`: spec-style logs (nats writes `## Context`, then
 * `## Stream Configuration`, `## Error Codes`…) state what they decided under
 * topical headings, and a record whose headings match nothing at all gets one
 * finding naming the sections expected instead of silence.
 */
import type { DecisionDoc, Section } from '../document/model.js';
import { normalizeHeading } from '../document/headings.js';

// Headings that never hold the decision itself: questions, history, examples, appendices.
const NOT_A_DECISION =
  /^(?:(?:open|unresolved|resolved|remaining|outstanding) (?:questions|issues)|questions|faq|discussion|appendix\b.*|glossary|terminology|definitions|examples?|prior (?:art|work)|acknowledg(?:e)?ments|history|changelog|change log|revision history|release history|future (?:work|possibilities|considerations)|goals|non-goals|use cases|user stories|todo|deprecation note|deprecated)$/;

/** Words in a text (runs of letters or digits). */
function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** The sections at the record's top level below the title (`##`, or `#` when the record uses `#` for sections). */
export function topLevelSections(doc: DecisionDoc): Section[] {
  const titleLine = doc.title?.line;
  const body = doc.sections.filter((s) => s.line !== titleLine);
  if (body.length === 0) return [];
  const depth = Math.min(...body.map((s) => s.depth));
  return body.filter((s) => s.depth === depth);
}

/**
 * Top-level sections under headings the review does not know that hold
 * substantial text (40 words or more) and are not questions, history or
 * examples: where a spec-style record writes what it decided.
 */
export function topicalSections(doc: DecisionDoc): Section[] {
  return topLevelSections(doc).filter(
    (s) => s.key === null && !NOT_A_DECISION.test(normalizeHeading(s.heading)) && wordCount(s.text) >= 40,
  );
}

/** The headings of the record below its title, as written (for a message). */
export function bodyHeadings(doc: DecisionDoc): string[] {
  return topLevelSections(doc).map((s) => s.heading);
}
