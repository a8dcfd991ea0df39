/**
 * adr-type-1-rigor: a Type 1 (one-way door) decision is costly to reverse, so
 * it names who signed off, compares at least two options, and carries both a
 * calendar revisit trigger and one tied to a condition (scale, cost,
 * compliance…). One finding lists everything missing, on the type marker.
 */
import type { RevisitTrigger } from '../document/model.js';
import { isDatedKind } from '../document/revisit-triggers.js';
import { defineRule } from '../rule-helpers/define-rule.js';
import { optionsConsidered } from '../rule-helpers/options-considered.js';
import { isClosed } from '../rule-helpers/status-lifecycle.js';
import { isUnreadable } from '../rule-helpers/trigger-readability.js';

/** True for triggers that fire on a date or period. */
function isCalendar(t: RevisitTrigger): boolean {
  return isDatedKind(t) || t.category === 'calendar';
}

export const adrType1Rigor = defineRule(
  {
    id: 'adr-type-1-rigor',
    description: 'A Type 1 (one-way door) decision has participants, two options and both kinds of revisit trigger.',
    help: 'Decisions that are costly or impossible to reverse (primary database, public API contract, cloud provider, event schema) deserve sign-off by the people who will operate them, a real comparison of alternatives, a trigger tied to evidence and a calendar review.',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: {
      'missing-rigor': 'Type 1 (one-way door) decision is missing {{missing}}: a decision this costly to reverse needs them',
    },
  },
  ({ doc, config }, report) => {
    const type = doc.decisionType;
    if (!type || type.value !== 'type-1' || doc.language === 'unknown') return;
    const missing: string[] = [];
    if (doc.participants.length === 0) missing.push('the participants who signed off');
    const options = optionsConsidered(doc);
    if (options.count < 2 && !options.unreadable) missing.push('a second option considered');
    // A trigger the parser could not read (no vague phrase either) may be either kind: do not guess.
    const unreadable = doc.triggers.some(isUnreadable);
    if (!isClosed(doc) && !unreadable) {
      const concrete = doc.triggers.filter((t) => t.kind !== 'vague');
      if (!concrete.some((t) => !isCalendar(t))) {
        missing.push('a revisit trigger tied to a condition (e.g. `traffic > 10× baseline`)');
      }
      if (!concrete.some(isCalendar)) {
        missing.push(`a calendar revisit trigger (e.g. every ${config.revisit.type1Default})`);
      }
    }
    if (missing.length === 0) return;
    report('missing-rigor', { missing: listOf(missing) }, { line: type.line, column: type.column });
  },
);

/** "a", "a and b", "a, b and c". */
function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
