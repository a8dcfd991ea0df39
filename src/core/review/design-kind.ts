/**
 * What a design doc designs (domain.md section 8): a running system (a
 * service, a pipeline, infrastructure) or a change to a language, library,
 * API, file format or process. The Well-Architected pillars, the
 * cross-cutting concerns, failure modes and rollout are questions for the
 * first kind; asking a language proposal about its sustainability is noise.
 *
 * The answer, in order of precedence:
 * 1. front matter `design-kind: system | change`;
 * 2. the config's `paths.systemDesign` / `paths.changeProposal` globs;
 * 3. the document's own words: distinct words of each kind counted in its
 *    text (not its headings), at most `FAMILY_CAP` per family of
 *    near-synonyms, plus the headings of public change-proposal templates as
 *    change words. A system design needs at least `MIN_SYSTEM_SIGNALS`
 *    system words and `SYSTEM_RATIO` times as many as change words; anything
 *    else reads as a change. Pure and linear: one cue pass over the text.
 */
import picomatch from 'picomatch';
import type { Config } from '../../config/schema.js';
import { normalizeHeading } from '../document/headings.js';
import type { DecisionDoc } from '../document/model.js';
import { cueIndexFor, searchCues } from '../rule-helpers/cue-search.js';
import {
  CHANGE_FAMILIES,
  CHANGE_TEMPLATE_HEADINGS,
  FAMILY_CAP,
  SYSTEM_FAMILIES,
} from './design-kind-signals.js';

/** A design for a running system, or a change to a language, library, API, file format or process. */
export type DesignKind = 'system' | 'change';

/** The classifier's answer and why, as the coverage report shows it. */
export interface DesignKindResult {
  kind: DesignKind;
  source: 'front-matter' | 'config' | 'signals';
  /** One sentence: why this kind. */
  reason: string;
  /** Distinct system words found (family-capped), in document order; empty when an override decided. */
  systemSignals: string[];
  /** Distinct change words and template headings found (family-capped), in document order; empty when an override decided. */
  changeSignals: string[];
}

/** Fewest system words for a system design: a short note naming AWS once is not one. */
export const MIN_SYSTEM_SIGNALS = 4;
/** How many times more system words than change words a system design needs. */
export const SYSTEM_RATIO = 2.5;
/** Front matter keys that set the kind. */
const FRONT_MATTER_KEYS = ['design-kind', 'design_kind', 'designKind'] as const;
/** How many signals a reason lists. */
const SHOWN = 5;

const SYSTEM_PREFIX = 's\u0000';
const CHANGE_PREFIX = 'c\u0000';

/** The cue index of both vocabularies, owners prefixed by kind. Built once (the families are constants). */
function signalIndex() {
  return cueIndexFor(SYSTEM_FAMILIES, 'design-kind', () => [
    ...SYSTEM_FAMILIES.map((f) => ({ owner: SYSTEM_PREFIX + f.id, cues: f.cues })),
    ...CHANGE_FAMILIES.map((f) => ({ owner: CHANGE_PREFIX + f.id, cues: f.cues })),
  ]);
}

// Globs compiled once per config object.
const globCache = new WeakMap<Config, { system: (p: string) => boolean; change: (p: string) => boolean }>();

function configGlobs(config: Config) {
  let m = globCache.get(config);
  if (!m) {
    const pm = (globs: readonly string[]) => (globs.length > 0 ? picomatch([...globs], { dot: true }) : () => false);
    m = { system: pm(config.paths.systemDesign ?? []), change: pm(config.paths.changeProposal ?? []) };
    globCache.set(config, m);
  }
  return m;
}

/** The kind named in front matter, or a note that the value was not understood. */
function fromFrontMatter(doc: DecisionDoc): { kind?: DesignKind; invalid?: string } {
  const fm = doc.frontMatter;
  if (!fm) return {};
  for (const key of FRONT_MATTER_KEYS) {
    const value = fm[key];
    if (value === undefined || value === null) continue;
    const text = String(value).trim().toLowerCase();
    if (text === 'system' || text === 'system-design') return { kind: 'system' };
    if (text === 'change' || text === 'change-proposal') return { kind: 'change' };
    return { invalid: `${key}: ${String(value).slice(0, 40)}` };
  }
  return {};
}

/** Distinct words per family, capped, in document order; `body` words only (headings are counted apart). */
function countSignals(doc: DecisionDoc): { system: string[]; change: string[] } {
  const perFamily = new Map<string, Set<string>>();
  const system: string[] = [];
  const change: string[] = [];
  searchCues(doc, signalIndex(), (hit) => {
    if (hit.heading) return;
    let words = perFamily.get(hit.owner);
    if (!words) {
      words = new Set();
      perFamily.set(hit.owner, words);
    }
    const stem = stemOf(hit.cue);
    if (words.size >= FAMILY_CAP || words.has(stem)) return;
    words.add(stem);
    const word = hit.text.toLowerCase().replace(/\s+/g, ' ');
    (hit.owner.startsWith(SYSTEM_PREFIX) ? system : change).push(word);
  });
  let templates = 0;
  for (const section of doc.sections) {
    if (templates >= FAMILY_CAP) break;
    const heading = withoutTrailingNote(normalizeHeading(section.heading));
    if (CHANGE_TEMPLATE_HEADINGS.has(heading)) {
      change.push(`"${section.heading}" heading`);
      templates++;
    }
  }
  return { system, change };
}

/** One word however it is inflected: "deploy", "deployed" and "deploying" are one signal, not three. */
function stemOf(key: string): string {
  let stem = key;
  if (stem.endsWith('ing') && stem.length >= 7) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') && stem.length >= 6) stem = stem.slice(0, -2);
  if (stem.endsWith('s') && stem.length >= 5) stem = stem.slice(0, -1);
  return stem;
}

/** "Alternatives (not implemented)", "Open questions [optional]" -> the heading without its trailing note. */
function withoutTrailingNote(heading: string): string {
  const close = heading.at(-1);
  if (close !== ')' && close !== ']') return heading;
  const open = heading.lastIndexOf(close === ')' ? '(' : '[');
  return open > 0 ? heading.slice(0, open).trimEnd() : heading;
}

function list(words: string[]): string {
  if (words.length === 0) return 'none';
  const shown = words.slice(0, SHOWN).join(', ');
  return words.length > SHOWN ? `${shown}, …` : shown;
}

/** Classify a design doc. Pure; linear in the document's size (the words are counted only when nothing overrides them). */
export function classifyDesign(doc: DecisionDoc, config?: Config): DesignKindResult {
  const none = { systemSignals: [], changeSignals: [] };
  const set = fromFrontMatter(doc);
  if (set.kind) {
    return { ...none, kind: set.kind, source: 'front-matter', reason: `front matter says design-kind: ${set.kind}` };
  }
  if (config) {
    const globs = configGlobs(config);
    if (globs.system(doc.path)) {
      return { ...none, kind: 'system', source: 'config', reason: 'the path matches paths.systemDesign in the config' };
    }
    if (globs.change(doc.path)) {
      return { ...none, kind: 'change', source: 'config', reason: 'the path matches paths.changeProposal in the config' };
    }
  }
  const { system, change } = countSignals(doc);
  const isSystem = system.length >= MIN_SYSTEM_SIGNALS && system.length >= SYSTEM_RATIO * change.length;
  const counts =
    `${system.length} system signal${system.length === 1 ? '' : 's'} (${list(system)}) against ` +
    `${change.length} change signal${change.length === 1 ? '' : 's'} (${list(change)})`;
  const note = set.invalid ? `; front matter "${set.invalid}" is neither system nor change` : '';
  const reason = isSystem
    ? `it reads as a design for a running system: ${counts}${note}`
    : `it reads as a change to a language, library, API, file format or process, not a running system: ${counts}${note}`;
  return { systemSignals: system, changeSignals: change, kind: isSystem ? 'system' : 'change', source: 'signals', reason };
}
