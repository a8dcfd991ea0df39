/**
 * Which cross-cutting concerns (checklists/cross-cutting.yml) a document
 * mentions: a cue anywhere, or a non-empty section that is about the concern
 * (its key, as for the failure-modes and rollout sections, or a heading that
 * contains one of the concern's `headings` phrases).
 */
import type { Concern } from '../checklists/types.js';
import type { DecisionDoc, SectionKey } from '../document/model.js';
import { cueIndexFor, firstHits } from './cue-search.js';
import { headingHasPhrase } from './design-headings.js';

/** Sections that answer a concern by themselves, by concern id. */
const CONCERN_SECTIONS: Readonly<Record<string, SectionKey>> = {
  'failure-modes': 'failure-modes',
  'rollout-rollback': 'rollout',
  'trade-offs-named': 'trade-offs',
};

// design-cross-cutting and design-failure-modes both ask, per document: answer once.
const cache = new WeakMap<DecisionDoc, WeakMap<Concern[], Map<string, number>>>();

/** Line of the first evidence per mentioned concern id; concerns not mentioned are absent. Cached; do not modify. */
export function concernCoverage(doc: DecisionDoc, concerns: Concern[]): Map<string, number> {
  let byList = cache.get(doc);
  if (!byList) {
    byList = new WeakMap();
    cache.set(doc, byList);
  }
  let found = byList.get(concerns);
  if (!found) {
    found = computeConcernCoverage(doc, concerns);
    byList.set(concerns, found);
  }
  return found;
}

function computeConcernCoverage(doc: DecisionDoc, concerns: Concern[]): Map<string, number> {
  const index = cueIndexFor(concerns, 'concerns', () => concerns.map((c) => ({ owner: c.id, cues: c.cues })));
  const found = new Map<string, number>();
  for (const [id, hit] of firstHits(doc, index)) found.set(id, hit.line);
  for (const concern of concerns) {
    const key = CONCERN_SECTIONS[concern.id];
    const phrases = concern.headings ?? [];
    // The title names the document ("Design: rollout of …"); it is not a section about the concern.
    const section = doc.sections.find(
      (s) =>
        s.line !== doc.title?.line && !s.empty && ((key !== undefined && s.key === key) || headingHasPhrase(s.heading, phrases)),
    );
    if (section && (!found.has(concern.id) || found.get(concern.id)! > section.line)) found.set(concern.id, section.line);
  }
  return found;
}
