/**
 * Headings that name an option being weighed, wherever they stand (under
 * Context, or at the top of the body): numbered or lettered ones
 * ("Solution 1: …", "Option B", "Approach two") and comparisons of two
 * ("Sync vs Async", "Push versus pull"). Both patterns are anchored or bounded,
 * so matching stays linear.
 */
import { normalizeHeading } from './headings.js';

// "solution 1: …", "option b", "approach two", "alternative #2 - …", "option: raw events", French "approche 1", "piste 2".
const NUMBERED_OPTION =
  /^(?:(?:solution|option|approach|alternative|proposal|variant|choice|approche|piste) #?(?:\d{1,2}|[a-h]|one|two|three|four|five)(?:$|[:.)]| -| \()|(?:option|alternative) ?:)/;

// " vs ", " vs. ", " versus " between two names.
const VERSUS = /\s(?:vs\.?|versus)\s/i;

/** True when a heading names one option of several ("Solution 1: …", "Option B", "Option: …"). */
export function isNumberedOptionHeading(heading: string): boolean {
  return NUMBERED_OPTION.test(normalizeHeading(heading));
}

/** The two options a heading compares ("Sync vs Async" -> Sync, Async), or undefined when it compares none. */
export function versusSides(heading: string): [string, string] | undefined {
  const m = VERSUS.exec(heading);
  if (!m) return undefined;
  const left = heading.slice(0, m.index).trim();
  const right = heading.slice(m.index + m[0].length).trim().replace(/[?.:]$/, '');
  // Two short names, not a sentence that happens to say "versus".
  if (left === '' || right === '' || left.length > 60 || right.length > 60) return undefined;
  return [left, right];
}

/** True when a heading names an option or compares two. */
export function headingNamesOption(heading: string): boolean {
  return isNumberedOptionHeading(heading) || versusSides(heading) !== undefined;
}
