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

/** The sweep cache of one process: a Map, bounded so a huge installation cannot grow it forever. */
export class MemorySweepCache implements SweepCache {
  private readonly values = new Map<string, string>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The value stored under `key`, if any. */
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  /** Store `value` under `key`; the oldest entry goes when the map is full. */
  async set(key: string, value: string): Promise<void> {
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.maxEntries) {
      const oldest = this.values.keys().next().value;
      if (oldest !== undefined) this.values.delete(oldest);
    }
  }
}
