/** A setting an experiment varies, as its pickers list it, with values to start from. */
export interface SettingSuggestion {
  path: string;
  label: string;
  /** Values people try first, comma-separated; a comparison takes one of them per variant. */
  values: string;
}

/**
 * Settings people sweep and compare (any setting path works from the CLI: docs/cli.md): capacity, TTL,
 * eviction policy, replication, nodes, write policy, stampede protection and load.
 */
export const settingSuggestions: SettingSuggestion[] = [
  {
    path: 'tiers.distributed.capacity',
    label: 'Distributed cache capacity',
    values: '100, 300, 1000, 3000, 10000, 30000',
  },
  {
    path: 'tiers.distributed.ttl.seconds',
    label: 'Distributed cache TTL (s)',
    values: '1, 5, 15, 60, 300',
  },
  {
    path: 'tiers.distributed.eviction',
    label: 'Distributed cache eviction',
    values: 'lru, fifo, sieve, s3fifo, tinylfu',
  },
  { path: 'tiers.distributed.nodes', label: 'Distributed cache nodes', values: '1, 2, 3, 4, 6' },
  { path: 'tiers.distributed.replication', label: 'Distributed cache replication', values: '1, 2, 3' },
  {
    path: 'policies.write',
    label: 'Write policy',
    values: 'write-around-invalidate, write-around, update-on-write, write-through, write-back',
  },
  {
    path: 'policies.stampede',
    label: 'Stampede protection',
    values: 'none, coalesce, lock, early-refresh',
  },
  { path: 'workload.ratePerSecond', label: 'Request rate (per s)', values: '200, 500, 1000, 2000, 5000' },
];
