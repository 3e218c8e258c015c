import { costOf } from './keyLists';
import { ListPolicy } from './listPolicy';
import type { PolicyContext, PolicyFactory } from './policy';

/**
 * SIEVE (Zhang et al., NSDI 2024): one FIFO list of keys and a hand. A hit sets the key's visited bit.
 * To evict, the hand walks from the tail towards the head, clearing visited bits, and takes the first
 * unvisited key; the hand stays where it stopped (wrapping to the tail), and new keys go in at the
 * head. Unlike CLOCK it never moves a key, so newcomers that are not reused leave quickly and a scan
 * passes through without flushing the keys that were hit.
 */
class Sieve extends ListPolicy {
  readonly name = 'sieve' as const;
  private hand = -1;

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

  /** A key leaving under the hand moves the hand on to the next newer key. */
  protected override forget(key: number): void {
    if (this.hand === key) this.hand = this.lists.prevOf(key);
    this.lists.unlink(key);
  }
}

/** Creates a SIEVE policy. */
export const createSieve: PolicyFactory = (context) => new Sieve(context);
