/**
 * Headings that name an option being weighed, wherever they stand (under
 * Context, or at the top of the body): numbered or lettered ones
 * ("Solution 1: …", "Option B", "Approach two") and comparisons of two
 * ("Sync vs Async", "Push versus pull"); and headings over alternatives the
 * record weighs without numbering them ("Existing solutions: ORMs", "Prior
 * art", "Contrast with Rails", "Approaches" over two sub-headings or more).
 * Every pattern is anchored or bounded, so matching stays linear.
 */
import { normalizeHeading } from './headings.js';
import type { Located } from './model.js';
import type { SectionSpan } from './sections.js';

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

// A heading over solutions that exist besides the one chosen: "Existing solutions: ORMs", "Known
// approaches", "Prior art". Not "Existing tools" or "Current system": those describe the status quo.
const ALTERNATIVES_HEADING =
  /^(?:(?:existing|known|alternative|rejected) (?:solutions?|approach(?:es)?|alternatives|options|implementations|libraries|frameworks|products|designs?|proposals?)|prior art)(?:$|:| -)/;
// A heading that weighs the choice against another: "Contrast with Rails", "Comparison with gRPC", "Differences from v1".
const CONTRAST_HEADING = /^(?:(?:contrast|comparison|compared) (?:with|to)|differences? (?:from|with)) \S/;
// A heading whose sub-headings are the ways weighed, when there are two or more: "Approaches", "Candidates".
const WAYS_HEADING = /^(?:approaches|candidates|candidate solutions|possible solutions)$/;

/**
 * Headings, outside any options section, that say alternatives were weighed:
 * one over existing solutions or prior art, one that contrasts the choice with
 * another, or "Approaches" over two sub-headings or more. A heading counts only
 * when its section has content. The many sub-headings of a spec ("Background",
 * "Terminology") name no alternative and do not count.
 */
export function alternativeHeadings(spans: SectionSpan[]): Located<string>[] {
  const found: Located<string>[] = [];
  // Open sections, innermost last, with how many sub-headings each has so far.
  const open: { span: SectionSpan; children: number }[] = [];
  const closeWays = (entry: { span: SectionSpan; children: number }): void => {
    const { section } = entry.span;
    if (entry.children >= 2 && WAYS_HEADING.test(normalizeHeading(section.heading)) && !section.empty) {
      found.push({ value: section.heading, line: section.line, column: section.column });
    }
  };
  for (const span of spans) {
    const { section } = span;
    while (open.length > 0 && open[open.length - 1]!.span.section.depth >= section.depth) closeWays(open.pop()!);
    const parent = open[open.length - 1];
    if (parent) parent.children += 1;
    open.push({ span, children: 0 });
    if (section.key !== null || section.empty) continue;
    const heading = normalizeHeading(section.heading);
    if (ALTERNATIVES_HEADING.test(heading) || CONTRAST_HEADING.test(heading)) {
      found.push({ value: section.heading, line: section.line, column: section.column });
    }
  }
  while (open.length > 0) closeWays(open.pop()!);
  return found.sort((a, b) => a.line - b.line);
}
