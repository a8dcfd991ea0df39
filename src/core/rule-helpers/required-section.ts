/**
 * The shared check behind `adr-context` and `adr-decision`: a section under
 * any of its synonyms is present and has content. Headings are matched by
 * meaning, in any order (some projects write the decision first); a document
 * whose headings are in an unknown language gets no finding.
 */
import type { DecisionDoc, SectionKey } from '../document/model.js';
import type { Report } from './define-rule.js';
import { headingMarkdown, sectionsWith, titleLine } from './adr-sections.js';

/** What a required section must say, for the messages and the skeleton. */
export interface RequiredSection {
  key: SectionKey;
  /** Completes "add one that …", e.g. "states the problem and why it needs deciding now". */
  addOne: string;
  /** What to write in an empty one, imperative, e.g. "state the problem and why it needs deciding now". */
  fill: string;
  /** Skeleton body under the heading. */
  body: string;
}

/** Report a missing or empty section. */
export function checkRequiredSection(doc: DecisionDoc, report: Report, required: RequiredSection): void {
  if (doc.language === 'unknown') return;
  const sections = sectionsWith(doc, required.key);
  const heading = headingMarkdown(doc, required.key);
  if (sections.length === 0) {
    report(`Missing \`${heading}\` section: add one that ${required.addOne}`, { line: titleLine(doc) }, `${heading}\n\n${required.body}\n`);
    return;
  }
  if (sections.some((s) => !s.empty)) return;
  const first = sections[0]!;
  report(`Empty \`${first.heading}\` section: ${required.fill}`, {
    line: first.line,
    column: first.column,
  });
}
