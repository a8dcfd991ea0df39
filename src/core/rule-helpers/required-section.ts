/**
 * The shared check behind `adr-context` and `adr-decision`: a section under
 * any of its synonyms is present and has content. Headings are matched by
 * meaning, in any order (some projects write the decision first); a document
 * whose headings are in an unknown language gets no finding.
 */
import type { DecisionDoc, SectionKey } from '../document/model.js';
import type { Report } from './define-rule.js';
import { headingMarkdown, sectionsWith, titleLine } from './adr-sections.js';

/** Which section is required, and the skeleton body under its heading. */
export interface RequiredSection {
  key: SectionKey;
  /** Skeleton body under the heading. */
  body: string;
}

/**
 * The two messages of a required-section rule: `addOne` completes "add one that …" (e.g. "states
 * the problem and why it needs deciding now"), `fill` says what to write in an empty one.
 */
export function requiredSectionMessages(addOne: string, fill: string): { 'missing-section': string; 'empty-section': string } {
  return { 'missing-section': `Missing \`{{heading}}\` section: add one that ${addOne}`, 'empty-section': `Empty \`{{heading}}\` section: ${fill}` };
}

/** Report a missing or empty section. */
export function checkRequiredSection(doc: DecisionDoc, report: Report, required: RequiredSection): void {
  if (doc.language === 'unknown') return;
  const sections = sectionsWith(doc, required.key);
  const heading = headingMarkdown(doc, required.key);
  if (sections.length === 0) {
    report('missing-section', { heading }, { line: titleLine(doc) }, `${heading}\n\n${required.body}\n`);
    return;
  }
  if (sections.some((s) => !s.empty)) return;
  const first = sections[0]!;
  report('empty-section', { heading: first.heading }, { line: first.line, column: first.column });
}
