import { KeyLists, costOf } from './keyLists';
import { checkCapacity } from './capacity';
import type { EvictionPolicy, PolicyContext, PolicyFactory } from './policy';

/**
 * CLOCK (second chance) with one reference bit, as libCacheSim's Clock: a hit sets the key's bit; the
 * hand looks at the oldest key and, while its bit is set, clears it and moves the key to the head.
 * What it teaches: LRU's benefit for a bit per key and no list surgery on a hit.
 */
class Clock implements EvictionPolicy {
  readonly name = 'clock' as const;
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

  touch(key: number): void {
    this.lists.setMark(key, 1);
  }

  private evictOne(): number {
    const lists = this.lists;
    let key = lists.tail[0];
    while (lists.markOf(key) !== 0) {
      lists.setMark(key, 0);
      lists.moveToHead(0, key);
      key = lists.tail[0];
    }
    lists.unlink(key);
    return key;
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

  remove(key: number): boolean {
    if (!this.has(key)) return false;
    this.lists.unlink(key);
    return true;
  }

  setCapacity(capacity: number, evicted: number[]): void {
    this.capacity = checkCapacity(capacity);
    while (this.lists.total[0] > this.capacity) evicted.push(this.evictOne());
  }

  /** Unreferenced keys oldest first, then referenced ones: the order the hand would take them. */
  order(): number[] {
    const keys = this.lists.keysFromTail(0);
    const lists = this.lists;
    return [...keys.filter((k) => lists.markOf(k) === 0), ...keys.filter((k) => lists.markOf(k) !== 0)];
  }
}

/** Creates a CLOCK policy with one reference bit. */
export const createClock: PolicyFactory = (context) => new Clock(context);
