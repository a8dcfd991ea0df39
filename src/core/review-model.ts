import type { Config } from '../config/schema.js';
import type { Checklists } from './checklists/types.js';
import type { DecisionDoc, DocKind, IndexEntry } from './document/model.js';
import type { Finding } from './finding.js';
import type { DocCoverage } from './coverage-model.js';

/** A file handed to the review: its repository-relative path and raw content. */
export interface SourceFile {
  path: string;
  content: Uint8Array | string;
  /** Kind decided by the caller (classifier); when absent the review classifies. */
  kind?: DocKind;
}

/** Another open pull request's claim on an ADR number: it adds the ADR at `path`. */
export interface AdrNumberClaim {
  pull: number;
  path: string;
}

/** ADR number -> the other open pull requests that add an ADR file with that number. */
export type AdrNumberClaims = ReadonlyMap<number, readonly AdrNumberClaim[]>;

/** The review's inputs besides the files: all plain data, so workers can receive it. */
export interface ReviewOptions {
  config: Config;
  checklists: Checklists;
  /** Today's date, ISO `YYYY-MM-DD` (injected clock). */
  today: string;
  /** Decision documents of the repository that are not among the reviewed files. */
  index?: IndexEntry[];
  /**
   * Paths of the reviewed files the change adds (the App knows, the CLI does
   * not): an added ADR is told when its number is taken, an existing one is not.
   */
  added?: readonly string[];
  /** Numbers other open pull requests add ADRs with (the App); the CLI has none. */
  claims?: AdrNumberClaims;
}

/** A `<!-- lint ... -->` comment and the node after it, kept so repository checks honour it. */
export interface MarkerNode {
  value: string;
  start: { line: number; column: number; offset?: number };
  end: { line: number; column: number; offset?: number };
  next?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/** Phase 1 result for one file (structured-cloneable: crosses worker threads). */
export interface DocumentResult {
  path: string;
  doc?: DecisionDoc;
  coverage?: DocCoverage;
  findings: Finding[];
  markers: MarkerNode[];
  /** Why the file was not reviewed (binary, too large, invalid UTF-8, unreadable). */
  skipped?: string;
}

/** The whole review: findings, coverage per document, and what was skipped. */
export interface Review {
  findings: Finding[];
  coverage: DocCoverage[];
  documents: DecisionDoc[];
  skipped: { path: string; reason: string }[];
}
