import { costOf } from './keyLists';
import { ListPolicy } from './listPolicy';
import type { PolicyContext, PolicyFactory } from './policy';

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
class S3Fifo extends ListPolicy {
  readonly name = 's3fifo' as const;
  private smallCapacity = 0;
  private mainCapacity = 0;
  private ghostCapacity = 0;

  constructor(context: PolicyContext) {
    super(context, 3, GHOST);
    this.resize();
  }

  protected override resize(): void {
    const small = Math.floor(this.capacity * 0.1);
    // A small queue of no entries would admit nothing; libCacheSim's sizes are kept from 10 entries up.
    this.smallCapacity = this.unit === 'entries' ? Math.max(1, small) : small;
    this.mainCapacity = this.capacity - this.smallCapacity;
    this.ghostCapacity = Math.floor(this.capacity * 0.9);
  }

  has(key: number): boolean {
    const list = this.lists.listOf(key);
    return list === SMALL || list === MAIN;
  }

  touch(key: number): void {
    const hits = this.lists.markOf(key);
    if (hits < 3) this.lists.setMark(key, hits + 1);
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
        lists.pushBounded(GHOST, key, this.ghostCapacity);
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

  /** libCacheSim's evict, called until a key leaves (a promotion alone leaves the cache as full). */
  protected evictOne(): number {
    for (;;) {
      const key = this.evictStep();
      if (key >= 0) return key;
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
    while (lists.total[SMALL] + lists.total[MAIN] + cost > this.capacity) evicted.push(this.evictOne());
    lists.pushHead(ghostHit ? MAIN : SMALL, key, cost);
    lists.setMark(key, 0);
    return true;
  }

  protected override trimHistory(): void {
    this.lists.trimTo(GHOST, this.ghostCapacity);
  }
}

/** Creates an S3-FIFO policy (libCacheSim's S3FIFO: small 10%, ghost 90%, promote at 2 hits). */
export const createS3Fifo: PolicyFactory = (context) => new S3Fifo(context);
