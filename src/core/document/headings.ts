/**
 * Heading synonyms: real ADRs rename sections freely (domain.md sections 1 and
 * 8), so a heading is normalised (case, numbering, emphasis, trailing colon)
 * and looked up in one table of Nygard, MADR 2-4, trade-off-template, common
 * synonym and French MADR headings.
 */
import type { SectionKey } from './model.js';
import { trimEndMatching } from './trim-chars.js';

/** Which language a heading synonym belongs to; 'both' headings say nothing about language. */
export type HeadingLanguage = 'en' | 'fr' | 'both';

interface HeadingEntry {
  key: SectionKey;
  lang: HeadingLanguage;
}

const en = (key: SectionKey, ...names: string[]): [string, HeadingEntry][] =>
  names.map((n) => [n, { key, lang: 'en' }]);
const fr = (key: SectionKey, ...names: string[]): [string, HeadingEntry][] =>
  names.map((n) => [n, { key, lang: 'fr' }]);
const both = (key: SectionKey, ...names: string[]): [string, HeadingEntry][] =>
  names.map((n) => [n, { key, lang: 'both' }]);

const SYNONYMS = new Map<string, HeadingEntry>([
  ...en('status', 'status', 'current status', 'decision status'),
  ...fr('status', 'statut', 'état'),
  ...en('date', 'date', 'decision date', 'last updated', 'date of decision'),
  ...en(
    'participants',
    'deciders',
    'participants',
    'decision makers',
    'decision-makers',
    'authors',
    'owners',
    'stakeholders',
  ),
  ...fr('participants', 'décideurs', 'participants à la décision'),
  ...en(
    'context',
    'context',
    'context and problem statement',
    'problem statement',
    'problem',
    'the problem',
    'background',
    'abstract',
    'motivation',
    'issue',
    'overview',
    'introduction',
    'context and motivation',
    'background and motivation',
    'background and context',
    'context and background',
    'problem and context',
  ),
  ...fr(
    'context',
    'contexte',
    'contexte et énoncé du problème',
    'contexte et définition du problème',
    'énoncé du problème',
    'définition du problème',
    'problématique',
  ),
  ...en('drivers', 'decision drivers', 'drivers', 'forces', 'decision criteria'),
  ...fr('drivers', 'facteurs de décision', 'critères de décision'),
  ...en('constraints', 'constraints', 'assumptions', 'constraints and assumptions', 'requirements'),
  ...fr('constraints', 'contraintes', 'hypothèses'),
  ...both('options', 'options'),
  ...en(
    'options',
    'considered options',
    'options considered',
    'alternatives',
    'alternative approaches',
    'alternatives considered',
    'considered alternatives',
    'alternative solutions',
    'other options',
    'positions',
  ),
  ...fr(
    'options',
    'options envisagées',
    'options considérées',
    'options étudiées',
    'alternatives envisagées',
    'alternatives considérées',
    'alternatives étudiées',
    'solutions envisagées',
    'solutions considérées',
    'solutions étudiées',
  ),
  ...en(
    'decision',
    'decision',
    'decision outcome',
    'the decision',
    'our decision',
    'proposal',
    'proposed solution',
    'proposed design',
    'detailed design',
    'approach',
    'solution',
    'recommendation',
    // The plural (one record, several decided points) and spec-style logs that
    // write what they decided under Design (their template makes Decision optional).
    'decisions',
    'design',
    'the design',
    'basic design',
    'design overview',
    'solution overview',
    'proposed solution overview',
    'proposed change',
    'proposed changes',
    'proposed implementation',
    'chosen option',
    'chosen solution',
    'decision and rationale',
  ),
  ...fr('decision', 'décision', 'résultat de la décision', 'résultat', 'proposition'),
  ...en('rationale', 'rationale', 'justification', 'reasoning'),
  ...fr('rationale', 'justification de la décision'),
  ...en('consequences', 'consequences', 'implications', 'outcome', 'neutral', 'neutral consequences'),
  ...fr('consequences', 'conséquences'),
  ...both('consequences', 'impacts'),
  ...en('consequences', 'impact'),
  ...en('positive-consequences', 'positive consequences', 'positive', 'benefits', 'advantages'),
  ...fr('positive-consequences', 'conséquences positives', 'avantages', 'impacts positifs'),
  ...en('negative-consequences', 'negative consequences', 'negative', 'drawbacks', 'downsides', 'disadvantages'),
  ...fr('negative-consequences', 'conséquences négatives', 'inconvénients', 'impacts négatifs'),
  ...en('pros-cons', 'pros and cons of the options', 'pros and cons', 'pros and cons of the alternatives'),
  ...fr('pros-cons', 'avantages et inconvénients des options', 'avantages et inconvénients'),
  ...en('trade-offs', 'trade-offs accepted', 'trade-offs', 'tradeoffs', 'trade offs', 'tradeoffs accepted'),
  ...fr('trade-offs', 'compromis', 'compromis acceptés'),
  ...en(
    'revisit',
    'revisit triggers',
    'review triggers',
    'review date',
    'when to revisit',
    'revisit',
    'revisit conditions',
    'revisit criteria',
    'revisit date',
  ),
  ...fr('revisit', 'révision', 'quand réviser', 'déclencheurs de révision'),
  ...en('decision-record', 'decision record'),
  ...en('risks', 'risks', 'risks and mitigations', 'risks and mitigation', 'main risk'),
  ...fr('risks', 'risques'),
  ...en(
    'rollout',
    'rollout',
    'rollout plan',
    'migration',
    'migration plan',
    'rollback',
    'rollback plan',
    'deployment',
    'deployment plan',
    'rollout and rollback',
  ),
  ...en('failure-modes', 'failure modes', 'blast radius', 'failure modes and blast radius'),
  // MADR 3 "Validation" and MADR 4 "Confirmation" are supporting information;
  // the model has no dedicated key for them.
  ...en(
    'more-information',
    'more information',
    'references',
    'links',
    'notes',
    'related decisions',
    'see also',
    'validation',
    'confirmation',
  ),
  ...fr('more-information', "plus d'informations", 'informations complémentaires', 'références'),
  ...en('alternatives-rejected', 'rejected alternatives', 'alternatives rejected', 'rejected options'),
  ...en('well-architected', 'well-architected', 'well-architected review', 'well-architected framework', 'pillars'),
]);

/** Normalise a heading for lookup: lower case, no numbering prefix, emphasis, trailing colon or "(optional)". */
export function normalizeHeading(text: string): string {
  const stripped = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[‐-―]/g, '-')
    // "Background & Context", "Pros & Cons": read as "and".
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim()
    // "1. Context", "2) Decision", "3.1 Options", "IV. Risks", "ADR section 2:"
    .replace(/^(?:\d+(?:\.\d+)*|[ivx]+)[.):]?\s+/, '')
    .replace(/\((?:optional|if any|if applicable|facultatif|optionnel)\)\s*$/, '');
  // Not `.replace(/[\s:.]+$/, '')`: quadratic on `1.....x` (see trim-chars.ts).
  return trimEndMatching(stripped, /[\s:.]/).trim();
}

/** The section key a heading maps to, or null when the review does not know it. */
export function sectionKeyFor(heading: string): SectionKey | null {
  return lookupHeading(heading)?.key ?? null;
}

/** The language of a known heading ('both' for words like "Options"), or null when unknown. */
export function headingLanguage(heading: string): HeadingLanguage | null {
  return lookupHeading(heading)?.lang ?? null;
}

/**
 * Options headings are too varied for a table ("Alternative proposals",
 * "Possible approaches for X", "Implementation options", "Considered and
 * rejected: X"): one bounded pattern, tried when no exact synonym matched.
 */
const OPTIONS_HEADING =
  /^(?:appendix [a-z0-9]{1,3}\.? )?(?:(?:alternative|possible|other|candidate|rejected|considered) (?:approaches|solutions|designs|proposals|options|alternatives)|(?:implementation|design|solution) (?:options|alternatives)|approaches considered|solutions considered|options? (?:analysis|evaluated|explored)|considered and rejected|rejected approaches?)(?:$| for | to |:)/;

function lookupHeading(heading: string): HeadingEntry | undefined {
  const norm = normalizeHeading(heading);
  const exact = SYNONYMS.get(norm);
  if (exact) return exact;
  if (OPTIONS_HEADING.test(norm)) return { key: 'options', lang: 'en' };
  // "Decision Outcome: use Postgres", "Consequences — positive": try the part before a separator.
  // Whitespace is single spaces after normalizeHeading, so trimming the part is what `\s*` around
  // the separator did, without its quadratic scan of long space runs.
  const head = norm.split(/:| [-–—] /)[0]!.trimEnd();
  return head && head !== norm ? SYNONYMS.get(head) : undefined;
}

/** Document language from its known headings: 'fr' when French ones dominate, 'en' when English ones exist. */
export function languageOfHeadings(headings: string[]): 'en' | 'fr' | 'unknown' {
  let english = 0;
  let french = 0;
  for (const h of headings) {
    const lang = headingLanguage(h);
    if (lang === 'en') english += 1;
    else if (lang === 'fr') french += 1;
  }
  if (french > english) return 'fr';
  if (english > 0) return 'en';
  return 'unknown';
}
