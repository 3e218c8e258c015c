import { costOf } from './keyLists';
import { checkCapacity } from './capacity';
import type { RandomStream } from '../random';
import type { EvictionPolicy, PolicyContext, PolicyFactory } from './policy';

/**
 * Random eviction: the victim is a key drawn uniformly from those held (from the policy's own seeded
 * stream). It keeps no history at all, and under a fixed popularity it misses exactly as often as
 * FIFO (King 1971; Gelenbe 1973): the surprise that makes it worth showing.
 */
class RandomEviction implements EvictionPolicy {
  readonly name = 'random' as const;
  capacity: number;
  used = 0;
  count = 0;
  private readonly unit: PolicyContext['unit'];
  private readonly random: RandomStream;
  /** The held keys, densely, so that a uniform draw is one index. */
  private keys = new Int32Array(1024);
  /** Each key's index in `keys`, or -1. */
  private position = new Int32Array(1024).fill(-1);
  private cost = new Float64Array(1024);

  constructor(context: PolicyContext) {
    this.capacity = checkCapacity(context.capacity);
    this.unit = context.unit;
    this.random = context.random;
  }

  has(key: number): boolean {
    return key < this.position.length && this.position[key] >= 0;
  }

  touch(_key: number): void {}

  private ensure(key: number): void {
    if (key < this.position.length) return;
    let size = this.position.length * 2;
    while (size <= key) size *= 2;
    const position = new Int32Array(size).fill(-1);
    position.set(this.position);
    this.position = position;
    const cost = new Float64Array(size);
    cost.set(this.cost);
    this.cost = cost;
  }

  private drop(key: number): void {
    const i = this.position[key];
    const last = this.keys[--this.count];
    this.keys[i] = last;
    this.position[last] = i;
    this.position[key] = -1;
    this.used -= this.cost[key];
  }

  private evictOne(): number {
    const key = this.keys[this.random.int(this.count)];
    this.drop(key);
    return key;
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    this.ensure(key);
    while (this.used + cost > this.capacity) evicted.push(this.evictOne());
    if (this.count === this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.position[key] = this.count;
    this.keys[this.count++] = key;
    this.cost[key] = cost;
    this.used += cost;
    return true;
  }

  remove(key: number): boolean {
    if (!this.has(key)) return false;
    this.drop(key);
    return true;
  }

  setCapacity(capacity: number, evicted: number[]): void {
    this.capacity = checkCapacity(capacity);
    while (this.used > this.capacity) evicted.push(this.evictOne());
  }

  /** The held keys; any of them may be next, so this is storage order, not eviction order. */
  order(): number[] {
    return Array.from(this.keys.subarray(0, this.count));
  }
}

/** Creates a random-eviction policy drawing from `context.random`. */
export const createRandomEviction: PolicyFactory = (context) => new RandomEviction(context);
