import { doubledLength, resized } from '../growArray';
import { RedisDict } from './redisDict';
import type { RandomStream } from '../random';
import { BoundedPolicy } from './boundedPolicy';
import { costOf } from './keyLists';
import type { PolicyContext } from './policy';

/** Redis's EVPOOL_SIZE. */
const poolSize = 16;

/**
 * Redis's approximated eviction (evict.c): it keeps no order of its keys. To evict, it samples
 * `maxmemory-samples` keys from its key table (RedisDict: dictGetSomeKeys walks neighbouring hash
 * buckets, so the sample is not uniform), files each into a pool of the 16 best candidates seen so
 * far (sorted by a score, "idle"), and evicts the best pool entry that still exists. The pool
 * outlives each eviction, so good candidates found earlier are remembered. Subclasses say what the
 * score is (idle time for allkeys-lru, 255 minus the frequency counter for allkeys-lfu) and what an
 * access records. `context.samples` is read at each eviction, so a command that changes it applies.
 */
export abstract class SampledEviction extends BoundedPolicy {
  protected readonly random: RandomStream;
  protected readonly clock: PolicyContext['clock'];
  private readonly context: PolicyContext;
  /** The key table: which keys are held, and what sampling finds. */
  private readonly dict: RedisDict;
  /** Each key's cost when the unit is bytes (with entries every key costs 1). */
  private cost: Float64Array | null;
  /** Length of the per-key arrays. */
  private keySpace = 1024;
  used = 0;
  /** dictGetSomeKeys's output, as long as the largest sample asked for. */
  private sampled = new Int32Array(16);
  private readonly poolKeys = new Int32Array(poolSize).fill(-1);
  private readonly poolScores = new Float64Array(poolSize);

  constructor(context: PolicyContext) {
    super(context);
    this.random = context.random;
    this.clock = context.clock;
    this.context = context;
    this.dict = new RedisDict(context.random);
    this.cost = context.unit === 'bytes' ? new Float64Array(this.keySpace) : null;
  }

  /** Higher is evicted first. */
  protected abstract score(key: number): number;
  /** Records a hit (isNew false) or an insert (isNew true) at `clock.nowMs`. */
  protected abstract record(key: number, isNew: boolean): void;
  /** Grows the subclass's per-key arrays to hold `size` keys. */
  protected abstract grow(size: number): void;

  get count(): number {
    return this.dict.size;
  }

  has(key: number): boolean {
    return this.dict.has(key);
  }

  /** A hit: the GET's lookup, then the access recorded. */
  touch(key: number): void {
    this.dict.tick(this.clock.nowMs);
    this.dict.lookup();
    this.record(key, false);
  }

  private ensure(key: number): void {
    if (key < this.keySpace) return;
    this.keySpace = doubledLength(this.keySpace, key);
    if (this.cost !== null) this.cost = resized(this.cost, this.keySpace);
    this.grow(this.keySpace);
  }

  /** evictionPoolPopulate: files a sample of held keys into the pool, ascending by score. */
  private populate(): void {
    const samples = this.context.samples ?? 5;
    if (this.sampled.length < samples) this.sampled = new Int32Array(samples);
    const sampled = this.sampled;
    const count = this.dict.sample(samples, sampled);
    const pool = this.poolKeys;
    const scores = this.poolScores;
    for (let j = 0; j < count; j++) {
      const key = sampled[j];
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

  protected evictOne(): number {
    for (;;) {
      this.populate();
      for (let k = poolSize - 1; k >= 0; k--) {
        const key = this.poolKeys[k];
        if (key < 0) continue;
        this.poolKeys.copyWithin(k, k + 1);
        this.poolScores.copyWithin(k, k + 1);
        this.poolKeys[poolSize - 1] = -1;
        // performEvictions looks each candidate up (dictFind), then deletes it.
        this.dict.lookup();
        if (this.dict.has(key)) {
          this.drop(key);
          return key;
        }
      }
    }
  }

  private drop(key: number): void {
    this.used -= this.cost === null ? 1 : this.cost[key];
    this.dict.delete(key);
  }

  /**
   * A cache-aside miss: the GET that missed and the SET's own lookup (a rehash step each), the
   * evictions that make room, then the SET adds the key to the table.
   */
  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    this.ensure(key);
    this.dict.tick(this.clock.nowMs);
    this.dict.lookup();
    this.dict.lookup();
    while (this.used + cost > this.capacity) evicted.push(this.evictOne());
    if (this.cost !== null) this.cost[key] = cost;
    this.used += cost;
    this.dict.add(key);
    this.record(key, true);
    return true;
  }

  protected forget(key: number): void {
    this.dict.tick(this.clock.nowMs);
    this.drop(key);
  }

  /** Redis's clock ticks (a rehash step, the cron) before a smaller maxmemory evicts. */
  protected override resize(): void {
    this.dict.tick(this.clock.nowMs);
  }

  /** Held keys by score, best candidate first. Sampling decides the real victim, so this is a guide. */
  order(): number[] {
    const keys = this.dict.keys();
    const scores = new Map(keys.map((k) => [k, this.score(k)]));
    return keys.sort((a, b) => scores.get(b)! - scores.get(a)!);
  }
}
