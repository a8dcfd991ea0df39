/**
 * Which of the eight revisit-trigger categories (domain.md section 6) a trigger
 * belongs to, read from the cues of checklists/revisit-triggers.yml. The cues
 * are data; this file only knows how to match them.
 */
import type { TriggerCategory } from './model.js';
import type { TriggerCategoryDef } from './parse-vocabulary.js';

/** Lower-cases and folds the characters writers vary on, so one cue matches them all. */
export function normalizeForCues(text: string): string {
  return (
    text
      .toLowerCase()
      // "10×" and "10x" are the same cue; curly quotes and NBSP come from word processors.
      .replace(/×/g, 'x')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u00a0\u2009\u202f]/g, ' ')
      .replace(/[\u2010-\u2013]/g, '-')
      .replace(/\s+/g, ' ')
  );
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Position of the first whole-phrase occurrence of `cue` in `text` (both
 * normalised), or -1. A boundary is only required on a side where the cue
 * itself starts or ends with a word character, so cues like "$" or "p99" work;
 * a trailing "s"/"es" is allowed so "engineer" also finds "engineers".
 */
export function findCue(text: string, cue: string): number {
  if (cue === '') return -1;
  const needsStart = WORD_CHAR.test(cue[0]!);
  const needsEnd = WORD_CHAR.test(cue[cue.length - 1]!);
  for (let at = text.indexOf(cue); at !== -1; at = text.indexOf(cue, at + 1)) {
    if (needsStart && at > 0 && WORD_CHAR.test(text[at - 1]!)) continue;
    let end = at + cue.length;
    if (needsEnd && /[a-z]/.test(cue[cue.length - 1]!)) {
      if (text.startsWith('es', end) && !WORD_CHAR.test(text[end + 2] ?? ' ')) end += 2;
      else if (text[end] === 's') end += 1;
    }
    if (needsEnd && end < text.length && WORD_CHAR.test(text[end]!)) continue;
    return at;
  }
  return -1;
}

interface Score {
  id: TriggerCategory;
  hits: number;
  first: number;
}

/**
 * The category whose cues best match the text: most distinct cues, then the
 * earliest cue, then the order of `categories`. `calendar` only wins when no
 * other category matches, because calendar words ("months", "quarterly") also
 * describe metrics ("monthly spend") that belong to another category.
 */
export function categoryFromCues(text: string, categories: readonly TriggerCategoryDef[]): TriggerCategory | null {
  const normalized = normalizeForCues(text);
  let best: Score | null = null;
  let calendar: Score | null = null;
  for (const def of categories) {
    let hits = 0;
    let first = Infinity;
    for (const cue of def.cues) {
      const at = findCue(normalized, normalizeForCues(cue).trim());
      if (at === -1) continue;
      hits += 1;
      first = Math.min(first, at);
    }
    if (hits === 0) continue;
    const score: Score = { id: def.id, hits, first };
    if (def.id === 'calendar') {
      calendar = score;
      continue;
    }
    if (!best || hits > best.hits || (hits === best.hits && first < best.first)) best = score;
  }
  return best?.id ?? calendar?.id ?? null;
}
