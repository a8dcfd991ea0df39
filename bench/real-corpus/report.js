#!/usr/bin/env node
/**
 * The precision report on the real-record corpus (issue 9, section 5): run the
 * BUILT CLI in each repository of the corpus as a new user would (cwd = the
 * repository, default config, default scan), and print
 *   a. per repository: records in the manifest, found by the scan, missing, extra files reviewed;
 *   b. findings per rule (count, records hit), overall and per kind;
 *   c. findings per record: median and max, per kind (a folder convention, one
 *      finding for a gap most records of a folder share, counts once, in b as
 *      off-rec, and not per record; c also shows the figures as if each record
 *      of a convention had its own finding, as before conventions were folded);
 *   d. a seeded random sample of findings to audit, written to .out/sample.md;
 * with every number in .out/report.json.
 *
 *   npm run build && node bench/real-corpus/build.js && node bench/real-corpus/report.js
 *   node bench/real-corpus/report.js [--sample N] [--seed S] [--only owner/name,...] [--reuse] [--corpus DIR] [--out DIR]
 *
 * --reuse reads the scan outputs kept in .out/raw/ by the previous run instead
 * of scanning again (for re-sampling or reformatting; not after a rebuild).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseCommandLine } from 'node:util';
import { loadManifest, readStamp } from './build.js';
import {
  corpusDirName,
  DEFAULT_SAMPLE,
  DEFAULT_SEED,
  matchRepo,
  perRecord,
  perRule,
  renderSample,
  REPORT_TODAY,
  seededSample,
  withUsage,
} from './lib.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const BIN = join(ROOT, 'bin', 'design-review.js');
const USAGE = `Usage: node bench/real-corpus/report.js [--sample N] [--seed S] [--rules id,...] [--only owner/name,...] [--reuse] [--corpus DIR] [--out DIR]
  --sample N   findings in the audit sample (default ${DEFAULT_SAMPLE})
  --seed S     seed of the sample (default ${DEFAULT_SEED})
  --rules LIST draw the sample from these rules' findings only (comma-separated rule ids): a rule too rare
               for the random sample can be audited whole
  --only LIST  report on these repositories only (comma-separated owner/name)
  --reuse      use the scan outputs of the previous run (.out/raw/) instead of scanning
  --corpus DIR where build.js wrote the corpus (default: bench/real-corpus/.corpus)
  --out DIR    where to write report.json, sample.md and raw/ (default: bench/real-corpus/.out)`;
const LIST_MAX = 10;

/**
 * @typedef {import('./lib.js').ManifestRepo} ManifestRepo
 * @typedef {import('./lib.js').RepoMatch} RepoMatch
 * @typedef {import('./lib.js').ScanOutput} ScanOutput
 * @typedef {{ sample: number, seed: number, rules: string[] | null, only: string[] | null, reuse: boolean, corpus: string, out: string }} Options
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
        sample: { type: 'string' },
        seed: { type: 'string' },
        rules: { type: 'string' },
        only: { type: 'string' },
        reuse: { type: 'boolean' },
        corpus: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }),
  );
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (/** @type {string} */ name, /** @type {string | undefined} */ v, /** @type {number} */ fallback) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a non-negative integer.\n${USAGE}`);
    return n;
  };
  const list = (/** @type {string | undefined} */ v) => (v === undefined ? null : v.split(',').filter(Boolean));
  return {
    sample: count('sample', values.sample, DEFAULT_SAMPLE),
    seed: count('seed', values.seed, DEFAULT_SEED),
    rules: list(values.rules),
    only: list(values.only),
    reuse: values.reuse ?? false,
    corpus: values.corpus ? resolve(values.corpus) : join(HERE, '.corpus'),
    out: values.out ? resolve(values.out) : join(HERE, '.out'),
  };
}

/**
 * Run the built CLI in one repository folder, as a new user would; returns the parsed JSON and timing.
 * @param {string} repoDir
 * @param {string} rawBase  path prefix for the kept stdout/stderr
 * @returns {{ scan: ScanOutput, seconds: number, exitCode: number, stderr: string }}
 */
function scanRepo(repoDir, rawBase) {
  const args = [BIN, 'check', repoDir, '--format', 'json', '--today', REPORT_TODAY];
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { cwd: repoDir, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = (performance.now() - t0) / 1000;
  if (res.error) throw res.error;
  writeFileSync(`${rawBase}.json`, res.stdout);
  writeFileSync(`${rawBase}.stderr.txt`, res.stderr);
  if (res.status !== 0 && res.status !== 1) {
    throw new Error(`node bin/design-review.js check ${repoDir} --format json --today ${REPORT_TODAY} (cwd ${repoDir}) exited with ${res.status ?? res.signal}; stderr:\n${res.stderr.slice(-2000)}`);
  }
  return { scan: parseScan(res.stdout, `${rawBase}.json`), seconds, exitCode: res.status ?? -1, stderr: res.stderr };
}

/**
 * @param {string} text
 * @param {string} where
 * @returns {ScanOutput}
 */
function parseScan(text, where) {
  /** @type {any} */
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: the CLI's output is not JSON (${/** @type {Error} */ (error).message})`);
  }
  if (!json || !Array.isArray(json.findings)) throw new Error(`${where}: expected a JSON report with a "findings" array`);
  return json;
}

/** Keys of the JSON report this script does not know (a notice the CLI adds), shown so they are not lost. */
function otherKeys(/** @type {ScanOutput} */ scan) {
  return Object.entries(scan)
    .filter(([k]) => !['version', 'findings', 'conventions', 'coverage', 'skipped'].includes(k))
    .map(([k, v]) => `${k}: ${JSON.stringify(v).slice(0, 300)}`);
}

/** The lines of stderr worth showing: everything but the progress bar. */
function stderrNotes(/** @type {string} */ stderr) {
  return stderr
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l && !/^\[?[#=>.\s-]*\]?\s*\d+\s*\/\s*\d+/.test(l) && !/^reviewing\b/i.test(l));
}

/** @param {string} s @param {number} n */
const pad = (s, n) => String(s).padEnd(n);
/** @param {string | number} s @param {number} n */
const lpad = (s, n) => String(s).padStart(n);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const manifest = loadManifest();
  const known = new Set(manifest.repositories.map((r) => r.repo));
  const unknown = (opts.only ?? []).filter((r) => !known.has(r));
  if (unknown.length) throw new Error(`--only: not in the manifest: ${unknown.join(', ')}`);
  const entries = manifest.repositories.filter((r) => !opts.only || opts.only.includes(r.repo)).sort((a, b) => (a.repo < b.repo ? -1 : 1));
  if (!opts.reuse && !existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` first (the report runs the built CLI).');
  const rawDir = join(opts.out, 'raw');
  mkdirSync(rawDir, { recursive: true });

  /** @type {Array<{ entry: ManifestRepo, scan: ScanOutput & { conventions?: Array<{ ruleId: string, folder: string, kind: string, count: number, total: number, files: string[] }> }, match: RepoMatch, seconds: number | null, exitCode: number | null, notes: string[] }>} */
  const results = [];
  /** @type {string[]} */
  const notBuilt = [];
  for (const entry of entries) {
    const repoDir = join(opts.corpus, corpusDirName(entry.repo));
    const stamp = readStamp(opts.corpus, entry.repo);
    if (!existsSync(join(repoDir, '.git')) || !stamp || stamp.commit !== entry.commit) {
      notBuilt.push(entry.repo);
      continue;
    }
    const rawBase = join(rawDir, corpusDirName(entry.repo));
    if (opts.reuse) {
      if (!existsSync(`${rawBase}.json`)) throw new Error(`--reuse: ${relative(ROOT, rawBase)}.json is missing: run without --reuse first.`);
      const scan = parseScan(readFileSync(`${rawBase}.json`, 'utf8'), `${rawBase}.json`);
      const stderr = existsSync(`${rawBase}.stderr.txt`) ? readFileSync(`${rawBase}.stderr.txt`, 'utf8') : '';
      results.push({ entry, scan, match: matchRepo(entry, scan), seconds: null, exitCode: null, notes: [...stderrNotes(stderr), ...otherKeys(scan)] });
    } else {
      process.stdout.write(`scanning ${entry.repo} ... `);
      const run = scanRepo(repoDir, rawBase);
      console.log(`${run.scan.findings.length} findings, ${(run.scan.coverage ?? []).length} files reviewed, ${run.seconds.toFixed(1)} s`);
      results.push({ entry, scan: run.scan, match: matchRepo(entry, run.scan), seconds: run.seconds, exitCode: run.exitCode, notes: [...stderrNotes(run.stderr), ...otherKeys(run.scan)] });
    }
  }
  if (notBuilt.length) {
    console.log(`\nNot built (or built at another commit), left out of this report: ${notBuilt.join(', ')}.\nRun: node bench/real-corpus/build.js${notBuilt.length < entries.length ? ` --only ${notBuilt.join(',')}` : ''}`);
  }
  if (results.length === 0) throw new Error('No repository of the manifest is built: run node bench/real-corpus/build.js first.');

  // a. Records found per repository.
  console.log(`\n== a. Records found by the default scan (check --today ${REPORT_TODAY}, cwd = the repository) ==\n`);
  console.log(`${pad('repository', 40)} ${lpad('records', 7)} ${lpad('found', 6)} ${lpad('missing', 7)} ${lpad('extra', 6)} ${lpad('kind≠', 5)} ${lpad('findings', 8)}`);
  for (const { match } of results) {
    console.log(`${pad(match.repo, 40)} ${lpad(match.records, 7)} ${lpad(match.found.length, 6)} ${lpad(match.missing.length, 7)} ${lpad(match.extra.length, 6)} ${lpad(match.kindMismatches.length, 5)} ${lpad(match.findings.length, 8)}`);
  }
  const tot = (/** @type {(m: RepoMatch) => number} */ f) => results.reduce((n, r) => n + f(r.match), 0);
  console.log(`${pad('total', 40)} ${lpad(tot((m) => m.records), 7)} ${lpad(tot((m) => m.found.length), 6)} ${lpad(tot((m) => m.missing.length), 7)} ${lpad(tot((m) => m.extra.length), 6)} ${lpad(tot((m) => m.kindMismatches.length), 5)} ${lpad(tot((m) => m.findings.length), 8)}`);
  console.log('(kind≠: records reviewed as the other kind than the manifest says)');
  for (const { match, notes } of results) {
    if (!match.missing.length && !match.extra.length && !match.kindMismatches.length && !notes.length) continue;
    console.log(`\n${match.repo}`);
    if (match.missing.length) console.log(`  missing ${match.missing.length}: ${listSome(match.missing)}`);
    if (match.extra.length) console.log(`  extra ${match.extra.length} (reviewed, not records): ${listSome(match.extra)}`);
    if (match.kindMismatches.length) console.log(`  kind≠ ${match.kindMismatches.length}: ${listSome(match.kindMismatches.map((k) => `${k.path} (manifest ${k.manifest}, scan ${k.scan})`))}`);
    if (notes.length) console.log(`  said: ${notes.slice(0, 3).join(' | ')}`);
  }

  // b. Findings per rule.
  const findings = results.flatMap((r) => r.match.findings);
  const rules = perRule(findings);
  console.log(`\n== b. Findings per rule (${findings.length} findings; "recs" = distinct records hit) ==\n`);
  console.log(`${pad('rule', 34)} ${lpad('all', 6)} ${lpad('recs', 5)} ${lpad('adr', 6)} ${lpad('recs', 5)} ${lpad('design', 6)} ${lpad('recs', 5)} ${lpad('off-rec', 7)}`);
  for (const r of rules) {
    console.log(`${pad(r.rule, 34)} ${lpad(r.all.findings, 6)} ${lpad(r.all.records, 5)} ${lpad(r.adr.findings, 6)} ${lpad(r.adr.records, 5)} ${lpad(r.designDoc.findings, 6)} ${lpad(r.designDoc.records, 5)} ${lpad(r.offRecord, 7)}`);
  }
  console.log('(off-rec: findings on files that are not manifest records: extra files, folders)');

  // b'. Folder conventions: each is one finding above (off-rec) standing for a finding on each of its records.
  /** @type {Array<{ repo: string, ruleId: string, folder: string, kind: string, count: number, total: number, files: string[] }>} */
  const conventions = results.flatMap(({ entry, scan }) => (Array.isArray(scan.conventions) ? scan.conventions : []).map((c) => ({ repo: entry.repo, ...c })));
  console.log(`\n== b'. Folder conventions: ${conventions.length} folder findings stand for ${conventions.reduce((n, c) => n + c.count, 0)} record findings ==\n`);
  for (const c of conventions) console.log(`${pad(c.repo, 40)} ${pad(c.folder, 34)} ${pad(c.ruleId, 22)} ${lpad(`${c.count}/${c.total}`, 7)}`);

  // c. Findings per record.
  const reviewedOf = (/** @type {'adr' | 'design-doc'} */ kind) =>
    results.flatMap(({ entry, match }) => match.found.filter((p) => entry.records.some((rec) => rec.path === p && rec.kind === kind)).map((p) => `${entry.repo}\0${p}`));
  const perKind = { adr: perRecord(findings, reviewedOf('adr'), 'adr'), 'design-doc': perRecord(findings, reviewedOf('design-doc'), 'design-doc') };
  console.log('\n== c. Findings per record (records the scan reviewed) ==\n');
  console.log(`${pad('kind', 11)} ${lpad('records', 7)} ${lpad('findings', 8)} ${lpad('median', 6)} ${lpad('max', 4)} ${lpad('none', 5)}  max at`);
  for (const [kind, s] of Object.entries(perKind)) {
    console.log(`${pad(kind, 11)} ${lpad(s.records, 7)} ${lpad(s.findings, 8)} ${lpad(s.median, 6)} ${lpad(s.max, 4)} ${lpad(s.zero, 5)}  ${s.maxAt ?? '-'}`);
  }
  // The same, as if each record of a folder convention had its own finding (the output before conventions were folded).
  const kinds = new Map(results.flatMap(({ entry }) => entry.records.map((r) => [`${entry.repo}\0${r.path}`, r.kind])));
  const unfolded = [
    ...findings,
    ...conventions.flatMap((c) => c.files.map((file) => ({ ruleId: c.ruleId, severity: 'warning', message: '', file, repo: c.repo, record: kinds.get(`${c.repo}\0${file}`) ?? null }))),
  ];
  const perKindUnfolded = { adr: perRecord(unfolded, reviewedOf('adr'), 'adr'), 'design-doc': perRecord(unfolded, reviewedOf('design-doc'), 'design-doc') };
  if (conventions.length > 0) {
    console.log('(unfolded: each record of a folder convention counted with its own finding)');
    for (const [kind, s] of Object.entries(perKindUnfolded)) {
      console.log(`${pad(`${kind}*`, 11)} ${lpad(s.records, 7)} ${lpad(s.findings, 8)} ${lpad(s.median, 6)} ${lpad(s.max, 4)} ${lpad(s.zero, 5)}  ${s.maxAt ?? '-'}`);
    }
  }

  // d. The audit sample.
  const sampleOf = opts.rules;
  const population = sampleOf ? findings.filter((f) => sampleOf.includes(f.ruleId)) : findings;
  const ids = seededSample(population, opts.sample, opts.seed).map((f, i) => ({ ...f, id: `S${String(i + 1).padStart(3, '0')}` }));
  const readText = (/** @type {string} */ repo, /** @type {string} */ path) => {
    const file = join(opts.corpus, corpusDirName(repo), ...path.split('/'));
    if (!file.startsWith(join(opts.corpus, corpusDirName(repo)) + sep)) return null;
    try {
      return statSync(file).isFile() ? readFileSync(file, 'utf8') : null;
    } catch {
      return null;
    }
  };
  const samplePath = join(opts.out, 'sample.md');
  writeFileSync(samplePath, renderSample(ids, readText, { seed: opts.seed, size: opts.sample, population: population.length, today: REPORT_TODAY, rules: sampleOf }));
  console.log(`\n== d. Audit sample: ${ids.length} of ${population.length} findings${sampleOf ? ` of ${sampleOf.join(', ')}` : ''} (seed ${opts.seed}) in ${relative(process.cwd(), samplePath) || samplePath} ==`);
  const sampleRules = perRule(ids);
  console.log(`   by rule: ${sampleRules.map((r) => `${r.rule} ${r.all.findings}`).join(', ')}`);

  const report = {
    generated: { today: REPORT_TODAY, seed: opts.seed, sampleSize: opts.sample, reused: opts.reuse, command: `node bin/design-review.js check <repo> --format json --today ${REPORT_TODAY} (cwd = <repo>)` },
    totals: {
      repositories: results.length,
      notBuilt,
      records: tot((m) => m.records),
      found: tot((m) => m.found.length),
      missing: tot((m) => m.missing.length),
      extra: tot((m) => m.extra.length),
      kindMismatches: tot((m) => m.kindMismatches.length),
      findings: findings.length,
    },
    repositories: results.map(({ entry, match, seconds, exitCode, notes }) => ({
      repo: match.repo,
      commit: entry.commit,
      records: match.records,
      recordsByKind: { adr: entry.records.filter((r) => r.kind === 'adr').length, designDoc: entry.records.filter((r) => r.kind === 'design-doc').length },
      found: match.found.length,
      missing: match.missing,
      extra: match.extra,
      kindMismatches: match.kindMismatches,
      findings: match.findings.length,
      seconds,
      exitCode,
      said: notes,
    })),
    rules,
    conventions,
    perRecord: perKind,
    perRecordUnfolded: perKindUnfolded,
    findingsPerRecord: results.flatMap(({ entry, match }) =>
      match.found.map((p) => ({ repo: entry.repo, path: p, kind: entry.records.find((r) => r.path === p)?.kind, findings: match.findings.filter((f) => f.file === p).length })),
    ),
    sample: ids.map((f) => ({ id: f.id, repo: f.repo, file: f.file, line: f.line ?? null, ruleId: f.ruleId, severity: f.severity, record: f.record, message: f.message })),
  };
  writeFileSync(join(opts.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`   all numbers: ${relative(process.cwd(), join(opts.out, 'report.json'))}`);
}

/**
 * The first items of a list, and how many more.
 * @param {string[]} items
 */
function listSome(items) {
  const shown = items.slice(0, LIST_MAX).join(', ');
  return items.length > LIST_MAX ? `${shown}, ... (${items.length - LIST_MAX} more)` : shown;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
