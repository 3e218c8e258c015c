/** Every eviction policy by its lower-case name, as the CLI, scenarios and the registry spell it. */
export const policyNames = [
  'lru',
  'fifo',
  'lfu',
  'random',
  'clock',
  'sieve',
  'arc',
  '2q',
  's3fifo',
  'tinylfu',
  'redis-lru',
  'redis-lfu',
  'opt',
] as const;

export type PolicyName = (typeof policyNames)[number];

/** Policies that need the future (Belady's OPT): only trace replay can use them. */
export const futureKnowingPolicies: readonly PolicyName[] = ['opt'];

/** Policies that sample eviction candidates (Redis's): only they take maxmemory-samples. */
export const samplingPolicies: readonly PolicyName[] = ['redis-lru', 'redis-lfu'];

/** Policies a live simulation can use: all but those that need the future. */
export const livePolicyNames = policyNames.filter((name) => !futureKnowingPolicies.includes(name)) as Exclude<
  PolicyName,
  'opt'
>[];
