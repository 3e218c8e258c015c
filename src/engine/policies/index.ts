import type { EvictionPolicy, PolicyContext, PolicyFactory } from './policy';
import type { PolicyName } from './names';
import { createLru } from './lru';
import { createFifo } from './fifo';
import { createLfu } from './lfu';
import { createRandomEviction } from './randomEviction';
import { createClock } from './clock';
import { createSieve } from './sieve';
import { createArc } from './arc';
import { createTwoQueue } from './twoQueue';
import { createS3Fifo } from './s3fifo';
import { createTinyLfu } from './tinyLfu';
import { createRedisLru } from './redisLru';
import { createRedisLfu } from './redisLfu';
import { createOpt } from './opt';

export * from './names';
export type { EvictionPolicy, PolicyContext, PolicyFactory } from './policy';

/** Every eviction policy by name. Adding a policy: docs/policies.md. */
export const policyFactories: Record<PolicyName, PolicyFactory> = {
  lru: createLru,
  fifo: createFifo,
  lfu: createLfu,
  random: createRandomEviction,
  clock: createClock,
  sieve: createSieve,
  arc: createArc,
  '2q': createTwoQueue,
  s3fifo: createS3Fifo,
  tinylfu: createTinyLfu,
  'redis-lru': createRedisLru,
  'redis-lfu': createRedisLfu,
  opt: createOpt,
};

/**
 * Creates the named policy.
 *
 * @example
 * const policy = createPolicy('sieve', {
 *   capacity: 100, unit: 'entries', random: createStream(seed, 'policies'),
 *   clock: { nowMs: 0 }, future: { nextUse: Infinity },
 * });
 */
export function createPolicy(name: PolicyName, context: PolicyContext): EvictionPolicy {
  const factory = policyFactories[name];
  if (!factory) throw new RangeError(`unknown eviction policy "${name}"`);
  return factory(context);
}
