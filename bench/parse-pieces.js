#!/usr/bin/env node
/**
 * Parsing long documents in pieces (src/core/document/parse-in-pieces.ts)
 * against the whole-document parse, its peer, on the same files in one run:
 *
 *   1. every file parsed both ways must give the same tree, positions
 *      included (one difference fails the bench, exit 1);
 *   2. each way is timed in its own child process (`--child whole|pieces`),
 *      alternating, `--runs` times; medians and the ratio are printed.
 *
 *   npm run build && node bench/parse-pieces.js [dir] [--runs N]
 *   (dir: bench/corpus by default, e.g. bench/real-corpus/.corpus)
 */

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMarkdown } from './bare-parse.js';
import { measureChild } from './measure-child.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const USAGE = 'Usage: node bench/parse-pieces.js [dir] [--runs N]   e.g. node bench/parse-pieces.js bench/real-corpus/.corpus --runs 5';

async function parsers() {
  const parse = await import(join(ROOT, 'dist/core/document/parse-markdown.js'));
  const pieces = await import(join(ROOT, 'dist/core/document/parse-in-pieces.js'));
  const starts = await import(join(ROOT, 'dist/core/document/piece-starts.js'));
  return { parseMarkdown: parse.parseMarkdown, parseWhole: parse.parseWhole, parseInPieces: pieces.parseInPieces, pieceStarts: starts.pieceStarts };
}

/**
 * Child: parse every file one way, print the node count so the work is not optimised away.
 * @param {string} mode  whole | pieces
 * @param {string} dir
 */
async function child(mode, dir) {
  const { parseMarkdown, parseWhole } = await parsers();
  const parse = mode === 'whole' ? parseWhole : parseMarkdown;
  let nodes = 0;
  for (const file of listMarkdown(dir)) nodes += parse(readFileSync(file, 'utf8')).children.length;
  console.log(JSON.stringify({ mode, nodes }));
}

/**
 * Compare both ways on every file: how many were cut, how many cuts were refused, and any difference.
 * @param {string} dir
 */
async function compare(dir) {
  const { parseWhole, parseInPieces, pieceStarts } = await parsers();
  const summary = { files: 0, cut: 0, cutChars: 0, refused: 0, differ: /** @type {string[]} */ ([]) };
  for (const file of listMarkdown(dir)) {
    const text = readFileSync(file, 'utf8');
    summary.files += 1;
    const starts = pieceStarts(text);
    if (starts.length === 0) continue;
    const tree = parseInPieces(text, starts, parseWhole);
    if (!tree) {
      summary.refused += 1;
      continue;
    }
    summary.cut += 1;
    summary.cutChars += text.length;
    if (!isDeepStrictEqual(tree, parseWhole(text))) summary.differ.push(file);
  }
  return summary;
}

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'bench/corpus';
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const summary = await compare(dir);
  console.log(`${dir}: ${summary.files} files; ${summary.cut} parsed in pieces (${(summary.cutChars / 1e6).toFixed(1)} MB), ${summary.refused} refused a cut and parse whole; trees differing from the whole parse: ${summary.differ.length}`);
  for (const file of summary.differ) console.log(`  differs: ${file}`);
  /** @type {Record<string, {wall: number, cpu: number, peak: number}[]>} */
  const times = { whole: [], pieces: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const mode of run % 2 === 0 ? ['whole', 'pieces'] : ['pieces', 'whole']) {
      const stderrFile = join(tmpdir(), `parse-pieces-${process.pid}.stderr.log`);
      const m = measureChild(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, resolve(dir)], { cwd: ROOT, stderrFile });
      if (m.status !== 0) throw new Error(`${mode} run failed (exit ${m.status}): ${readFileSync(stderrFile, 'utf8')}`);
      times[mode].push({ wall: m.wall, cpu: m.cpu ?? NaN, peak: m.peakMiB ?? NaN });
      console.log(`  run ${run + 1}/${runs}  ${mode.padEnd(6)}  wall ${m.wall.toFixed(2)} s  cpu ${m.cpu === null ? 'n/a' : m.cpu.toFixed(2)} s  peak ${m.peakMiB === null ? 'n/a' : m.peakMiB.toFixed(0)} MiB`);
    }
  }
  const med = (/** @type {string} */ mode) => ({
    wall: median(times[mode].map((t) => t.wall)),
    cpu: median(times[mode].map((t) => t.cpu)),
    peak: median(times[mode].map((t) => t.peak)),
  });
  const w = med('whole');
  const p = med('pieces');
  console.log(`medians: whole ${w.wall.toFixed(2)} s wall, ${w.cpu.toFixed(2)} s CPU, ${w.peak.toFixed(0)} MiB; in pieces ${p.wall.toFixed(2)} s wall, ${p.cpu.toFixed(2)} s CPU, ${p.peak.toFixed(0)} MiB`);
  console.log(`pieces / whole: wall ${(p.wall / w.wall).toFixed(2)}, CPU ${(p.cpu / w.cpu).toFixed(2)}, peak memory ${(p.peak / w.peak).toFixed(2)}`);
  if (summary.differ.length > 0) process.exitCode = 1;
}

await main();
