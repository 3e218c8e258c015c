import type { ScenarioInput } from '../schema';

/** Sessions whose only home is the cache: a node failure logs people out. */
export const loginSessions: ScenarioInput = {
  version: 1,
  name: 'Login sessions',
  description:
    'Sessions of 500 logged-in users live only in the distributed cache, spread over 3 nodes. At 30 s ' +
    'node 1 fails and every session it held is gone: those users are logged out. Replication keeps a ' +
    'second copy on another node.',
  seed: 3,
  durationMs: 60_000,
  workload: {
    clients: 500,
    ratePerSecond: 250,
    writeRatio: 0.02,
    keySpaces: [
      {
        name: 'session',
        kind: 'session',
        perUser: true,
        count: 1,
        weight: 1,
        size: { kind: 'fixed', bytes: 500 },
      },
      { name: 'page', weight: 2, count: 1000, popularity: { kind: 'zipf', alpha: 0.8 } },
    ],
  },
  topology: {
    distributed: { nodes: 3, replication: 1, capacity: 5000, ttl: { seconds: 1800, resetOnHit: true } },
  },
  faults: [
    { atMs: 30_000, command: { type: 'node.fail', node: 1 } },
    { atMs: 45_000, command: { type: 'node.recover', node: 1 } },
  ],
};
