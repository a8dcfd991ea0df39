/**
 * adr-decision: an ADR states what was decided (Decision, Decisions, Decision
 * Outcome, Design, Proposal, Approach, Recommendation, Résultat de la
 * décision…). A spec-style record that writes its decision under topical
 * headings (substantial sections the review does not know), or under its
 * Context heading (design sub-sections, or a long context with a code block or
 * table), is not asked for a Decision heading; nor is a deprecated or
 * withdrawn record whose Deprecation Note says what was decided. A record whose headings match nothing the review knows
 * gets one finding that names the sections expected; the other section checks
 * stay quiet on it.
 */
import { sectionsWith, titleLine } from '../rule-helpers/adr-sections.js';
import { defineRule } from '../rule-helpers/define-rule.js';
import { bodyHeadings, designUnderContext, retirementNote, topicalSections } from '../rule-helpers/record-body.js';
import { checkRequiredSection, requiredSectionMessages } from '../rule-helpers/required-section.js';

export const adrDecision = defineRule(
  {
    id: 'adr-decision',
    description: 'An ADR has a decision section that states what was decided.',
    help: 'The decision is the point of the record: state the chosen option in active voice ("We will …") and why it was chosen over the others.',
    appliesTo: ['adr'],
    defaultSeverity: 'error',
    scope: 'document',
    messages: {
      ...requiredSectionMessages('states what was decided and why (“We will …, because …”)', 'state what was decided and why (“We will …, because …”)'),
      'no-known-section':
        'No section this review knows: expected `## Context`, `## Decision` and `## Consequences` (or their synonyms such as Background, Decision Outcome, Implications){{found}}: rename the headings, or add the sections',
    },
  },
  ({ doc }, report, source) => {
    if (doc.language === 'unknown') {
      // No heading the review knows: one finding that names what it looks for, not
      // silence, and not one "missing" finding per section (the others stay quiet).
      const found = bodyHeadings(doc).slice(0, 4).map((h) => `\`${h.length > 40 ? `${h.slice(0, 39)}…` : h}\``);
      report('no-known-section', { found: found.length > 0 ? `; found ${found.join(', ')}` : '' }, { line: titleLine(doc) });
      return;
    }
    // Spec-style records state what they decided under topical headings (`## Stream Configuration`),
    // or write the design under `## Context` itself.
    // A deprecated or withdrawn record states its decision (not to do X) in its Deprecation Note.
    if (
      sectionsWith(doc, 'decision').length === 0 &&
      (topicalSections(doc).length > 0 || designUnderContext(doc, source) || retirementNote(doc) !== undefined)
    ) {
      return;
    }
    checkRequiredSection(doc, report, {
      key: 'decision',
      body: 'We will …, because …',
    });
  },
);
