import { KeyLists, costOf } from './keyLists';
import { checkCapacity } from './capacity';
import { dryRunClone } from './dryRun';
import type { EvictionPolicy, PolicyContext, PolicyFactory } from './policy';

/**
 * SIEVE (Zhang et al., NSDI 2024): one FIFO list of keys and a hand. A hit sets the key's visited bit.
 * To evict, the hand walks from the tail towards the head, clearing visited bits, and takes the first
 * unvisited key; the hand stays where it stopped (wrapping to the tail), and new keys go in at the
 * head. Unlike CLOCK it never moves a key, so newcomers that are not reused leave quickly and a scan
 * passes through without flushing the keys that were hit.
 */
class Sieve implements EvictionPolicy {
  readonly name = 'sieve' as const;
  capacity: number;
  private readonly unit: PolicyContext['unit'];
  private readonly lists: KeyLists;
  private hand = -1;

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
    let key = this.hand >= 0 ? this.hand : lists.tail[0];
    while (lists.markOf(key) !== 0) {
      lists.setMark(key, 0);
      key = lists.prevOf(key) >= 0 ? lists.prevOf(key) : lists.tail[0];
    }
    this.hand = lists.prevOf(key);
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
    if (this.hand === key) this.hand = this.lists.prevOf(key);
    this.lists.unlink(key);
    return true;
  }

  setCapacity(capacity: number, evicted: number[]): void {
    this.capacity = checkCapacity(capacity);
    while (this.lists.total[0] > this.capacity) evicted.push(this.evictOne());
  }

  order(): number[] {
    const copy = dryRunClone(this);
    const keys: number[] = [];
    while (copy.count > 0) keys.push(copy.evictOne());
    return keys;
  }
}

/** Creates a SIEVE policy. */
export const createSieve: PolicyFactory = (context) => new Sieve(context);
