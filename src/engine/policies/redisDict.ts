import type { RandomStream } from '../random';
import { grownToHold } from '../growArray';

/** DICT_HT_INITIAL_SIZE: the first table has 4 buckets. */
const initialSize = 4;
/** HASHTABLE_MIN_FILL (percent): below it, the server's cron shrinks the table. */
const minFillPercent = 10;
/** The server's cron runs every 1000 / hz ms, hz 10 by default. */
const cronPeriodMs = 100;
/**
 * The cron rehashes for 1 ms, in rounds of 100 buckets; moving a bucket takes tens of nanoseconds,
 * so about this many buckets. An estimate: it only matters for tables of hundreds of thousands.
 */
const cronRehashBuckets = 50_000;

/** The next power of two >= size, at least the initial size (_dictNextExp). */
function tableSizeFor(size: number): number {
  let tableSize = initialSize;
  while (tableSize < size) tableSize *= 2;
  return tableSize;
}

/** `next` of a key the table does not hold (-1 ends a chain). */
const notHeld = -2;

function emptyTable(size: number): Int32Array {
  return new Int32Array(size).fill(-1);
}

/**
 * Redis's key table, as dict.c of Redis 7.0 keeps it, for what it changes in eviction: which keys
 * `dictGetSomeKeys` samples. Keys hash (a seeded mix standing for siphash with its per-process seed)
 * into a power-of-two array of buckets, each a chain with the newest key at its head. The table
 * doubles when it holds as many keys as buckets and shrinks in the cron when under 10% full; the move
 * to the new table is incremental: every lookup, add and delete moves one bucket, sampling moves as
 * many as it samples, and the cron (every 100 ms) finishes the rest. Sampling walks neighbouring
 * buckets from a random one, so a key behind a run of empty buckets, or alone in a sparse stretch, is
 * picked more often than one in a crowded stretch: Redis's sample is not uniform, and this is why.
 */
export class RedisDict {
  /** Bucket heads (-1 for empty) of table 0 and, while rehashing, table 1. */
  private table0: Int32Array = new Int32Array(0);
  private table1: Int32Array = new Int32Array(0);
  private used0 = 0;
  private used1 = 0;
  /** The next bucket of table 0 to move to table 1, or -1 when not rehashing. */
  private rehashIndex = -1;
  /** The next key in each key's chain, -1 at a chain's end, notHeld for keys not in the table. */
  private next = new Int32Array(1024).fill(notHeld);
  private readonly seed: number;
  private nextCronMs = cronPeriodMs;

  constructor(private readonly random: RandomStream) {
    this.seed = Math.floor(random.next() * 4294967296) | 0;
  }

  /** Keys held, in both tables. */
  get size(): number {
    return this.used0 + this.used1;
  }

  /** Buckets of table 0 and table 1 (dictSlots). */
  get buckets(): number {
    return this.table0.length + this.table1.length;
  }

  get isRehashing(): boolean {
    return this.rehashIndex >= 0;
  }

  has(key: number): boolean {
    return key < this.next.length && this.next[key] !== notHeld;
  }

  /** A seeded 32-bit hash of a key id (murmur3's finaliser). */
  hash(key: number): number {
    let h = (Math.imul(key, 0x9e3779b1) ^ this.seed) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** What dictFind does to the table: one rehash step (the caller knows whether the key is held). */
  lookup(): void {
    if (this.rehashIndex >= 0 && this.size > 0) this.rehash(1);
  }

  /** dictAddRaw of a key not held: one rehash step, grow if full, the key at its chain's head. */
  add(key: number): void {
    if (this.rehashIndex >= 0) this.rehash(1);
    this.expandIfNeeded();
    this.next = grownToHold(this.next, key, notHeld);
    const table = this.rehashIndex >= 0 ? this.table1 : this.table0;
    const bucket = this.hash(key) & (table.length - 1);
    this.next[key] = table[bucket];
    table[bucket] = key;
    if (this.rehashIndex >= 0) this.used1++;
    else this.used0++;
  }

  /** dictGenericDelete of a held key: one rehash step, then it leaves its chain. */
  delete(key: number): void {
    if (this.rehashIndex >= 0) this.rehash(1);
    const hash = this.hash(key);
    if (this.unlink(this.table0, hash, key)) this.used0--;
    else if (this.unlink(this.table1, hash, key)) this.used1--;
    else throw new Error(`redisDict: key ${key} is not in the table`);
    this.next[key] = notHeld;
  }

  private unlink(table: Int32Array, hash: number, key: number): boolean {
    if (table.length === 0) return false;
    const bucket = hash & (table.length - 1);
    let entry = table[bucket];
    if (entry === key) {
      table[bucket] = this.next[key];
      return true;
    }
    while (entry >= 0) {
      const following = this.next[entry];
      if (following === key) {
        this.next[entry] = this.next[key];
        return true;
      }
      entry = following;
    }
    return false;
  }

  /** serverCron's part for the key table, due every 100 ms: shrink a sparse table, finish a rehash. */
  tick(nowMs: number): void {
    if (nowMs < this.nextCronMs) return;
    this.nextCronMs = (Math.floor(nowMs / cronPeriodMs) + 1) * cronPeriodMs;
    const buckets = this.buckets;
    if (buckets > initialSize && Math.floor((this.size * 100) / buckets) < minFillPercent) {
      if (this.rehashIndex < 0) this.resize(Math.max(this.used0, initialSize));
    }
    if (this.rehashIndex >= 0) this.rehash(cronRehashBuckets);
  }

  private expandIfNeeded(): void {
    if (this.rehashIndex >= 0) return;
    if (this.table0.length === 0) this.resize(initialSize);
    else if (this.used0 >= this.table0.length) this.resize(this.used0 + 1);
  }

  /** _dictExpand: the first table, or a second one to rehash into (never to the same size). */
  private resize(size: number): void {
    if (this.used0 > size) return;
    const tableSize = tableSizeFor(size);
    if (tableSize === this.table0.length) return;
    if (this.table0.length === 0) {
      this.table0 = emptyTable(tableSize);
      return;
    }
    this.table1 = emptyTable(tableSize);
    this.rehashIndex = 0;
  }

  /**
   * dictRehash: moves up to `steps` non-empty buckets of table 0 to table 1, visiting at most ten
   * empty buckets per step, each moved chain pushed key by key onto the new buckets' heads.
   */
  private rehash(steps: number): void {
    let emptyVisits = steps * 10;
    const from = this.table0;
    const to = this.table1;
    const mask = to.length - 1;
    const next = this.next;
    while (steps-- > 0 && this.used0 !== 0) {
      while (from[this.rehashIndex] < 0) {
        this.rehashIndex++;
        if (--emptyVisits === 0) return;
      }
      let entry = from[this.rehashIndex];
      while (entry >= 0) {
        const following = next[entry];
        const bucket = this.hash(entry) & mask;
        next[entry] = to[bucket];
        to[bucket] = entry;
        this.used0--;
        this.used1++;
        entry = following;
      }
      from[this.rehashIndex++] = -1;
    }
    if (this.used0 === 0) {
      this.table0 = to;
      this.used0 = this.used1;
      this.table1 = new Int32Array(0);
      this.used1 = 0;
      this.rehashIndex = -1;
    }
  }

  /**
   * dictGetSomeKeys: up to `count` keys into `out`, returning how many. It first moves `count`
   * buckets of a rehash, then walks buckets from a random one (in both tables while rehashing),
   * taking every key of each chain it meets (reservoir sampling once it has `count`, so the end of
   * a long chain has its chance), jumping elsewhere after more than max(count, 4) empty buckets in a
   * row, and giving up after 10 × count buckets.
   */
  sample(count: number, out: Int32Array): number {
    if (this.size < count) count = this.size;
    if (count === 0) return 0;
    let maxSteps = count * 10;
    for (let j = 0; j < count && this.rehashIndex >= 0; j++) this.rehash(1);
    const tables = this.rehashIndex >= 0 ? 2 : 1;
    const mask = Math.max(this.table0.length, tables === 2 ? this.table1.length : 0) - 1;
    const random = this.random;
    const next = this.next;
    let i = random.int(mask + 1);
    let emptyRun = 0;
    let stored = 0;
    while (stored < count && maxSteps-- > 0) {
      for (let t = 0; t < tables; t++) {
        // Buckets of table 0 below the rehash index are empty: skip them, or when table 1 is the
        // smaller one and i is beyond it, jump to the rehash index.
        if (tables === 2 && t === 0 && i < this.rehashIndex) {
          if (i >= this.table1.length) i = this.rehashIndex;
          else continue;
        }
        const table = t === 0 ? this.table0 : this.table1;
        if (i >= table.length) continue;
        let entry = table[i];
        if (entry < 0) {
          emptyRun++;
          if (emptyRun >= 5 && emptyRun > count) {
            i = random.int(mask + 1);
            emptyRun = 0;
          }
        } else {
          emptyRun = 0;
          while (entry >= 0) {
            if (stored < count) {
              out[stored] = entry;
            } else {
              const r = random.int(stored + 1);
              if (r < count) out[r] = entry;
            }
            entry = next[entry];
            stored++;
          }
          if (stored >= count) return count;
        }
      }
      i = (i + 1) & mask;
    }
    return stored > count ? count : stored;
  }

  /** Every key held, bucket by bucket (table 0, then table 1). */
  keys(): number[] {
    const keys: number[] = [];
    for (const table of [this.table0, this.table1]) {
      for (let bucket = 0; bucket < table.length; bucket++) {
        for (let entry = table[bucket]; entry >= 0; entry = this.next[entry]) keys.push(entry);
      }
    }
    return keys;
  }

  /** The keys of one bucket of table 0 or 1, head first; for tests. */
  chain(table: 0 | 1, bucket: number): number[] {
    const keys: number[] = [];
    for (
      let entry = (table === 0 ? this.table0 : this.table1)[bucket];
      entry >= 0;
      entry = this.next[entry]
    ) {
      keys.push(entry);
    }
    return keys;
  }

  /** Bucket counts of table 0 and table 1 (0 when not rehashing); for tests. */
  tableSizes(): [number, number] {
    return [this.table0.length, this.table1.length];
  }
}
