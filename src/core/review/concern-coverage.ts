/**
 * Which cross-cutting concerns (checklists/cross-cutting.yml) a document
 * mentions: a cue anywhere, or a non-empty section that is about the concern
 * (its key, as for the failure-modes and rollout sections, or its heading).
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

/**
 * Words that, in a non-empty section's heading, show the concern has a place
 * of its own ("### Capacity", "## Security", "### Retries and timeouts"),
 * by concern id of checklists/cross-cutting.yml.
 */
const CONCERN_HEADINGS: Readonly<Record<string, readonly string[]>> = {
  'scale-10x': ['capacity', 'scalability', 'scaling', 'scale', 'limits', 'growth'],
  'trust-boundaries': ['security', 'authentication', 'authorization', 'authorisation', 'threat model', 'trust boundaries'],
  bottlenecks: ['performance', 'latency', 'throughput', 'bottlenecks'],
  observability: ['observability', 'monitoring', 'metrics', 'alerting', 'logging', 'telemetry'],
  'error-handling': ['error handling', 'errors', 'retries', 'failure handling'],
  'failure-modes': ['failure modes', 'failure scenarios', 'resilience'],
  configuration: ['configuration', 'config', 'feature flags'],
  'testing-strategy': ['testing', 'test plan', 'tests', 'verification'],
  'cost-to-run': ['cost', 'costs', 'cost model', 'pricing', 'budget'],
  maintainability: ['maintainability', 'maintenance', 'ownership', 'operability'],
  'rollout-rollback': ['rollout', 'rollback', 'deployment', 'release plan', 'launch plan', 'migration plan'],
  'trade-offs-named': ['trade-offs', 'tradeoffs', 'drawbacks'],
};

/** A heading as `headingNamesConcern` compares it: lower case, words padded with single spaces. */
function headingWords(heading: string): string {
  return ` ${heading.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function headingNamesConcern(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(` ${w.replace(/-/g, ' ')} `));
}

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
  // Each heading normalised once, not once per concern.
  const headings: (string | undefined)[] = new Array(doc.sections.length);
  const headingOf = (i: number): string => (headings[i] ??= headingWords(doc.sections[i]!.heading));
  for (const concern of concerns) {
    const key = CONCERN_SECTIONS[concern.id];
    const words = CONCERN_HEADINGS[concern.id] ?? [];
    const section = doc.sections.find(
      (s, i) => !s.empty && ((key !== undefined && s.key === key) || (words.length > 0 && headingNamesConcern(headingOf(i), words))),
    );
    if (section && (!found.has(concern.id) || found.get(concern.id)! > section.line)) found.set(concern.id, section.line);
  }
  return found;
}
