/**
 * A count-min sketch of 4-bit counters with aging, as Caffeine's TinyLFU uses: it estimates how often
 * each key was requested recently in a few bytes per cached entry. Four rows of counters, each key
 * hashed to one counter per row; the estimate is the smallest of the four (collisions only add).
 * After `10 × expectedKeys` increments every counter is halved, so old popularity fades (the "reset" of
 * Einziger, Friedman and Manes, TinyLFU, 2017).
 */
export class CountMinSketch {
  private counters: Uint8Array;
  private mask: number;
  private additions = 0;
  private sampleSize: number;

  /** How many keys the sketch was sized for. */
  readonly expectedKeys: number;

  /**
   * @param expectedKeys roughly how many keys the cache holds. Each row gets 16 counters per key (a
   * power of two), as Caffeine's sketch has, so that a one-time key rarely collides with a popular
   * one in all four rows; counters are halved after 10 × expectedKeys increments.
   */
  constructor(expectedKeys: number) {
    this.expectedKeys = Math.max(1, Math.ceil(expectedKeys));
    let width = 64;
    while (width < 16 * this.expectedKeys && width < 1 << 24) width *= 2;
    this.counters = new Uint8Array(width * 4);
    this.mask = width - 1;
    this.sampleSize = 10 * this.expectedKeys;
  }

  private index(key: number, row: number): number {
    let h = Math.imul(key ^ (0x9e3779b9 * (row + 1)), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return row * (this.mask + 1) + (h & this.mask);
  }

  /** Counts one request of `key`. */
  increment(key: number): void {
    const c = this.counters;
    for (let row = 0; row < 4; row++) {
      const i = this.index(key, row);
      if (c[i] < 15) c[i]++;
    }
    if (++this.additions >= this.sampleSize) this.age();
  }

  /** The estimated recent request count of `key` (0 to 15). */
  estimate(key: number): number {
    let least = 15;
    for (let row = 0; row < 4; row++) {
      const v = this.counters[this.index(key, row)];
      if (v < least) least = v;
    }
    return least;
  }

  private age(): void {
    const c = this.counters;
    for (let i = 0; i < c.length; i++) c[i] >>= 1;
    this.additions = Math.floor(this.additions / 2);
  }

  clone(): CountMinSketch {
    const copy = Object.create(CountMinSketch.prototype) as CountMinSketch;
    Object.assign(copy, this);
    copy.counters = this.counters.slice();
    return copy;
  }
}
