/**
 * Which cross-cutting concerns (checklists/cross-cutting.yml) a document
 * mentions: a cue anywhere, or a non-empty section whose key is the concern's
 * (the failure-modes and rollout sections).
 */
import type { Concern } from '../checklists/types.js';
import type { DecisionDoc, SectionKey } from '../document/model.js';
import { cueIndexFor, firstHits } from './cue-search.js';

/** Sections that answer a concern by themselves, by concern id. */
const CONCERN_SECTIONS: Readonly<Record<string, SectionKey>> = {
  'failure-modes': 'failure-modes',
  'rollout-rollback': 'rollout',
  'trade-offs-named': 'trade-offs',
};

/** Line of the first evidence per mentioned concern id; concerns not mentioned are absent. */
export function concernCoverage(doc: DecisionDoc, concerns: Concern[]): Map<string, number> {
  const index = cueIndexFor(concerns, 'concerns', () => concerns.map((c) => ({ owner: c.id, cues: c.cues })));
  const found = new Map<string, number>();
  for (const [id, hit] of firstHits(doc, index)) found.set(id, hit.line);
  for (const concern of concerns) {
    const key = CONCERN_SECTIONS[concern.id];
    const section = key ? doc.sections.find((s) => s.key === key && !s.empty) : undefined;
    if (section && (!found.has(concern.id) || found.get(concern.id)! > section.line)) found.set(concern.id, section.line);
  }
  return found;
}
