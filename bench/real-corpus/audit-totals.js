#!/usr/bin/env node
/**
 * Totals of hand audits (issue 9, section 5): per rule, how many findings were
 * judged true, false or debatable, with the rule's default severity from the
 * build, and the totals over all rules and over the rules on by default.
 *
 *   node bench/real-corpus/audit-totals.js <sample.md> [verdicts.md...] [--carry old-sample.md=old-verdicts.md[,more.md]]... [--scan DIR]
 *   node bench/real-corpus/audit-totals.js --pool <sample.md> <sample.md>... --carry ... --scan DIR
 *
 * The first file is an audit sample (report.js writes it); the verdict files
 * hold tables `| id | rule | record | verdict | reason |` for its ids. With
 * --carry, findings of the sample that an earlier audit already judged (the
 * same rule, repository, place and message) take that verdict, and the ids
 * still to judge are listed: a new sample costs only its new findings.
 * With --scan (report.js's `raw/` folder of the current build), findings of
 * the sample the scan no longer says are left out and counted: a fix that
 * removed them takes them out of the tally. With --pool, every positional
 * file is a sample, their findings are counted once each (same identity as
 * --carry), and their verdicts come from the --carry groups.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs as parseCommandLine } from 'node:util';
import { findingKey, parseSample, parseVerdicts, scanKeys, tallyVerdicts, withUsage } from './lib.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE =
  'Usage: node bench/real-corpus/audit-totals.js <sample.md> [verdicts.md...] [--carry old-sample.md=old-verdicts.md[,more.md]]... [--scan raw-dir]\n' +
  '       node bench/real-corpus/audit-totals.js --pool <sample.md>... --carry ... [--scan raw-dir]';

/** @returns {Promise<Map<string, string>>} rule id -> default severity, from the built rules. */
async function defaultSeverities() {
  const preset = join(ROOT, 'dist', 'core', 'rule-set', 'preset.js');
  if (!existsSync(preset)) throw new Error('dist/ is missing: run `npm run build` first');
  const { allRules } = await import(pathToFileURL(preset).href);
  return new Map(allRules.map((/** @type {{ meta: { id: string, defaultSeverity: string } }} */ r) => [r.meta.id, r.meta.defaultSeverity]));
}

/** @param {string[]} argv */
function parseArgs(argv) {
  const { values, positionals } = withUsage(USAGE, () =>
    parseCommandLine({
      args: argv,
      options: {
        carry: { type: 'string', multiple: true },
        scan: { type: 'string' },
        pool: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help || positionals.length < 1) throw new Error(USAGE);
  const carry = (values.carry ?? []).map((group) => {
    const [sample, list] = group.split('=');
    if (!sample || !list) throw new Error(`--carry needs old-sample.md=verdicts.md[,more.md]\n${USAGE}`);
    return { sample, verdicts: list.split(',').filter(Boolean) };
  });
  const pool = values.pool === true;
  return {
    samples: pool ? positionals : [positionals[0] ?? ''],
    verdicts: pool ? [] : positionals.slice(1),
    carry,
    scan: values.scan ?? null,
  };
}

/**
 * The identities of the findings a scan said, from report.js's raw outputs.
 * @param {string} rawDir
 */
function readScan(rawDir) {
  if (!existsSync(rawDir)) throw new Error(`--scan ${rawDir}: no such folder (report.js writes <out>/raw/)`);
  return scanKeys(
    readdirSync(rawDir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => ({ repo: n.slice(0, -'.json'.length).replace('__', '/'), findings: JSON.parse(readFileSync(join(rawDir, n), 'utf8')).findings ?? [] })),
  );
}

/** @param {number} n @param {number} d */
const pct = (n, d) => (d === 0 ? '-' : `${Math.round((100 * n) / d)} %`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const read = (/** @type {string} */ p) => readFileSync(resolve(p), 'utf8');
  // Pooled samples count each finding once: the first sample that drew it gives its id.
  const seen = new Set();
  const sample = opts.samples
    .flatMap((p) => parseSample(read(p)))
    .filter((f) => !seen.has(findingKey(f)) && seen.add(findingKey(f)));
  const judged = new Map(opts.verdicts.flatMap((p) => parseVerdicts(read(p))).map((v) => [v.id, v]));
  // Earlier verdicts by finding identity: carried over where the same finding comes back.
  /** @type {Map<string, { verdict: 'true' | 'false' | 'debatable', from: string }>} */
  const earlier = new Map();
  for (const group of opts.carry) {
    const oldVerdicts = new Map(group.verdicts.flatMap((p) => parseVerdicts(read(p))).map((v) => [v.id, v]));
    for (const f of parseSample(read(group.sample))) {
      const v = oldVerdicts.get(f.id);
      if (v && !earlier.has(findingKey(f))) earlier.set(findingKey(f), { verdict: v.verdict, from: f.id });
    }
  }
  /** @type {Array<{ rule: string, verdict: 'true' | 'false' | 'debatable' }>} */
  const verdicts = [];
  const open = [];
  let carried = 0;
  const said = opts.scan === null ? null : readScan(resolve(opts.scan));
  const gone = said === null ? [] : sample.filter((f) => !said.has(findingKey(f)));
  for (const f of sample) {
    if (said !== null && !said.has(findingKey(f))) continue;
    const own = judged.get(f.id);
    const old = earlier.get(findingKey(f));
    if (own) verdicts.push({ rule: f.rule, verdict: own.verdict });
    else if (old) {
      verdicts.push({ rule: f.rule, verdict: old.verdict });
      carried++;
    } else open.push(f.id);
  }
  const severities = await defaultSeverities();
  const rows = tallyVerdicts(verdicts);
  // A finding that is not a rule's (document-skipped) is said whatever the config: counted as on by default.
  const onByDefault = tallyVerdicts(verdicts.filter((v) => (severities.get(v.rule) ?? 'warn') !== 'off')).at(-1);
  console.log(`${sample.length} findings in ${opts.samples.join(' + ')}; ${verdicts.length} judged (${carried} carried over), ${open.length} to judge${open.length ? `: ${open.join(', ')}` : ''}`);
  if (said !== null) console.log(`${gone.length} no longer said by the scan in ${opts.scan}, left out${gone.length ? `: ${gone.map((f) => f.id).join(', ')}` : ''}`);
  console.log('');
  console.log('| rule | default | true | false | debatable | precision (true / decided) | true / all |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const line = (/** @type {import('./lib.js').VerdictTally} */ r, /** @type {string} */ label, /** @type {string} */ def) =>
    console.log(`| ${label} | ${def} | ${r.true} | ${r.false} | ${r.debatable} | ${pct(r.true, r.true + r.false)} | ${pct(r.true, r.true + r.false + r.debatable)} |`);
  for (const r of rows) line(r, r.rule === 'total' ? '**all rules**' : r.rule, r.rule === 'total' ? '' : (severities.get(r.rule) ?? 'always'));
  if (onByDefault) line(onByDefault, '**rules on by default**', '');
  if (open.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
