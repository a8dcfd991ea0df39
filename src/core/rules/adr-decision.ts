/**
 * adr-decision: an ADR states what was decided (Decision, Decision Outcome,
 * Proposal, Approach, Recommendation, Résultat de la décision…).
 */
import { defineRule } from './define-rule.js';
import { checkRequiredSection } from './required-section.js';

export default defineRule(
  {
    id: 'adr-decision',
    description: 'An ADR has a decision section that states what was decided.',
    help: 'The decision is the point of the record: state the chosen option in active voice ("We will …") and why it was chosen over the others.',
    appliesTo: ['adr'],
    defaultSeverity: 'error',
    scope: 'document',
  },
  ({ doc }, report) => {
    checkRequiredSection(doc, report, {
      key: 'decision',
      addOne: 'states what was decided and why (“We will …, because …”)',
      fill: 'state what was decided and why (“We will …, because …”)',
      body: 'We will …, because …',
    });
  },
);
