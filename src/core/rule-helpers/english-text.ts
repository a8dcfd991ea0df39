/**
 * Whether a document is written in English. Cue lists are English phrases,
 * so cue-based checks would report everything "missing" on a French or
 * Japanese design doc: those get fewer findings, never wrong ones.
 */
import type { DecisionDoc } from '../document/model.js';
import { docLines } from './cue-search.js';

const FUNCTION_WORDS = new Set(
  'the and of to is a in that we for it be this with are on as by will not or which from'.split(' '),
);
const WORD = /[\p{L}']+/gu;
/** Enough words to judge; reading further would not change the answer. */
const SAMPLE_WORDS = 400;

const cache = new WeakMap<DecisionDoc, boolean>();

/**
 * True when the headings are English, or when they are unknown and common
 * English function words make up a good share of the first few hundred words.
 */
export function isEnglish(doc: DecisionDoc): boolean {
  if (doc.language === 'en') return true;
  if (doc.language === 'fr') return false;
  const cached = cache.get(doc);
  if (cached !== undefined) return cached;
  let total = 0;
  let common = 0;
  outer: for (const entry of docLines(doc)) {
    for (const word of entry.text.toLowerCase().match(WORD) ?? []) {
      total++;
      if (FUNCTION_WORDS.has(word)) common++;
      if (total >= SAMPLE_WORDS) break outer;
    }
  }
  const english = total >= 30 && common / total >= 0.12;
  cache.set(doc, english);
  return english;
}
