import { cueIndexFor, searchCues } from '../review/cue-search.js';
import { headingHasPhrase } from '../review/design-headings.js';
import type { DecisionDoc, Section, SectionKey } from '../document/model.js';
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

/**
 * Where each kind of claim is a claim about this design's choice. Elsewhere
 * the same words describe something else: "the only option for IPI
 * deployments is …" in a background, "no industry standard library exists"
 * in a risk, "right now the only option is `Job`" in a field table.
 */
const CLAIM_PLACES: Readonly<Record<string, { keys: readonly SectionKey[]; headings: readonly string[] }>> = {
  'no-downsides': {
    keys: ['trade-offs', 'negative-consequences', 'consequences', 'risks', 'pros-cons'],
    headings: ['trade offs', 'tradeoffs', 'drawbacks', 'downsides', 'disadvantages', 'risks', 'mitigations', 'consequences', 'cons', 'limitations', 'caveats'],
  },
  'only-one-option': {
    keys: ['options', 'alternatives-rejected', 'pros-cons', 'rationale'],
    headings: ['alternatives', 'alternative', 'options', 'rationale', 'prior art', 'considered'],
  },
  'technology-preference': {
    keys: ['options', 'alternatives-rejected', 'pros-cons', 'rationale', 'decision'],
    headings: ['alternatives', 'options', 'rationale', 'why', 'justification', 'decision'],
  },
};

/** Headings over a list of alternatives to the proposal: one entry there is the second option, not the only one. */
const ALTERNATIVES_HEADINGS = ['alternatives', 'alternative', 'rejected', 'other options', 'other approaches', 'prior art'];

/** True when a section (or a section containing it) is a place where the claim is about the choice. */
function isClaimPlace(doc: DecisionDoc, index: number, owner: string): boolean {
  const place = CLAIM_PLACES[owner];
  if (!place) return true;
  const section = doc.sections[index];
  if (!section) return false;
  for (const s of enclosing(doc, index)) {
    if ((s.key !== null && place.keys.includes(s.key)) || headingHasPhrase(s.heading, place.headings)) return true;
  }
  return false;
}

/** The section at `index` and the sections that contain it, innermost first. */
function enclosing(doc: DecisionDoc, index: number): Section[] {
  const out: Section[] = [];
  const inner = doc.sections[index]!;
  out.push(inner);
  let depth = inner.depth;
  for (let i = index - 1; i >= 0 && depth > 1; i--) {
    const s = doc.sections[i]!;
    if (s.depth < depth && s.endLine >= inner.line) {
      out.push(s);
      depth = s.depth;
    }
  }
  return out;
}

/** The section that holds a line (the innermost one). */
function sectionAt(doc: DecisionDoc, line: number): number {
  let found = -1;
  doc.sections.forEach((s, i) => {
    if (s.line <= line && s.endLine >= line) found = i;
  });
  return found;
}

/** A negation just before a phrase ("it is not true that there are no downsides") withdraws the claim. */
const NEGATION = /(?:\bnot|n't|\bnever|\bwithout claiming)\b/i;
/** "No drawbacks to not doing it" argues for doing it: not a claim that the choice costs nothing. */
const ABOUT_NOT_DOING = /^\s*(?:to|of|in|from)\s+(?:not|never)\b/i;

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
 * claim is reported with its phrase and line, when it stands where the
 * document argues its choice (its trade-offs, drawbacks, options, rationale).
 */
export const designTradeOffs = defineRule(
  {
    id: 'design-trade-offs',
    description: 'A design doc avoids the common trade-off mistakes: one option, "no downsides", technology preference.',
    help:
      'Present at least two real options (doing nothing counts); name what the choice gives up ("we give up X in ' +
      'exchange for Y"), since every real choice has a cost; argue from fit with the problem, not from popularity ' +
      'or taste. An "Alternatives" section with one entry is fine: the proposal is the other option.',
    appliesTo: ['design-doc'],
    defaultSeverity: 'warn',
    scope: 'document',
  },
  (ctx, report, source) => {
    const { doc, checklists } = ctx;
    if (!isEnglish(doc)) return;
    const mistakes = checklists.mistakes.filter((m) => REPORTED.has(m.id));
    const text = new Map(mistakes.map((m) => [m.id, m.text]));

    const only = doc.options.length === 1 ? doc.options[0]! : undefined;
    if (only && !mentionsOtherOptions(doc) && !/^(?:https?:|<?www\.)/i.test(only.name)) {
      // Under "Alternatives", the one entry is the alternative to the proposal: two options.
      const at = sectionAt(doc, only.line);
      const underAlternatives = at >= 0 && enclosing(doc, at).some((s) => headingHasPhrase(s.heading, ALTERNATIVES_HEADINGS));
      if (!underAlternatives) {
        report(`Unexpected single option "${only.name}": ${text.get('only-one-option') ?? 'add at least one real alternative; doing nothing counts.'}`, {
          line: only.line,
          column: only.column,
        });
      }
    }

    const index = cueIndexFor(checklists.mistakes, 'mistakes', () =>
      checklists.mistakes.filter((m) => REPORTED.has(m.id)).map((m) => ({ owner: m.id, cues: m.phrases })),
    );
    const seen = new Set<string>();
    let lines: string[] | undefined;
    searchCues(doc, index, (hit) => {
      // With options listed, "no alternative to X" is prose, not a claim that only one option exists.
      if (hit.owner === 'only-one-option' && doc.options.length > 0) return;
      if (hit.heading || isNegated(hit.before) || !isClaimPlace(doc, hit.section, hit.owner)) return;
      lines ??= source.split('\n');
      const lineText = lines[hit.line - 1] ?? '';
      const at = lineText.toLowerCase().indexOf(hit.text.toLowerCase());
      if (at >= 0 && ABOUT_NOT_DOING.test(lineText.slice(at + hit.text.length, at + hit.text.length + 20))) return;
      const key = `${hit.owner}:${hit.line}`;
      if (seen.has(key)) return;
      seen.add(key);
      const label = hit.owner === 'technology-preference' ? 'technology-preference argument' : 'claim';
      report(`Unexpected ${label} "${hit.text}": ${text.get(hit.owner) ?? ''}`.trim(), { line: hit.line });
    });
  },
);
