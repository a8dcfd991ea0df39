/**
 * adr-consequences: an ADR says what follows from the decision (Consequences,
 * Implications, Positive/Negative, "Trade-offs accepted" in the trade-off
 * template, "Bad, because" items in MADR's pros and cons) and does not claim
 * the choice costs nothing. A deprecated, withdrawn or superseded record's
 * Deprecation Note weighs what retiring it gains and loses, and counts.
 * Whether a cost is actually named is `adr-trade-offs`'s question, so a
 * record missing both gets one finding.
 */
import { headingMarkdown, sectionsWith, titleLine } from '../rule-helpers/adr-sections.js';
import { defineRule } from '../rule-helpers/define-rule.js';
import { readCosts } from '../rule-helpers/negative-consequences.js';
import { retirementNote } from '../rule-helpers/record-body.js';

export const adrConsequences = defineRule(
  {
    id: 'adr-consequences',
    description: 'An ADR lists the consequences of the decision and does not claim it has no downsides.',
    help: 'Every real choice gives something up. List what becomes easier and what becomes harder (MADR: "Good, because …" / "Bad, because …"); "no downsides" usually means nobody looked.',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: {
      'missing-section': 'Missing `{{heading}}` section: add one that lists what becomes easier and at least one negative consequence',
      'no-downside-claim': 'Claims `{{phrase}}`: every real choice gives something up; name what this decision costs (e.g. `Bad, because …`, `we give up X in exchange for Y`)',
    },
  },
  ({ doc, checklists }, report, source) => {
    if (doc.language === 'unknown') return;
    const costs = readCosts(doc, source, checklists);
    const hasSection =
      sectionsWith(doc, 'consequences', 'positive-consequences', 'negative-consequences', 'trade-offs').length > 0;
    if (!hasSection && !costs.statesCost && retirementNote(doc) === undefined) {
      const heading = headingMarkdown(doc, 'consequences');
      report(
        'missing-section',
        { heading },
        { line: titleLine(doc) },
        doc.language === 'fr'
          ? `${heading}\n\n- Bien, parce que …\n- Mauvais, parce que …\n`
          : `${heading}\n\n- Good, because …\n- Bad, because …\n`,
      );
    }
    for (const claim of costs.claims) {
      const column = claim.text.toLowerCase().indexOf(claim.phrase.toLowerCase()) + 1;
      report('no-downside-claim', { phrase: claim.phrase }, { line: claim.line, column: column > 0 ? column : 1 });
    }
  },
);
