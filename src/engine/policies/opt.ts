import { BoundedPolicy } from './boundedPolicy';
import { costOf } from './keyLists';
import type { PolicyContext, PolicyFactory } from './policy';
import { doubledLength, resized } from '../growArray';

/**
 * Belady's MIN (1966), the optimal offline policy: evict the held key whose next request is farthest
 * in the future (never requested again counts as infinitely far). It needs the future, so only trace
 * replay can run it, as the ghost baseline that says how much better any policy could possibly do.
 * As libCacheSim's Belady, the new key is always admitted, even when its own next use is farther.
 * The held keys sit in a binary max-heap on next use, indexed by key so a hit can re-place its key.
 */
class Opt extends BoundedPolicy {
  readonly name = 'opt' as const;
  used = 0;
  count = 0;
  private readonly future: PolicyContext['future'];
  private heap = new Int32Array(1024);
  /** A key's index in the heap, or -1. */
  private position = new Int32Array(1024).fill(-1);
  private nextUse = new Float64Array(1024);
  private cost = new Float64Array(1024);

  constructor(context: PolicyContext) {
    super(context);
    this.future = context.future;
  }

  has(key: number): boolean {
    return key < this.position.length && this.position[key] >= 0;
  }

  private ensure(key: number): void {
    if (key < this.position.length) return;
    const size = doubledLength(this.position.length, key);
    this.position = resized(this.position, size, -1);
    this.nextUse = resized(this.nextUse, size);
    this.cost = resized(this.cost, size);
  }

  private siftUp(i: number): void {
    const { heap, position, nextUse } = this;
    const key = heap[i];
    const use = nextUse[key];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = heap[parent];
      if (nextUse[pk] >= use) break;
      heap[i] = pk;
      position[pk] = i;
      i = parent;
    }
    heap[i] = key;
    position[key] = i;
  }

  private siftDown(i: number): void {
    const { heap, position, nextUse } = this;
    const n = this.count;
    const key = heap[i];
    const use = nextUse[key];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && nextUse[heap[child + 1]] > nextUse[heap[child]]) child++;
      const ck = heap[child];
      if (nextUse[ck] <= use) break;
      heap[i] = ck;
      position[ck] = i;
      i = child;
    }
    heap[i] = key;
    position[key] = i;
  }

  touch(key: number): void {
    const old = this.nextUse[key];
    const use = this.future.nextUse;
    this.nextUse[key] = use;
    if (use > old) this.siftUp(this.position[key]);
    else this.siftDown(this.position[key]);
  }

  protected forget(key: number): void {
    const i = this.position[key];
    const last = this.heap[--this.count];
    this.position[key] = -1;
    this.used -= this.cost[key];
    if (i < this.count) {
      this.heap[i] = last;
      this.position[last] = i;
      this.siftUp(i);
      this.siftDown(this.position[last]);
    }
  }

  protected evictOne(): number {
    const key = this.heap[0];
    this.forget(key);
    return key;
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    this.ensure(key);
    while (this.used + cost > this.capacity) evicted.push(this.evictOne());
    if (this.count === this.heap.length) {
      const heap = new Int32Array(this.heap.length * 2);
      heap.set(this.heap);
      this.heap = heap;
    }
    this.nextUse[key] = this.future.nextUse;
    this.cost[key] = cost;
    this.used += cost;
    this.heap[this.count] = key;
    this.position[key] = this.count;
    this.count++;
    this.siftUp(this.count - 1);
    return true;
  }

  /** Farthest next use first; among keys never used again, the heap's own order decides. */
  order(): number[] {
    const keys = Array.from(this.heap.subarray(0, this.count));
    const first = keys.length > 0 ? keys[0] : -1;
    return keys.sort((a, b) => (a === first ? -1 : b === first ? 1 : this.nextUse[b] - this.nextUse[a] || 0));
  }
}

/** Creates Belady's OPT; the caller sets `context.future.nextUse` before every touch and insert. */
export const createOpt: PolicyFactory = (context) => new Opt(context);
