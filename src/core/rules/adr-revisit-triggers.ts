/**
 * adr-revisit-triggers: an ADR says when it should be reopened, as concrete,
 * checkable conditions (a threshold with a unit, a date, a period). Real
 * records almost never do, so the check asks once per record, with a
 * ready-to-paste section, and never asks a closed decision (rejected,
 * superseded, deprecated, withdrawn, reverted). Each vague trigger ("when we
 * grow") is reported with its phrase, and a revisit date no calendar holds
 * (`2027-02-30`) is reported where it is written: it would never fire.
 */
import { decisionDay } from '../document/dates.js';
import { impossibleDateAdvice } from '../document/trigger-calendar.js';
import type { TriggerCategory } from '../document/model.js';
import { headingMarkdown, sectionsWith, titleLine } from '../rule-helpers/adr-sections.js';
import { defineRule } from '../rule-helpers/define-rule.js';
import { isClosed } from '../rule-helpers/status-lifecycle.js';
import { isKnownVague } from '../rule-helpers/trigger-readability.js';

/** A checkable condition per category, for the vague-trigger message. */
const EXAMPLES: Record<TriggerCategory, string> = {
  scale: 'traffic > 10× baseline',
  team: 'team > 15 engineers',
  cost: 'monthly spend > $50,000',
  compliance: 'we enter PCI-DSS scope',
  performance: 'p99 > 300 ms for 3 weeks',
  technology: 'the dependency reaches end of life',
  calendar: 'every 6 months',
  organizational: 'the owning team changes',
};

/** `iso` plus a duration such as `6 months` (UTC calendar arithmetic), or undefined when either is unreadable. */
export function addDuration(iso: string, duration: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const m = /^\s*(\d+)\s*(day|week|month|year)s?\s*$/i.exec(duration);
  if (!d || !m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  if (unit === 'day') date.setUTCDate(date.getUTCDate() + n);
  else if (unit === 'week') date.setUTCDate(date.getUTCDate() + 7 * n);
  else if (unit === 'month') date.setUTCMonth(date.getUTCMonth() + n);
  else date.setUTCFullYear(date.getUTCFullYear() + n);
  return date.toISOString().slice(0, 10);
}

export const adrRevisitTriggers = defineRule(
  {
    id: 'adr-revisit-triggers',
    description: 'An ADR names concrete conditions under which it will be revisited.',
    help: 'Without revisit triggers a decision becomes permanent by inertia. Write checkable conditions in the record: a threshold with a unit ("traffic > 10× baseline", "spend > $8,000/month"), a date, or a period from the decision date ("6 months").',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: {
      'impossible-date': 'Revisit date {{advice}}; until then no reminder falls due',
      'vague-trigger': 'Vague revisit trigger `{{phrase}}`: write a checkable condition such as `{{example}}` or {{alternative}}',
      'empty-section': 'Empty `{{heading}}` section: write at least one checkable condition (a threshold with a unit, a date, or a period such as `{{period}}`)',
      'no-triggers': 'No revisit triggers: add a `{{heading}}` section with at least one checkable condition (a threshold with a unit, a date, or a period such as `{{period}}`)',
    },
  },
  ({ doc, config, today }, report) => {
    if (isClosed(doc)) return;
    // A `TBD` trigger is a template leftover, reported by `adr-placeholders`.
    const placeholderLines = new Set(doc.placeholders.map((p) => p.line));
    for (const t of doc.triggers) {
      if (t.impossibleDate) {
        // A date no calendar holds can never fire: the reminder would silently never come.
        const { value, line, column } = t.impossibleDate;
        report('impossible-date', { advice: impossibleDateAdvice(value) }, { line, column });
        continue;
      }
      // Only a known vague phrase is judged: a trigger the parser could not read may be concrete.
      if (!isKnownVague(t) || placeholderLines.has(t.line)) continue;
      const phrase = t.vaguePhrase.trim();
      const example = t.category ? EXAMPLES[t.category] : EXAMPLES.scale;
      const alternative = t.category === 'calendar' ? 'a date such as 2027-05-01' : 'a date';
      report(
        'vague-trigger',
        { phrase, example, alternative },
        t.vagueAt ?? { line: t.line, column: t.column },
      );
    }
    if (doc.triggers.length > 0 || doc.language === 'unknown') return;
    const sections = sectionsWith(doc, 'revisit');
    // Triggers written as prose the parser could not read: do not ask for what is there.
    if (sections.some((s) => !s.empty)) return;
    const heading = headingMarkdown(doc, 'revisit');
    const period = config.revisit.defaultCalendar;
    const decided = decisionDay(doc.date, today);
    const due = decided ? addDuration(decided, period) : undefined;
    const calendar = due
      ? `- Calendar: revisit on ${due} (decision date + ${period})`
      : `- Calendar: revisit by <date, e.g. decision date + ${period}>`;
    const section = sections[0];
    report(
      section ? 'empty-section' : 'no-triggers',
      { heading: section ? section.heading : heading, period },
      section ? { line: section.line, column: section.column } : { line: titleLine(doc) },
      `${section ? '' : `${heading}\n\n`}${calendar}\n- Scale: …\n`,
    );
  },
);
