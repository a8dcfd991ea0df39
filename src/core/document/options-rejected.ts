/**
 * Alternatives a record turns down in its prose, without an options heading
 * and without "we considered": a labelled paragraph ("Alternative approach",
 * "**Alternative considered:** …") that gives a reason; "the ideal solution
 * would be …, but …"; "there was a proposal to …, but …"; "my preference is
 * X, but that is too big a change"; and a Decision that refuses the usual
 * approach its Context described ("we will not write an adapter layer").
 * Each of these needs both halves (the alternative and its dismissal), so a
 * record that merely mentions a proposal or a preference keeps its finding.
 * Every pattern is anchored on words and bounded, so the scan is linear.
 */
import type { Located } from './model.js';
import type { Block, SectionSpan } from './sections.js';
import { locatedInBlock } from './text-place.js';

// A label standing for an alternative: "Alternative approach", "Alternatives considered", "Rejected option"
// ("Other options" is left out: it labels settings as often as alternatives).
const ALTERNATIVE_LABEL =
  /^(?:(?:an? |the )?(?:(?:alternative|rejected|discarded) (?:approach|solution|design|option|proposal|idea)|other (?:approach|solution|design|proposal|idea))(?:es|s)?(?: considered)?|alternatives?(?: (?:considered|rejected))?|(?:considered|rejected) alternatives?)$/i;
// What a labelled alternative says when there is none.
const NONE = /^(?:none|n\/?a|nothing|tbd|todo|no alternatives?)\b/i;
// A reason or a dismissal after the alternative: "but it needs …", "therefore we …", "dropped because …".
const REASON =
  /\b(?:but|however|because|since|therefore|instead|rejected|dropped|discarded|not|too|needs?|requires?|would (?:need|require|mean|break|cost))\b/i;

// "An ideal solution would be …", "the obvious fix would have been …".
const IDEAL =
  /\b(?:an|the) (?:ideal|obvious|naive|natural|simplest|easiest|straightforward|perfect|cleanest|best|proper) (?:solution|approach|option|fix|way|design|answer) would (?:be|have been)\b/i;
// …dismissed in the same paragraph: "However, …", "not viable", "too costly".
const DISMISSED =
  /\b(?:but|however|unfortunately|sadly|not (?:viable|feasible|possible|practical|realistic|an option)|too (?:costly|expensive|complex|risky|restrictive|slow|much|big|large|late))\b/i;
// "There was a proposal to include …", "there were suggestions to …".
const PROPOSAL =
  /\bthere (?:was|were|has been|had been|is) (?:a|an|another|one|some|an earlier|a previous|a competing) (?:proposal|suggestion|idea)s? to\b/i;
// "My personal preference is X", "I would have preferred X", "we would rather …".
const PREFERENCE =
  /\b(?:my|our) (?:personal |own |initial |first |original )?preference (?:is|was|would be|would have been)\b|\b(?:i|we) would (?:have )?(?:prefer|preferred|rather)\b/i;
// The sentence then turns it down.
const TURNED_DOWN = /\b(?:but|however|rejected|dropped|not)\b/i;

// Context describes a way of doing it: "A common answer is for the framework to …", "the usual approach is to …".
const APPROACH =
  /\b(?:a|an|the) (?:typical|usual|common|standard|conventional|traditional|obvious|popular|classic|simpler|leaner|lighter|cleaner|better|alternative) (?:answer|response|approach|solution|model|way|pattern|practice|design|option) (?:is|was|would be) (?:for|to)\b/i;
// …and the Decision refuses one: "we will not create an abstraction of …".
const REFUSED =
  /\bwe (?:will|shall|do|did|are going to|have decided to|decided to) not (?:create|use|adopt|build|write|introduce|implement|provide|add|go with|choose|pick|take|follow|wrap|abstract|rely on|depend on)\b|\bwe won['’]t (?:create|use|adopt|build|write|introduce|implement|provide|add|go with|choose|pick|take|follow|wrap|abstract|rely on|depend on)\b/i;

/** The rest of the sentence after `from` (at most 300 characters; "Appendix A.)" does not end it). */
function restOfSentence(text: string, from: number): string {
  const rest = text.slice(from, from + 300);
  const end = rest.search(/[.!?](?=\s|$)/);
  return end === -1 ? rest : rest.slice(0, end);
}

function isProse(block: Block | undefined): block is Block {
  const type = block?.node.type;
  return type === 'paragraph' || type === 'list' || type === 'blockquote';
}

/** A labelled alternative: the label, and the text that describes and dismisses it. */
function labelledAlternative(block: Block, next: Block | undefined): Located<string> | undefined {
  if (block.node.type !== 'paragraph') return undefined;
  const text = block.text;
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const colon = firstLine.indexOf(':');
  const label = (colon !== -1 && colon <= 40 ? firstLine.slice(0, colon) : firstLine).trim();
  if (!ALTERNATIVE_LABEL.test(label)) return undefined;
  let body = (colon !== -1 && colon <= 40 ? text.slice(colon + 1) : newline === -1 ? '' : text.slice(newline + 1)).trim();
  if (body === '' && isProse(next)) body = next.text.trim();
  if (body === '' || NONE.test(body) || !REASON.test(body.slice(0, 600))) return undefined;
  return locatedInBlock(block, 0, label);
}

/** The first sentence of a block that names an alternative and turns it down, or undefined. */
function dismissedInProse(block: Block): Located<string> | undefined {
  const text = block.text;
  let best: { index: number; value: string } | undefined;
  const consider = (index: number, value: string): void => {
    if (!best || index < best.index) best = { index, value };
  };
  const ideal = IDEAL.exec(text);
  if (ideal && DISMISSED.test(text.slice(ideal.index + ideal[0].length, ideal.index + ideal[0].length + 400))) {
    consider(ideal.index, ideal[0]);
  }
  for (const re of [PROPOSAL, PREFERENCE]) {
    const m = re.exec(text);
    if (m && TURNED_DOWN.test(restOfSentence(text, m.index + m[0].length))) consider(m.index, m[0]);
  }
  return best ? locatedInBlock(block, best.index, best.value) : undefined;
}

/** Block indexes that belong to sections with a key (sub-sections included). */
function blocksUnder(spans: SectionSpan[], key: 'context' | 'decision'): Set<number> {
  const out = new Set<number>();
  for (const span of spans) {
    if (span.section.key !== key) continue;
    for (let b = span.start + 1; b < span.end; b += 1) out.add(b);
  }
  return out;
}

/** The Decision's refusal of the usual approach its Context described, or undefined when either half is missing. */
function refusedApproach(blocks: Block[], spans: SectionSpan[]): Located<string> | undefined {
  const context = blocksUnder(spans, 'context');
  const described = [...context].some((b) => isProse(blocks[b]) && APPROACH.test(blocks[b]!.text));
  if (!described) return undefined;
  for (const b of blocksUnder(spans, 'decision')) {
    const block = blocks[b];
    if (!isProse(block)) continue;
    const m = REFUSED.exec(block.text);
    if (m) return locatedInBlock(block, m.index, m[0]);
  }
  return undefined;
}

/** Sentences (and labelled paragraphs) that name an alternative and turn it down, in block order. */
export function readRejectedInProse(blocks: Block[], spans: SectionSpan[]): Located<string>[] {
  const found: Located<string>[] = [];
  for (let b = 0; b < blocks.length; b += 1) {
    const block = blocks[b]!;
    if (!isProse(block)) continue;
    const hit = labelledAlternative(block, blocks[b + 1]) ?? dismissedInProse(block);
    if (hit) found.push(hit);
  }
  const refused = refusedApproach(blocks, spans);
  if (refused) found.push(refused);
  return found;
}
