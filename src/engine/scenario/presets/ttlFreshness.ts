import type { ScenarioInput } from '../schema';

/** Writes that the cache does not hear about: only the TTL bounds how stale a read can be. */
export const ttlFreshness: ScenarioInput = {
  version: 1,
  name: 'TTL and freshness',
  description:
    'Prices change often (one request in ten is a write), and writes go straight to the database without ' +
    'touching the cache. A cached price stays wrong until its TTL runs out: shorten the TTL and stale ' +
    'reads fall while the hit ratio falls too.',
  seed: 13,
  durationMs: 60_000,
  workload: {
    clients: 50,
    ratePerSecond: 200,
    writeRatio: 0.1,
    keySpaces: [{ name: 'price', count: 100, popularity: { kind: 'zipf', alpha: 0.8 } }],
  },
  topology: {
    appServers: { count: 1 },
    distributed: { nodes: 1, capacity: 1000, ttl: { seconds: 30 } },
  },
  policies: { write: 'write-around' },
};
