import type { ScenarioInput } from '../schema';

/** In-process caches kept coherent by messages that arrive late or not at all. */
export const staleRace: ScenarioInput = {
  version: 1,
  name: 'Stale reads from a slow invalidation bus',
  description:
    'Three app servers each keep their own copy of inventory counts. A write deletes the key in the ' +
    'shared cache and publishes an invalidation on a bus that takes 200 ms and loses one message in ten. ' +
    'Until the message arrives (or the local TTL runs out) servers disagree and some reads are stale.',
  seed: 31,
  durationMs: 60_000,
  workload: {
    clients: 100,
    ratePerSecond: 300,
    writeRatio: 0.1,
    keySpaces: [{ name: 'inventory', count: 200, popularity: { kind: 'zipf', alpha: 1 } }],
  },
  topology: {
    appServers: { count: 3, local: { enabled: true, capacity: 200, ttl: { seconds: 30 } } },
    distributed: { nodes: 2, capacity: 1000, ttl: { seconds: 300 } },
    bus: { enabled: true, delayMs: 200, lossProbability: 0.1 },
  },
  policies: { write: 'write-around-invalidate' },
};
