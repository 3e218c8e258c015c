import type { RandomStream } from '../random';
import { doubledLength, resized } from '../growArray';

/**
 * The keys a cache holds, packed densely so that a uniform random pick is one index: O(1) add, drop
 * and pick, for a policy that keeps no order of its own (Random).
 */
export class HeldKeys {
  count = 0;
  /** Capacity in use, in the policy's unit. */
  used = 0;
  private keys = new Int32Array(1024);
  /** Each key's index in `keys`, or -1. */
  private position = new Int32Array(1024).fill(-1);
  private cost = new Float64Array(1024);

  has(key: number): boolean {
    return key < this.position.length && this.position[key] >= 0;
  }

  /** Makes room for a key id; returns the new per-key array length when it grew, else 0. */
  ensure(key: number): number {
    if (key < this.position.length) return 0;
    const size = doubledLength(this.position.length, key);
    this.position = resized(this.position, size, -1);
    this.cost = resized(this.cost, size);
    return size;
  }

  /** Adds a key not held (call ensure first). */
  add(key: number, cost: number): void {
    if (this.count === this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.position[key] = this.count;
    this.keys[this.count++] = key;
    this.cost[key] = cost;
    this.used += cost;
  }

  /** Drops a held key: the last key takes its slot. */
  drop(key: number): void {
    const i = this.position[key];
    const last = this.keys[--this.count];
    this.keys[i] = last;
    this.position[last] = i;
    this.position[key] = -1;
    this.used -= this.cost[key];
  }

  /** A held key drawn uniformly. */
  pick(random: RandomStream): number {
    return this.keys[random.int(this.count)];
  }

  /** The held keys in storage order. */
  list(): number[] {
    return Array.from(this.keys.subarray(0, this.count));
  }
}
