/**
 * What an ADR's body holds besides the sections the review knows, for
 * `adr-decision`: spec-style logs (nats writes `## Context`, then
 * `## Stream Configuration`, `## Error Codes`…) state what they decided under
 * topical headings, or write the whole design under `## Context` itself; and a
 * record whose headings match nothing at all gets one finding naming the
 * sections expected instead of silence.
 */
import type { DecisionDoc, Section } from '../document/model.js';
import { normalizeHeading } from '../document/headings.js';
import { headingNamesOption } from '../document/option-headings.js';

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
 * substantial text (40 words or more) and are not questions, history,
 * examples or one of the options weighed ("Option A: …", "Sync vs Async"):
 * where a spec-style record writes what it decided.
 */
export function topicalSections(doc: DecisionDoc): Section[] {
  return topLevelSections(doc).filter(
    (s) =>
      s.key === null &&
      !NOT_A_DECISION.test(normalizeHeading(s.heading)) &&
      !headingNamesOption(s.heading) &&
      wordCount(s.text) >= 40,
  );
}

// Sub-headings of a context that describe the problem, not the design: "Current behaviour",
// "Why it matters now", "The forces at play", "Bug 1: …", "What needs a decision".
const PROBLEM_HEADING =
  /^(?:current|currently|today|existing|the (?:current|existing|problem|issue|forces)|problems?|issues?|bugs?|why|what (?:needs|is wrong|goes wrong|can go wrong)|forces|constraints|pain|symptoms?|limitations?|background|motivation|requirements|status quo)\b/;

/** The sub-sections directly under a section (its `###` when it is a `##`). */
function childSections(doc: DecisionDoc, parent: Section): Section[] {
  const inside = doc.sections.filter((s) => s.depth > parent.depth && s.line > parent.line && s.line <= parent.endLine);
  if (inside.length === 0) return [];
  const depth = Math.min(...inside.map((s) => s.depth));
  return inside.filter((s) => s.depth === depth);
}

/** True when the lines of a section hold a code block or a table: a payload, an interface, a field table. */
function holdsSpecBlock(lines: string[], section: Section): boolean {
  // `section.line` is 1-based, so lines[section.line] is the first line after the heading.
  for (let i = section.line; i < section.endLine && i < lines.length; i += 1) {
    const t = lines[i]!.trimStart();
    if (t.startsWith('```') || t.startsWith('~~~') || (t.startsWith('|') && t.trimEnd().endsWith('|'))) return true;
  }
  return false;
}

/**
 * True when the record writes its design under its Context heading: the
 * context has two or more substantial sub-sections that describe parts of a
 * design (not the problem, not questions, not the options weighed), or it is
 * long (200 words or more) and holds a code block or a table. A context that
 * weighs options ("Two solutions were considered: …", `### Option A`) does not
 * count: the record must still say which one won.
 */
export function designUnderContext(doc: DecisionDoc, source: string): boolean {
  let lines: string[] | undefined;
  for (const context of doc.sections) {
    if (context.key !== 'context' || context.empty) continue;
    const children = childSections(doc, context);
    const weighsOptions =
      (doc.optionsInProse ?? []).some((o) => o.line > context.line && o.line <= context.endLine) ||
      children.some((s) => headingNamesOption(s.heading));
    if (weighsOptions) continue;
    const parts = children.filter((s) => {
      const heading = normalizeHeading(s.heading);
      return s.key === null && !NOT_A_DECISION.test(heading) && !PROBLEM_HEADING.test(heading) && wordCount(s.text) >= 40;
    });
    if (parts.length >= 2) return true;
    if (wordCount(context.text) >= 200) {
      lines ??= source.split('\n');
      if (holdsSpecBlock(lines, context)) return true;
    }
  }
  return false;
}

// A retired record's own account of why: "Deprecation Note", "Deprecated", "Withdrawn"…
const RETIREMENT_HEADING =
  /^(?:deprecation(?: notes?| notice)?|deprecated|withdrawn|withdrawal(?: notes?)?|superseded|supersession(?: notes?)?)$/;
const RETIRED = new Set(['deprecated', 'withdrawn', 'superseded']);

/**
 * The filled "Deprecation Note" (or "Deprecated", "Withdrawn") section of a
 * record whose status retires it (deprecated, withdrawn, superseded): such a
 * note states the decision (not to do X, or to stop doing it) and weighs what
 * that gains and loses, so it stands for the Decision and the Consequences.
 * Undefined for a record that is not retired or has no such note.
 */
export function retirementNote(doc: DecisionDoc): Section | undefined {
  if (!RETIRED.has(doc.status?.normalized ?? '')) return undefined;
  return doc.sections.find((s) => s.key === null && !s.empty && RETIREMENT_HEADING.test(normalizeHeading(s.heading)));
}

/** The headings of the record below its title, as written (for a message). */
export function bodyHeadings(doc: DecisionDoc): string[] {
  return topLevelSections(doc).map((s) => s.heading);
}
