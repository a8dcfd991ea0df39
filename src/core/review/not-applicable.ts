/**
 * "Not applicable" statements: a design doc may set a pillar (or a lens
 * question) aside, but only with a reason (domain.md section 2). This module
 * finds the statements ("Sustainability: not applicable — batch job runs
 * 5 min/day", a `## Security` section that reads "N/A because…", a table row
 * `Cost | N/A | …`) and tells what they name and whether a reason was given.
 */
import type { DecisionDoc } from '../document/model.js';
import { trimEndMatching } from '../document/trim-chars.js';
import { docLines } from '../rule-helpers/cue-search.js';

/** One "not applicable" statement. */
export interface NotApplicable {
  line: number;
  /** The phrase as written ("N/A", "not applicable"). */
  phrase: string;
  /** Lower-case words naming what is not applicable (text before the phrase, or the section heading). */
  subject: string[];
  /** True when the subject came from the enclosing section's heading. */
  subjectFromHeading: boolean;
  /** The reason given, when it has at least two meaningful words. */
  reason?: string;
}

const NA_PHRASE =
  /(?<![\p{L}\p{N}])(?:n\/a|not applicable|not relevant|does not apply|doesn't apply|do not apply|don't apply|out of scope)(?![\p{L}\p{N}])/iu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’/-]*/gu;
/** Connectors before a reason ("because", "as") and words that say nothing ("for now", "see below"). */
const EMPTY_REASON_WORDS = new Set([
  'because',
  'since',
  'as',
  'due',
  'to',
  'for',
  'yet',
  'at',
  'the',
  'a',
  'an',
  'this',
  'that',
  'here',
  'there',
  'time',
  'moment',
  'tbd',
  'todo',
  'tbc',
  'see',
  'below',
  'above',
  'later',
  'n/a',
  'na',
  'is',
  'it',
  'in',
  'of',
  'and',
  'or',
  'currently',
  'yes',
]);

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/['’]s$/, ''));
}

function meaningfulReason(text: string): string | undefined {
  // trimEndMatching, not `/[\s|*_]+$/`: that regex is quadratic on a long run of spaces before the end.
  const cleaned = trimEndMatching(text.replace(/^[\s|:;,.\-–—()[\]*_]+/, ''), /[\s|*_]/).trim();
  const kept = words(cleaned).filter((w) => !EMPTY_REASON_WORDS.has(w) && w.length >= 2);
  return kept.length >= 2 ? cleaned : undefined;
}

const cache = new WeakMap<DecisionDoc, NotApplicable[]>();

/** Every "not applicable" statement of the document, in order. Cached per document. */
export function notApplicableStatements(doc: DecisionDoc): NotApplicable[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const out: NotApplicable[] = [];
  const lines = docLines(doc, true);
  for (let i = 0; i < lines.length; i++) {
    const entry = lines[i]!;
    if (entry.heading) continue;
    const match = NA_PHRASE.exec(entry.text);
    if (!match) continue;
    const before = words(entry.text.slice(0, match.index));
    const section = doc.sections[entry.section];
    const fromHeading = before.length === 0 && section !== undefined;
    const subject = fromHeading ? words(section!.heading) : before;
    let reason = meaningfulReason(entry.text.slice(match.index + match[0].length));
    // "## Sustainability\n\nNot applicable.\nThe job runs five minutes a day.": the reason follows.
    const nextLine = lines[i + 1];
    if (!reason && fromHeading && nextLine && !nextLine.heading && nextLine.section === entry.section) {
      reason = meaningfulReason(nextLine.text);
    }
    out.push({ line: entry.line, phrase: match[0], subject, subjectFromHeading: fromHeading, ...(reason ? { reason } : {}) });
  }
  cache.set(doc, out);
  return out;
}

/** Words allowed around a name in a strict subject ("the Security pillar", "Security considerations"). */
const SUBJECT_FILLER = new Set([
  'the',
  'is',
  'are',
  'and',
  'pillar',
  'pillars',
  'consideration',
  'considerations',
  'concern',
  'concerns',
  'aspect',
  'aspects',
  'this',
  'these',
  'well-architected',
  'well',
  'architected',
  'wa',
  'review',
  'lens',
  'question',
  'status',
]);

/** The vocabulary of a name: its words, and six-letter stems so "operations" names "Operational excellence". */
export interface NameVocabulary {
  stems: string[];
}

/** Build the vocabulary of a pillar (or lens pillar) from its name and id. */
export function nameVocabulary(...names: string[]): NameVocabulary {
  const stems = new Set<string>();
  for (const name of names) {
    for (const w of words(name.replace(/[_-]+/g, ' '))) {
      if (w.length < 3) continue;
      stems.add(w.length > 6 ? w.slice(0, 6) : w);
    }
  }
  return { stems: [...stems] };
}

function belongs(word: string, vocab: NameVocabulary): boolean {
  return vocab.stems.some((stem) => word.startsWith(stem));
}

/**
 * Which of the named things a subject names. Strict: every word is filler or
 * part of some name ("Cost and sustainability"), so prose such as "the cost of a
 * rewrite is not relevant" names nothing. Loose (used only when a reason is
 * given): a short subject that mentions the name anywhere.
 */
export function namedBy(subject: string[], vocabularies: NameVocabulary[], loose: boolean): Set<number> {
  const named = new Set<number>();
  let strict = true;
  let numbered = 0;
  for (const word of subject) {
    if (SUBJECT_FILLER.has(word)) continue;
    if (/^\d+$/.test(word) || /^[a-z]$/.test(word)) {
      numbered++;
      continue;
    }
    let any = false;
    vocabularies.forEach((vocab, i) => {
      if (belongs(word, vocab)) {
        named.add(i);
        any = true;
      }
    });
    if (!any) strict = false;
  }
  if (strict) return named;
  if (loose && subject.length - numbered <= 8) return named;
  return new Set();
}
