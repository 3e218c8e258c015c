import { costOf } from './keyLists';
import { ListPolicy } from './listPolicy';
import type { PolicyContext } from './policy';

/**
 * One list of keys, newest at the head, and a bit per key that a hit sets and eviction clears: what
 * CLOCK and SIEVE share. They differ only in how their hand walks the list to find a key whose bit
 * is clear (evictOne). Two classes share these per-request methods, few enough for V8 to keep its
 * fast, per-shape field reads.
 */
export abstract class ReferenceBitPolicy extends ListPolicy {
  constructor(context: PolicyContext) {
    super(context, 1);
  }

  has(key: number): boolean {
    return this.lists.listOf(key) === 0;
  }

  touch(key: number): void {
    this.lists.setMark(key, 1);
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    const lists = this.lists;
    lists.ensure(key);
    while (lists.total[0] + cost > this.capacity) evicted.push(this.evictOne());
    lists.pushHead(0, key, cost);
    lists.setMark(key, 0);
    return true;
  }
}
