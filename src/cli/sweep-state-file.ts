import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SweepCache } from '../reminders/sweep-cache.js';

/**
 * The sweep cache of `design-review remind --state <file>`: one JSON object
 * of keys and values, read once and written once at the end (through a
 * temporary file, so a crash leaves the previous state). A scheduled workflow
 * keeps it between runs with actions/cache; a missing or damaged file only
 * means a full sweep.
 */
export class FileSweepCache implements SweepCache {
  private constructor(
    private readonly path: string,
    private readonly values: Map<string, string>,
  ) {}

  /** Load the file; absent or unreadable is an empty cache. */
  static async open(path: string): Promise<FileSweepCache> {
    const values = new Map<string, string>();
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') values.set(key, value);
      }
    } catch {
      // No state yet (first run) or a damaged file: the sweep reads GitHub in full.
    }
    return new FileSweepCache(path, values);
  }

  /** The value under `key`. */
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  /** Set `key` (kept in memory until `save`). */
  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  /** Write the file atomically. */
  async save(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(Object.fromEntries(this.values)));
    await rename(temporary, this.path);
  }
}
