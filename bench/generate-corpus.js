#!/usr/bin/env node
/**
 * Deterministic corpus of ADRs and design docs for the benchmark.
 *
 *   node bench/generate-corpus.js [dir] [--count N] [--seed S]
 *
 * Same seed and count give byte-identical files. The mix follows real repos
 * (about 80 % ADRs: Nygard in docs/adr, MADR 2-4 and a few French MADR in
 * docs/decisions, a few trade-off-template ADRs; about 20 % design docs in
 * docs/design and rfcs), ADRs mostly 30-150 lines, design docs 300-3,000.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random } from './generator/random.js';
import { linkContext, planCorpus } from './generator/plan.js';
import { nygardAdr } from './generator/nygard-adr.js';
import { tradeOffAdr } from './generator/trade-off-adr.js';
import { madrAdr, madrAdrFr } from './generator/madr-adr.js';
import { designDoc } from './generator/design-doc.js';

/** Bumped whenever the generator's output changes, so stale corpora get rebuilt. */
export const GENERATOR_VERSION = 2;

/** Name of the stamp file written at the corpus root. */
export const STAMP_FILE = '.corpus.json';

/** @typedef {import('./generator/plan.js').PlannedDoc} PlannedDoc */
/** @typedef {import('./generator/plan.js').LinkContext} LinkContext */

/**
 * @typedef {object} CorpusFile
 * @property {string} path   POSIX path relative to the corpus root
 * @property {import('./generator/plan.js').DocKind} kind
 * @property {number} lines
 * @property {number} bytes
 *
 * @typedef {object} CorpusSummary
 * @property {string} dir
 * @property {number} seed
 * @property {number} count
 * @property {number} version
 * @property {number} totalBytes
 * @property {number} totalLines
 * @property {CorpusFile[]} files
 */

/**
 * The ADR index (docs/adr/README.md) that many repos keep.
 * @param {PlannedDoc} index
 * @param {PlannedDoc[]} docs
 * @param {LinkContext} ctx
 */
function adrIndex(index, docs, ctx) {
  const lines = [`# ${index.title}`, '', 'This log lists the architecturally significant decisions of the platform.', ''];
  for (const d of docs) {
    if (d.kind === 'nygard' || d.kind === 'trade-off') lines.push(`* [${d.number}. ${d.title}](${ctx.link(index, d)})`);
  }
  lines.push('', 'New records: `adr new <title>`.');
  return lines;
}

/**
 * Text of every planned document, keyed by path, in plan order.
 * @param {number} seed
 * @param {number} count
 * @returns {{ doc: PlannedDoc, text: string }[]}
 */
export function renderCorpus(seed, count) {
  const root = new Random(seed);
  const docs = planCorpus(root.fork('plan'), count);
  const ctx = linkContext(docs);
  return docs.map((doc) => {
    const r = root.fork(`doc:${doc.id}`);
    let lines;
    switch (doc.kind) {
      case 'nygard': lines = nygardAdr(r, doc, ctx); break;
      case 'trade-off': lines = tradeOffAdr(r, doc, ctx); break;
      case 'madr': lines = madrAdr(r, doc, ctx); break;
      case 'madr-fr': lines = madrAdrFr(r, doc, ctx); break;
      case 'index': lines = adrIndex(doc, docs, ctx); break;
      default: lines = designDoc(r, doc, ctx);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    // A few files from Windows editors, a few without a final newline.
    const eol = r.chance(0.01) ? '\r\n' : '\n';
    const text = lines.join(eol) + (r.chance(0.03) ? '' : eol);
    return { doc, text };
  });
}

/**
 * Write the corpus into `dir`. A directory that already holds a generated
 * corpus (it has the stamp file) is replaced; any other non-empty directory is
 * refused, so a typo cannot wipe real files.
 * @param {string} dir
 * @param {{ seed?: number, count?: number }} [options]
 * @returns {CorpusSummary}
 */
export function generateCorpus(dir, { seed = 42, count = 1000 } = {}) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    if (!existsSync(join(root, STAMP_FILE))) {
      throw new Error(`${root} is not empty and has no ${STAMP_FILE}: refusing to overwrite it. Pick an empty or new directory.`);
    }
    rmSync(root, { recursive: true, force: true });
  }
  mkdirSync(root, { recursive: true });

  /** @type {CorpusFile[]} */
  const files = [];
  let totalBytes = 0;
  let totalLines = 0;
  for (const { doc, text } of renderCorpus(seed, count)) {
    const target = join(root, doc.path);
    mkdirSync(dirname(target), { recursive: true });
    const buffer = Buffer.from(text, 'utf8');
    writeFileSync(target, buffer);
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    files.push({ path: doc.path, kind: doc.kind, lines, bytes: buffer.length });
    totalBytes += buffer.length;
    totalLines += lines;
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  /** @type {CorpusSummary} */
  const summary = { dir: root, seed, count, version: GENERATOR_VERSION, totalBytes, totalLines, files };
  writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ seed, count, version: GENERATOR_VERSION, totalBytes, totalLines, files: files.length })}\n`);
  return summary;
}

/**
 * The stamp of a generated corpus, or null when there is none.
 * @param {string} dir
 * @returns {{ seed: number, count: number, version: number, totalBytes: number, totalLines: number, files: number } | null}
 */
export function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, STAMP_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * One line per kind: count, median and max lines.
 * @param {CorpusSummary} summary
 */
export function describeCorpus(summary) {
  /** @type {Map<string, number[]>} */
  const byKind = new Map();
  for (const f of summary.files) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f.lines]);
  const out = [`${summary.files.length} files, ${(summary.totalBytes / 1e6).toFixed(1)} MB, ${summary.totalLines.toLocaleString('en-US')} lines (seed ${summary.seed}) in ${summary.dir}`];
  for (const [kind, lines] of [...byKind.entries()].sort()) {
    const sorted = lines.slice().sort((a, b) => a - b);
    out.push(`  ${kind.padEnd(10)} ${String(sorted.length).padStart(5)} files, lines median ${sorted[Math.floor(sorted.length / 2)]}, min ${sorted[0]}, max ${sorted[sorted.length - 1]}`);
  }
  return out.join('\n');
}

/**
 * Parse `[dir] [--count N] [--seed S]`.
 * @param {string[]} argv
 */
function parseArgs(argv) {
  const opts = { dir: 'bench/corpus', count: 1000, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--count' || a === '--seed') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v)) throw new Error(`${a} needs an integer, e.g. ${a} ${a === '--count' ? 1000 : 42}`);
      opts[/** @type {'count' | 'seed'} */ (a.slice(2))] = v;
    } else if (a === '-h' || a === '--help') {
      console.log('Usage: node bench/generate-corpus.js [dir] [--count N] [--seed S]   (defaults: bench/corpus, 1000, 42)');
      process.exit(0);
    } else if (a.startsWith('-')) {
      throw new Error(`Unknown option ${a}. Usage: node bench/generate-corpus.js [dir] [--count N] [--seed S]`);
    } else {
      opts.dir = a;
    }
  }
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { dir, count, seed } = parseArgs(process.argv.slice(2));
    console.log(describeCorpus(generateCorpus(dir, { seed, count })));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
