/**
 * `check --cache`: each file's phase-1 result (parse, model, coverage,
 * document rules) kept between runs, keyed by a hash of the file's bytes and
 * the kind it was classified as. One run key covers everything else that can
 * change a result: the tool's version, the V8 that wrote the file, the
 * resolved config, the checklists (custom lenses included), `--today` and the
 * other records named paths are judged against. Phase 2 (numbering, supersede
 * links, folder conventions) always runs again over the cached and fresh
 * results together, so cross-file findings follow every change.
 *
 * The file is one V8-serialised object (the same structured clone the worker
 * threads use, so a cached result is the result). A missing file is an empty
 * cache; a corrupt or foreign one is reported on stderr, ignored and rewritten;
 * a run never fails because of its cache.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocumentResult, ReviewOptions, SourceFile } from '../core/review-model.js';

/** The cache file's name when `--cache-location` names a folder, or is not given (in the working directory). */
export const CACHE_FILE_NAME = '.design-review-cache';
/** `--cache-strategy` values: the content hash is the only one (see the README for why not file times). */
export const CACHE_STRATEGIES = ['content'] as const;

const MAGIC = 'design-review-cache';
// Bump when the shape of a cached result changes in a way the run key does not cover.
const FORMAT = 1;

interface CacheEntry {
  kind: string;
  hash: string;
  result: DocumentResult;
}

interface CacheContents {
  magic: string;
  format: number;
  key: string;
  entries: Map<string, CacheEntry>;
}

/** Where the stderr warnings go (the command's io). */
interface Warn {
  (message: string): void;
}

/** The phase-1 results of earlier runs, and the ones this run adds. */
export class CheckCache {
  private readonly fresh = new Map<string, CacheEntry>();
  hits = 0;
  private stored = 0;

  private constructor(
    readonly file: string,
    private readonly key: string,
    private readonly previous: Map<string, CacheEntry>,
    private readonly warn: Warn,
  ) {}

  /** Open the cache at `file` for a run with `key`; a missing, foreign, corrupt or older cache is empty. */
  static async open(file: string, key: string, warn: Warn): Promise<CheckCache> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No such file (or a file where a folder of its path should be): an empty cache, which save() reports if it must.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') warn(`design-review: cannot read the cache file ${file} (${code ?? String(error)}); this run reviews every file`);
      return new CheckCache(file, key, new Map(), warn);
    }
    const contents = readContents(bytes);
    if (typeof contents === 'string') {
      warn(`design-review: ignoring the cache file ${file}: ${contents}; it will be rewritten`);
      return new CheckCache(file, key, new Map(), warn);
    }
    // Another version, config, checklist or day: every result may differ, so none is reused.
    return new CheckCache(file, key, contents.key === key ? contents.entries : new Map(), warn);
  }

  /** The cached result of this file as read now, when its bytes and kind are those it was reviewed with. */
  lookup(file: SourceFile, hash: string): DocumentResult | undefined {
    const entry = this.previous.get(file.path);
    if (!entry || entry.hash !== hash || entry.kind !== (file.kind ?? '')) return undefined;
    this.hits += 1;
    this.fresh.set(file.path, entry);
    return entry.result;
  }

  /** Keep a result reviewed in this run. */
  store(file: SourceFile, hash: string, result: DocumentResult): void {
    this.fresh.set(file.path, { kind: file.kind ?? '', hash, result });
    this.stored += 1;
  }

  /**
   * Write the results of this run (files no longer read are dropped), unless
   * the cache on disk already holds exactly them, through
   * a temporary file and a rename, so a reader never sees half a cache. A
   * failure is a warning: the review itself is done.
   */
  async save(): Promise<void> {
    // Every file came from the cache and none was dropped: the file on disk already says all this run knows.
    if (this.stored === 0 && this.fresh.size === this.previous.size && this.previous.size > 0) return;
    const contents: CacheContents = { magic: MAGIC, format: FORMAT, key: this.key, entries: this.fresh };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, serialize(contents));
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      this.warn(`design-review: cannot write the cache file ${this.file} (${reason}); the next run reviews every file again`);
    }
  }
}

/** The cache's contents, or why they cannot be used. */
function readContents(bytes: Buffer): CacheContents | string {
  let value: unknown;
  try {
    value = deserialize(bytes);
  } catch {
    return 'it is not a design-review cache (unreadable)';
  }
  if (typeof value !== 'object' || value === null || (value as { magic?: unknown }).magic !== MAGIC) {
    return 'it is not a design-review cache';
  }
  const contents = value as Partial<CacheContents>;
  if (contents.format !== FORMAT || typeof contents.key !== 'string' || !(contents.entries instanceof Map)) {
    return 'it was written by another version of design-review';
  }
  for (const entry of contents.entries.values()) {
    if (typeof entry?.hash !== 'string' || typeof entry.kind !== 'string' || typeof entry.result?.path !== 'string') {
      return 'an entry is damaged';
    }
  }
  return contents as CacheContents;
}

/** The hash a file is cached under: its bytes as read. */
export function contentHash(file: SourceFile): string {
  return createHash('sha256').update(file.content).digest('base64url');
}

/**
 * The run key: a hash of everything besides a file's own bytes that a
 * phase-1 result depends on. Compiled patterns and maps in the checklists are
 * written out, so a changed cue changes the key.
 */
export function runKey(version: string, options: ReviewOptions): string {
  const inputs = {
    version,
    v8: process.versions.v8,
    config: options.config,
    checklists: options.checklists,
    today: options.today,
    index: options.index ?? [],
  };
  const text = JSON.stringify(inputs, (_key, value: unknown) => {
    if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
    if (value instanceof Map) return [...value];
    if (value instanceof Set) return [...value];
    return value;
  });
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The cache file for `--cache-location`: a folder (one that exists, or a path
 * ending in a separator) holds `.design-review-cache`; anything else is the
 * file itself. Without it, `.design-review-cache` in the working directory.
 */
export async function cacheFile(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return join(cwd, CACHE_FILE_NAME);
  const path = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(path, CACHE_FILE_NAME);
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? join(path, CACHE_FILE_NAME) : path;
}
