import type { ScenarioInput } from '../schema';

/** Consistent hashing under stress: a node dies in the middle of a traffic spike. */
export const distributedFailure: ScenarioInput = {
  version: 1,
  name: 'A cache node fails during a spike',
  description:
    'Five cache nodes share the keys by consistent hashing. Traffic rises fivefold from 20 s to 40 s, and ' +
    'at 25 s node 2 fails: its keys move to the other nodes, which miss on them, and the database takes ' +
    'the load. It comes back at 45 s, empty, and warms up.',
  seed: 23,
  durationMs: 60_000,
  workload: {
    clients: 500,
    ratePerSecond: 200,
    writeRatio: 0.02,
    keySpaces: [{ name: 'product', count: 5000, popularity: { kind: 'zipf', alpha: 0.9 } }],
    phases: [{ name: 'spike', startMs: 20_000, endMs: 40_000, rateMultiplier: 5 }],
  },
  topology: {
    appServers: { count: 4 },
    distributed: { nodes: 5, capacity: 1000, ttl: { seconds: 300 } },
    database: { maxConcurrent: 20 },
  },
  faults: [
    { atMs: 25_000, command: { type: 'node.fail', node: 2 } },
    { atMs: 45_000, command: { type: 'node.recover', node: 2 } },
  ],
};
