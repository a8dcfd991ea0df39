/**
 * Where a decision is in its lifecycle, as the checks need it: a closed
 * decision (rejected, declined, superseded, deprecated, withdrawn, reverted) is no
 * longer asked for revisit triggers.
 */
import type { DecisionDoc } from '../document/model.js';
import { CLOSED_STATUSES } from '../document/status.js';

/** A status word as the vocabulary writes it: lower case, words joined by hyphens (`in review` → `in-review`). */
export function statusKey(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** True when the decision no longer stands, so nothing about its future is asked for. */
export function isClosed(doc: DecisionDoc): boolean {
  const word = doc.status?.normalized;
  return word != null && CLOSED_STATUSES.has(statusKey(word));
}
