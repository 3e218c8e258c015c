import { SampledEviction } from './sampledEviction';
import type { PolicyContext, PolicyFactory } from './policy';

/**
 * Redis's allkeys-lru: sampled eviction (see SampledEviction) scored by idle time. Redis stamps each
 * key with an LRU clock of one-second resolution, so idle time is whole seconds: when the cache turns
 * over many times a second, every sampled key looks equally idle and eviction is close to random,
 * and then which keys Redis's table walk samples decides (RedisDict). Against a real redis-server 7
 * (docs/policies.md) it agrees within Redis's own run-to-run noise. What it teaches: "LRU" in a product is often an approximation, and its clock matters.
 */
class RedisLru extends SampledEviction {
  readonly name = 'redis-lru' as const;
  /** The LRU clock, in whole seconds, of each key's last access. */
  private accessSeconds = new Float64Array(1024);

  constructor(context: PolicyContext) {
    super(context);
  }

  protected score(key: number): number {
    return Math.floor(this.clock.nowMs / 1000) - this.accessSeconds[key];
  }

  protected record(key: number): void {
    this.accessSeconds[key] = Math.floor(this.clock.nowMs / 1000);
  }

  protected grow(size: number): void {
    const fresh = new Float64Array(size);
    fresh.set(this.accessSeconds);
    this.accessSeconds = fresh;
  }
}

/** Creates Redis's sampled LRU; `context.samples` is maxmemory-samples (default 5). */
export const createRedisLru: PolicyFactory = (context) => new RedisLru(context);
