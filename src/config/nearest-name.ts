/**
 * "Did you mean …?" for config keys and values: the known names nearest a
 * mistyped one, by Damerau–Levenshtein distance (optimal string alignment:
 * a swapped pair of letters, `reveiw`, counts as one edit, as typos do).
 */

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  // Three rows suffice: a swap looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates close enough to `input` to be what was meant, nearest first
 * (ties all kept), or none. Case is ignored (`Drafts`, `designdoc`). Close
 * enough: at most 40 % of the longer name in edits, never more than 3, so that
 * an unrelated key (`zzz`, `cache`) gets no suggestion; or one name starting
 * the other (`warning` for `warn`, `fail` for `failure`), at least 3 letters
 * long, give or take one typo from 5 letters on (`desing` for `designDoc`).
 */
export function nearestNames(input: string, candidates: readonly string[]): string[] {
  const typed = input.toLowerCase();
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const candidate of candidates) {
    const known = candidate.toLowerCase();
    if (known === typed && candidate === input) continue;
    const distance = editDistance(typed, known);
    const limit = Math.min(3, Math.floor(Math.max(typed.length, known.length) * 0.4));
    const prefix = startsLike(known, typed) || startsLike(typed, known);
    if (distance > limit && !prefix) continue;
    // A prefix match ranks after every close spelling.
    const rank = distance <= limit ? distance : 4 + distance;
    if (rank < best) {
      best = rank;
      found = [candidate];
    } else if (rank === best) found.push(candidate);
  }
  return found;
}

// `whole` begins with `start`, or with one typo of it once `start` is 5 letters or more.
function startsLike(whole: string, start: string): boolean {
  if (start.length < 3 || start.length >= whole.length) return false;
  return editDistance(start, whole.slice(0, start.length)) <= (start.length >= 5 ? 1 : 0);
}

/** "did you mean `x`?" (or "`x` or `y`"), or '' when nothing is near. */
export function meantQuestion(input: string, candidates: readonly string[]): string {
  const near = nearestNames(input, candidates).slice(0, 3);
  return near.length === 0 ? '' : `did you mean ${orList(near.map((n) => `\`${n}\``))}?`;
}

/** " — did you mean `x`?", to end a message, or '' when nothing is near. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const question = meantQuestion(input, candidates);
  return question === '' ? '' : ` — ${question}`;
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}
