#!/usr/bin/env node
/**
 * Summarise V8 CPU profiles (.cpuprofile, from `node --cpu-prof`): self time
 * by package or project folder, and the top functions by self time, over all
 * profiles in a directory (the main thread and each worker write their own).
 *
 *   node --cpu-prof --cpu-prof-dir=bench/.out/prof bin/design-review.js check bench/corpus --format json > /dev/null
 *   node bench/profile-summary.js bench/.out/prof [--top 25]
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number, columnNumber: number }} callFrame
 *
 * @typedef {object} CpuProfile
 * @property {ProfileNode[]} nodes
 * @property {number[]} samples
 * @property {number[]} timeDeltas  microseconds
 */

/**
 * Where a function lives: an npm package, a project folder, or a V8 bucket.
 * @param {string} url
 * @param {string} name
 */
export function bucketOf(url, name) {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const project = url.match(/\/(dist|src|bench|bin)\/(.*)$/);
  if (project) return `${project[1]}/${project[2].split('/').slice(0, -1).join('/') || '.'}`;
  return url;
}

/** @type {Map<string, SourceMap | null>} */
const sourceMaps = new Map();

/**
 * The original file and line of a frame in a bundle (`dist/chunks/…`, with
 * the `.map` esbuild writes beside it): without it every micromark function
 * would count as `dist/chunks`. Frames without a map are returned unchanged.
 * @param {string} url
 * @param {number} lineNumber  0-based, as in the profile
 * @param {number} columnNumber  0-based
 * @returns {{ url: string, lineNumber: number }}
 */
export function originalFrame(url, lineNumber, columnNumber) {
  if (!url.startsWith('file://')) return { url, lineNumber };
  let map = sourceMaps.get(url);
  if (map === undefined) {
    const file = `${fileURLToPath(url)}.map`;
    map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null;
    sourceMaps.set(url, map);
  }
  const entry = map?.findEntry(lineNumber, columnNumber);
  if (!entry || !('originalSource' in entry)) return { url, lineNumber };
  return { url: new URL(entry.originalSource, url).href, lineNumber: entry.originalLine };
}

/**
 * Self time (ms) per function and per bucket over the given profiles.
 * @param {CpuProfile[]} profiles
 */
export function summarise(profiles) {
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byBucket = new Map();
  let total = 0;
  for (const profile of profiles) {
    /** @type {Map<number, ProfileNode>} */
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < profile.samples.length; i++) {
      const node = nodes.get(profile.samples[i]);
      if (!node) continue;
      // The delta after a sample is the time spent in it.
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const { url, lineNumber } = originalFrame(node.callFrame.url, node.callFrame.lineNumber, node.callFrame.columnNumber);
      const { functionName } = node.callFrame;
      const name = functionName || '(anonymous)';
      const bucket = bucketOf(url, name);
      const file = url ? url.slice(url.lastIndexOf('/') + 1) : '';
      const shortName = name.length > 80 ? `${name.slice(0, 77)}...` : name;
      const key = url ? `${shortName}  ${bucket}/${file}:${lineNumber + 1}` : shortName;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
      byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + ms);
      if (name !== '(idle)') total += ms;
    }
  }
  const sort = (/** @type {Map<string, number>} */ m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { total, functions: sort(byFunction), buckets: sort(byBucket) };
}

function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  if (!dir) {
    console.error('Usage: node bench/profile-summary.js <dir with .cpuprofile files> [--top 25]');
    process.exit(2);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) {
    console.error(`No .cpuprofile files in ${dir}: run node with --cpu-prof --cpu-prof-dir=${dir}`);
    process.exit(2);
  }
  const profiles = files.map((f) => /** @type {CpuProfile} */ (JSON.parse(readFileSync(join(dir, f), 'utf8'))));
  const { total, functions, buckets } = summarise(profiles);
  const pct = (/** @type {number} */ ms) => `${((100 * ms) / total).toFixed(1).padStart(5)} %`;
  console.log(`${files.length} profiles (main thread + workers), ${(total / 1000).toFixed(2)} s of CPU samples; percentages exclude (idle)\n`);
  console.log('self time by package / folder');
  for (const [bucket, ms] of buckets.filter(([b]) => b !== '(idle)').slice(0, top)) console.log(`  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${bucket}`);
  console.log('\ntop functions by self time');
  for (const [fn, ms] of functions.filter(([f]) => f !== '(idle)').slice(0, top)) console.log(`  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${fn}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
