import { InputError } from '../inputError';
import { createStream } from '../random';
import { createPolicy, futureKnowingPolicies, policyNames, type PolicyName } from '../policies/index';
import { nextUsePositions } from './nextUse';
import type { Trace } from './trace';

export interface ReplayOptions {
  policy: PolicyName;
  /** In entries, or bytes with unit 'bytes'. */
  capacity: number;
  unit?: 'entries' | 'bytes';
  /** Seed of the policy's random stream (Random, Redis's sampling). Default 1. */
  seed?: number;
  /** Redis's maxmemory-samples for redis-lru and redis-lfu. Default 5. */
  samples?: number;
  /**
   * OPT's next use of every request (`nextUsePositions`), when the caller replays the same trace at
   * several capacities and has computed it once.
   */
  nextUse?: Float64Array;
}

export interface ReplayResult {
  policy: PolicyName;
  capacity: number;
  requests: number;
  hits: number;
  misses: number;
  hitRatio: number;
  missRatio: number;
}

/**
 * Replays a trace through one cache, as libCacheSim's cachesim does: every request is a lookup (a
 * write counts as an access like a read: the cache holds the key afterwards either way, as under
 * update-on-write), a miss inserts the key, and every request counts (cold misses too, no warm-up).
 * Capacity is in entries unless `unit` is 'bytes'. For OPT the next use of every request is computed
 * from the trace first.
 *
 * @example
 * replayTrace(parseTrace(text), { policy: 'sieve', capacity: 1000 }).missRatio;
 */
export function replayTrace(trace: Trace, options: ReplayOptions): ReplayResult {
  const { policy: name, capacity, unit = 'entries', seed = 1, samples = 5 } = options;
  if (!policyNames.includes(name)) {
    throw new InputError(
      `policy: unknown eviction policy "${name}"; expected one of ${policyNames.join(', ')}`,
    );
  }
  if (!(capacity > 0) || !Number.isFinite(capacity)) {
    throw new InputError(`capacity: expected a number > 0 of ${unit}, got ${capacity}`);
  }
  const clock = { nowMs: 0 };
  const future = { nextUse: Infinity };
  const policy = createPolicy(name, {
    capacity,
    unit,
    random: createStream(seed, 'policies'),
    clock,
    future,
    samples,
  });
  const nextUse = futureKnowingPolicies.includes(name)
    ? (options.nextUse ?? nextUsePositions(trace.keys, trace.distinctKeys))
    : null;
  const { keys, times, sizes } = trace;
  const n = trace.requests;
  const evicted: number[] = [];
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    clock.nowMs = times[i];
    if (nextUse !== null) future.nextUse = nextUse[i];
    if (policy.has(key)) {
      hits++;
      policy.touch(key);
    } else {
      policy.insert(key, sizes[i], evicted);
      // Pops compile inline; setting length calls into the runtime, on nearly every miss of a full cache.
      while (evicted.length > 0) evicted.pop();
    }
  }
  const misses = n - hits;
  return {
    policy: name,
    capacity,
    requests: n,
    hits,
    misses,
    hitRatio: n > 0 ? hits / n : 0,
    missRatio: n > 0 ? misses / n : 0,
  };
}
