/**
 * Decision type (domain.md section 4): Type 1 "one-way door" or Type 2
 * "two-way door", from the first phrase that says so, plus the checklist's
 * rigor cues. Template guidance ("Type 1 or 2") and negations ("not a
 * one-way door") do not count.
 */
import type { DecisionRigor } from '../checklists/types.js';
import type { DecisionType, Located } from './model.js';
import type { Block } from './sections.js';
import { linesBefore } from './text-place.js';

const TYPE1 = ['type[- ]?(?:1|one|I)', 'one[- ]way doors?', 'irreversible'];
const TYPE2 = ['type[- ]?(?:2|two|II)', 'two[- ]way doors?', 'easily reversible'];
const GUIDANCE_AFTER = /^\s*(?:or|\/|vs\.?|versus|and)\s*(?:type[- ]?)?(?:2|two|ii)(?![\p{L}\p{N}])/iu;
const GUIDANCE_BEFORE = /type[- ]?(?:1|one|i)\s*(?:or|\/|vs\.?|versus|and)\s*(?:type[- ]?)?$/i;
const NEGATION_BEFORE = /(?:\bnot|n't|\bno|\bnever)\s+(?:an?\s+|really\s+|truly\s+)?$/i;

/** Build the two phrase matchers once per checklist (cues are lower-case phrases, matched on word boundaries). */
export function decisionTypeMatcher(rigor: DecisionRigor | undefined): RegExp {
  const escape = (s: string): string => s.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const cues1 = (rigor?.type1Cues ?? []).filter((c) => c.trim() !== '').map(escape);
  const cues2 = (rigor?.type2Cues ?? []).filter((c) => c.trim() !== '').map(escape);
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
      if (NEGATION_BEFORE.test(before)) continue;
      const value: DecisionType = m[1] !== undefined ? 'type-1' : 'type-2';
      if (value === 'type-1' && GUIDANCE_AFTER.test(after)) continue;
      if (value === 'type-2' && GUIDANCE_BEFORE.test(before)) continue;
      const lineOffset = linesBefore(text, m.index);
      return { value, line: block.line + lineOffset, column: lineOffset === 0 ? block.column : 1 };
    }
  }
  return undefined;
}
