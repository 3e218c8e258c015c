import type { ScenarioInput } from '../schema';

/** One very hot key with a short TTL: each expiry sends every waiting request to the database. */
export const stampede: ScenarioInput = {
  version: 1,
  name: 'Cache stampede',
  description:
    'Two thousand users load the home page, whose content takes 50 ms to build from the database and is ' +
    'cached for only 2 s. Each time it expires, every request in that moment misses and rebuilds it at ' +
    'once. Try coalescing, a lock, or probabilistic early refresh.',
  seed: 37,
  durationMs: 30_000,
  workload: {
    clients: 2000,
    ratePerSecond: 1000,
    writeRatio: 0,
    keySpaces: [
      { name: 'homepage', weight: 9, count: 1, popularity: { kind: 'uniform' } },
      { name: 'item', weight: 1, count: 1000, popularity: { kind: 'zipf', alpha: 0.8 } },
    ],
  },
  topology: {
    appServers: { count: 4 },
    distributed: { nodes: 2, capacity: 2000, ttl: { seconds: 2 } },
    database: { maxConcurrent: 20, readMs: 50 },
  },
  policies: { stampede: 'none' },
};
