import { KeyLists, costOf } from './keyLists';
import { checkCapacity } from './capacity';
import type { PolicyName } from './names';
import type { EvictionPolicy, PolicyContext, PolicyFactory } from './policy';

/**
 * Least recently used: a hit moves the key to the head of one list, the victim is the tail. The
 * baseline every other policy is measured against, and the one a sequential scan flushes.
 */
export class Lru implements EvictionPolicy {
  readonly name: PolicyName = 'lru';
  readonly orderOnly = true;
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

/** Creates an LRU policy. */
export const createLru: PolicyFactory = (context) => new Lru(context);
