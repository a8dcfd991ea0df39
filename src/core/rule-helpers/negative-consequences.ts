/**
 * What a record gives up: negative consequences, trade-off statements and
 * "no downsides" claims. Shared by `adr-consequences` (the section is there,
 * and makes no such claim) and `adr-trade-offs` (something is given up), so the
 * two checks agree on what counts and never report the same gap twice.
 */
import type { Checklists } from '../checklists/types.js';
import type { DecisionDoc, Section } from '../document/model.js';
import { sectionsWith } from './adr-sections.js';
import { anyPhrasePattern, phrasePattern, proseLines, type SourceLine } from './source-lines.js';

/**
 * Words that state a cost (English and French). Deliberately broad: they only
 * ever silence a finding, so a loose match errs on the quiet side.
 */
const NEGATIVE_CUES = anyPhrasePattern([
  'bad, because',
  'bad because',
  'bad:',
  'con:',
  'cons:',
  'negative',
  'negatively',
  'downside',
  'downsides',
  'drawback',
  'drawbacks',
  'disadvantage',
  'disadvantages',
  'cost',
  'costs',
  'costly',
  'expensive',
  'risk',
  'risks',
  'risky',
  'we give up',
  'give up',
  'in exchange for',
  'at the cost of',
  'at the expense of',
  'trade-off',
  'trade-offs',
  'tradeoff',
  'tradeoffs',
  'harder',
  'hard to',
  'difficult',
  'slower',
  'slow',
  'slows',
  'must',
  'maintain',
  'maintenance',
  'operational',
  'fragile',
  'brittle',
  'error-prone',
  'bottleneck',
  'single point of failure',
  'outage',
  'downtime',
  'breaking',
  'duplication',
  'vendor',
  'dependency on',
  'depend on',
  'depends on',
  'adds',
  'extra',
  'needs',
  'effort',
  'toil',
  'churn',
  'painful',
  'tedious',
  'manual',
  'however',
  'but',
  'although',
  'unfortunately',
  'caveat',
  'fewer',
  'less',
  'more complex',
  'complexity',
  'complicated',
  'complication',
  'complications',
  'problematic',
  'lack of',
  'lacks',
  'lacking',
  'overhead',
  'burden',
  'penalty',
  'limitation',
  'limitations',
  'lock-in',
  'learning curve',
  'worse',
  'lose',
  'loses',
  'losing',
  'loss of',
  'no longer',
  'cannot',
  'impossible',
  // What the record retires is what it gives up ("the push API will be deprecated").
  'deprecated',
  'deprecate',
  "can't",
  'must now',
  'will need to',
  'we will have to',
  'need to',
  'needs to',
  'have to',
  'has to',
  'requires',
  'required',
  'additional',
  'increased',
  'increases',
  'mauvais, parce que',
  'mauvais, car',
  'négatif',
  'négative',
  'négatives',
  'inconvénient',
  'inconvénients',
  'coût',
  'coûts',
  'risque',
  'risques',
  'plus complexe',
  'plus lent',
  'plus difficile',
  'compromis',
]);

/**
 * Words that name a cost even beside a "no downsides" phrase on the same line
 * ("no risks to data, but releases get slower"). Narrower than the cues above:
 * "no longer" or "must" next to "no downsides" do not retract the claim.
 */
const RETRACTING_CUES = anyPhrasePattern([
  'but',
  'however',
  'except',
  'although',
  'bad, because',
  'downside',
  'drawback',
  'cost',
  'costs',
  'slower',
  'harder',
  'more complex',
  'we give up',
  'in exchange for',
  'at the expense of',
  'lose',
  'mais',
  'sauf',
]);

/** Sections where the record says what the decision costs. */
const COST_KEYS = ['consequences', 'negative-consequences', 'trade-offs', 'risks'] as const;

/** Sections that state the decision: a cost named there in plain words counts for `adr-trade-offs`. */
const DECISION_KEYS = ['decision', 'rationale'] as const;

/** Sub-sections of a decision that weigh other options or restate the problem: their costs are not the decision's. */
const NOT_DECISION_KEYS = ['context', 'drivers', 'constraints', 'options', 'alternatives-rejected', 'pros-cons'] as const;

/**
 * A cost named outright: "this creates a limitation", "an acceptable
 * trade-off", "after this breaking change", "one drawback is". Far narrower
 * than NEGATIVE_CUES, because a decision's text is full of "must" and "needs"
 * that describe the design, not what it gives up.
 */
const NAMED_COST =
  /(?<![\p{L}\p{N}-])(?:limitations?|drawbacks?|downsides?|disadvantages?|shortcomings?|trade-?offs?|trade\soffs?|breaking\s+changes?|breaks?\s+(?:backwards?[\s-])?compatibility|backwards?[\s-]incompatible|we\s+(?:will\s+|would\s+)?lose|we\s+give\s+up|at\s+the\s+(?:cost|expense)\s+of)(?![\p{L}\p{N}])/giu;

/**
 * A word that, shortly before a named cost, says the decision does not pay it:
 * negated or hypothetical ("not a breaking change", "would be a breaking
 * change", "without any drawback"), avoided or removed ("removes the
 * limitation"), or the state before the decision ("the current limitation").
 */
const NOT_PAID =
  /^(?:no|not|non|none|without|never|any|would|could|if|existing|previous|old|legacy|avoid\w*|prevent\w*|minimi[sz]\w*|reduc\w*|remov\w*|overc[oa]m\w*|eliminat\w*|check\w*|detect\w*|fix\w*|solv\w*|address\w*|current\w*|lift\w*|\w*n['’]t)$/i;

/** How many words before a named cost are read for a NOT_PAID word. */
const NOT_PAID_WINDOW = 6;

/** True when a line names a cost the decision pays (NAMED_COST, with no NOT_PAID word just before it in its sentence). */
export function namesCost(text: string): boolean {
  NAMED_COST.lastIndex = 0;
  for (let m = NAMED_COST.exec(text); m; m = NAMED_COST.exec(text)) {
    // A bounded look-back keeps a long line with many matches linear.
    const sentence = text.slice(Math.max(0, m.index - 200), m.index).split(/[.!?;:](?:\s|$)/).pop() ?? '';
    const words = sentence
      .split(/\s+/)
      .filter((w) => w !== '')
      .slice(-NOT_PAID_WINDOW)
      .map((w) => w.replace(/[*_`"“”()[\],]/g, ''));
    if (!words.some((w) => NOT_PAID.test(w))) return true;
  }
  return false;
}

/** Sections whose every real line is a cost by its heading ("Negative consequences", "Risks"). */
const COST_ONLY_KEYS = ['negative-consequences', 'trade-offs', 'risks'] as const;

/** A "no downsides"-style claim: the phrase and where it was written. */
export interface NoDownsideClaim extends SourceLine {
  phrase: string;
}

/** True when a line says something of its own, not only template guidance or a TODO. */
function hasWords(text: string): boolean {
  const rest = text
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\[[^[\]]*\]/g, ' ')
    .replace(/\b(?:TODO|TBD|TBA|FIXME|N\/A|none|aucun|aucune)\b/gi, ' ');
  return /[\p{L}\p{N}]{2,}/u.test(rest);
}

/** True when a line states a cost. */
function statesCost(text: string): boolean {
  return NEGATIVE_CUES.test(text);
}

/** Source lines of the sections' content (headings excluded), from `proseLines(source)` (computed on demand). */
function contentLines(prose: () => SourceLine[], sections: Section[]): SourceLine[] {
  if (sections.length === 0) return [];
  const seen = new Set<number>();
  const lines: SourceLine[] = [];
  for (const s of sections) {
    // Line n is prose[n - 1]: the lines after the heading up to the section's end.
    for (const l of prose().slice(s.line, Math.max(s.line, s.endLine))) {
      if (seen.has(l.line) || /^\s{0,3}#/.test(l.text)) continue;
      seen.add(l.line);
      lines.push(l);
    }
  }
  return lines.sort((a, b) => a.line - b.line);
}

type Mistake = Checklists['mistakes'][number];
const claimPatternCache = new WeakMap<Mistake, { any: RegExp; patterns: { phrase: string; re: RegExp }[] }>();

/** The `no-downsides` phrases compiled once per checklist (checklists are loaded once per review). */
function claimPatterns(mistake: Mistake): { any: RegExp; patterns: { phrase: string; re: RegExp }[] } {
  let compiled = claimPatternCache.get(mistake);
  if (!compiled) {
    compiled = {
      any: anyPhrasePattern(mistake.phrases),
      patterns: mistake.phrases.map((phrase) => ({ phrase, re: phrasePattern(phrase) })),
    };
    claimPatternCache.set(mistake, compiled);
  }
  return compiled;
}

/**
 * Phrases that claim "no downsides" in any section ("this has no drawbacks" in
 * the Decision). The others ("none identified", "no risks") are claims only
 * where costs are listed: elsewhere they answer other questions.
 */
const CLAIM_ANYWHERE = /downside|drawback|trade-?\s?offs?|disadvantage|negative consequence|\bcons\b/i;

/** The claims of the checklist mistake `no-downsides` on the given lines (`anywhere`: only phrases that claim it in any section). */
function claimsIn(lines: SourceLine[], checklists: Checklists, anywhere = false): NoDownsideClaim[] {
  const mistake = checklists.mistakes.find((m) => m.id === 'no-downsides');
  if (!mistake) return [];
  const { any, patterns } = claimPatterns(mistake);
  const claims: NoDownsideClaim[] = [];
  for (const l of lines) {
    // One test rules out most lines; the phrase list then says which phrase came first.
    if (!any.test(l.text)) continue;
    const hit = patterns.find((p) => p.re.test(l.text));
    if (!hit || (anywhere && !CLAIM_ANYWHERE.test(hit.phrase))) continue;
    // "No risks to existing data, but migration is slower" names a cost after all.
    const rest = patterns.reduce((text, p) => text.replace(new RegExp(p.re.source, 'giu'), ' '), l.text);
    if (RETRACTING_CUES.test(rest)) continue;
    claims.push({ ...l, phrase: hit.phrase });
  }
  return claims;
}

/** What the record says it gives up. */
export interface CostStatements {
  /** True when a negative consequence, a trade-off or a risk is stated anywhere it counts. */
  statesCost: boolean;
  /**
   * True when the Decision (or Rationale) names a cost outright ("this creates
   * a limitation", "an acceptable trade-off", "after this breaking change").
   * It answers `adr-trade-offs`; it is not a consequences section, so
   * `adr-consequences` does not read it.
   */
  namedInDecision: boolean;
  /** "No downsides" claims, reported only when nothing else states a cost. */
  claims: NoDownsideClaim[];
}

/**
 * Read the costs a record states: trade-off statements, non-empty
 * negative-consequences / trade-offs / risks sections, "Bad, because" items in
 * pros and cons, and cost words in the consequences. A line that makes a
 * "no downsides" claim does not count as stating a cost.
 */
export function readCosts(doc: DecisionDoc, source: string, checklists: Checklists): CostStatements {
  // adr-consequences and adr-trade-offs both ask, on the same document: read once.
  const cached = costCache.get(doc);
  if (cached && cached.source === source && cached.checklists === checklists) return cached.costs;
  const costs = computeCosts(doc, source, checklists);
  costCache.set(doc, { source, checklists, costs });
  return costs;
}

const costCache = new WeakMap<DecisionDoc, { source: string; checklists: Checklists; costs: CostStatements }>();

/** Cheap test before splitting the whole source: could any line claim it? */
function mentionsNoDownside(source: string): boolean {
  return /downside|drawback|trade-?\s?off|disadvantage|negative consequence|\bcons\b/i.test(source);
}

/** The last line of a front matter block that starts the file (0 when none). */
function frontMatterEnd(lines: SourceLine[]): number {
  if (!/^(?:---|\+\+\+)\s*$/.test(lines[0]?.text ?? '')) return 0;
  const end = lines.findIndex((l, i) => i > 0 && /^(?:---|\+\+\+|\.\.\.)\s*$/.test(l.text));
  return end === -1 ? 0 : end + 1;
}

function computeCosts(doc: DecisionDoc, source: string, checklists: Checklists): CostStatements {
  // Split and blanked once, only when a section asks for it.
  let all: SourceLine[] | undefined;
  const prose = (): SourceLine[] => (all ??= proseLines(source));
  const lines = contentLines(prose, sectionsWith(doc, ...COST_KEYS));
  const costLines = new Set(lines.map((l) => l.line));
  // "No downsides" is a claim wherever it stands, not only under Consequences.
  let elsewhere: SourceLine[] = [];
  if (mentionsNoDownside(source)) {
    const bodyStart = doc.frontMatterLine !== undefined ? frontMatterEnd(prose()) : 0;
    elsewhere = prose().filter((l) => !costLines.has(l.line) && l.line > bodyStart && !/^\s{0,3}#/.test(l.text));
  }
  const claims = [...claimsIn(lines, checklists), ...claimsIn(elsewhere, checklists, true)].sort((a, b) => a.line - b.line);
  const claimLines = new Set(claims.map((c) => c.line));
  const counts = (l: SourceLine): boolean => !claimLines.has(l.line) && hasWords(l.text);
  let states = doc.tradeOffs.length > 0;
  if (!states) {
    states = contentLines(prose, sectionsWith(doc, ...COST_ONLY_KEYS)).some(counts);
  }
  if (!states) {
    states = lines.some((l) => counts(l) && statesCost(l.text));
  }
  if (!states) {
    // Pros and cons of the options: the chosen option's "Bad, because" items are its costs.
    const prosCons = contentLines(prose, sectionsWith(doc, 'pros-cons'));
    states = prosCons.some((l) => /\b(?:bad|cons?|weak|mauvais)\b/i.test(l.text) || statesCost(l.text));
  }
  const namedInDecision = !states && decisionLines(prose, doc).some((l) => namesCost(l.text));
  return { statesCost: states, namedInDecision, claims: states ? [] : claims };
}

/** Content lines of the decision sections, without their option, context or pros-and-cons sub-sections. */
function decisionLines(prose: () => SourceLine[], doc: DecisionDoc): SourceLine[] {
  const others = new Set(contentLines(prose, sectionsWith(doc, ...NOT_DECISION_KEYS)).map((l) => l.line));
  return contentLines(prose, sectionsWith(doc, ...DECISION_KEYS)).filter((l) => !others.has(l.line));
}
