/**
 * recheck's verdicts on the regexes of src/, and the stored copy the ReDoS
 * test reads (redos-verdicts.json). A full analysis takes minutes (a few
 * large case-insensitive alternations take recheck tens of seconds each), so
 * the test reuses the stored verdict of every regex whose pattern and flags
 * are unchanged and analyses only new ones. Refresh the file after changing
 * regexes, or after upgrading recheck:
 *
 *     npx tsx test/core/redos-verdicts.ts
 *
 * That run has no time limits, so no verdict depends on how loaded the
 * machine was (with time limits, recheck's fuzzer reported some safe regexes
 * as polynomial on a busy machine).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { check, type Diagnostics, type Parameters } from 'recheck';
import { regexInventory, REPOSITORY_ROOT, SOURCE_DIR } from './regex-inventory.js';

/** `safe`, `exponential`, `polynomial-<degree>`, or `unknown-<why>` when recheck could not decide. */
export type Verdict = string;

/** The stored verdicts: which recheck produced them, and one per distinct pattern and flags. */
export interface StoredVerdicts {
  recheck: string;
  verdicts: { source: string; flags: string; verdict: Verdict }[];
}

export const VERDICTS_PATH = fileURLToPath(new URL('./redos-verdicts.json', import.meta.url));

/** The installed recheck's version: stored verdicts from another version are not reused. */
export const RECHECK_VERSION: string = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;

/** Analyses without time limits: slow on some patterns, but the same verdict on any machine. */
export const UNLIMITED: Parameters = { timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null };

/**
 * Run recheck with its native binary (recheck-<os>-<arch>): throws when the
 * binary is missing instead of falling back to the JVM or the much slower
 * scala.js build.
 */
export async function checkNative(source: string, flags: string, params: Parameters = {}): Promise<Diagnostics> {
  process.env['RECHECK_BACKEND'] = 'native';
  return check(source, flags, params);
}

/** The verdict of one analysis. */
export function verdictOf(d: Diagnostics): Verdict {
  if (d.status === 'safe') return 'safe';
  if (d.status === 'unknown') return `unknown-${d.error.kind}`;
  return d.complexity.type === 'exponential' ? 'exponential' : `polynomial-${d.complexity.degree}`;
}

/** True for a verdict that says matching can take super-linear time. */
export function isSuperLinear(verdict: Verdict): boolean {
  return verdict === 'exponential' || verdict.startsWith('polynomial-');
}

/** Key of a pattern and its flags. */
export function verdictKey(source: string, flags: string): string {
  return `/${source}/${flags}`;
}

/** The stored verdicts by key, when they come from the installed recheck; empty otherwise. */
export function readStoredVerdicts(): Map<string, Verdict> {
  const stored = JSON.parse(readFileSync(VERDICTS_PATH, 'utf8')) as StoredVerdicts;
  if (stored.recheck !== RECHECK_VERSION) return new Map();
  return new Map(stored.verdicts.map((v) => [verdictKey(v.source, v.flags), v.verdict]));
}

/** Analyse every regex of src/ without time limits and store the verdicts (the command in the header). */
async function refresh(): Promise<void> {
  const { regexes } = regexInventory(REPOSITORY_ROOT, SOURCE_DIR);
  const distinct = new Map<string, { source: string; flags: string }>();
  for (const r of regexes) distinct.set(verdictKey(r.source, r.flags), { source: r.source, flags: r.flags });
  const verdicts: StoredVerdicts['verdicts'] = [];
  let done = 0;
  for (const { source, flags } of distinct.values()) {
    verdicts.push({ source, flags, verdict: verdictOf(await checkNative(source, flags, UNLIMITED)) });
    done += 1;
    if (done % 50 === 0) process.stderr.write(`${done}/${distinct.size}\n`);
  }
  verdicts.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.flags < b.flags ? -1 : a.flags > b.flags ? 1 : 0));
  const stored: StoredVerdicts = { recheck: RECHECK_VERSION, verdicts };
  writeFileSync(VERDICTS_PATH, `${JSON.stringify(stored, null, 2)}\n`);
  const flagged = verdicts.filter((v) => v.verdict !== 'safe');
  process.stdout.write(`${verdicts.length} patterns analysed; not safe: ${flagged.length}\n`);
  for (const v of flagged) process.stdout.write(`  ${v.verdict}  ${verdictKey(v.source, v.flags)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await refresh();
  process.exit(0);
}
