import { checkCapacity } from './capacity';
import type { PolicyName } from './names';
import type { EvictionPolicy, PolicyContext } from './policy';

/**
 * What every policy does the same way: hold a capacity in the context's unit, drop a key on request,
 * and evict the next victim while over a new capacity.
 * A policy says only what makes it that policy: which key is the next victim (evictOne), what a hit
 * does (touch), and where a new key goes (insert).
 *
 * The per-request methods (has, touch, insert with its eviction loop) stay in each policy's own
 * class, even where two policies' look alike: a method shared by many classes sees many object
 * shapes, and V8 then reads its fields through a generic lookup, where a method of one class reads
 * them at a known offset. Trace replay runs every policy in one process, and so does a class that
 * switches policies while the simulation runs.
 */
export abstract class BoundedPolicy implements EvictionPolicy {
  abstract readonly name: PolicyName;
  capacity: number;
  protected readonly unit: PolicyContext['unit'];

  constructor(context: PolicyContext) {
    this.capacity = checkCapacity(context.capacity);
    this.unit = context.unit;
  }

  abstract readonly count: number;
  abstract readonly used: number;
  abstract has(key: number): boolean;
  abstract touch(key: number): void;
  abstract insert(key: number, size: number, evicted: number[]): boolean;
  abstract order(): number[];
  /** Takes the next victim out and returns it; only called while a key is held. */
  protected abstract evictOne(): number;
  /** Takes a held key out (an invalidation, an expiry, a purge). */
  protected abstract forget(key: number): void;

  remove(key: number): boolean {
    if (!this.has(key)) return false;
    this.forget(key);
    return true;
  }

  setCapacity(capacity: number, evicted: number[]): void {
    this.capacity = checkCapacity(capacity);
    this.resize();
    while (this.used > this.capacity) evicted.push(this.evictOne());
    this.trimHistory();
  }

  /** The capacity changed: recompute the shares of it the policy's queues get. */
  protected resize(): void {}

  /** The capacity changed and the cache fits it: shorten what is remembered of keys that left. */
  protected trimHistory(): void {}
}
