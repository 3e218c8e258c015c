import { KeyLists, costOf } from './keyLists';
import { checkCapacity } from './capacity';
import { dryRunClone } from './dryRun';
import type { EvictionPolicy, PolicyContext, PolicyFactory } from './policy';

const SMALL = 0;
const MAIN = 1;
const GHOST = 2;

/**
 * S3-FIFO (Yang et al., SOSP 2023), as libCacheSim's S3FIFO: three FIFO queues. New keys enter a
 * small queue of 10% of the capacity; a key leaving it that was hit at least twice moves to the main
 * queue (90%), else it leaves a ghost (a FIFO remembering 90% of the capacity in keys). A key
 * requested while its ghost is remembered goes straight to main. Main is a CLOCK with a 2-bit
 * counter: a key with hits is reinserted with one hit fewer. What it teaches: most keys are
 * requested once ("one-hit wonders"), and evicting them early, in FIFO order, is cheap and beats LRU.
 *
 * Variant: the original insertion (the paper, libCacheSim's S3FIFOv0): a new key always enters the
 * small queue, even while the cache fills. It reproduces libCacheSim's published figures exactly;
 * the later variant that sends keys to main while the small queue is full and the cache is not
 * differs by up to 0.01 in miss ratio on the scan trace.
 */
class S3Fifo implements EvictionPolicy {
  readonly name = 's3fifo' as const;
  capacity: number;
  private readonly unit: PolicyContext['unit'];
  private readonly lists: KeyLists;
  private smallCapacity = 0;
  private mainCapacity = 0;
  private ghostCapacity = 0;

  constructor(context: PolicyContext) {
    this.capacity = checkCapacity(context.capacity);
    this.unit = context.unit;
    this.lists = new KeyLists(3, this.unit === 'entries');
    this.resize();
  }

  private resize(): void {
    const small = Math.floor(this.capacity * 0.1);
    // A small queue of no entries would admit nothing; libCacheSim's sizes are kept from 10 entries up.
    this.smallCapacity = this.unit === 'entries' ? Math.max(1, small) : small;
    this.mainCapacity = this.capacity - this.smallCapacity;
    this.ghostCapacity = Math.floor(this.capacity * 0.9);
  }

  get count(): number {
    return this.lists.length[SMALL] + this.lists.length[MAIN];
  }

  get used(): number {
    return this.lists.total[SMALL] + this.lists.total[MAIN];
  }

  has(key: number): boolean {
    const list = this.lists.listOf(key);
    return list === SMALL || list === MAIN;
  }

  touch(key: number): void {
    const hits = this.lists.markOf(key);
    if (hits < 3) this.lists.setMark(key, hits + 1);
  }

  private remember(key: number): void {
    const lists = this.lists;
    const cost = lists.costOf(key);
    if (cost > this.ghostCapacity) return;
    while (lists.total[GHOST] + cost > this.ghostCapacity) lists.popTail(GHOST);
    lists.pushHead(GHOST, key, cost);
  }

  /** Evicts one key from small, promoting the keys hit twice on the way; -1 when none was evicted. */
  private evictSmall(): number {
    const lists = this.lists;
    while (lists.length[SMALL] > 0) {
      const key = lists.popTail(SMALL);
      if (lists.markOf(key) >= 2) {
        lists.pushHead(MAIN, key, lists.costOf(key));
        lists.setMark(key, 0);
      } else {
        this.remember(key);
        return key;
      }
    }
    return -1;
  }

  private evictMain(): number {
    const lists = this.lists;
    for (;;) {
      const key = lists.tail[MAIN];
      const hits = lists.markOf(key);
      if (hits >= 1) {
        lists.setMark(key, hits - 1);
        lists.moveToHead(MAIN, key);
      } else {
        lists.unlink(key);
        return key;
      }
    }
  }

  /** One call of libCacheSim's evict: may only move keys from small to main (then returns -1). */
  private evictStep(): number {
    const lists = this.lists;
    if (lists.total[MAIN] > this.mainCapacity || lists.length[SMALL] === 0) return this.evictMain();
    return this.evictSmall();
  }

  private makeRoom(cost: number, evicted: number[]): void {
    while (this.used + cost > this.capacity) {
      const key = this.evictStep();
      if (key >= 0) evicted.push(key);
    }
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    const lists = this.lists;
    lists.ensure(key);
    const ghostHit = lists.ownerOf(key) === GHOST;
    // As libCacheSim, a new key as large as the whole small queue is not admitted.
    if (!ghostHit && this.unit === 'bytes' && cost >= this.smallCapacity) return false;
    if (ghostHit) lists.unlink(key);
    this.makeRoom(cost, evicted);
    lists.pushHead(ghostHit ? MAIN : SMALL, key, cost);
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
    this.resize();
    this.makeRoom(0, evicted);
    while (this.lists.total[GHOST] > this.ghostCapacity) this.lists.popTail(GHOST);
  }

  order(): number[] {
    const copy = dryRunClone(this);
    const keys: number[] = [];
    while (copy.count > 0) {
      const key = copy.evictStep();
      if (key >= 0) keys.push(key);
    }
    return keys;
  }
}

/** Creates an S3-FIFO policy (libCacheSim's S3FIFO: small 10%, ghost 90%, promote at 2 hits). */
export const createS3Fifo: PolicyFactory = (context) => new S3Fifo(context);
