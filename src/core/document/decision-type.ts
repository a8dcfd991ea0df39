/**
 * Decision type (domain.md section 4): Type 1 "one-way door" or Type 2
 * "two-way door", from the first phrase that says so, plus the checklist's
 * rigor cues. Template guidance ("Type 1 or 2") and negations ("not a
 * one-way door", "no risk of lock-in") do not count. A cue that names a topic
 * rather than the door ("public API", "cloud provider") counts in the title
 * or in a sentence that chooses it ("we are choosing the primary database"),
 * not where the record only mentions it ("the public API must not change").
 */
import type { DecisionRigor } from './parse-vocabulary.js';
import type { DecisionType, Located } from './model.js';
import type { Block } from './sections.js';
import { phraseSource } from './escape-regexp.js';
import { linesBefore } from './text-place.js';

const TYPE1 = ['type[- ]?(?:1|one|I)', 'one[- ]way doors?', 'irreversible'];
const TYPE2 = ['type[- ]?(?:2|two|II)', 'two[- ]way doors?', 'easily reversible'];
const GUIDANCE_AFTER = /^\s*(?:or|\/|vs\.?|versus|and)\s*(?:type[- ]?)?(?:2|two|ii)(?![\p{L}\p{N}])/iu;
const GUIDANCE_BEFORE = /type[- ]?(?:1|one|i)\s*(?:or|\/|vs\.?|versus|and)\s*(?:type[- ]?)?$/i;
// "not a one-way door", "no risk of lock-in", "without vendor lock-in", "avoids lock-in".
const NEGATION_BEFORE =
  /(?:\bnot|n't|\bno|\bnever|\bwithout|\bavoids?|\bavoiding|\bprevents?|\bfree (?:of|from)|\bless)\s+(?:(?:an?|the|any|real|really|truly|much|more|risk of|danger of|chance of|fear of|vendor)\s+){0,2}$/i;
// "is it a one-way door? No", "irreversible? Not at all".
const NEGATION_AFTER = /^\W{0,3}\s*(?:no|not (?:really|at all|here|in this case))\b/i;
// A cue that states the door itself; other cues name a topic ("public API", "cloud provider").
const EXPLICIT = /door|revers|type/i;
// A topic is a decision's type only where the record chooses it: "we are choosing the primary database".
const CHOICE =
  /\b(?:choos(?:e|es|ing)|chose|chosen|pick(?:s|ing|ed)?|select(?:s|ing|ed)?|adopt(?:s|ing|ed)?|decid(?:e|es|ing|ed)|switch(?:es|ing|ed)? to|migrat(?:e|es|ing|ed) to|replac(?:e|es|ing)|commit(?:s|ting|ted)? to|standardi[sz](?:e|es|ing|ed) on)\b/i;

/** The sentence of `text` around `index` (bounded, so the scan stays linear). */
function sentenceAround(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 160);
  const before = text.slice(from, index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('; ')) + 1;
  const after = text.slice(index + length, index + length + 120);
  const end = after.search(/[.;]\s|\n/);
  return before.slice(start) + text.slice(index, index + length) + (end === -1 ? after : after.slice(0, end));
}

/** Build the two phrase matchers once per checklist (cues are lower-case phrases, matched on word boundaries). */
export function decisionTypeMatcher(rigor: DecisionRigor | undefined): RegExp {
  const cues1 = (rigor?.type1Cues ?? []).filter((c) => c.trim() !== '').map(phraseSource);
  const cues2 = (rigor?.type2Cues ?? []).filter((c) => c.trim() !== '').map(phraseSource);
  const group = (parts: string[]): string => `(${parts.join('|')})`;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${group([...TYPE1, ...cues1])}|${group([...TYPE2, ...cues2])})(?![\\p{L}\\p{N}])`,
    'giu',
  );
}

/** The first statement of decision type in the blocks (code excluded), with its line. */
export function readDecisionType(blocks: Block[], matcher: RegExp): Located<DecisionType> | undefined {
  for (const block of blocks) {
    if (block.node.type === 'code' || block.node.type === 'html') continue;
    const text = block.text;
    matcher.lastIndex = 0;
    for (let m = matcher.exec(text); m; m = matcher.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after)) continue;
      const isTitle = block.node.type === 'heading' && block.node.depth === 1;
      if (!EXPLICIT.test(m[0]) && !isTitle && !CHOICE.test(sentenceAround(text, m.index, m[0].length))) continue;
      const value: DecisionType = m[1] !== undefined ? 'type-1' : 'type-2';
      if (value === 'type-1' && GUIDANCE_AFTER.test(after)) continue;
      if (value === 'type-2' && GUIDANCE_BEFORE.test(before)) continue;
      const lineOffset = linesBefore(text, m.index);
      return { value, line: block.line + lineOffset, column: lineOffset === 0 ? block.column : 1 };
    }
  }
  return undefined;
}
