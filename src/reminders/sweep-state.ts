import type { BranchFile } from '../github/default-branch-adrs.js';
import type { SweepCache } from './sweep-cache.js';
import type { JobLog } from '../shared/job-log.js';

/**
 * What the sweep remembers of a repository between runs, as two cache
 * entries: a small state (the head, its ETag, the next date anything can come
 * due) and the files the plan was made from, so a date that comes on an
 * unchanged branch costs the issue listing and the writes, not a re-read.
 * Anything unreadable in the cache is ignored: the sweep reads GitHub again.
 */

/** The small entry, read on every sweep. */
export interface SweepState {
  v: 1;
  /** Default branch name and the commit it pointed at. */
  branch: string;
  head: string;
  /** ETag of the branch ref answer, for `If-None-Match`. */
  etag?: string;
  /** First day the remembered plan may be out of date (ISO). */
  nextCheck: string;
  /** Day of the last full read: the cache is trusted for a bounded time only. */
  fullOn: string;
  outcome: 'swept' | 'disabled';
  /** Metric conditions (as written) to re-check against Prometheus on a cheap sweep. */
  metrics: string[];
}

/** The larger entry: what the plan was made from. */
export interface SweepInputs {
  commit: string;
  configRaw: unknown;
  adrDirs: string[];
  adrs: BranchFile[];
  codeowners?: BranchFile;
  /** ADR paths listed but not readable (deleted mid-sweep, binary, too large). */
  unreadable?: string[];
  fingerprint?: string;
  /** The ADRs were listed from a truncated tree and may be missing some (see DefaultBranchAdrs.incomplete). */
  incomplete?: boolean;
  /** The repository's web address as GitHub gave it (`html_url`: GHE's host on GitHub Enterprise Server), for links in reminders. */
  htmlUrl?: string;
}

/** Cache keys of one repository (case-insensitive, as GitHub names are). */
export interface SweepKeys {
  state: string;
  inputs: string;
}

// Files larger than this in total are not kept: a re-read costs a few requests, a huge cache value costs memory.
const MAX_INPUT_CHARS = 4 * 1024 * 1024;

/** Keys for `owner/repo`. */
export function cacheKeys(fullName: string): SweepKeys {
  const base = `design-review:reminder-sweep:v1:${fullName.toLowerCase()}`;
  return { state: `${base}:state`, inputs: `${base}:inputs` };
}

/** The remembered state and inputs, each undefined when absent or unreadable. */
export async function readCachedSweep(cache: SweepCache, keys: SweepKeys, today: string, log: JobLog): Promise<{ state?: SweepState; inputs?: SweepInputs }> {
  try {
    const [stateText, inputsText] = await Promise.all([cache.get(keys.state), cache.get(keys.inputs)]);
    const state = stateText ? (JSON.parse(stateText) as SweepState) : undefined;
    const inputs = inputsText ? (JSON.parse(inputsText) as SweepInputs) : undefined;
    // A state from the future (clock pinned back in tests, or a restored cache) proves nothing.
    if (!state || state.v !== 1 || typeof state.head !== 'string' || state.fullOn > today) return {};
    return { state, ...(inputs && typeof inputs.commit === 'string' && Array.isArray(inputs.adrs) ? { inputs } : {}) };
  } catch (error) {
    log.warn({ key: keys.state }, `sweep cache unreadable, reading GitHub instead: ${(error as Error).message}`);
    return {};
  }
}

/** Remember the state (and the inputs, when given and small enough); a cache failure only costs the next sweep a full read. */
export async function writeCachedSweep(cache: SweepCache, keys: SweepKeys, state: SweepState, inputs: SweepInputs | undefined, log?: JobLog): Promise<void> {
  try {
    if (inputs) {
      const text = JSON.stringify(inputs);
      if (text.length <= MAX_INPUT_CHARS) await cache.set(keys.inputs, text);
    }
    await cache.set(keys.state, JSON.stringify(state));
  } catch (error) {
    log?.warn({ key: keys.state }, `sweep cache not written: ${(error as Error).message}`);
  }
}
