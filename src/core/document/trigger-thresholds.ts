/**
 * Recognises the checkable, non-calendar part of a revisit trigger:
 *
 * - a numeric threshold: a comparison with a number ("p99 > 500 ms", "monthly
 *   spend exceeds $50K", "more than 5,000 TPS", "vendor price +20%", "traffic
 *   doubles", "10× baseline");
 * - a named event someone can check ("when we enter PCI-DSS scope", "when
 *   PostgreSQL 18 reaches end of life", "on acquisition or reorg", "if the
 *   domain expert leaves", "a new managed service fits the need");
 * - in looser words, read only when no known vague phrase is present
 *   (`findNamedEvent`): "a managed session service appears", "if Redis can no
 *   longer keep up", a named product.
 *
 * French MADR comparisons ("dépasse 5 000 €", "supérieur à 300 ms") are read too.
 * Both count as kind `threshold`: domain.md calls a trigger concrete when a
 * person or a monitor can tell whether it happened. A named standard, an
 * end-of-life date, a reorg or a person leaving are facts on a given day, even
 * without a number; `vague` is kept for conditions nobody can check ("when we
 * grow", "if performance becomes an issue").
 *
 * Every pattern is linear: bounded repetitions, no nested quantifiers, and
 * `.{0,n}` gaps only between literal words.
 */
import type { TriggerCategory } from './model.js';

/** What made a trigger concrete, with the category the match implies (a fallback when no cue matched). */
export interface ConcreteMatch {
  /** The matched text, lower-case. */
  match: string;
  /** Category the match itself implies, when it implies one. */
  category?: TriggerCategory;
  kind: 'comparison' | 'event';
}

// A number as written in triggers: digits ("5,000", "1.5", "$50K", "~10") or a
// number word ("more than one team", "exceeds a million users").
const NUMBER =
  '(?:[~≈]\\s?)?[$€£]?\\s?(?:\\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|thousand|million|billion|a\\s(?:dozen|hundred|thousand|million|billion)|double|twice)\\b)';

// French comparison words (the French MADR template is common enough to read its triggers).
const FRENCH_COMPARISON =
  "d[ée]pass(?:e|ent|era|eront|ée?s?)|exc[èe]de(?:nt)?|(?:sup[ée]rieur|inf[ée]rieur)e?s?\\s[àa]|plus\\sde|moins\\sde|au-del[àa]\\sde|au-dessus\\sde|en\\s?dessous\\sde|au\\smoins|atteint|atteignent|franchit";

// Symbol comparisons. "->", "=>" and "-->" are arrows and comment ends, not comparisons.
const SYMBOL_COMPARISON = new RegExp(`(?<![-=<>])(?:>=?|<=?|≥|≤)\\s{0,3}${NUMBER}`, 'i');

// Word comparisons: "exceeds $50K", "above 1%", "drops below 70 %", "more than 5,000 TPS", "at 1M users";
// in French MADR, "dépasse 5 000 €", "supérieur à 500 ms", "plus de 10 équipes".
const WORD_COMPARISON = new RegExp(
  `\\b(?:${FRENCH_COMPARISON}|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|above|over|under|below|beyond|past|(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger)\\sthan|at\\s(?:least|most)|reach(?:es|ed|ing)?|hit(?:s|ting)?|top(?:s|ping)?|at|(?:goes|go|grows?|rises?|increases?|climbs?|jumps?|spikes?)(?:\\s(?:to|past|beyond|above|over|by))?|(?:drops?|falls?|decreases?|declines?|shrinks?|dips?)(?:\\s(?:to|below|under|by))?)\\s{1,3}(?:the\\s|a\\s|an\\s)?${NUMBER}`,
  'i',
);

// A count reached: "once we have 3 customers", "when there are more than 5 teams".
const COUNT_CONDITION = new RegExp(
  `\\b(?:if|when|once|until|after)\\s(?:we|they|it|there|the team)\\s(?:have|has|are|is|get|gets|see|sees|onboard|hit|hits)\\s(?:more than\\s|over\\s|at least\\s)?${NUMBER}`,
  'i',
);

// Relative change: "vendor price +20%", "-15 % throughput", "3x the baseline", "ten times", "doubles".
const RELATIVE_CHANGE =
  /(?<![\w.])[+-]\s?\d{1,4}(?:[.,]\d{1,3})?\s?%|(?<![\w.,])\d{1,4}(?:\.\d{1,2})?\s?(?:x|×|-?fold)(?![\p{L}\p{N}])|\b(?:two|three|four|five|ten|hundred)(?:\s|-)(?:times|fold)\b|\b(?:doubles?|doubled|doubling|triples?|tripled|tripling|quadruples?|halves|halved)\b/iu;

interface EventPattern {
  re: RegExp;
  category?: TriggerCategory;
}

// Named, checkable events, grouped by the category they imply.
const EVENTS: EventPattern[] = [
  {
    // A named standard or regime: entering its scope is a fact on a given day.
    re: /\b(?:hipaa|pci(?:[- ]?dss)?|gdpr|ccpa|soc\s?[12]|iso\s?27001|fedramp|hitrust|sox|nis\s?2|data residency|residency (?:law|rule|requirement)s?|data sovereignty|audit finding|(?:an?|the) audit)\b/i,
    category: 'compliance',
  },
  {
    // Lifecycle of a named dependency: end of life, deprecation, major version, release.
    re: /\b(?:end[- ]of[- ](?:life|support)|eol|deprecat(?:ed|es|ion)|sunset(?:s|ted)?|unmaintained|no longer (?:maintained|supported)|archived|abandoned|relicens(?:ed|es|ing)|licen[cs]e change|breaking (?:change|release|major)s?|(?:new )?major version|(?:is|gets|are|becomes?|goes) (?:released|stable|ga|generally available)|reaches? (?:ga|general availability|lts)|cve|security advisory)\b/i,
    category: 'technology',
  },
  {
    // "a new managed service fits the need", "a new offering covers this".
    re: /\bnew\b.{0,40}?\b(?:fits?|meets?|covers?|supports?|replaces?|becomes? available|is available|launch(?:es)?)\b/i,
    category: 'technology',
  },
  {
    re: /\b(?:re-?orgs?|re-?organi[sz](?:ation|es|ed)|restructur(?:ing|e)|acquisitions?|acquired|acquires|mergers?|merges|divest(?:s|ed|iture)|spin-?off|strategy change|change (?:of|in) strategy|strategic shift|leadership change|new cto|ownership change|change of ownership|outsourc(?:ing|ed))\b/i,
    category: 'organizational',
  },
  {
    // A person or role leaving, or the team structure changing.
    re: /\b(?:leaves|departs|quits|resigns|retires|is reassigned|moves? teams?|(?:second|another|new|third) (?:product line|product|team|squad|business unit)|team (?:splits?|is split|doubles))\b/i,
    category: 'team',
  },
  {
    // Contract events: commitments and licences expire on a known date.
    re: /\b(?:contract|commitment|licen[cs]e|reservation|reserved instances?|savings plans?|subscription|agreement)s?\b.{0,30}?\b(?:expir(?:e|es|y|ed|ing)|renew(?:s|al|ed)?|ends?|is up|run out|runs out|terminat(?:es|ed|ion))\b|\b(?:raises?|increases?|changes?|hikes?) (?:its |their |the )?(?:prices?|pricing)\b|\bprice (?:increase|hike|change|rise)s?\b/i,
    category: 'cost',
  },
  {
    // A breached SLA/SLO or error budget is checkable without restating its number.
    re: /\b(?:over|above|exceed(?:s|ed|ing)?|breach(?:es|ed|ing)?|miss(?:es|ed|ing)?|violat(?:es|ed|ing)|out of) (?:the |our |its )?(?:sla|slo|error budget|latency budget)s?\b|\b(?:sla|slo|error budget)s? (?:is |are )?(?:breached|missed|violated|exhausted|burned|blown)\b|\b(?:sev ?[0-2]|p[01]) (?:incident|outage)s?\b/i,
    category: 'performance',
  },
  {
    // Counted events: "after 2 releases", "within three sprints", "after the next major release".
    re: /\b(?:after|in|within) (?:\d{1,3}|two|three|four|five|six|ten) (?:more )?(?:releases|sprints|iterations|incidents|outages|deployments|customers|tenants)\b|\bafter the (?:next|first) (?:major )?(?:release|incident|outage|audit)\b/i,
  },
];

// When no cue matched, the unit of a number hints at the category.
const UNIT_HINTS: { re: RegExp; category: TriggerCategory }[] = [
  { re: /[$€£]|\b(?:cost|costs|spend|spending|price|pricing|bill|budget|usd|eur|co[uû]ts?|d[ée]penses?|facture)\b/i, category: 'cost' },
  { re: /\b(?:ms|milliseconds?|latency|latence|p9\d|p50|error rate|hit rate|throughput|cpu|memory)\b/i, category: 'performance' },
  { re: /\b(?:engineers?|developers?|people|headcount|teams?)\b/i, category: 'team' },
  { re: /\b(?:[kmgtp]b|rps|qps|tps|users?|customers?|tenants?|requests?|traffic|rows|records|events|messages|utilisateurs?|clients?|requ[êe]tes?|trafic)\b/i, category: 'scale' },
];

/** The first numeric comparison or named event in a text, or null when the condition has neither. */
export function findConcrete(text: string): ConcreteMatch | null {
  const comparison =
    SYMBOL_COMPARISON.exec(text) ?? WORD_COMPARISON.exec(text) ?? COUNT_CONDITION.exec(text) ?? RELATIVE_CHANGE.exec(text);
  if (comparison) {
    const hint = UNIT_HINTS.find((h) => h.re.test(text));
    return { match: comparison[0].toLowerCase(), kind: 'comparison', ...(hint ? { category: hint.category } : {}) };
  }
  for (const event of EVENTS) {
    const m = event.re.exec(text);
    if (m) return { match: m[0].toLowerCase(), kind: 'event', ...(event.category ? { category: event.category } : {}) };
  }
  return null;
}

/** True when the text holds a numeric comparison ("> 500 ms", "exceeds $50K"), ignoring named events. */
export function hasComparison(text: string): boolean {
  return SYMBOL_COMPARISON.test(text) || WORD_COMPARISON.test(text) || COUNT_CONDITION.test(text) || RELATIVE_CHANGE.test(text);
}

// Events someone can check once they happen, even in words no threshold uses:
// a service appears, a dependency can no longer keep up, a limit is reached.
// Weaker than EVENTS ("a need appears" is loose), so the trigger parser only
// reads them when the trigger holds no known vague phrase.
const WEAK_EVENTS: EventPattern[] = [
  {
    re: /\b(?:can(?:not|'t|’t| no longer) (?:keep up|cope|handle|scale|sustain|support|serve|absorb)|no longer (?:keeps? up|copes?|scales?|handles?|fits?)|(?:fails?|unable) to (?:keep up|cope|scale)|runs? out of|outgrow(?:s|n)?)\b/i,
    category: 'scale',
  },
  {
    re: /\b(?:appears?|appeared|emerges?|becomes? available|(?:is|are|gets?) (?:available|launched|released|announced)|launch(?:es|ed)|ships|stops? (?:being )?(?:maintained|supported)|(?:is|gets) (?:discontinued|retired))\b/i,
    category: 'technology',
  },
  { re: /\breach(?:es|ed)?\b/i },
];

// Capitalised words that name no product: markers, pronouns, common abbreviations.
const NOT_NAMES = new Set(['i', 'todo', 'tbd', 'tba', 'fixme', 'ok', 'n/a', 'na', 'nb', 'adr', 'rfc', 'eg', 'ie', 'etc']);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#/-]*|[.!?:;]/gu;

/**
 * True when the text names a product, service or technology mid-sentence
 * ("if Redis…", "l'APM", "PostgreSQL 18"): a word of two letters or more with
 * a capital, not opening a sentence. Title Case text names nothing this way.
 */
export function namesProduct(text: string): boolean {
  let words = 0;
  let capitalised = 0;
  let named = false;
  let sentenceStart = true;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (/^[.!?:;]$/.test(word)) {
      sentenceStart = true;
      continue;
    }
    if (!/\p{L}/u.test(word)) continue;
    words += 1;
    const hasCapital = /\p{Lu}/u.test(word);
    if (hasCapital) capitalised += 1;
    if (hasCapital && !sentenceStart && word.length >= 2 && !NOT_NAMES.has(word.toLowerCase())) named = true;
    sentenceStart = false;
  }
  return named && capitalised * 2 <= words;
}

/**
 * A checkable event in looser words than `findConcrete` reads: a capacity
 * limit ("Redis can no longer keep up"), a service appearing or becoming
 * available, a limit reached, or a named product. Null when there is none.
 */
export function findNamedEvent(text: string): ConcreteMatch | null {
  for (const event of WEAK_EVENTS) {
    const m = event.re.exec(text);
    if (m) return { match: m[0].toLowerCase(), kind: 'event', ...(event.category ? { category: event.category } : {}) };
  }
  if (namesProduct(text)) return { match: text.toLowerCase(), kind: 'event', category: 'technology' };
  return null;
}
