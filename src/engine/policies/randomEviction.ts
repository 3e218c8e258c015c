import { HeldKeys } from './heldKeys';
import type { RandomStream } from '../random';
import { BoundedPolicy } from './boundedPolicy';
import { costOf } from './keyLists';
import type { PolicyContext, PolicyFactory } from './policy';

/**
 * Random eviction: the victim is a key drawn uniformly from those held (from the policy's own seeded
 * stream). It keeps no history at all, and under a fixed popularity it misses exactly as often as
 * FIFO (King 1971; Gelenbe 1973): the surprise that makes it worth showing.
 */
class RandomEviction extends BoundedPolicy {
  readonly name = 'random' as const;
  private readonly random: RandomStream;
  private readonly held = new HeldKeys();

  constructor(context: PolicyContext) {
    super(context);
    this.random = context.random;
  }

  get count(): number {
    return this.held.count;
  }

  get used(): number {
    return this.held.used;
  }

  has(key: number): boolean {
    return this.held.has(key);
  }

  touch(_key: number): void {}

  protected evictOne(): number {
    const key = this.held.pick(this.random);
    this.held.drop(key);
    return key;
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    this.held.ensure(key);
    while (this.held.used + cost > this.capacity) evicted.push(this.evictOne());
    this.held.add(key, cost);
    return true;
  }

  protected forget(key: number): void {
    this.held.drop(key);
  }

  /** The held keys; any of them may be next, so this is storage order, not eviction order. */
  order(): number[] {
    return this.held.list();
  }
}

/** Creates a random-eviction policy drawing from `context.random`. */
export const createRandomEviction: PolicyFactory = (context) => new RandomEviction(context);
