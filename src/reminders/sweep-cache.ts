/**
 * Where the reminder sweep remembers what it saw of a repository, so an
 * unchanged repository costs one request. Values are opaque strings: the
 * App can keep them in Redis, the CLI in memory. Losing them only makes the
 * next sweep a full one: the reminders' state lives in GitHub (issue markers).
 */

/** A string key-value store for sweep state (Redis fits: GET / SET). */
export interface SweepCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** Options of the in-memory sweep cache. */
export interface MemorySweepCacheOptions {
  /** Most entries kept; the oldest-set go first. */
  maxEntries?: number;
  /**
   * How long an entry is served after it was set; none for the one-shot CLI.
   * A long-running App sets one, as its Redis cache has, so it does not keep
   * forever the state of repositories it no longer sweeps.
   */
  ttlMs?: number;
  /** The clock, injected so tests expire entries without waiting. */
  now?: () => number;
}

/** The sweep cache of one process: a Map, bounded so a huge installation cannot grow it forever. */
export class MemorySweepCache implements SweepCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: MemorySweepCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? Number.POSITIVE_INFINITY;
    this.now = options.now ?? Date.now;
  }

  /** The value stored under `key`, if any and not expired. */
  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Store `value` under `key`; the oldest-set entries go when the map is full. */
  async set(key: string, value: string): Promise<void> {
    // Re-inserted keys move to the end: Map order is then oldest-set first.
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
