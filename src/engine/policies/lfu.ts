import { BoundedPolicy } from './boundedPolicy';
import { costOf } from './keyLists';
import type { PolicyContext, PolicyFactory } from './policy';
import { doubledLength, resized } from '../growArray';

/**
 * Least frequently used, in O(1) (Shah, Mitra and Matani 2010): one list per frequency, keys append
 * to the tail of their frequency's list, the victim is the head of the lowest non-empty frequency.
 * As libCacheSim's LFU: a key's count starts at 1 when it is inserted and is forgotten when it leaves
 * (no history beyond the cache), and ties go to the key that reached that count first.
 * What it teaches: frequency beats recency on a steady popularity, and old favourites never leave.
 */
class Lfu extends BoundedPolicy {
  readonly name = 'lfu' as const;
  used = 0;
  count = 0;
  /** A key's access count while held; 0 when not held. */
  private frequency = new Int32Array(1024);
  private prev = new Int32Array(1024);
  private next = new Int32Array(1024);
  private cost = new Float64Array(1024);
  /** First (oldest) and last key of each frequency's list. */
  private bucketHead = new Int32Array(64).fill(-1);
  private bucketTail = new Int32Array(64).fill(-1);
  private minFrequency = 1;
  private maxFrequency = 1;
  /** Counts of keys that left, for perfect LFU; null for in-cache LFU. */
  private history: Int32Array | null;

  constructor(context: PolicyContext) {
    super(context);
    this.history = context.keepFrequencyHistory ? new Int32Array(1024) : null;
  }

  has(key: number): boolean {
    return key < this.frequency.length && this.frequency[key] > 0;
  }

  private ensure(key: number): void {
    if (key < this.frequency.length) return;
    const size = doubledLength(this.frequency.length, key);
    this.frequency = resized(this.frequency, size);
    this.prev = resized(this.prev, size);
    this.next = resized(this.next, size);
    this.cost = resized(this.cost, size);
    if (this.history !== null) this.history = resized(this.history, size);
  }

  private append(key: number, f: number): void {
    if (f >= this.bucketHead.length) {
      const head = new Int32Array(this.bucketHead.length * 2).fill(-1);
      head.set(this.bucketHead);
      this.bucketHead = head;
      const tail = new Int32Array(this.bucketTail.length * 2).fill(-1);
      tail.set(this.bucketTail);
      this.bucketTail = tail;
    }
    const last = this.bucketTail[f];
    this.prev[key] = last;
    this.next[key] = -1;
    if (last >= 0) this.next[last] = key;
    else this.bucketHead[f] = key;
    this.bucketTail[f] = key;
    this.frequency[key] = f;
    if (f > this.maxFrequency) this.maxFrequency = f;
  }

  private detach(key: number): void {
    const f = this.frequency[key];
    const p = this.prev[key];
    const n = this.next[key];
    if (p >= 0) this.next[p] = n;
    else this.bucketHead[f] = n;
    if (n >= 0) this.prev[n] = p;
    else this.bucketTail[f] = p;
  }

  touch(key: number): void {
    const f = this.frequency[key];
    this.detach(key);
    this.append(key, f + 1);
    if (f === this.minFrequency && this.bucketHead[f] < 0) this.minFrequency = f + 1;
  }

  protected evictOne(): number {
    while (this.bucketHead[this.minFrequency] < 0) this.minFrequency++;
    const key = this.bucketHead[this.minFrequency];
    this.forget(key);
    return key;
  }

  protected forget(key: number): void {
    this.detach(key);
    if (this.history !== null) this.history[key] = this.frequency[key];
    this.frequency[key] = 0;
    this.used -= this.cost[key];
    this.count--;
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    this.ensure(key);
    while (this.used + cost > this.capacity) evicted.push(this.evictOne());
    const f = this.history === null ? 1 : this.history[key] + 1;
    this.append(key, f);
    if (f < this.minFrequency || this.count === 0) this.minFrequency = f;
    this.cost[key] = cost;
    this.used += cost;
    this.count++;
    return true;
  }

  order(): number[] {
    const keys: number[] = [];
    for (let f = 1; f <= this.maxFrequency; f++) {
      for (let k = this.bucketHead[f]; k >= 0; k = this.next[k]) keys.push(k);
    }
    return keys;
  }
}

/**
 * Creates an LFU policy: libCacheSim's variant (in-cache counts, ties to the oldest), or perfect LFU
 * with `keepFrequencyHistory`.
 */
export const createLfu: PolicyFactory = (context) => new Lfu(context);
