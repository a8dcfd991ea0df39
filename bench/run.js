#!/usr/bin/env node
/**
 * The benchmark: in one run, time `design-review check` on the generated
 * corpus, markdownlint-cli2 with its defaults on the same files, and a bare
 * remark parse (bench/bare-parse.js), each several times; print medians and
 * the two target ratios; write bench/.out/results.json.
 *
 *   npm run bench                       (builds first)
 *   node bench/run.js [--runs N] [--count N] [--seed S] [--only check,cached,markdownlint,bare] [--strict]
 *
 * Targets (from the issues): check wall <= 0.70 x markdownlint-cli2 wall,
 * check CPU <= 1.20 x bare parse CPU; a warm `check --cache` run (nothing
 * changed since the cold one) <= 0.10 x the cold check's wall, with
 * byte-identical output; check's peak memory <= markdownlint-cli2's. Peak
 * memory is GNU time's maximum resident set of each run.
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCorpus, GENERATOR_VERSION, generateCorpus, readStamp } from './generate-corpus.js';
import { listMarkdown } from './bare-parse.js';
import { cpuMethod, measureChild } from './measure-child.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'bench', '.out');
const TARGETS = { checkWallVsMarkdownlint: 0.7, checkCpuVsBareParse: 1.2, cachedWallVsCheck: 0.1, checkPeakVsMarkdownlint: 1.0 };
const TOOLS = ['check', 'cached', 'markdownlint', 'bare'];
// Where the warm-cache runs keep their cache (rebuilt cold by the probe of each bench run).
const CACHE_FILE = join(OUT_DIR, 'check.cache');
const USAGE = 'Usage: node bench/run.js [--runs N] [--count N] [--seed S] [--only check,cached,markdownlint,bare] [--strict]\n  e.g. node bench/run.js --runs 5';

/**
 * @typedef {object} Options
 * @property {number} runs
 * @property {number} count
 * @property {number} seed
 * @property {string[]} only
 * @property {boolean} strict
 */

/**
 * @param {string[]} argv
 * @returns {Options}
 */
function parseArgs(argv) {
  /** @type {Options} */
  const opts = { runs: 3, count: 1000, seed: 42, only: TOOLS, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs' || a === '--count' || a === '--seed') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || (a !== '--seed' && v < 1)) throw new Error(`${a} needs a positive integer.\n${USAGE}`);
      opts[/** @type {'runs' | 'count' | 'seed'} */ (a.slice(2))] = v;
    } else if (a === '--only') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = list.filter((/** @type {string} */ t) => !TOOLS.includes(t));
      if (list.length === 0 || bad.length) throw new Error(`--only takes a comma-separated subset of ${TOOLS.join(',')}${bad.length ? `; unknown: ${bad.join(',')}` : ''}.\n${USAGE}`);
      opts.only = list;
    } else if (a === '--strict') {
      opts.strict = true;
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else {
      throw new Error(`Unknown argument ${a}.\n${USAGE}`);
    }
  }
  return opts;
}

/**
 * Median of numbers (null when any is null or the list is empty).
 * @param {Array<number | null>} values
 */
function median(values) {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const s = /** @type {number[]} */ (values).slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Generate the corpus unless a matching one (same seed, count, generator version) exists.
 * @param {string} dir
 * @param {number} seed
 * @param {number} count
 */
function ensureCorpus(dir, seed, count) {
  const stamp = readStamp(dir);
  if (stamp && stamp.seed === seed && stamp.count === count && stamp.version === GENERATOR_VERSION) {
    console.log(`corpus: ${stamp.files} files, ${(stamp.totalBytes / 1e6).toFixed(1)} MB, ${stamp.totalLines.toLocaleString('en-US')} lines (seed ${seed}, up to date) in ${relative(ROOT, dir)}`);
    return stamp;
  }
  console.log(`corpus: generating ${count} files (seed ${seed}) into ${relative(ROOT, dir)} ...`);
  const summary = generateCorpus(dir, { seed, count });
  console.log(describeCorpus(summary).replace(summary.dir, relative(ROOT, summary.dir)));
  const written = readStamp(dir);
  if (!written) throw new Error(`no ${dir}/.corpus.json after generating the corpus`);
  return written;
}

/**
 * @typedef {object} Command
 * @property {string} label
 * @property {string[]} args     arguments to this Node binary
 * @property {string} shown      the command as a user would type it
 * @property {number[]} okStatus exit codes that mean success
 */

/**
 * The three commands, run with this same Node binary, from the repo root.
 * @param {string} corpusRel
 * @returns {Record<'check' | 'cached' | 'markdownlint' | 'bare', Command>}
 */
function commands(corpusRel) {
  const mdlBin = realpathSync(join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2'));
  return {
    check: {
      label: 'design-review check',
      args: ['bin/design-review.js', 'check', corpusRel, '--format', 'json'],
      shown: `node bin/design-review.js check ${corpusRel} --format json > /dev/null`,
      okStatus: [0, 1],
    },
    cached: {
      label: 'check --cache (warm)',
      args: ['bin/design-review.js', 'check', corpusRel, '--format', 'json', '--cache', '--cache-location', relative(ROOT, CACHE_FILE)],
      shown: `node bin/design-review.js check ${corpusRel} --format json --cache --cache-location ${relative(ROOT, CACHE_FILE)} > /dev/null`,
      okStatus: [0, 1],
    },
    markdownlint: {
      label: 'markdownlint-cli2',
      args: [relative(ROOT, mdlBin), `${corpusRel}/**/*.md`],
      shown: `node_modules/.bin/markdownlint-cli2 "${corpusRel}/**/*.md"`,
      okStatus: [0, 1],
    },
    bare: {
      label: 'bare remark parse',
      args: ['bench/bare-parse.js', corpusRel],
      shown: `node bench/bare-parse.js ${corpusRel}`,
      okStatus: [0],
    },
  };
}

/**
 * Fail early, with the fix, when a tool cannot run.
 * @param {string[]} only
 */
function checkPrerequisites(only) {
  const problems = [];
  if (only.includes('check') || only.includes('cached')) {
    if (!existsSync(join(ROOT, 'bin', 'design-review.js'))) problems.push('bin/design-review.js is missing.');
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) problems.push('dist/cli/main.js is missing: run `npm run build` (`npm run bench` does it), or measure markdownlint alone with --only markdownlint.');
  }
  if (only.includes('bare') && !existsSync(join(ROOT, 'dist', 'core', 'document', 'gfm-syntax.js'))) {
    problems.push('dist/core/document/gfm-syntax.js is missing (the bare parse reads the GFM syntax the review parses): run `npm run build` (`npm run bench` does it).');
  }
  if (only.includes('markdownlint') && !existsSync(join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2'))) {
    problems.push('node_modules/.bin/markdownlint-cli2 is missing: run `npm ci`.');
  }
  // "Defaults" means no markdownlint configuration file in reach.
  for (const name of ['.markdownlint-cli2.jsonc', '.markdownlint-cli2.yaml', '.markdownlint-cli2.cjs', '.markdownlint-cli2.mjs', '.markdownlint.jsonc', '.markdownlint.json', '.markdownlint.yaml', '.markdownlint.yml']) {
    if (only.includes('markdownlint') && existsSync(join(ROOT, name))) console.warn(`warning: ${name} at the repo root changes markdownlint-cli2's defaults.`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

/**
 * One untimed run of check that keeps its output, to show what it reviewed
 * (guards against timing a CLI that silently checked nothing).
 * @param {Command} cmd
 */
function probeCheck(cmd) {
  const spawn = () => spawnSync(process.execPath, cmd.args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  let res = spawn();
  if (!res.error && !cmd.okStatus.includes(res.status ?? -1)) {
    console.log(`check probe FAILED (exit ${res.status ?? res.signal}), retrying once: ${(res.stderr || '').trim().split('\n').pop()}`);
    res = spawn();
  }
  if (res.error) throw res.error;
  if (!cmd.okStatus.includes(res.status ?? -1)) {
    throw new Error(`${cmd.shown} exited with ${res.status ?? res.signal}; expected 0 or 1.\n${(res.stderr || '').slice(-2000)}`);
  }
  const out = {
    exitCode: res.status,
    stdoutBytes: Buffer.byteLength(res.stdout),
    stdoutSha256: createHash('sha256').update(res.stdout).digest('hex'),
    findings: /** @type {number | null} */ (null),
    filesWithFindings: /** @type {number | null} */ (null),
    documents: /** @type {number | null} */ (null),
  };
  try {
    const json = JSON.parse(res.stdout);
    const findings = Array.isArray(json) ? json : Array.isArray(json.findings) ? json.findings : null;
    if (findings) {
      out.findings = findings.length;
      out.filesWithFindings = new Set(findings.map((/** @type {{ file?: string }} */ f) => f.file)).size;
    }
    // Documents reviewed: one coverage entry per document in the JSON report.
    for (const key of ['coverage', 'documents', 'files']) {
      const v = json?.[key];
      if (Array.isArray(v)) {
        out.documents = v.length;
        break;
      }
    }
  } catch {
    // Not JSON: report the size only.
  }
  return out;
}

const fmt = (/** @type {number | null | undefined} */ v, d = 2) => (v === null || v === undefined ? 'n/a' : v.toFixed(d));
const mark = (/** @type {number | null} */ ratio, /** @type {number} */ target) => (ratio === null ? '' : ratio <= target ? 'PASS' : 'MISS');

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const corpusDir = join(ROOT, 'bench', 'corpus');
  const corpusRel = relative(ROOT, corpusDir);
  mkdirSync(OUT_DIR, { recursive: true });

  const machine = {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    memGB: Math.round(totalmem() / 1e9),
    loadAvgStart: loadavg().map((x) => Number(x.toFixed(2))),
    /** @type {number[]} */
    loadAvgEnd: [],
    cpuTime: cpuMethod(),
  };
  const invocation = `node ${relative(ROOT, fileURLToPath(import.meta.url))}${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  console.log(`bench: ${invocation}`);
  console.log(`machine: ${machine.nproc} CPUs (${machine.cpu}), node ${machine.node}, ${machine.platform}, ${machine.memGB} GB, load ${machine.loadAvgStart.join(' ')}, CPU time via ${machine.cpuTime}`);
  if (machine.loadAvgStart[0] > machine.nproc * 0.5) {
    console.log(`warning: load average ${machine.loadAvgStart[0]} on ${machine.nproc} CPUs: other work is running, wall times (and to a lesser degree CPU times) will be inflated.`);
  }

  checkPrerequisites(opts.only);
  const stamp = ensureCorpus(corpusDir, opts.seed, opts.count);
  const cmds = commands(corpusRel);

  // Warm the page cache so the first timed tool does not pay for disk reads.
  for (const file of listMarkdown(corpusDir)) readFileSync(file);

  let probe = null;
  if (opts.only.includes('check') || opts.only.includes('cached')) {
    probe = probeCheck(cmds.check);
    console.log(`check probe (untimed): exit ${probe.exitCode}, ${(probe.stdoutBytes / 1e6).toFixed(2)} MB of JSON${probe.documents !== null ? `, ${probe.documents} documents reviewed` : ''}${probe.findings !== null ? `, ${probe.findings} findings in ${probe.filesWithFindings} files` : ''}`);
  }
  /** @type {{ cold: { wall: number, peakMiB: number | null }, identicalCold: boolean, identicalWarm?: boolean } | null} */
  let cache = null;
  if (opts.only.includes('cached') && probe) {
    // A cold run fills the cache (timed once, for the record); the timed runs below all find it warm.
    rmSync(CACHE_FILE, { force: true });
    const start = process.hrtime.bigint();
    const cold = probeCheck(cmds.cached);
    const coldWall = Number(process.hrtime.bigint() - start) / 1e9;
    cache = { cold: { wall: coldWall, peakMiB: null }, identicalCold: cold.stdoutSha256 === probe.stdoutSha256 };
    console.log(`check --cache, cold (untimed probe, fills ${relative(ROOT, CACHE_FILE)}): ${coldWall.toFixed(2)} s, output ${cache.identicalCold ? 'identical to' : 'DIFFERENT from'} check's`);
  }

  /** @type {Record<string, import('./measure-child.js').Measurement[]>} */
  const results = Object.fromEntries(opts.only.map((t) => [t, []]));
  /** @type {Array<{ tool: string, run: number, status: number | null, signal: string | null, stderr: string }>} */
  const failures = [];
  for (let run = 0; run < opts.runs; run++) {
    // Rotate the order so no tool always runs first (or right after another).
    const order = opts.only.map((_, i) => opts.only[(i + run) % opts.only.length]);
    for (const tool of order) {
      const cmd = cmds[/** @type {'check' | 'cached' | 'markdownlint' | 'bare'} */ (tool)];
      const stderrFile = join(OUT_DIR, `${tool}.stderr.log`);
      let m = measureChild(process.execPath, cmd.args, { cwd: ROOT, stderrFile });
      if (m.status === null || !cmd.okStatus.includes(m.status)) {
        // One retry, loudly: on a shared machine a concurrent `npm run build`
        // can rewrite dist/ under a running CLI. A second failure is real.
        const tail = readFileSync(stderrFile, 'utf8').slice(-2000);
        failures.push({ tool, run: run + 1, status: m.status, signal: m.signal, stderr: tail });
        console.log(`  run ${run + 1}/${opts.runs}  ${cmd.label.padEnd(20)} FAILED (exit ${m.status ?? m.signal}), retrying once: ${tail.trim().split('\n').pop()}`);
        m = measureChild(process.execPath, cmd.args, { cwd: ROOT, stderrFile });
        if (m.status === null || !cmd.okStatus.includes(m.status)) {
          throw new Error(`${cmd.shown} exited with ${m.status ?? m.signal}; expected ${cmd.okStatus.join(' or ')}.\n${readFileSync(stderrFile, 'utf8').slice(-2000)}`);
        }
      }
      results[tool].push(m);
      console.log(`  run ${run + 1}/${opts.runs}  ${cmd.label.padEnd(20)} wall ${fmt(m.wall)} s  cpu ${fmt(m.cpu)} s  (user ${fmt(m.user)}, sys ${fmt(m.sys)})  exit ${m.status}`);
    }
  }

  if (cache && probe) {
    cache.identicalWarm = probeCheck(cmds.cached).stdoutSha256 === probe.stdoutSha256;
    console.log(`check --cache, warm (untimed probe after the timed runs): output ${cache.identicalWarm ? 'identical to' : 'DIFFERENT from'} check's`);
  }

  const medians = Object.fromEntries(Object.entries(results).map(([tool, ms]) => [tool, {
    wall: median(ms.map((m) => m.wall)),
    cpu: median(ms.map((m) => m.cpu)),
    user: median(ms.map((m) => m.user)),
    sys: median(ms.map((m) => m.sys)),
    peakMiB: median(ms.map((m) => m.peakMiB)),
  }]));
  const ratio = (/** @type {number | null | undefined} */ a, /** @type {number | null | undefined} */ b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? null : a / b);
  const ratios = {
    checkWallVsMarkdownlint: ratio(medians.check?.wall, medians.markdownlint?.wall),
    checkCpuVsBareParse: ratio(medians.check?.cpu, medians.bare?.cpu),
    checkWallVsBareParse: ratio(medians.check?.wall, medians.bare?.wall),
    markdownlintWallVsBareParse: ratio(medians.markdownlint?.wall, medians.bare?.wall),
    markdownlintCpuVsBareParse: ratio(medians.markdownlint?.cpu, medians.bare?.cpu),
    cachedWallVsCheck: ratio(medians.cached?.wall, medians.check?.wall),
    checkPeakVsMarkdownlint: ratio(medians.check?.peakMiB, medians.markdownlint?.peakMiB),
  };
  machine.loadAvgEnd = loadavg().map((x) => Number(x.toFixed(2)));

  const lines = [];
  lines.push('', `corpus: ${stamp.files} files, ${(stamp.totalBytes / 1e6).toFixed(1)} MB, ${stamp.totalLines.toLocaleString('en-US')} lines, seed ${stamp.seed}; ${opts.runs} runs each, medians`);
  lines.push('', `${'tool'.padEnd(22)} ${'wall s'.padStart(8)} ${'CPU s'.padStart(8)} ${'CPU/wall'.padStart(9)} ${'peak MiB'.padStart(9)}  command`);
  for (const tool of opts.only) {
    const m = medians[tool];
    const c = cmds[/** @type {'check' | 'cached' | 'markdownlint' | 'bare'} */ (tool)];
    lines.push(`${c.label.padEnd(22)} ${fmt(m.wall).padStart(8)} ${fmt(m.cpu).padStart(8)} ${fmt(ratio(m.cpu, m.wall)).padStart(9)} ${fmt(m.peakMiB, 0).padStart(9)}  ${c.shown}`);
  }
  lines.push('');
  lines.push(`check wall / markdownlint-cli2 wall   ${fmt(ratios.checkWallVsMarkdownlint).padStart(6)}   target <= ${TARGETS.checkWallVsMarkdownlint.toFixed(2)}  ${mark(ratios.checkWallVsMarkdownlint, TARGETS.checkWallVsMarkdownlint)}`);
  lines.push(`check CPU  / bare parse CPU           ${fmt(ratios.checkCpuVsBareParse).padStart(6)}   target <= ${TARGETS.checkCpuVsBareParse.toFixed(2)}  ${mark(ratios.checkCpuVsBareParse, TARGETS.checkCpuVsBareParse)}`);
  if (ratios.cachedWallVsCheck !== null) {
    const same = cache ? (cache.identicalCold && cache.identicalWarm ? 'output byte-identical' : 'OUTPUT DIFFERS') : '';
    lines.push(`check --cache warm / check wall       ${fmt(ratios.cachedWallVsCheck).padStart(6)}   target <= ${TARGETS.cachedWallVsCheck.toFixed(2)}  ${mark(ratios.cachedWallVsCheck, TARGETS.cachedWallVsCheck)}  (${same})`);
  }
  if (ratios.checkPeakVsMarkdownlint !== null) {
    lines.push(`check peak memory / markdownlint's    ${fmt(ratios.checkPeakVsMarkdownlint).padStart(6)}   target <= ${TARGETS.checkPeakVsMarkdownlint.toFixed(2)}  ${mark(ratios.checkPeakVsMarkdownlint, TARGETS.checkPeakVsMarkdownlint)}`);
  }
  lines.push(`(info) markdownlint wall / bare wall  ${fmt(ratios.markdownlintWallVsBareParse).padStart(6)};  check wall / bare wall ${fmt(ratios.checkWallVsBareParse)}`);
  if (failures.length) lines.push(`note: ${failures.length} failed run(s) were retried once; see "failures" in results.json`);
  lines.push(`machine: ${machine.nproc} CPUs, node ${machine.node}, load ${machine.loadAvgStart.join(' ')} -> ${machine.loadAvgEnd.join(' ')}`);
  console.log(lines.join('\n'));

  const file = join(OUT_DIR, 'results.json');
  writeFileSync(file, `${JSON.stringify({
    date: new Date().toISOString(),
    invocation,
    machine,
    corpus: { dir: corpusRel, ...stamp },
    runs: opts.runs,
    checkProbe: probe,
    cache,
    failures,
    tools: Object.fromEntries(opts.only.map((t) => {
      const c = cmds[/** @type {'check' | 'cached' | 'markdownlint' | 'bare'} */ (t)];
      return [t, { label: c.label, command: c.shown, argv: [process.execPath, ...c.args], runs: results[t], median: medians[t] }];
    })),
    ratios,
    targets: TARGETS,
    pass: {
      checkWallVsMarkdownlint: ratios.checkWallVsMarkdownlint === null ? null : ratios.checkWallVsMarkdownlint <= TARGETS.checkWallVsMarkdownlint,
      checkCpuVsBareParse: ratios.checkCpuVsBareParse === null ? null : ratios.checkCpuVsBareParse <= TARGETS.checkCpuVsBareParse,
      cachedWallVsCheck: ratios.cachedWallVsCheck === null ? null : ratios.cachedWallVsCheck <= TARGETS.cachedWallVsCheck && cache?.identicalCold === true && cache?.identicalWarm === true,
      checkPeakVsMarkdownlint: ratios.checkPeakVsMarkdownlint === null ? null : ratios.checkPeakVsMarkdownlint <= TARGETS.checkPeakVsMarkdownlint,
    },
  }, null, 2)}\n`);
  console.log(`results: ${relative(ROOT, file)}`);

  const missed = [ratios.checkWallVsMarkdownlint !== null && ratios.checkWallVsMarkdownlint > TARGETS.checkWallVsMarkdownlint,
    ratios.checkCpuVsBareParse !== null && ratios.checkCpuVsBareParse > TARGETS.checkCpuVsBareParse,
    ratios.cachedWallVsCheck !== null && (ratios.cachedWallVsCheck > TARGETS.cachedWallVsCheck || !cache?.identicalCold || !cache?.identicalWarm),
    ratios.checkPeakVsMarkdownlint !== null && ratios.checkPeakVsMarkdownlint > TARGETS.checkPeakVsMarkdownlint].some(Boolean);
  if (opts.strict && missed) process.exitCode = 1;
}

try {
  main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
