import { KeyLists, costOf } from './keyLists';
import { checkCapacity } from './capacity';
import type { EvictionPolicy, PolicyContext, PolicyFactory } from './policy';

/**
 * First in, first out: keys leave in the order they arrived and a hit changes nothing. The cheapest
 * policy there is (no work on a hit, which is why CDNs and flash caches like it), and the reference
 * point for what "lazy promotion" in CLOCK, SIEVE and S3-FIFO adds.
 */
class Fifo implements EvictionPolicy {
  readonly name = 'fifo' as const;
  capacity: number;
  private readonly unit: PolicyContext['unit'];
  private readonly lists: KeyLists;

  constructor(context: PolicyContext) {
    this.capacity = checkCapacity(context.capacity);
    this.unit = context.unit;
    this.lists = new KeyLists(1, this.unit === 'entries');
  }

  get count(): number {
    return this.lists.length[0];
  }

  get used(): number {
    return this.lists.total[0];
  }

  has(key: number): boolean {
    return this.lists.listOf(key) === 0;
  }

  touch(_key: number): void {}

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    const lists = this.lists;
    lists.ensure(key);
    while (lists.total[0] + cost > this.capacity) evicted.push(lists.popTail(0));
    lists.pushHead(0, key, cost);
    return true;
  }

  remove(key: number): boolean {
    if (!this.has(key)) return false;
    this.lists.unlink(key);
    return true;
  }

  setCapacity(capacity: number, evicted: number[]): void {
    this.capacity = checkCapacity(capacity);
    while (this.lists.total[0] > this.capacity) evicted.push(this.lists.popTail(0));
  }

  order(): number[] {
    return this.lists.keysFromTail(0);
  }
}

/** Creates a FIFO policy. */
export const createFifo: PolicyFactory = (context) => new Fifo(context);
