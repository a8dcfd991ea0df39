import { cueIndexFor, searchCues } from '../rule-helpers/cue-search.js';
import { headingHasPhrase } from '../rule-helpers/design-headings.js';
import type { DecisionDoc, Section, SectionKey } from '../document/model.js';
import { isEnglish } from '../rule-helpers/english-text.js';
import { trimEndMatching } from '../document/trim-chars.js';
import { defineRule } from '../rule-helpers/define-rule.js';

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

/** A top-level list item line (`- x`, `* x`, `1. x`). */
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/;

/**
 * True when a section lists two or more entries: sub-sections one level down,
 * or top-level list items before its first sub-section. Cached per section, as
 * several cue hits may sit in one section.
 */
function listsSeveral(doc: DecisionDoc, index: number, lines: string[], cache: Map<number, boolean>): boolean {
  const cached = cache.get(index);
  if (cached !== undefined) return cached;
  const section = doc.sections[index]!;
  let childDepth = Infinity;
  let children = 0;
  let firstChild = section.endLine + 1;
  for (let i = index + 1; i < doc.sections.length && doc.sections[i]!.line <= section.endLine && children < 2; i++) {
    const child = doc.sections[i]!;
    if (child.depth <= section.depth) break;
    firstChild = Math.min(firstChild, child.line);
    if (child.depth < childDepth) {
      childDepth = child.depth;
      children = 1;
    } else if (child.depth === childDepth) children += 1;
  }
  let items = 0;
  for (let line = section.line + 1; line < firstChild && children < 2 && items < 2; line++) {
    if (LIST_ITEM.test(lines[line - 1] ?? '')) items += 1;
  }
  const several = children >= 2 || items >= 2;
  cache.set(index, several);
  return several;
}

/**
 * True when a hit stands inside a list of several alternatives or options:
 * "the only option for X today is Y" written in one of them describes a
 * workaround, since the list itself presents more than one option.
 */
function isInsideSeveralOptions(doc: DecisionDoc, index: number, lines: string[], cache: Map<number, boolean>): boolean {
  return enclosing(doc, index).some((s) => {
    const at = doc.sections.indexOf(s);
    const isList = s.key === 'options' || s.key === 'alternatives-rejected' || headingHasPhrase(s.heading, ALTERNATIVES_HEADINGS);
    return isList && listsSeveral(doc, at, lines, cache);
  });
}

/** A hedge just before "no drawbacks": "few-to-no", "little to no", "almost no". */
const HEDGE = /\b(?:few|little|almost|nearly|virtually|practically|next)$/i;
/** A contrast that goes on to name a cost: "However, …", "but …", "except …". */
const CONTRAST = /\b(?:however|but|except|although|though|that said|yet)\b/i;
/** How far after a claim its own and the next sentence are looked for. */
const CONTRAST_WINDOW = 400;

/** True when `before` (the text before the cue on its line) ends with a hedge word, with an optional "to" (`few-to-`, `little to `). */
function isHedged(before: string): boolean {
  let text = trimEndMatching(before, /[\s-]/);
  if (/(?:^|[\s-])to$/i.test(text)) text = trimEndMatching(text.slice(0, -2), /[\s-]/);
  return HEDGE.test(text);
}

/**
 * True when the claim's sentence or the next one turns to a cost ("This has
 * few-to-no drawbacks. However, …"): the text after the cue, to the end of the
 * paragraph and at most two sentence stops, has a contrast word.
 */
function contrastFollows(lines: string[], line: number, from: number): boolean {
  let text = (lines[line - 1] ?? '').slice(from).trimEnd();
  for (let i = line; i < lines.length && text.length < CONTRAST_WINDOW && (lines[i] ?? '').trim() !== ''; i++) text += ` ${lines[i]!.trim()}`;
  text = text.slice(0, CONTRAST_WINDOW);
  let stops = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ((ch === '.' || ch === '!' || ch === '?' || ch === ';') && (i + 1 === text.length || text[i + 1] === ' ')) {
      stops += 1;
      if (stops === 2) {
        end = i;
        break;
      }
    }
  }
  return CONTRAST.test(text.slice(0, end));
}

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
    messages: {
      // The advice is the mistake's text in checklists/design-review.yml.
      'single-option': 'Unexpected single option "{{name}}": {{advice}}',
      claim: 'Unexpected claim "{{phrase}}": {{advice}}',
      'technology-preference': 'Unexpected technology-preference argument "{{phrase}}": {{advice}}',
    },
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
        report('single-option', { name: only.name, advice: text.get('only-one-option') ?? 'add at least one real alternative; doing nothing counts.' }, { line: only.line, column: only.column });
      }
    }

    const index = cueIndexFor(checklists.mistakes, 'mistakes', () =>
      checklists.mistakes.filter((m) => REPORTED.has(m.id)).map((m) => ({ owner: m.id, cues: m.phrases })),
    );
    const seen = new Set<string>();
    const several = new Map<number, boolean>();
    let lines: string[] | undefined;
    searchCues(doc, index, (hit) => {
      // With options listed, "no alternative to X" is prose, not a claim that only one option exists.
      if (hit.owner === 'only-one-option' && doc.options.length > 0) return;
      if (hit.heading || isNegated(hit.before) || !isClaimPlace(doc, hit.section, hit.owner)) return;
      lines ??= source.split('\n');
      if (hit.owner === 'only-one-option' && isInsideSeveralOptions(doc, hit.section, lines, several)) return;
      const lineText = lines[hit.line - 1] ?? '';
      const at = lineText.toLowerCase().indexOf(hit.text.toLowerCase());
      if (at >= 0 && ABOUT_NOT_DOING.test(lineText.slice(at + hit.text.length, at + hit.text.length + 20))) return;
      // "Few-to-no drawbacks. However, <a cost>" names a cost at once: a hedge, not a claim.
      if (hit.owner === 'no-downsides' && isHedged(hit.before) && contrastFollows(lines, hit.line, at >= 0 ? at + hit.text.length : 0)) return;
      const key = `${hit.owner}:${hit.line}`;
      if (seen.has(key)) return;
      seen.add(key);
      report(hit.owner === 'technology-preference' ? 'technology-preference' : 'claim', { phrase: hit.text, advice: text.get(hit.owner) ?? '' }, { line: hit.line });
    });
  },
);
