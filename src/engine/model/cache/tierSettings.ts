import type { TierConfig } from '../../scenario/parts';

/**
 * The settings a cache tier reads on every lookup and store, copied out of its TierConfig so that
 * the hot path reads no property chains (config.ttl.seconds, and a null check, per request).
 */
export class TierSettings {
  enabled = true;
  resetOnHit = false;
  /** How long past expiry an entry may still be served while it refreshes. */
  staleWhileRevalidateMs = 0;
  /** The TTL, Infinity for none. */
  ttlMs = Infinity;
  /** The fraction of the TTL a draw may take off (0 for none). */
  ttlJitter = 0;
  /** Whether capacity counts bytes (a change of a key's size then re-charges it). */
  bytesUnit = false;

  constructor(config: TierConfig) {
    this.apply(config);
  }

  apply(config: TierConfig): void {
    this.enabled = config.enabled;
    this.resetOnHit = config.ttl.resetOnHit;
    this.staleWhileRevalidateMs = config.ttl.staleWhileRevalidateSeconds * 1000;
    this.ttlMs = ttlMsOf(config);
    this.ttlJitter = config.ttl.jitter;
    this.bytesUnit = config.capacityUnit === 'bytes';
  }
}

/** A tier's TTL in ms, Infinity for none. */
export function ttlMsOf(config: TierConfig): number {
  return config.ttl.seconds === null ? Infinity : config.ttl.seconds * 1000;
}
