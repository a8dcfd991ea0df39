import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Config } from '../config/schema.js';
import { classify, whyNeverADecision, type ClassifyOptions } from '../core/document/classify.js';
import { EMPTY_LAYOUT, repositoryLayout, type RepositoryLayout } from '../core/document/repository-layout.js';
import type { Finding } from '../core/finding.js';
import { tooLargeReason } from '../core/review/decode-source.js';
import { skippedResult } from '../core/review/review.js';
import type { DocumentResult, SourceFile } from '../core/review-model.js';

/**
 * Turn the `check` / `triggers` operands into the files to review: expand
 * folders and globs, read every candidate as raw bytes (bounded concurrency),
 * classify it, and report paths that cannot be read as findings so the other
 * files are still reviewed.
 *
 * Strictness: files found by scanning the repository root or by a glob are
 * reviewed only when `classify` says they are decisions; a file named
 * explicitly, or found under a folder named explicitly, is reviewed even
 * outside the configured globs (its kind then comes from its content), but
 * index, README and template files stay out.
 *
 * Some layouts show only in a listing (ADRs clustered at the root or in an
 * `architecture` folder, an RFC repository's `text/`, generated twins): the
 * default scan lists every Markdown file anyway; named paths add a listing of
 * the root, `text/` and their own folders.
 */

/** Rule id of the finding for a path that cannot be read. */
export const READ_ERROR_RULE_ID = 'read-error';

/** What the collector needs to know about the repository. */
export interface CollectOptions {
  cwd: string;
  root: string;
  config: Config;
  adrDirs: string[];
  /** Files read at once. */
  concurrency?: number;
}

/** The outcome: files to review, results decided without review, unreadable paths, notes. */
export interface CollectedFiles {
  files: SourceFile[];
  /** Files refused before reading (over the size limit), as phase-1 results. */
  refused: DocumentResult[];
  errors: Finding[];
  skipped: { path: string; reason: string }[];
  /** The repository layout the files were classified with (the sibling index classifies with it too). */
  layout: RepositoryLayout;
}

type Mode = 'named' | 'in-named-folder' | 'scanned';

const MODE_RANK: Record<Mode, number> = { named: 0, 'in-named-folder': 1, scanned: 2 };
const MARKDOWN = /\.(md|markdown)$/i;
const MARKDOWN_GLOBS = ['**/*.md', '**/*.markdown', '**/*.MD', '**/*.Markdown', '**/*.MARKDOWN'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];
const HEAD_BYTES = 2048;

/** Expand, read and classify the operands (none means the repository root). */
export async function collectFiles(operands: string[], opts: CollectOptions): Promise<CollectedFiles> {
  const out: CollectedFiles = { files: [], refused: [], errors: [], skipped: [], layout: EMPTY_LAYOUT };
  let scansRoot = false;
  const candidates = new Map<string, Mode>();
  const add = (abs: string, mode: Mode) => {
    const previous = candidates.get(abs);
    if (previous === undefined || MODE_RANK[mode] < MODE_RANK[previous]) candidates.set(abs, mode);
  };

  const targets = operands.length > 0 ? operands : [opts.root];
  for (const operand of targets) {
    const abs = resolve(opts.cwd, operand);
    let info;
    try {
      info = await stat(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && isDynamicPattern(operand)) {
        const matches = (await expandGlob(operand, opts.cwd)).filter((p) => MARKDOWN.test(p));
        if (matches.length === 0) out.errors.push(readError(operand, `No Markdown files match the pattern ${operand}`));
        for (const match of matches) add(match, 'scanned');
        continue;
      }
      out.errors.push(readError(displayPath(abs, opts.root), cannotRead(displayPath(abs, opts.root), error)));
      continue;
    }
    if (info.isDirectory()) {
      // Naming the repository root (or a folder above it) is the default scan, not a request for every file.
      const mode: Mode = contains(abs, opts.root) ? 'scanned' : 'in-named-folder';
      if (mode === 'scanned') scansRoot = true;
      for (const file of await expandFolder(abs)) add(file, mode);
    } else if (info.isFile()) {
      add(abs, 'named');
    } else {
      out.errors.push(readError(displayPath(abs, opts.root), `Cannot read ${displayPath(abs, opts.root)}: not a regular file or folder`));
    }
  }

  const entries = [...candidates].map(([abs, mode]) => ({ abs, mode, path: displayPath(abs, opts.root) }));
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const maxBytes = opts.config.review.maxFileBytes;
  const inRepository = entries.map((e) => e.path).filter((p) => !p.startsWith('../') && !p.startsWith('/'));
  out.layout = repositoryLayout(scansRoot ? inRepository : [...inRepository, ...(await layoutListing(opts.root, inRepository))]);
  const classifyOptions: ClassifyOptions = { config: opts.config, adrDirs: opts.adrDirs, layout: out.layout };

  await forEachLimit(entries, opts.concurrency ?? 16, async ({ abs, mode, path }) => {
    let read: ReadOutcome;
    try {
      read = await readCandidate(abs, maxBytes);
    } catch (error) {
      out.errors.push(readError(path, cannotRead(path, error)));
      return;
    }
    const head = Buffer.from(read.head).toString('utf8');
    const decision = decideKind(path, mode, head, classifyOptions);
    if (decision.skip) {
      if (decision.note) out.skipped.push({ path, reason: decision.note });
      return;
    }
    if (read.kind === 'too-large') {
      out.refused.push(tooLargeResult(path, read.size, maxBytes));
      return;
    }
    const file: SourceFile = { path, content: read.bytes };
    if (decision.kind) file.kind = decision.kind;
    out.files.push(file);
  });

  out.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  out.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

type Decision = { skip: true; note?: string } | { skip: false; kind?: SourceFile['kind'] };

/** Whether and as what to review a candidate; `kind` absent means "let the review read the content". */
function decideKind(path: string, mode: Mode, head: string, opts: ClassifyOptions): Decision {
  const kind = classify(path, opts, head);
  if (kind) return { skip: false, kind };
  if (mode === 'scanned') return { skip: true };
  if (!MARKDOWN.test(path)) {
    return mode === 'named' ? { skip: true, note: 'not a Markdown file (.md, .markdown): not reviewed' } : { skip: true };
  }
  // Paths outside the repository are probed by their in-folder part.
  const probePath = path.replace(/^(\.\.\/)+/, '').replace(/^\/+/, '');
  const why = whyNeverADecision(probePath, opts, head);
  if (why !== undefined) return mode === 'named' ? { skip: true, note: `${why}: not reviewed` } : { skip: true };
  return { skip: false };
}

type ReadOutcome =
  | { kind: 'read'; bytes: Uint8Array; head: Uint8Array }
  | { kind: 'too-large'; size: number; head: Uint8Array };

/** Read a file as bytes; over the size limit, read only its head (for classification). */
async function readCandidate(abs: string, maxBytes: number): Promise<ReadOutcome> {
  const handle = await open(abs, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    if (info.size > maxBytes) {
      const head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
      return { kind: 'too-large', size: info.size, head: head.subarray(0, bytesRead) };
    }
    const bytes = await handle.readFile();
    return { kind: 'read', bytes, head: bytes.subarray(0, HEAD_BYTES) };
  } finally {
    await handle.close();
  }
}

/** The same refusal the review gives an oversized file, without reading all of it. */
function tooLargeResult(path: string, size: number, maxBytes: number): DocumentResult {
  return skippedResult(path, tooLargeReason(size, maxBytes), 'warning');
}

/**
 * For named paths: the Markdown files at the root, under `text/` and beside
 * each named file, which are all the layout needs to classify them.
 */
async function layoutListing(root: string, paths: string[]): Promise<string[]> {
  const folders = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')));
  const patterns = ['*.md', '*.markdown', 'text/**/*.md'];
  for (const folder of folders) if (folder !== '') patterns.push(...['*.md', '*.markdown'].map((p) => `${escapeGlob(folder)}/${p}`));
  return glob(patterns, { cwd: root, ignore: IGNORED, onlyFiles: true, followSymbolicLinks: false, dot: true });
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@]/g, '\\$&');
}

async function expandFolder(abs: string): Promise<string[]> {
  return glob(MARKDOWN_GLOBS, { cwd: abs, absolute: true, dot: true, ignore: IGNORED, onlyFiles: true, followSymbolicLinks: false });
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const files = await glob([pattern.replace(/\\/g, '/')], {
    cwd,
    absolute: true,
    ignore: IGNORED,
    onlyFiles: true,
    followSymbolicLinks: false,
  });
  return files.map((f) => resolve(f));
}

/** Repository-relative POSIX path; paths outside the repository keep their `../` prefix. */
export function displayPath(abs: string, root: string): string {
  const rel = relative(root, abs);
  if (rel === '') return '.';
  if (isAbsolute(rel)) return abs.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** True when `outer` is `inner` or one of its ancestors. */
function contains(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function readError(path: string, message: string): Finding {
  return { ruleId: READ_ERROR_RULE_ID, severity: 'error', message, file: path };
}

function cannotRead(path: string, error: unknown): string {
  return `Cannot read ${path}: ${describeError(error)}`;
}

/** A short, human reason for a file-system error. */
function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a parent of this path is not a folder';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTFILE':
      return 'not a regular file';
    default:
      return code ? `${code.toLowerCase()} error` : error instanceof Error ? error.message : String(error);
  }
}

/** Run `fn` over the items with at most `limit` calls in flight. */
async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
