import { cueIndexFor, searchCues } from '../review/cue-search.js';
import type { DecisionDoc } from '../document/model.js';
import { isEnglish } from '../review/english-text.js';
import { defineRule } from './define-rule.js';

/** The mistakes of checklists/trade-offs.yml this rule reports (the others belong to other rules or are too noisy). */
const REPORTED = new Set(['only-one-option', 'no-downsides', 'technology-preference']);
/** Prose in an options section that names more choices than its one list item or sub-heading. */
const OTHER_OPTIONS = /\b(?:considered|ruled out|rejected|instead of|compared|versus|vs\.?|do(?:ing)? nothing|status quo|alternatively)\b/i;

/** True when an options section talks about other options in prose ("We considered X and Y, and ruled out Z"). */
function mentionsOtherOptions(doc: DecisionDoc): boolean {
  return doc.sections.some(
    (s) => (s.key === 'options' || s.key === 'alternatives-rejected' || s.key === 'pros-cons') && OTHER_OPTIONS.test(s.text),
  );
}

/** A negation just before a phrase ("it is not true that there are no downsides") withdraws the claim. */
const NEGATION = /(?:\bnot|n't|\bnever|\bwithout claiming)\b/i;

/**
 * True when a negation follows the last sentence stop of `before`: what
 * `/(?:\bnot|…)\b[^.;!?]*$/i` tested, without its scan to the end from every word.
 */
function isNegated(before: string): boolean {
  const stop = Math.max(...['.', ';', '!', '?'].map((c) => before.lastIndexOf(c)));
  return NEGATION.test(before.slice(stop + 1));
}

/**
 * Common trade-off mistakes (domain.md section 5): only one option presented,
 * "no downsides" claimed, a choice argued from technology preference. Each
 * claim is reported with its phrase and line.
 */
export const designTradeOffs = defineRule(
  {
    id: 'design-trade-offs',
    description: 'A design doc avoids the common trade-off mistakes: one option, "no downsides", technology preference.',
    help:
      'Present at least two real options (doing nothing counts); name what the choice gives up ("we give up X in ' +
      'exchange for Y"), since every real choice has a cost; argue from fit with the problem, not from popularity ' +
      'or taste.',
    appliesTo: ['design-doc'],
    defaultSeverity: 'warn',
    scope: 'document',
  },
  (ctx, report) => {
    const { doc, checklists } = ctx;
    if (!isEnglish(doc)) return;
    const mistakes = checklists.mistakes.filter((m) => REPORTED.has(m.id));
    const text = new Map(mistakes.map((m) => [m.id, m.text]));

    if (doc.options.length === 1 && !mentionsOtherOptions(doc)) {
      const only = doc.options[0]!;
      report(`Unexpected single option "${only.name}": ${text.get('only-one-option') ?? 'add at least one real alternative; doing nothing counts.'}`, {
        line: only.line,
        column: only.column,
      });
    }

    const index = cueIndexFor(checklists.mistakes, 'mistakes', () =>
      checklists.mistakes.filter((m) => REPORTED.has(m.id)).map((m) => ({ owner: m.id, cues: m.phrases })),
    );
    const seen = new Set<string>();
    searchCues(doc, index, (hit) => {
      // With options listed, "no alternative to X" is prose, not a claim that only one option exists.
      if (hit.owner === 'only-one-option' && doc.options.length > 0) return;
      if (isNegated(hit.before)) return;
      const key = `${hit.owner}:${hit.line}`;
      if (seen.has(key)) return;
      seen.add(key);
      const label = hit.owner === 'technology-preference' ? 'technology-preference argument' : 'claim';
      report(`Unexpected ${label} "${hit.text}": ${text.get(hit.owner) ?? ''}`.trim(), { line: hit.line });
    });
  },
);
