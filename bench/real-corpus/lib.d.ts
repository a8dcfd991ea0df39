/** Types for bench/real-corpus/lib.js (plain ESM JavaScript run by node), for the TypeScript tests. */

export type RecordKind = 'adr' | 'design-doc';

export interface ManifestRecord {
  /** POSIX path relative to the repository root. */
  path: string;
  kind: RecordKind;
}

export interface Subset {
  /** How the records were chosen, in words. */
  how: string;
  /** Regular expression over repository paths: matching files are extracted only when they are (or belong to) a record. */
  scope?: string;
}

export interface ManifestRepo {
  repo: string;
  commit: string;
  snapshotHead?: string;
  licence: string;
  layout?: string;
  subset?: Subset;
  notes?: string[];
  records: ManifestRecord[];
}

export interface Manifest {
  version: number;
  about?: string;
  repositories: ManifestRepo[];
}

export interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line?: number;
  column?: number;
  suggestion?: string;
}

export interface ScanOutput {
  findings: Finding[];
  coverage?: Array<{ path: string; kind: string }>;
  skipped?: Array<{ path: string; reason: string }>;
}

export type RepoFinding = Finding & { repo: string; record: RecordKind | null };

export interface RepoMatch {
  repo: string;
  records: number;
  found: string[];
  missing: string[];
  extra: string[];
  kindMismatches: Array<{ path: string; manifest: RecordKind; scan: string }>;
  findings: RepoFinding[];
}

export interface Tally {
  findings: number;
  records: number;
}

export interface RuleRow {
  rule: string;
  all: Tally;
  adr: Tally;
  designDoc: Tally;
  offRecord: number;
}

export interface PerRecordStats {
  records: number;
  findings: number;
  median: number;
  max: number;
  maxAt: string | null;
  zero: number;
}

/** The `--today` every report run uses. */
export const REPORT_TODAY: string;
/** Default size of the audit sample. */
export const DEFAULT_SAMPLE: number;
/** Default seed of the audit sample. */
export const DEFAULT_SEED: number;
/** Record kinds of the manifest. */
export const KINDS: readonly RecordKind[];

/** Every problem with a manifest, one sentence each (empty when valid). */
export function validateManifest(manifest: unknown): string[];
/** Corpus folder name of a repository: `owner__name`. */
export function corpusDirName(repo: string): string;
/** Whether build.js extracts a file: Markdown, `.adr-dir`, `.log4brains.yml`, `kep.yaml`. */
export function isCorpusFile(path: string): boolean;
/** Which files of a repository are extracted, given its subset scope and records. */
export function extractionFilter(entry: ManifestRepo): (path: string) => boolean;
/** Median of numbers (0 for none). */
export function median(values: number[]): number;
/** A seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number;
/** `n` items drawn without replacement by a seeded shuffle, in draw order. */
export function seededSample<T>(items: T[], n: number, seed: number): T[];
/** Total order of findings: repository, file, line, column, rule, message. */
export function compareRepoFindings(a: RepoFinding, b: RepoFinding): number;
/** Match one repository's scan output against its manifest entry. */
export function matchRepo(entry: ManifestRepo, scan: ScanOutput): RepoMatch;
/** Findings per rule, overall and per kind, with distinct records hit. */
export function perRule(findings: RepoFinding[]): RuleRow[];
/** Findings per reviewed record of one kind: median, max, records with none. */
export function perRecord(findings: RepoFinding[], reviewed: string[], kind: RecordKind): PerRecordStats;
/** ATX headings outside front matter and fenced code, with line numbers. */
export function headingOutline(text: string): Array<{ line: number; text: string }>;
/** Lines around a line (1-based, clipped). */
export function contextLines(text: string, line: number, radius: number): Array<{ line: number; text: string }>;
/** A code fence longer than any backtick run in the text. */
export function fenceFor(text: string): string;
/** The audit sample as Markdown. */
export function renderSample(
  sample: Array<RepoFinding & { id: string }>,
  readText: (repo: string, path: string) => string | null,
  meta: { seed: number; size: number; population: number; today: string; rules?: string[] | null },
): string;

/** One finding of an audit sample file. */
export interface SampleEntry {
  id: string;
  rule: string;
  repo: string;
  /** `path:line`, or the path alone. */
  where: string;
  message: string;
}

/** One audited finding. */
export interface Verdict {
  id: string;
  rule: string;
  verdict: 'true' | 'false' | 'debatable';
  reason: string;
}

/** Verdicts of one rule (or `total`). */
export interface VerdictTally {
  rule: string;
  true: number;
  false: number;
  debatable: number;
}

/** The findings of an audit sample file, by id. */
export function parseSample(text: string): SampleEntry[];
/** The verdict rows of an audit file's tables. */
export function parseVerdicts(text: string): Verdict[];
/** The identity of a finding across samples. */
export function findingKey(f: Pick<SampleEntry, 'rule' | 'repo' | 'where' | 'message'>): string;
/** The identities (findingKey) of every finding of a scan's raw outputs. */
export function scanKeys(scans: Array<{ repo: string; findings: Finding[] }>): Set<string>;
/** Verdicts per rule, sorted, with a `total` row last. */
export function tallyVerdicts(verdicts: Array<Pick<Verdict, 'rule' | 'verdict'>>): VerdictTally[];
/** Runs a command-line parse; its error gets the script's usage appended. */
export function withUsage<T>(usage: string, parse: () => T): T;
