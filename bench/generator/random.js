/**
 * A small seeded pseudo-random source (mulberry32) and the sampling helpers the
 * corpus generators need. Nothing here reads the clock or Math.random, so the
 * same seed always yields the same corpus, byte for byte.
 */

/**
 * FNV-1a hash of a string, used to derive independent streams from labels.
 * @param {string} text
 */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Seeded random source with helpers; `fork(label)` gives an independent stream. */
export class Random {
  /** @param {number} seed */
  constructor(seed) {
    /** @private */
    this.seed = seed >>> 0;
    /** @private */
    this.state = this.seed;
  }

  /** Next float in [0, 1). mulberry32. */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * A new stream that depends only on this stream's seed and the label, so a
   * document's content does not shift when another document changes.
   * @param {string} label
   */
  fork(label) {
    return new Random(hashString(`${this.seed}:${label}`));
  }

  /**
   * Integer in [min, max], both inclusive.
   * @param {number} min
   * @param {number} max
   */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /**
   * True with probability p.
   * @param {number} p
   */
  chance(p) {
    return this.next() < p;
  }

  /**
   * One element of a non-empty array.
   * @template T
   * @param {readonly T[]} items
   * @returns {T}
   */
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * One value from [weight, value] pairs.
   * @template T
   * @param {ReadonlyArray<readonly [number, T]>} pairs
   * @returns {T}
   */
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let x = this.next() * total;
    for (const [w, v] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }

  /**
   * k distinct elements, in random order.
   * @template T
   * @param {readonly T[]} items
   * @param {number} k
   * @returns {T[]}
   */
  sample(items, k) {
    return this.shuffle(items).slice(0, Math.min(k, items.length));
  }

  /**
   * A shuffled copy (Fisher-Yates).
   * @template T
   * @param {readonly T[]} items
   * @returns {T[]}
   */
  shuffle(items) {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** Standard normal sample (Box-Muller). */
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Log-normal sample with the given median and log-space sigma, clamped to [min, max] and rounded.
   * @param {number} median
   * @param {number} sigma
   * @param {number} min
   * @param {number} max
   */
  logNormal(median, sigma, min, max) {
    const x = Math.round(median * Math.exp(sigma * this.normal()));
    return Math.max(min, Math.min(max, x));
  }
}
