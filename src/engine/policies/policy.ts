import type { RandomStream } from '../random';
import type { PolicyName } from './names';

/**
 * What a policy is given when it is created. The caller owns `clock` and `future` and updates them
 * before each call, so that the hot methods keep short signatures.
 */
export interface PolicyContext {
  /** How much the cache holds, in `unit`s. */
  capacity: number;
  /** 'entries' counts every key as 1; 'bytes' counts each key's size. */
  unit: 'entries' | 'bytes';
  /** The policy's own random stream (Random, sampled Redis policies). */
  random: RandomStream;
  /** Simulated time of the current access, in milliseconds (Redis's idle clock, LFU decay). */
  clock: { nowMs: number };
  /**
   * For Belady's OPT: the position of the current key's next request (Infinity when there is none).
   * Only trace replay, which knows the future, sets it.
   */
  future: { nextUse: number };
  /** Redis's maxmemory-samples for the sampled policies (default 5). */
  samples?: number;
  /**
   * LFU only: keep each key's count after it leaves ("perfect" LFU, Breslau et al. 1999), instead of
   * libCacheSim's in-cache LFU, whose count starts again at 1. Perfect LFU converges on the most
   * popular keys under a steady popularity; in-cache LFU freezes on early favourites.
   */
  keepFrequencyHistory?: boolean;
}

/**
 * An eviction policy: which key leaves when a new one needs room. Keys are dense non-negative
 * integers (the tier interns names). Hit and miss counting belongs to the tier, not to the policy.
 */
export interface EvictionPolicy {
  readonly name: PolicyName;
  /** Number of keys held. */
  readonly count: number;
  /** Capacity in use, in the context's unit. */
  readonly used: number;
  /** The capacity, in the context's unit. */
  readonly capacity: number;
  has(key: number): boolean;
  /** Records a hit on a held key. */
  touch(key: number): void;
  /**
   * Adds a key that is not held, evicting as needed; every evicted key is pushed onto `evicted`.
   * Returns false when the key was not admitted (larger than the whole cache, or an admission
   * policy such as TinyLFU turned it away); nothing is evicted then for a key larger than the cache.
   */
  insert(key: number, size: number, evicted: number[]): boolean;
  /** Drops a key (invalidation, expiry, purge). Returns whether it was held. */
  remove(key: number): boolean;
  /** Changes the capacity, evicting onto `evicted` when it shrinks. */
  setCapacity(capacity: number, evicted: number[]): void;
  /** The held keys in eviction order: the next victim first. For the inspector, not the hot path. */
  order(): number[];
  /**
   * True when the policy's decisions depend only on the order of calls: never on the values of the
   * keys, nor on keys it no longer holds (no ghosts, no history, no sampling). A cache tier may then
   * give it any dense ids for its keys, and gives its own slot numbers, so the policy's per-id
   * arrays span the capacity rather than the key space.
   */
  readonly orderOnly?: boolean;
}

/** Builds a policy from its context. Each policy file exports one. */
export type PolicyFactory = (context: PolicyContext) => EvictionPolicy;
