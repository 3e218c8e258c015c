import { costOf } from './keyLists';
import { checkCapacity } from './capacity';
import { HeldKeys } from './heldKeys';
import type { RandomStream } from '../random';
import type { EvictionPolicy, PolicyContext } from './policy';
import type { PolicyName } from './names';

/** Redis's EVPOOL_SIZE. */
const poolSize = 16;

/**
 * Redis's approximated eviction (evict.c): it keeps no order of its keys. To evict, it samples
 * `maxmemory-samples` random keys, files each into a pool of the 16 best candidates seen so far
 * (sorted by a score, "idle"), and evicts the best pool entry that still exists. The pool outlives
 * each eviction, so good candidates found earlier are remembered. Subclasses say what the score is
 * (idle time for allkeys-lru, 255 minus the frequency counter for allkeys-lfu) and what an access
 * records. Sampling is uniform over held keys (Redis samples neighbouring hash buckets).
 */
export abstract class SampledEviction implements EvictionPolicy {
  abstract readonly name: PolicyName;
  capacity: number;
  protected readonly unit: PolicyContext['unit'];
  protected readonly random: RandomStream;
  protected readonly clock: PolicyContext['clock'];
  private readonly samples: number;
  private readonly held = new HeldKeys();
  private readonly poolKeys = new Int32Array(poolSize).fill(-1);
  private readonly poolScores = new Float64Array(poolSize);

  constructor(context: PolicyContext) {
    this.capacity = checkCapacity(context.capacity);
    this.unit = context.unit;
    this.random = context.random;
    this.clock = context.clock;
    this.samples = context.samples ?? 5;
  }

  /** Higher is evicted first. */
  protected abstract score(key: number): number;
  /** Records a hit (isNew false) or an insert (isNew true) at `clock.nowMs`. */
  protected abstract record(key: number, isNew: boolean): void;
  /** Grows the subclass's per-key arrays to hold `size` keys. */
  protected abstract grow(size: number): void;

  get count(): number {
    return this.held.count;
  }

  get used(): number {
    return this.held.used;
  }

  has(key: number): boolean {
    return this.held.has(key);
  }

  touch(key: number): void {
    this.record(key, false);
  }

  private ensure(key: number): void {
    const grownTo = this.held.ensure(key);
    if (grownTo > 0) this.grow(grownTo);
  }

  /** evictionPoolPopulate: files `samples` random held keys into the pool, ascending by score. */
  private populate(): void {
    const pool = this.poolKeys;
    const scores = this.poolScores;
    for (let j = 0; j < this.samples; j++) {
      const key = this.held.pick(this.random);
      const score = this.score(key);
      let k = 0;
      while (k < poolSize && pool[k] >= 0 && scores[k] < score) k++;
      if (k === 0 && pool[poolSize - 1] >= 0) continue;
      if (k < poolSize && pool[k] < 0) {
        // An empty slot: take it.
      } else if (pool[poolSize - 1] < 0) {
        pool.copyWithin(k + 1, k, poolSize - 1);
        scores.copyWithin(k + 1, k, poolSize - 1);
      } else {
        k--;
        pool.copyWithin(0, 1, k + 1);
        scores.copyWithin(0, 1, k + 1);
      }
      pool[k] = key;
      scores[k] = score;
    }
  }

  private evictOne(): number {
    for (;;) {
      this.populate();
      for (let k = poolSize - 1; k >= 0; k--) {
        const key = this.poolKeys[k];
        if (key < 0) continue;
        this.poolKeys.copyWithin(k, k + 1);
        this.poolScores.copyWithin(k, k + 1);
        this.poolKeys[poolSize - 1] = -1;
        if (this.held.has(key)) {
          this.held.drop(key);
          return key;
        }
      }
    }
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    this.ensure(key);
    while (this.held.used + cost > this.capacity) evicted.push(this.evictOne());
    this.held.add(key, cost);
    this.record(key, true);
    return true;
  }

  remove(key: number): boolean {
    if (!this.held.has(key)) return false;
    this.held.drop(key);
    return true;
  }

  setCapacity(capacity: number, evicted: number[]): void {
    this.capacity = checkCapacity(capacity);
    while (this.held.used > this.capacity) evicted.push(this.evictOne());
  }

  /** Held keys by score, best candidate first. Sampling decides the real victim, so this is a guide. */
  order(): number[] {
    const keys = this.held.list();
    const scores = new Map(keys.map((k) => [k, this.score(k)]));
    return keys.sort((a, b) => scores.get(b)! - scores.get(a)!);
  }
}
