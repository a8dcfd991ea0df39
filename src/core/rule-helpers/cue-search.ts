/**
 * Finding checklist cues in a document in linear time.
 *
 * Each list of cues (the pillars, the five questions, a lens, a user
 * checklist...) is compiled once into a single regular expression: a trie of
 * the cues' characters, wrapped in Unicode word boundaries. The trie keeps the
 * work at each text position proportional to the longest shared prefix, not to
 * the number of cues, so a section is searched for every cue in one pass.
 * Compiled indexes are cached by the identity of the checklist object they were
 * built from (a WeakMap), so every document of a review reuses them.
 */
import type { DecisionDoc, Section } from '../document/model.js';

/** A compiled cue list: one regex for all cues, and who owns each cue. */
export interface CueIndex {
  regex: RegExp;
  /** Cue key (`cueKey`) -> ids of the items (pillars, questions, choices...) that list it. */
  owners: Map<string, string[]>;
  /** False when no cue was given: nothing can match. */
  hasCues: boolean;
}

/** One cue found in a document. */
export interface CueHit {
  /** Owner id (pillar, question, concern, choice...). */
  owner: string;
  /** The cue's key (`cueKey`). */
  cue: string;
  /** The text as written in the document. */
  text: string;
  line: number;
  /** Up to 40 characters before the match on its line (to spot "not", "n't"). */
  before: string;
  /** True when the match is in a heading, not in a section's text. */
  heading: boolean;
  /** Index of the section in `doc.sections`. */
  section: number;
}

/** One line of document content, with its 1-based source line. */
export interface DocLine {
  line: number;
  text: string;
  /** Index of the section the line belongs to in `doc.sections`; -1 for none. */
  section: number;
  /** True for a heading line. */
  heading: boolean;
}

/** Text searched as one unit: consecutive lines of one section. */
interface Chunk {
  text: string;
  /** Source line of each line of `text`. */
  lines: number[];
  section: number;
  heading: boolean;
}

const REGEX_SYNTAX = /[.*+?^${}()|[\]\\/]/g;
const SPACE_ATOM = '\u0000';
const HYPHEN_ATOM = '\u0001';
const HYPHENS = /[-\u2010\u2011\u2013]/;

/**
 * The key a cue and a matched text share: lower case, without spaces and
 * hyphens, so "multi-AZ", "multi AZ" and "multiaz" find the same owners.
 */
export function cueKey(text: string): string {
  return text.toLowerCase().replace(/[\s\-\u2010\u2011\u2013]+/g, '');
}

/** Normalise text for comparisons: lower case, runs of spaces and hyphens become one space. */
export function normalizeCue(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\-\u2010\u2011\u2013]+/g, ' ')
    .trim();
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

/** Regex of one atom: a space matches any run of spaces or hyphens; a hyphen is optional ("on-call", "oncall", not "on call"). */
function atomSource(atom: string): string {
  if (atom === SPACE_ATOM) return '[\\s\\-\\u2010\\u2011\\u2013]+';
  if (atom === HYPHEN_ATOM) return '[\\-\\u2010\\u2011\\u2013]?';
  return atom.replace(REGEX_SYNTAX, '\\$&');
}

function trieSource(node: TrieNode): string {
  const alternatives: string[] = [];
  for (const [atom, child] of node.children) alternatives.push(atomSource(atom) + trieSource(child));
  if (alternatives.length === 0) return '';
  if (alternatives.length === 1 && !node.end) return alternatives[0] as string;
  return `(?:${alternatives.join('|')})${node.end ? '?' : ''}`;
}

/** Compile cues grouped by owner into one index (not cached; see `cueIndexFor`). */
export function buildCueIndex(entries: Iterable<{ owner: string; cues: readonly string[] }>): CueIndex {
  const owners = new Map<string, string[]>();
  const root: TrieNode = { children: new Map(), end: false };
  const added = new Set<string>();
  for (const { owner, cues } of entries) {
    for (const raw of cues) {
      const cue = raw.toLowerCase().replace(/\s+/g, ' ').trim();
      const key = cueKey(cue);
      if (key === '') continue;
      const list = owners.get(key);
      if (!list) owners.set(key, [owner]);
      else if (!list.includes(owner)) list.push(owner);
      if (added.has(cue)) continue;
      added.add(cue);
      let node = root;
      for (const ch of cue) {
        const atom = ch === ' ' ? SPACE_ATOM : HYPHENS.test(ch) ? HYPHEN_ATOM : ch;
        let next = node.children.get(atom);
        if (!next) {
          next = { children: new Map(), end: false };
          node.children.set(atom, next);
        }
        node = next;
      }
      node.end = true;
    }
  }
  const body = trieSource(root);
  // An optional plural ending lets "runbook" match "runbooks" without listing both.
  // The leading word boundary is checked by `searchCues` (wordCharBefore), not by a
  // lookbehind: V8 would evaluate a lookbehind at every position of the text.
  const regex = new RegExp(`(?:${body || '(?!)'})(?:e?s)?(?![\\p{L}\\p{N}_])`, 'giu');
  return { regex, owners, hasCues: owners.size > 0 };
}

const indexCache = new WeakMap<object, Map<string, CueIndex>>();

/**
 * The compiled index for a checklist object, built on first use and cached by
 * the object's identity (checklists are loaded once and shared by every
 * document); `name` tells apart indexes built from the same object.
 */
export function cueIndexFor(
  key: object,
  name: string,
  entries: () => Iterable<{ owner: string; cues: readonly string[] }>,
): CueIndex {
  let byName = indexCache.get(key);
  if (!byName) {
    byName = new Map();
    indexCache.set(key, byName);
  }
  let index = byName.get(name);
  if (!index) {
    index = buildCueIndex(entries());
    byName.set(name, index);
  }
  return index;
}

function ownerCue(index: CueIndex, matched: string): string | undefined {
  const key = cueKey(matched);
  if (index.owners.has(key)) return key;
  // The optional plural ending: "runbooks" -> "runbook", "caches" -> "cache" (not "rtos" -> "rto": too short to pluralise).
  if (key.endsWith('es') && key.length > 5 && index.owners.has(key.slice(0, -2))) return key.slice(0, -2);
  if (key.endsWith('s') && key.length > 4 && index.owners.has(key.slice(0, -1))) return key.slice(0, -1);
  return undefined;
}

/**
 * A section's own text (before its first sub-section) and the source line of
 * each of its lines, from the parser's line map. A hand-built section without
 * one falls back to an estimate: plain text has lost the blank lines between
 * blocks, so lines are counted from the line after the heading's blank line
 * and clamped to the own span.
 */
function ownLines(doc: DecisionDoc, index: number): { text: string; lines: number[] } {
  const section = doc.sections[index]!;
  const next = doc.sections[index + 1];
  const child = next && next.line <= section.endLine ? next : undefined;
  const all = section.text.split('\n');
  const mapped = section.textLines;
  if (mapped && mapped.length === all.length) {
    // The text includes sub-sections: stop at the first line written on or after the child's heading.
    let count = all.length;
    if (child) {
      count = 0;
      while (count < mapped.length && mapped[count]! < child.line) count++;
    }
    return { text: all.slice(0, count).join('\n'), lines: mapped.slice(0, count) };
  }
  return estimatedLines(section, child, all);
}

/** The line estimate for a section without a line map (see `ownLines`). */
function estimatedLines(section: Section, child: Section | undefined, all: string[]): { text: string; lines: number[] } {
  const ownEnd = child ? child.line - 1 : section.endLine;
  let count = all.length;
  if (child) {
    const at = all.indexOf(child.heading);
    if (at !== -1) count = at;
  }
  const lines: number[] = [];
  let line = ownEnd >= section.line + 1 + count ? section.line + 2 : section.line + 1;
  const last = Math.max(ownEnd, section.line + 1);
  for (let i = 0; i < count; i++) {
    // A table's text drops its delimiter row (|---|): the second row sits two lines below the header.
    if (i >= 1 && all[i]!.includes(' | ') && all[i - 1]!.includes(' | ') && !(all[i - 2] ?? '').includes(' | ')) line++;
    lines.push(Math.min(line, last));
    line++;
  }
  return { text: all.slice(0, count).join('\n'), lines };
}

const chunkCache = new WeakMap<DecisionDoc, { content: Chunk[]; all: Chunk[] }>();

/**
 * The document's searchable content: each section's heading and own text
 * (sub-sections are searched as their own sections, so nothing is read twice).
 * `content` skips sections that hold only template guidance: guidance such as
 * "describe encryption here" is not evidence. `all` keeps them (a section that
 * reads only "N/A" is empty, yet it says something). Cached per document.
 */
function chunks(doc: DecisionDoc, includeEmpty = false): Chunk[] {
  let cached = chunkCache.get(doc);
  if (!cached) {
    const content: Chunk[] = [];
    const all: Chunk[] = [];
    for (let i = 0; i < doc.sections.length; i++) {
      const section = doc.sections[i]!;
      const own = ownLines(doc, i);
      const list = [{ text: section.heading, lines: [section.line], section: i, heading: true }];
      if (own.text.trim() !== '') list.push({ text: own.text, lines: own.lines, section: i, heading: false });
      all.push(...list);
      if (!section.empty) content.push(...list);
    }
    cached = { content, all };
    chunkCache.set(doc, cached);
  }
  return includeEmpty ? cached.all : cached.content;
}

/**
 * Every line of the document's sections (headings and own text), in document
 * order; sections that are only template guidance are left out unless asked for.
 */
export function docLines(doc: DecisionDoc, includeEmpty = false): DocLine[] {
  const out: DocLine[] = [];
  for (const chunk of chunks(doc, includeEmpty)) {
    const parts = chunk.text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      out.push({ line: chunk.lines[i] ?? chunk.lines[0]!, text: parts[i]!, section: chunk.section, heading: chunk.heading });
    }
  }
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/**
 * True when the code point just before `at` is a letter, digit or underscore:
 * what the lookbehind `(?<![\p{L}\p{N}_])` would reject, ASCII answered inline.
 */
function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  // A low surrogate after a high one: the code point is the pair.
  const pair = c >= 0xdc00 && c <= 0xdfff && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800;
  return WORD_CHAR.test(text.slice(pair ? at - 2 : at - 1, at));
}

/** Length in UTF-16 units of the code point at `at`. */
function codePointLength(text: string, at: number): number {
  return (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}

/**
 * Search the document for every cue of an index, one regex pass per chunk.
 * Calls `onHit` for each match in document order; return `false` to stop early.
 */
export function searchCues(doc: DecisionDoc, index: CueIndex, onHit: (hit: CueHit) => boolean | void): void {
  if (!index.hasCues) return;
  const regex = index.regex;
  for (const chunk of chunks(doc)) {
    regex.lastIndex = 0;
    let lineIdx = 0;
    let lineStart = 0;
    let lineEnd = chunk.text.indexOf('\n');
    let match: RegExpExecArray | null;
    while ((match = regex.exec(chunk.text)) !== null) {
      // Not at a word start: resume one code point later, as a failed lookbehind would.
      if (wordCharBefore(chunk.text, match.index)) {
        regex.lastIndex = match.index + codePointLength(chunk.text, match.index);
        continue;
      }
      // Advance the line pointer: matches come in order, so this stays linear.
      while (lineEnd !== -1 && match.index > lineEnd) {
        lineIdx++;
        lineStart = lineEnd + 1;
        lineEnd = chunk.text.indexOf('\n', lineStart);
      }
      const cue = ownerCue(index, match[0]);
      if (cue === undefined) continue;
      const line = chunk.lines[lineIdx] ?? chunk.lines[chunk.lines.length - 1]!;
      const before = chunk.text.slice(Math.max(lineStart, match.index - 40), match.index);
      for (const owner of index.owners.get(cue)!) {
        if (onHit({ owner, cue, text: match[0], line, before, heading: chunk.heading, section: chunk.section }) === false) {
          regex.lastIndex = 0;
          return;
        }
      }
    }
  }
}

const ownerCounts = new WeakMap<CueIndex, number>();

/** How many distinct owners an index's cues name. */
function ownerCount(index: CueIndex): number {
  let count = ownerCounts.get(index);
  if (count === undefined) {
    count = new Set([...index.owners.values()].flat()).size;
    ownerCounts.set(index, count);
  }
  return count;
}

// Coverage and the rules ask for the same index on the same document (the concerns, twice): search once.
const firstHitsCache = new WeakMap<DecisionDoc, WeakMap<CueIndex, Map<string, CueHit>>>();

/** First hit per owner: which owners' cues appear in the document, and where first. Cached; do not modify. */
export function firstHits(doc: DecisionDoc, index: CueIndex): Map<string, CueHit> {
  let byIndex = firstHitsCache.get(doc);
  if (!byIndex) {
    byIndex = new WeakMap();
    firstHitsCache.set(doc, byIndex);
  }
  let found = byIndex.get(index);
  if (!found) {
    const hits = new Map<string, CueHit>();
    const owners = ownerCount(index);
    searchCues(doc, index, (hit) => {
      if (!hits.has(hit.owner)) hits.set(hit.owner, hit);
      // Every owner found: later hits cannot change the answer, so stop reading.
      return hits.size < owners;
    });
    byIndex.set(index, hits);
    found = hits;
  }
  return found;
}
