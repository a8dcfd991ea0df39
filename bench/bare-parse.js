#!/usr/bin/env node
/**
 * Baseline for the benchmark: read and parse every Markdown file under a
 * directory with remark-parse + remark-frontmatter (yaml, toml) + the GFM
 * syntax the review parses (src/core/document/gfm-syntax.ts: tables,
 * footnotes, strikethrough, task list items; built into dist/ by
 * `npm run build`), whole documents, in this one process, single-threaded. Nothing else: no checks, no output
 * beyond a one-line summary. `design-review check` cannot be cheaper than this
 * in CPU time, so it is the floor the CPU ratio is measured against.
 *
 *   node bench/bare-parse.js <dir>
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';

/**
 * Markdown files under `dir`, sorted, as paths joined to `dir`.
 * @param {string} dir
 * @returns {string[]}
 */
export function listMarkdown(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.md'))
    .sort()
    .map((p) => join(dir, p));
}

/**
 * Parse every file; returns counts so the work cannot be optimised away.
 * The GFM syntax comes from the build, loaded here rather than at the top so
 * listMarkdown needs no build (bench/run.js --only markdownlint).
 * @param {string} dir
 * @returns {Promise<{ files: number, bytes: number, nodes: number }>}
 */
export async function parseAll(dir) {
  const { remarkGfmSyntax } = await import('../dist/core/document/gfm-syntax.js');
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmSyntax);
  let bytes = 0;
  let nodes = 0;
  const files = listMarkdown(dir);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    nodes += processor.parse(text).children.length;
  }
  return { files: files.length, bytes, nodes };
}

/** Run as a script: parse the directory given and print a one-line JSON summary. */
async function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node bench/bare-parse.js <dir>   e.g. node bench/bare-parse.js bench/corpus');
    process.exit(2);
  }
  const start = process.hrtime.bigint();
  const result = await parseAll(dir);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ ...result, parseMs: Math.round(ms) }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
