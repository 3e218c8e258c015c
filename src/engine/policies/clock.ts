import { costOf } from './keyLists';
import { ListPolicy } from './listPolicy';
import type { PolicyContext, PolicyFactory } from './policy';

/**
 * CLOCK (second chance) with one reference bit, as libCacheSim's Clock: a hit sets the key's bit; the
 * hand looks at the oldest key and, while its bit is set, clears it and moves the key to the head.
 * What it teaches: LRU's benefit for a bit per key and no list surgery on a hit.
 */
class Clock extends ListPolicy {
  readonly name = 'clock' as const;

  constructor(context: PolicyContext) {
    super(context, 1);
  }

  has(key: number): boolean {
    return this.lists.listOf(key) === 0;
  }

  touch(key: number): void {
    this.lists.setMark(key, 1);
  }

  protected evictOne(): number {
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

  /** Unreferenced keys oldest first, then referenced ones: the order the hand would take them. */
  override order(): number[] {
    const keys = this.lists.keysFromTail(0);
    const lists = this.lists;
    return [...keys.filter((k) => lists.markOf(k) === 0), ...keys.filter((k) => lists.markOf(k) !== 0)];
  }
}

/** Creates a CLOCK policy with one reference bit. */
export const createClock: PolicyFactory = (context) => new Clock(context);
