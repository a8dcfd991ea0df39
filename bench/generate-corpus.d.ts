/** Types for bench/generate-corpus.js (plain ESM JavaScript run by node), for the TypeScript tests. */

export type DocKind = 'nygard' | 'trade-off' | 'madr' | 'madr-fr' | 'design' | 'rfc' | 'index';

export interface CorpusFile {
  /** POSIX path relative to the corpus root. */
  path: string;
  kind: DocKind;
  lines: number;
  bytes: number;
}

export interface CorpusSummary {
  dir: string;
  seed: number;
  count: number;
  version: number;
  totalBytes: number;
  totalLines: number;
  files: CorpusFile[];
}

export interface CorpusStamp {
  seed: number;
  count: number;
  version: number;
  totalBytes: number;
  totalLines: number;
  files: number;
}

/** Bumped whenever the generator's output changes. */
export const GENERATOR_VERSION: number;
/** Name of the stamp file written at the corpus root. */
export const STAMP_FILE: string;

/** Write a deterministic corpus into `dir` (replacing a previously generated one). */
export function generateCorpus(dir: string, options?: { seed?: number; count?: number }): CorpusSummary;
/** The text of every planned document, in plan order, without writing anything. */
export function renderCorpus(seed: number, count: number): { doc: { path: string; kind: DocKind }; text: string }[];
/** The stamp of a generated corpus, or null when there is none. */
export function readStamp(dir: string): CorpusStamp | null;
/** A human summary: files, MB, lines, and per-kind line statistics. */
export function describeCorpus(summary: CorpusSummary): string;
