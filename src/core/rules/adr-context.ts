/**
 * adr-context: an ADR says what problem it solves and why it is decided now
 * (Context, Context and Problem Statement, Background, Problem, Contexte…).
 */
import { defineRule } from '../rule-helpers/define-rule.js';
import { checkRequiredSection, requiredSectionMessages } from '../rule-helpers/required-section.js';

export const adrContext = defineRule(
  {
    id: 'adr-context',
    description: 'An ADR has a context section that states the problem.',
    help: 'A decision is only as good as the problem it answers: describe the need (not the solution), the constraints, and why it is decided now.',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: requiredSectionMessages('states the problem, its constraints and why it needs deciding now', 'state the problem, its constraints and why it needs deciding now'),
  },
  ({ doc }, report) => {
    checkRequiredSection(doc, report, {
      key: 'context',
      body: 'The problem: …\nConstraints: …\nWhy now: …',
    });
  },
);
