#!/usr/bin/env node
/**
 * Rebuild the real-record corpus from fetched git snapshots: for each
 * repository of bench/real-corpus/manifest.json, extract its Markdown files and
 * the layout files a scan reads (`.adr-dir`, `.log4brains.yml`, `kep.yaml`) at
 * the manifest's commit into bench/real-corpus/.corpus/<owner>__<name>/, keeping
 * the repository's layout. The whole Markdown of the repository goes in, not
 * only the records, because the scan is judged on what it picks up by itself
 * too (a manifest `subset.scope` leaves out the records that were not chosen).
 *
 *   node bench/real-corpus/build.js [--mirrors DIR] [--only owner/name,...] [--force] [--corpus DIR]
 *
 * A snapshot is looked for as a git directory at <mirrors>/<owner>+<name>/repo
 * (bare, or a clone with .git), <mirrors>/<owner>+<name>/.git or
 * <mirrors>/<owner>+<name>. Idempotent: a repository whose folder matches the
 * manifest (stamp <corpus>/<owner>__<name>.json) is left alone. Nothing here
 * builds or runs the fetched code: git reads blobs, this script writes them.
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseCommandLine } from 'node:util';
import { corpusDirName, extractionFilter, isCorpusFile, validateManifest, withUsage } from './lib.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const MANIFEST = join(HERE, 'manifest.json');
/** Bumped when what an extraction writes changes, so old folders are rebuilt. */
const EXTRACTOR_VERSION = 1;
const USAGE = `Usage: node bench/real-corpus/build.js [--mirrors DIR] [--only owner/name,...] [--force] [--corpus DIR]
  --mirrors DIR  where the fetched snapshots are (default: $REAL_CORPUS_MIRRORS or /work/.mirror)
  --only LIST    rebuild only these repositories (comma-separated owner/name)
  --force        re-extract even when a folder is up to date
  --corpus DIR   where to write (default: bench/real-corpus/.corpus)`;

/**
 * @typedef {import('./lib.js').ManifestRepo} ManifestRepo
 * @typedef {{ mirrors: string, only: string[] | null, force: boolean, corpus: string }} Options
 */

/**
 * @param {string[]} argv
 * @returns {Options}
 */
function parseArgs(argv) {
  const { values } = withUsage(USAGE, () =>
    parseCommandLine({
      args: argv,
      options: {
        mirrors: { type: 'string' },
        only: { type: 'string' },
        force: { type: 'boolean' },
        corpus: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }),
  );
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    mirrors: values.mirrors ? resolve(values.mirrors) : process.env.REAL_CORPUS_MIRRORS || '/work/.mirror',
    only: values.only === undefined ? null : values.only.split(',').filter(Boolean),
    force: values.force ?? false,
    corpus: values.corpus ? resolve(values.corpus) : join(HERE, '.corpus'),
  };
}

/**
 * Read and validate the manifest; exits with every problem listed.
 * @returns {import('./lib.js').Manifest}
 */
export function loadManifest() {
  /** @type {unknown} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch (error) {
    throw new Error(`${relative(ROOT, MANIFEST)}: cannot read it as JSON: ${/** @type {Error} */ (error).message}`);
  }
  const problems = validateManifest(manifest);
  if (problems.length) throw new Error(`${relative(ROOT, MANIFEST)} is not valid:\n  ${problems.join('\n  ')}`);
  return /** @type {import('./lib.js').Manifest} */ (manifest);
}

/**
 * The git directory of a repository's snapshot under `mirrors`, or null.
 * @param {string} mirrors
 * @param {string} repo
 */
function findGitDir(mirrors, repo) {
  const base = join(mirrors, repo.replace('/', '+'));
  for (const dir of [join(base, 'repo', '.git'), join(base, 'repo'), join(base, '.git'), base]) {
    if (existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects'))) return dir;
  }
  return null;
}

/**
 * Run git on a snapshot; throws with git's stderr on failure.
 * @param {string} gitDir
 * @param {string[]} args
 * @param {string | Buffer} [input]
 * @returns {Buffer}
 */
function git(gitDir, args, input) {
  const res = spawnSync('git', ['--git-dir', gitDir, ...args], { input, maxBuffer: 2 * 1024 * 1024 * 1024 });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`git ${args.join(' ')} in ${gitDir} failed: ${res.stderr.toString().trim()}`);
  return res.stdout;
}

/**
 * What the extraction depends on besides the snapshot: a change re-extracts.
 * @param {ManifestRepo} entry
 */
function stampKey(entry) {
  const scoped = entry.subset?.scope !== undefined;
  const basis = JSON.stringify({ v: EXTRACTOR_VERSION, commit: entry.commit, scope: entry.subset?.scope ?? null, records: scoped ? entry.records.map((r) => r.path) : null });
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

/**
 * @typedef {{ repo: string, commit: string, key: string, files: number, bytes: number, records: number, absent: string[], symlinks: number }} Stamp
 */

/**
 * The stamp of an extracted repository, or null.
 * @param {string} corpus
 * @param {string} repo
 * @returns {Stamp | null}
 */
export function readStamp(corpus, repo) {
  try {
    return JSON.parse(readFileSync(join(corpus, `${corpusDirName(repo)}.json`), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Extract one repository at the manifest commit into `<corpus>/<owner>__<name>/`.
 * @param {ManifestRepo} entry
 * @param {string} gitDir
 * @param {string} corpus
 * @returns {Stamp}
 */
function extract(entry, gitDir, corpus) {
  const keep = extractionFilter(entry);
  const tree = git(gitDir, ['ls-tree', '-r', '-z', '--full-tree', entry.commit]).toString('utf8').split('\0').filter(Boolean);
  /** @type {Array<{ sha: string, path: string }>} */
  const blobs = [];
  let symlinks = 0;
  for (const line of tree) {
    const tab = line.indexOf('\t');
    const [mode, type, sha] = line.slice(0, tab).split(' ');
    const path = line.slice(tab + 1);
    if (type !== 'blob' || !isCorpusFile(path) || !keep(path)) continue;
    // Paths from a snapshot are data: never let one escape the folder or write into a .git.
    if (path.startsWith('/') || path.split('/').some((s) => s === '..' || s === '.' || s.toLowerCase() === '.git')) continue;
    if (mode === '120000') {
      symlinks++;
      continue;
    }
    blobs.push({ sha, path });
  }
  const inTree = new Set(blobs.map((b) => b.path));
  const notInTree = entry.records.filter((r) => !inTree.has(r.path)).map((r) => r.path);
  if (notInTree.length) {
    throw new Error(`${entry.repo}@${entry.commit.slice(0, 7)}: manifest records not in the commit (or not regular files): ${notInTree.slice(0, 10).join(', ')}${notInTree.length > 10 ? ', ...' : ''}. Fix the manifest's paths or its commit.`);
  }

  const out = join(corpus, corpusDirName(entry.repo));
  const part = `${out}.part`;
  rmSync(part, { recursive: true, force: true });
  mkdirSync(part, { recursive: true });
  // `git cat-file --batch` reads all blobs in one process: "<sha> blob <size>\n<bytes>\n" or "<sha> missing\n".
  const batch = git(gitDir, ['cat-file', '--batch'], blobs.map((b) => b.sha).join('\n') + '\n');
  /** @type {string[]} */
  const absent = [];
  let at = 0;
  let bytes = 0;
  for (const b of blobs) {
    const nl = batch.indexOf(10, at);
    const header = batch.subarray(at, nl).toString('utf8');
    at = nl + 1;
    if (header.endsWith(' missing')) {
      absent.push(b.path);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const content = batch.subarray(at, at + size);
    at += size + 1;
    const file = join(part, ...b.path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    bytes += size;
  }
  // The CLI takes the folder holding `.git` as the repository root: without one it would climb to this checkout.
  const init = spawnSync('git', ['init', '-q', part], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`git init ${part} failed: ${init.stderr.trim()}`);
  rmSync(out, { recursive: true, force: true });
  renameSync(part, out);
  const absentRecords = entry.records.filter((r) => absent.includes(r.path)).map((r) => r.path);
  if (absentRecords.length) console.warn(`  warning: ${entry.repo}: records absent from the snapshot (files of 4 MiB or more are not stored): ${absentRecords.join(', ')}`);
  /** @type {Stamp} */
  const stamp = { repo: entry.repo, commit: entry.commit, key: stampKey(entry), files: blobs.length - absent.length, bytes, records: entry.records.length, absent, symlinks };
  writeFileSync(join(corpus, `${corpusDirName(entry.repo)}.json`), `${JSON.stringify(stamp, null, 2)}\n`);
  return stamp;
}

/** How to get a snapshot this script can read. */
function fetchHint(/** @type {string} */ repo, /** @type {string} */ mirrors, /** @type {string} */ commit) {
  const dir = join(mirrors, repo.replace('/', '+'), 'repo');
  return [
    `    with the fetch tool: fetch github:${repo}   (it lands in /work/.mirror/${repo.replace('/', '+')}/repo)`,
    `    or with git:         git clone --bare https://github.com/${repo}.git ${dir}`,
    `    the manifest pins commit ${commit}; it must be in the snapshot.`,
  ].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const manifest = loadManifest();
  const known = new Set(manifest.repositories.map((r) => r.repo));
  const unknown = (opts.only ?? []).filter((r) => !known.has(r));
  if (unknown.length) throw new Error(`--only: not in the manifest: ${unknown.join(', ')}`);
  const entries = manifest.repositories.filter((r) => !opts.only || opts.only.includes(r.repo));
  mkdirSync(opts.corpus, { recursive: true });
  console.log(`real-record corpus: ${entries.length} repositories from ${relative(ROOT, MANIFEST)} into ${relative(ROOT, opts.corpus) || opts.corpus}, snapshots from ${opts.mirrors}`);

  /** @type {string[]} */
  const missing = [];
  /** @type {string[]} */
  const failed = [];
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    const label = entry.repo.padEnd(42);
    const gitDir = findGitDir(opts.mirrors, entry.repo);
    if (!gitDir) {
      console.log(`${label} NOT FETCHED\n${fetchHint(entry.repo, opts.mirrors, entry.commit)}`);
      missing.push(entry.repo);
      continue;
    }
    const hasCommit = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${entry.commit}^{commit}`]);
    if (hasCommit.status !== 0) {
      console.log(`${label} COMMIT ${entry.commit.slice(0, 12)} NOT IN THE SNAPSHOT at ${gitDir}\n${fetchHint(entry.repo, opts.mirrors, entry.commit)}`);
      missing.push(entry.repo);
      continue;
    }
    const out = join(opts.corpus, corpusDirName(entry.repo));
    const stamp = readStamp(opts.corpus, entry.repo);
    if (!opts.force && stamp && stamp.key === stampKey(entry) && existsSync(join(out, '.git')) && statSync(out).isDirectory()) {
      console.log(`${label} up to date  ${String(stamp.files).padStart(5)} files  ${String(stamp.records).padStart(4)} records  @${entry.commit.slice(0, 7)}`);
      files += stamp.files;
      bytes += stamp.bytes;
      continue;
    }
    try {
      const t0 = performance.now();
      const s = extract(entry, gitDir, opts.corpus);
      console.log(`${label} extracted   ${String(s.files).padStart(5)} files  ${String(s.records).padStart(4)} records  @${entry.commit.slice(0, 7)}  ${((performance.now() - t0) / 1000).toFixed(1)} s${s.absent.length ? `  (${s.absent.length} absent from the snapshot)` : ''}${s.symlinks ? `  (${s.symlinks} symlinks skipped)` : ''}`);
      files += s.files;
      bytes += s.bytes;
    } catch (error) {
      console.log(`${label} FAILED: ${/** @type {Error} */ (error).message}`);
      failed.push(entry.repo);
    }
  }
  const records = entries.reduce((n, r) => n + r.records.length, 0);
  console.log(`\n${entries.length - missing.length - failed.length} of ${entries.length} repositories ready: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${records} records in the manifest.`);
  if (missing.length) console.log(`Not fetched or commit missing (${missing.length}): ${missing.join(', ')}. Fetch them as shown above, then run this again.`);
  if (failed.length) console.log(`Failed (${failed.length}): ${failed.join(', ')}.`);
  if (missing.length || failed.length) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
