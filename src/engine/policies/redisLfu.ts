import { SampledEviction } from './sampledEviction';
import type { PolicyContext, PolicyFactory } from './policy';

/** Redis's defaults: lfu-log-factor 10, LFU_INIT_VAL 5, lfu-decay-time 1 (minute). */
const logFactor = 10;
const initialCounter = 5;
const decayMinutes = 1;

/**
 * Redis's allkeys-lfu: sampled eviction (see SampledEviction) scored by a frequency counter. The
 * counter is 8 bits and logarithmic: a hit increments it with probability 1 / ((counter − 5) × 10 + 1),
 * so a million hits reach about 255. A new key starts at 5 (so it is not evicted at once) and the
 * counter drops by one per minute since the key's last access (16-bit minute clock, as Redis).
 * What it teaches: frequency with forgetting, in 24 bits per key, and no dependence on a fine clock.
 */
class RedisLfu extends SampledEviction {
  readonly name = 'redis-lfu' as const;
  private counter = new Uint8Array(1024);
  /** Minute (mod 2^16) of each key's last access or decrement. */
  private accessMinute = new Int32Array(1024);

  constructor(context: PolicyContext) {
    super(context);
  }

  private nowMinutes(): number {
    return Math.floor(this.clock.nowMs / 60_000) & 65535;
  }

  /** LFUDecrAndReturn: the counter after the decay owed since the last access. */
  private decayed(key: number): number {
    const now = this.nowMinutes();
    const then = this.accessMinute[key];
    const elapsed = now >= then ? now - then : 65535 - then + now;
    const periods = Math.floor(elapsed / decayMinutes);
    const counter = this.counter[key];
    return periods > counter ? 0 : counter - periods;
  }

  protected score(key: number): number {
    return 255 - this.decayed(key);
  }

  protected record(key: number, isNew: boolean): void {
    let counter: number;
    if (isNew) {
      counter = initialCounter;
    } else {
      counter = this.decayed(key);
      if (counter < 255) {
        const base = Math.max(0, counter - initialCounter);
        if (this.random.next() < 1 / (base * logFactor + 1)) counter++;
      }
    }
    this.counter[key] = counter;
    this.accessMinute[key] = this.nowMinutes();
  }

  protected grow(size: number): void {
    const counter = new Uint8Array(size);
    counter.set(this.counter);
    this.counter = counter;
    const minute = new Int32Array(size);
    minute.set(this.accessMinute);
    this.accessMinute = minute;
  }
}

/** Creates Redis's sampled LFU; `context.samples` is maxmemory-samples (default 5). */
export const createRedisLfu: PolicyFactory = (context) => new RedisLfu(context);
