/**
 * adr-trade-offs: an ADR names what the decision gives up (a trade-off
 * statement, a negative consequence, a risk, a "Bad, because" item, or a cost
 * named outright in the Decision: "this creates a limitation", "an acceptable
 * trade-off", "after this breaking change"). It runs
 * only where consequences are written: a record with none gets the
 * `adr-consequences` finding instead, and a "no downsides" claim is reported
 * there, so each gap is reported once.
 */
import { sectionsWith } from '../rule-helpers/adr-sections.js';
import { defineRule } from '../rule-helpers/define-rule.js';
import { readCosts } from '../rule-helpers/negative-consequences.js';

export const adrTradeOffs = defineRule(
  {
    id: 'adr-trade-offs',
    description: 'An ADR states the trade-offs it accepts: what is given up in exchange for what.',
    help: 'A decision without a named cost cannot be weighed or revisited: write "we give up X in exchange for Y", quantified where possible ("50 ms lower p99 at 3× the cost"), and the main risk with its mitigation.',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: {
      'no-trade-off': '`{{heading}}` names no trade-off: add what this decision gives up, e.g. `{{example}}` or `we give up X in exchange for Y`',
    },
  },
  ({ doc, checklists }, report, source) => {
    if (doc.language === 'unknown') return;
    const written = sectionsWith(doc, 'consequences', 'positive-consequences', 'negative-consequences', 'trade-offs');
    if (written.length === 0) return;
    const costs = readCosts(doc, source, checklists);
    // A cost named outright in the Decision counts too, however thin the Consequences.
    if (costs.statesCost || costs.namedInDecision || costs.claims.length > 0) return;
    // Point where the cost belongs: the negative consequences, else the trade-offs, else the consequences.
    const at =
      sectionsWith(doc, 'negative-consequences')[0] ??
      sectionsWith(doc, 'trade-offs')[0] ??
      sectionsWith(doc, 'consequences')[0] ??
      written[0]!;
    const bad = doc.language === 'fr' ? 'Mauvais, parce que …' : 'Bad, because …';
    report(
      'no-trade-off',
      { heading: at.heading, example: bad },
      { line: at.line, column: at.column },
      `- ${bad}`,
    );
  },
);
