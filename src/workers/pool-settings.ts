import { availableParallelism } from 'node:os';
import { positiveInteger } from '../config/env-number.js';

/**
 * The core pool's environment variables, read once at start-up:
 * REVIEW_THREADS, REVIEW_DOCUMENT_TIMEOUT_MS, REVIEW_TIMEOUT_MS,
 * COMMAND_PARSE_TIMEOUT_MS and WORKER_MAX_HEAP_MB. They are the operator's,
 * not a repository's: a repository that could raise its own budget could
 * hold the App's threads. Bad numbers fall back to the defaults.
 */

/** Threads and budgets of the core pool. */
export interface PoolSettings {
  /** Worker threads (default: the machine's parallelism). */
  threads: number;
  /** Longest a single document may take to review. */
  documentTimeoutMs: number;
  /** Longest the documents of one review may take together (thread time). */
  reviewTimeoutMs: number;
  /** Longest reading the `/adr` command of a comment, or an issue body, may take. */
  commandTimeoutMs: number;
  /** Old-generation heap limit of each thread, in MB. */
  maxHeapMb: number;
}

/** A 150 KB design doc, the largest real one seen, reviews in about 0.2 s: 5 s leaves room for a loaded machine. */
export const DEFAULT_DOCUMENT_TIMEOUT_MS = 5_000;
/** With 300 documents at most per review, a minute of thread time bounds what one pull request can take from others. */
export const DEFAULT_REVIEW_TIMEOUT_MS = 60_000;
/** A 64 KB comment parses in well under 0.1 s. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 2_000;
/** A 1 MB document (the default review.maxFileBytes) peaks far below this. */
export const DEFAULT_MAX_HEAP_MB = 512;

/** Read the pool settings from `env`. */
export function readPoolSettings(env: NodeJS.ProcessEnv): PoolSettings {
  return {
    threads: positiveInteger(env['REVIEW_THREADS'], Math.max(1, availableParallelism())),
    documentTimeoutMs: positiveInteger(env['REVIEW_DOCUMENT_TIMEOUT_MS'], DEFAULT_DOCUMENT_TIMEOUT_MS),
    reviewTimeoutMs: positiveInteger(env['REVIEW_TIMEOUT_MS'], DEFAULT_REVIEW_TIMEOUT_MS),
    commandTimeoutMs: positiveInteger(env['COMMAND_PARSE_TIMEOUT_MS'], DEFAULT_COMMAND_TIMEOUT_MS),
    maxHeapMb: positiveInteger(env['WORKER_MAX_HEAP_MB'], DEFAULT_MAX_HEAP_MB),
  };
}
