import { costOf } from './keyLists';
import { ListPolicy } from './listPolicy';
import type { PolicyName } from './names';
import type { PolicyContext, PolicyFactory } from './policy';

/**
 * Least recently used: a hit moves the key to the head of one list, the victim is the tail. The
 * baseline every other policy is measured against, and the one a sequential scan flushes.
 */
export class Lru extends ListPolicy {
  readonly name: PolicyName = 'lru';
  readonly orderOnly = true;

  constructor(context: PolicyContext) {
    super(context, 1);
  }

  has(key: number): boolean {
    return this.lists.listOf(key) === 0;
  }

  touch(key: number): void {
    this.lists.moveToHead(0, key);
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    const lists = this.lists;
    lists.ensure(key);
    while (lists.total[0] + cost > this.capacity) evicted.push(lists.popTail(0));
    lists.pushHead(0, key, cost);
    return true;
  }

  protected evictOne(): number {
    return this.lists.popTail(0);
  }

  override order(): number[] {
    return this.lists.keysFromTail(0);
  }
}

/** Creates an LRU policy. */
export const createLru: PolicyFactory = (context) => new Lru(context);
