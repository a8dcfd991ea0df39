/**
 * How many options a record considered, shared by `adr-options` and
 * `adr-type-1-rigor`. Options come from the parsed options list and the
 * decision matrices; an "Alternatives" section lists only the options not
 * chosen, so the chosen one is added to its count; prose that says other
 * options were weighed ("We considered A, B and C") counts as two.
 */
import type { DecisionDoc } from '../document/model.js';
import { hasFilledSection, sectionsWith } from './adr-sections.js';

/** The options a record considered, as far as they can be read. */
export interface OptionsConsidered {
  /** Distinct options, the chosen one included. */
  count: number;
  /** Names as written (first one of each distinct name). */
  names: string[];
  /**
   * True when the options are written as prose the parser could not split
   * (a filled options section but no items): the count is then unknown and
   * checks stay quiet rather than guess.
   */
  unreadable: boolean;
}

// "Must an app run its own server?" (a yes/no question: "Which broker?" is not, and may list nothing),
// "Use configuration as code, not by convention", "Prefer composition rather than inheritance", "REST vs
// gRPC": a title that names the choice names both sides. ", not" counts only after a choice verb: "the
// finalizer is a safety net, not the mechanism" frames.
const NUMBER_PREFIX = '^(?:(?:adr|rfc)?[\\s-]?\\d+[.:)]?\\s+)?';
const TWO_SIDED_TITLE = new RegExp(
  `${NUMBER_PREFIX}(?:should|must|do|does|can|could|is|are|will|shall)\\b[^?\\n]{1,120}\\?\\s*$` +
    `|${NUMBER_PREFIX}(?:use|prefer|adopt|choose|pick|favou?r|keep|go with|move to|switch to)\\b[^,\\n]{1,80}, not\\s+\\S` +
    '|\\b(?:instead of|rather than|versus|vs\\.?)\\s+\\S',
  'i',
);
const REJECTED: ReadonlySet<string> = new Set(['rejected', 'declined']);
const ALTERNATIVES_HEADING = /\b(?:alternatives?|other options|rejected)\b/i;

/** Count the options a record considered. */
export function optionsConsidered(doc: DecisionDoc): OptionsConsidered {
  const byKey = new Map<string, string>();
  const add = (name: string): void => {
    const key = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (key !== '' && !byKey.has(key)) byKey.set(key, name);
  };
  for (const o of doc.options) add(o.name);
  for (const m of doc.matrices) for (const o of m.options) add(o);
  const names = [...byKey.values()];
  let count = names.length;

  const optionSections = sectionsWith(doc, 'options');
  const listsOnlyAlternatives =
    optionSections.length > 0 && optionSections.every((s) => ALTERNATIVES_HEADING.test(s.heading));
  if (listsOnlyAlternatives && doc.matrices.length === 0 && count > 0) count += 1;
  // "Rejected alternatives" next to a decision: at least the chosen option and one other.
  if (hasFilledSection(doc, 'alternatives-rejected')) count = Math.max(count, 2);
  // "We considered A, B and C", "The other option would be …": the chosen one and at least one other.
  if ((doc.optionsInProse ?? []).length > 0) count = Math.max(count, 2);
  // A title that asks a yes/no question or names what was not chosen puts both sides on the table,
  // and a rejected record is itself the option that lost to keeping things as they are.
  if (TWO_SIDED_TITLE.test(doc.title?.value ?? '') || REJECTED.has(doc.status?.normalized ?? '')) count = Math.max(count, 2);

  const unreadable =
    doc.options.length === 0 && count < 2 && (hasFilledSection(doc, 'options') || hasFilledSection(doc, 'pros-cons'));
  return { count, names, unreadable };
}
