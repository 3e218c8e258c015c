import type { ScenarioInput } from '../schema';

/** The smallest useful system: one app server, one cache node, reads only. The first lesson's start. */
export const basics: ScenarioInput = {
  version: 1,
  name: 'Basics: one app, one cache',
  description:
    'Ten users read 200 items through one app server and one cache in front of the database. ' +
    'Nothing is ever written, so every miss is a cold miss until the cache fills; watch the hit ratio climb.',
  seed: 1,
  durationMs: 60_000,
  workload: {
    clients: 10,
    ratePerSecond: 100,
    writeRatio: 0,
    keySpaces: [{ name: 'item', count: 200, popularity: { kind: 'zipf', alpha: 0.9 } }],
  },
  topology: {
    appServers: { count: 1 },
    distributed: { nodes: 1, capacity: 1000, ttl: { seconds: null } },
    database: { bufferPool: { enabled: false } },
  },
};
