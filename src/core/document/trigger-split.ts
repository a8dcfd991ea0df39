/**
 * One written sentence can hold two revisit conditions: "…exceeds 2,000
 * writes/s sustained, or after 12 months" is a threshold and a duration, and
 * reading it as one trigger loses the threshold. This module only finds the
 * clause boundaries where such a sentence may split; the caller keeps a split
 * only when both sides read as conditions on their own, so "read or write
 * latency" and "in 12 months, or sooner if needed" stay whole.
 */

/** One clause of a trigger's text and where it starts in that text. */
export interface Clause {
  text: string;
  offset: number;
  /** The boundary text before it (", or "), empty for the first clause. */
  boundary: string;
}

// ", or …" / "; or …" before anything; a bare " or " only before a word that opens a new condition.
// Not "read or write latency", "10× or more", "PostgreSQL or MySQL".
const BOUNDARY = /[,;] {0,3}or (?=\S)| or (?=(?:if|after|when|whenever|once|within|every|by|before|should|unless)\b)/gi;

/** The text split at every clause boundary (collapsed text: single spaces). */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let boundary = '';
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    out.push({ text: text.slice(start, m.index), offset: start, boundary });
    boundary = m[0];
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), offset: start, boundary });
  return out;
}
