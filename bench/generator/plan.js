/**
 * The corpus plan: which documents exist, where, with which number, title,
 * target size and cross references (supersession), decided before any text
 * is written so documents can link to each other.
 */

import { posix } from 'node:path';
import { decisionTitle, decisionTitleFr, designTitle, slugify } from './prose.js';
import { isoDate, dayToDate } from './blocks.js';

/** @typedef {import('./random.js').Random} Random */

/**
 * @typedef {'nygard' | 'trade-off' | 'madr' | 'madr-fr' | 'design' | 'rfc' | 'index'} DocKind
 *
 * @typedef {object} PlannedDoc
 * @property {number} id            position in the plan; seeds the document's own random stream
 * @property {DocKind} kind
 * @property {string} path          POSIX path relative to the corpus root
 * @property {number} number        ADR / RFC number (0 when not numbered)
 * @property {string} title
 * @property {number} lines         target line count
 * @property {number} day           days after 2016-01-04 (the decision date)
 * @property {boolean} revisit      writes revisit triggers
 * @property {boolean} leftovers    keeps some template leftovers
 * @property {PlannedDoc} [supersededBy]
 * @property {PlannedDoc} [supersedes]
 * @property {boolean} [backlink]   the successor links back to what it supersedes
 * @property {number} [bigTableRows] rows of an appendix table (design docs)
 *
 * @typedef {object} LinkContext
 * @property {(from: PlannedDoc, to: PlannedDoc) => string} link  relative link from one doc to another
 * @property {(r: Random, from: PlannedDoc) => PlannedDoc | undefined} randomAdr  some other ADR to link to
 */

/** Share of each kind; ADRs about 80 %, design docs about 20 %. */
export const MIX = { design: 0.12, rfc: 0.08, tradeOff: 0.035, madrFr: 0.02, madr: 0.27 };

/**
 * Number the docs of one folder in order: mostly +1, with gaps and a few duplicates.
 * @param {Random} r
 * @param {PlannedDoc[]} docs
 */
function numberSequence(r, docs, gapChance = 0.03, duplicateChance = 0.008) {
  let n = 0;
  for (const [i, doc] of docs.entries()) {
    if (i > 1 && r.chance(duplicateChance)) {
      doc.number = n;
    } else {
      n += r.chance(gapChance) ? r.int(2, 4) : 1;
      doc.number = n;
    }
  }
}

/**
 * Pick some docs of a folder to be superseded by a later one.
 * @param {Random} r
 * @param {PlannedDoc[]} docs
 * @param {number} chance
 */
function planSupersession(r, docs, chance) {
  for (let i = 0; i < docs.length - 2; i++) {
    if (docs[i].supersededBy || !r.chance(chance)) continue;
    const j = r.int(i + 1, Math.min(docs.length - 1, i + 40));
    if (docs[j].supersedes || docs[j].supersededBy) continue;
    docs[i].supersededBy = docs[j];
    docs[j].supersedes = docs[i];
    docs[j].backlink = r.chance(0.7);
  }
}

/**
 * The full plan for `count` documents.
 * @param {Random} r
 * @param {number} count
 * @returns {PlannedDoc[]}
 */
export function planCorpus(r, count) {
  const withIndex = count >= 20;
  const design = Math.round(count * MIX.design);
  const rfc = Math.round(count * MIX.rfc);
  const adrTotal = count - design - rfc - (withIndex ? 1 : 0);
  const tradeOff = Math.round(adrTotal * MIX.tradeOff / 0.8);
  const madrFr = Math.round(adrTotal * MIX.madrFr / 0.8);
  const madr = Math.round(adrTotal * MIX.madr / 0.8);
  const nygard = adrTotal - tradeOff - madrFr - madr;

  /** @type {PlannedDoc[]} */
  const docs = [];
  const make = (/** @type {DocKind} */ kind) => {
    /** @type {PlannedDoc} */
    const doc = { id: docs.length, kind, path: '', number: 0, title: '', lines: 0, day: 0, revisit: false, leftovers: false };
    docs.push(doc);
    return doc;
  };

  // docs/adr: Nygard and trade-off records share one numbering, in random order.
  const adrFolder = r.shuffle([...Array(nygard).fill('nygard'), ...Array(tradeOff).fill('trade-off')]).map(make);
  const decisionsFolder = r.shuffle([...Array(madr).fill('madr'), ...Array(madrFr).fill('madr-fr')]).map(make);
  const designFolder = Array.from({ length: design }, () => make('design'));
  const rfcFolder = Array.from({ length: rfc }, () => make('rfc'));

  numberSequence(r, adrFolder);
  numberSequence(r, decisionsFolder, 0.02, 0.003);
  // RFC numbers are PR numbers: increasing with large gaps.
  let rfcNumber = r.int(1, 20);
  for (const doc of rfcFolder) {
    doc.number = rfcNumber;
    rfcNumber += r.int(1, 25);
  }

  const used = new Set();
  const unique = (/** @type {string} */ path) => {
    let p = path;
    for (let k = 2; used.has(p); k++) p = path.replace(/(\/README)?\.md$/, (/** @type {string} */ m) => `-${k}${m}`);
    used.add(p);
    return p;
  };
  const num4 = (/** @type {number} */ n) => String(n).padStart(4, '0');

  for (const [i, doc] of adrFolder.entries()) {
    doc.title = i === 0 ? 'Record architecture decisions' : decisionTitle(r);
    doc.day = 120 + doc.number * r.int(3, 9);
    doc.lines = doc.kind === 'trade-off' ? r.logNormal(110, 0.4, 60, 320) : r.logNormal(65, 0.5, 30, 320);
    doc.revisit = doc.kind === 'trade-off' ? r.chance(0.6) : r.chance(0.06);
    doc.leftovers = r.chance(0.08);
    doc.path = unique(`docs/adr/${num4(doc.number)}-${slugify(doc.title)}.md`);
  }
  for (const [i, doc] of decisionsFolder.entries()) {
    const fr = doc.kind === 'madr-fr';
    doc.title = i === 0 && !fr ? 'Use Markdown Architectural Decision Records' : fr ? decisionTitleFr(r) : decisionTitle(r);
    doc.day = 900 + doc.number * r.int(4, 12);
    doc.lines = r.logNormal(fr ? 55 : 70, 0.45, 30, 300);
    doc.revisit = r.chance(0.05);
    doc.leftovers = r.chance(0.1);
    doc.path = unique(`docs/decisions/${num4(doc.number)}-${slugify(doc.title)}.md`);
  }
  for (const doc of [...designFolder, ...rfcFolder]) {
    doc.title = designTitle(r);
    doc.day = r.int(300, 3700);
    doc.lines = r.logNormal(600, 0.6, 300, 3000);
    doc.revisit = r.chance(0.08);
    doc.leftovers = r.chance(0.06);
    if (r.chance(0.15)) doc.bigTableRows = Math.min(r.int(100, 400), Math.round(doc.lines * 0.6));
    if (doc.kind === 'rfc') {
      doc.path = unique(`rfcs/${num4(doc.number)}-${slugify(doc.title)}.md`);
    } else {
      const slug = slugify(doc.title);
      doc.path = unique(r.weighted([
        [50, `docs/design/${slug}.md`],
        [30, `docs/design/${r.int(100, 9999)}-${slug}.md`],
        [20, `docs/design/${isoDate(dayToDate(doc.day))}-${slug}/README.md`],
      ]));
    }
  }
  // Realistic corpora reach 3,000-line design docs: make sure the biggest one does.
  const longDocs = [...designFolder, ...rfcFolder];
  if (longDocs.length >= 5) {
    const biggest = longDocs.reduce((a, b) => (b.lines > a.lines ? b : a));
    biggest.lines = 3000;
    biggest.bigTableRows = 400;
  }

  planSupersession(r, adrFolder, 0.06);
  planSupersession(r, decisionsFolder, 0.03);

  if (withIndex) {
    const index = make('index');
    index.title = 'Architecture Decision Records';
    index.path = unique('docs/adr/README.md');
    index.lines = adrFolder.length + 6;
  }
  return docs;
}

/**
 * Links between planned docs: relative paths, and a random ADR to point at.
 * @param {PlannedDoc[]} docs
 * @returns {LinkContext}
 */
export function linkContext(docs) {
  const adrs = docs.filter((d) => d.kind === 'nygard' || d.kind === 'trade-off' || d.kind === 'madr');
  return {
    link: (from, to) => posix.relative(posix.dirname(from.path), to.path),
    randomAdr: (r, from) => {
      if (adrs.length < 2) return undefined;
      const pick = r.pick(adrs);
      return pick === from ? undefined : pick;
    },
  };
}
