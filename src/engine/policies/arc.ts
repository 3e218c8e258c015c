import { dryRunClone } from './dryRun';
import { costOf } from './keyLists';
import { ListPolicy } from './listPolicy';
import type { PolicyContext, PolicyFactory } from './policy';

const T1 = 0;
const T2 = 1;
const B1 = 2;
const B2 = 3;

/**
 * ARC, the Adaptive Replacement Cache (Megiddo and Modha, FAST 2003). T1 holds keys seen once
 * recently, T2 keys seen at least twice; B1 and B2 remember (as ghosts, without data) what each
 * recently evicted. A hit on a B1 ghost means "recency was too small" and raises the target size p
 * of T1; a hit on a B2 ghost lowers it. What it teaches: a cache can tune itself between recency
 * and frequency from its own mistakes. Sizes are in the context's unit, as libCacheSim's ARC.
 */
class Arc extends ListPolicy {
  readonly name = 'arc' as const;
  /** Target size of T1. */
  private p = 0;

  constructor(context: PolicyContext) {
    super(context, 4, B1);
  }

  has(key: number): boolean {
    const list = this.lists.listOf(key);
    return list === T1 || list === T2;
  }

  touch(key: number): void {
    this.lists.moveToHead(T2, key);
  }

  /** The paper's REPLACE: demote T1's or T2's LRU key to its ghost list. */
  private replace(inB2: boolean): number {
    const lists = this.lists;
    const t1 = lists.total[T1];
    const fromT1 = t1 > 0 && (t1 > this.p || (t1 === this.p && inB2) || lists.length[T2] === 0);
    const from = fromT1 ? T1 : T2;
    const key = lists.tail[from];
    lists.unlink(key);
    lists.pushHead(fromT1 ? B1 : B2, key, lists.costOf(key));
    return key;
  }

  private dropGhost(list: number): void {
    const key = this.lists.tail[list];
    if (key >= 0) this.lists.unlink(key);
  }

  /** Makes room for a key of `cost` that is in no list (case IV of the paper). */
  private evictForNew(cost: number): number {
    const lists = this.lists;
    const c = this.capacity;
    if (lists.total[T1] + lists.total[B1] + cost > c) {
      if (lists.total[T1] < c) {
        this.dropGhost(B1);
        return this.replace(false);
      }
      // T1 alone fills the cache: its LRU key leaves without a ghost.
      const key = lists.tail[T1] >= 0 ? lists.tail[T1] : lists.tail[T2];
      lists.unlink(key);
      return key;
    }
    if (lists.total[T1] + lists.total[T2] + lists.total[B1] + lists.total[B2] >= 2 * c) this.dropGhost(B2);
    return this.replace(false);
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    const lists = this.lists;
    lists.ensure(key);
    const ghost = lists.ownerOf(key);
    if (ghost === B1 || ghost === B2) {
      // Cases II and III: adapt p, then REPLACE (only while there is not room, as when the cache is full).
      const b1 = lists.total[B1];
      const b2 = lists.total[B2];
      if (ghost === B1) this.p = Math.min(this.p + Math.max(Math.floor(b2 / b1), 1), this.capacity);
      else this.p = Math.max(this.p - Math.max(Math.floor(b1 / b2), 1), 0);
      lists.unlink(key);
      while (lists.total[T1] + lists.total[T2] + cost > this.capacity)
        evicted.push(this.replace(ghost === B2));
      lists.pushHead(T2, key, cost);
      return true;
    }
    while (lists.total[T1] + lists.total[T2] + cost > this.capacity) evicted.push(this.evictForNew(cost));
    lists.pushHead(T1, key, cost);
    return true;
  }

  /** A smaller capacity demotes to the ghost lists, as REPLACE does. */
  protected evictOne(): number {
    return this.replace(false);
  }

  protected override resize(): void {
    this.p = Math.min(this.p, this.capacity);
  }

  protected override trimHistory(): void {
    const lists = this.lists;
    while (lists.total[T1] + lists.total[B1] > this.capacity && lists.length[B1] > 0) this.dropGhost(B1);
    while (this.used + lists.total[B1] + lists.total[B2] > 2 * this.capacity && lists.length[B2] > 0) {
      this.dropGhost(B2);
    }
  }

  /** Next victim first: what inserting new keys of the smallest cost would evict, one by one. */
  override order(): number[] {
    const copy = dryRunClone(this);
    const keys: number[] = [];
    const cost = this.unit === 'entries' ? 1 : Math.min(1, this.capacity);
    while (copy.count > 0) keys.push(copy.evictForNew(cost));
    return keys;
  }
}

/** Creates an ARC policy. */
export const createArc: PolicyFactory = (context) => new Arc(context);
